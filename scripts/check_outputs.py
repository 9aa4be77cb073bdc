#!/usr/bin/env python3
"""check_outputs.py SCHEMAS DIR…: every dashboard.json / manifest.json / tables/*.ndjson found in the
directories must validate against its schema; every NDJSON table must load into DuckDB with the column
types its schema declares. Exit 1 on the first kind of failure, after reporting all of them."""
import glob, json, os, sys
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

def main(schemas, dirs):
    resources = {}
    for path in glob.glob(os.path.join(schemas, "**/*.schema.json"), recursive=True):
        schema = json.load(open(path))
        resources[schema["$id"]] = Resource.from_contents(schema)
    registry = Registry().with_resources(resources.items())
    by_name = {os.path.relpath(p, schemas): json.load(open(p)) for p in glob.glob(os.path.join(schemas, "**/*.schema.json"), recursive=True)}
    def validator(name):
        return Draft202012Validator(by_name[name], registry=registry)
    failures, checked = [], 0
    for directory in dirs:
        for file, schema in (("dashboard.json", "dashboard.schema.json"), ("manifest.json", "manifest.schema.json"), ("status.json", "status.schema.json"), ("blocked.json", "blocked.schema.json"), ("changes.json", "diff.schema.json"), ("plan.json", "plan.schema.json")):
            path = os.path.join(directory, file)
            if not os.path.exists(path):
                continue
            errors = list(validator(schema).iter_errors(json.load(open(path))))
            checked += 1
            failures += [f"{path}: {e.json_path}: {e.message}" for e in errors[:5]]
        for table in glob.glob(os.path.join(directory, "tables", "*.ndjson")) + glob.glob(os.path.join(directory, "history", "*.ndjson")):
            name = os.path.basename(table)[:-len(".ndjson")]
            v = validator(f"tables/{name}.schema.json")
            for number, line in enumerate(open(table), 1):
                errors = list(v.iter_errors(json.loads(line)))
                failures += [f"{table}:{number}: {e.json_path}: {e.message}" for e in errors[:3]]
            checked += 1
            failures += load_into_duckdb(table, by_name[f"tables/{name}.schema.json"])
    # Scenario files (YAML) against the scenario schema, as a planner's editor would check them.
    for scenario in glob.glob("Fixtures/plans/*.yml"):
        import yaml
        errors = list(validator("scenario.schema.json").iter_errors(yaml.safe_load(open(scenario))))
        checked += 1
        failures += [f"{scenario}: {e.json_path}: {e.message}" for e in errors[:5]]
    for failure in failures[:50]:
        print("FAIL", failure)
    print(f"{checked} outputs checked against the schemas, {len(failures)} problems")
    sys.exit(1 if failures else 0)

def load_into_duckdb(table, schema):
    import duckdb
    if os.path.getsize(table) == 0:
        return []
    expected = {"integer": "BIGINT", "number": "DOUBLE", "string": "VARCHAR", "boolean": "BOOLEAN"}
    con = duckdb.connect()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_json('{table}', format='newline_delimited')")
    columns = {row[0]: row[1] for row in con.execute("DESCRIBE t").fetchall()}
    problems = []
    for key, spec in schema["properties"].items():
        if key not in columns:
            continue
        kinds = spec.get("type", "string")
        kinds = [k for k in (kinds if isinstance(kinds, list) else [kinds]) if k != "null"]
        if kinds and kinds[0] in expected:
            actual = columns[key]
            wanted = expected[kinds[0]]
            # An all-integer number column may come in as BIGINT; all-null columns as NULL/JSON.
            fine = actual == wanted or (wanted == "DOUBLE" and actual in ("BIGINT", "DOUBLE")) or actual in ("NULL", '"NULL"', "JSON")
            # Dates (as_of) load as DATE, which is what a BI engine wants.
            fine = fine or ("pattern" in spec and actual == "DATE")
            if not fine:
                problems.append(f"{table}: column {key} loads as {actual}, schema says {wanted}")
    return problems

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
