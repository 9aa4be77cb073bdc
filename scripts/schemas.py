#!/usr/bin/env python3
"""Writes the JSON Schemas (2020-12) of OrgLens's outputs and pipeline files into Schemas/, and the same
text into Sources/OrgLensCLI/EmbeddedSchemas.swift for `orglens schema`. Run by `make schemas`; a test
checks the two never drift apart."""
import json, os, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = re.findall(r'case \w+ = "([a-z_.]+)"', open(os.path.join(ROOT, "Sources/OrgLensModel/Rule.swift")).read())
VERSION = re.search(r'schemaVersion = "([0-9.]+)"', open(os.path.join(ROOT, "Sources/OrgLensLoad/DashboardDocument.swift")).read()).group(1)
BASE = "https://orglens.example/schemas/"

def t(kind, nullable=False):
    types = {"int": "integer", "num": "number", "str": "string", "bool": "boolean"}
    if isinstance(kind, list):
        return {"type": ["string", "null"] if nullable else "string", "enum": kind + ([None] if nullable else [])}
    if kind == "strs":
        return {"type": "array", "items": {"type": "string"}}
    return {"type": [types[kind], "null"] if nullable else types[kind]}

def record(title, required, optional=()):
    props = {name: t(*spec) if isinstance(spec, tuple) else t(spec) for name, spec in list(required) + list(optional)}
    return {"title": title, "type": "object", "additionalProperties": False,
            "required": [name for name, _ in required], "properties": props}

COST = [("headcount", "int"), ("employees", "int"), ("contractors", "int"), ("salaried", "int"),
        ("cost", ("num", True)), ("cost_suppressed", "bool"), ("management_cost_share", ("num", True)),
        ("management_cost_share_suppressed", "bool")]
SPAN_BANDS = ["narrow", "healthy", "wide", "split"]
TABLES = {
    "summary": record("summary", [("people", "int"), ("managers", "int"), ("individual_contributors", "int"), ("contractors", ("int", True)),
        ("managers_of_managers", "int"), ("roots", "int"), ("orphans", "int"), ("max_layer", "int"),
        ("mean_span", ("num", True)), ("median_span", ("num", True))] + [(f"span_{b}", "int") for b in SPAN_BANDS]),
    "span_distribution": record("span_distribution", [("span", "int"), ("managers", "int")]),
    "layers": record("layers", [("layer", "int"), ("people", "int"), ("managers", "int"), ("mean_span", ("num", True))]),
    "cost_by_layer": record("cost_by_layer", [("layer", "int")] + COST),
    "managers": record("managers", [("id", "str"), ("layer", "int"), ("direct_reports", "int"), ("direct_ics", "int"),
        ("direct_managers", "int"), ("org_size", "int"), ("depth_below", "int"), ("span_band", SPAN_BANDS),
        ("role", ["executive", "manager_of_managers", "manager_of_ics"])], [("teams_spanned", "int")] + COST),
    "org_heads": record("org_heads", [("id", "str"), ("em_reports", "int"), ("ic_reports", "int"), ("engineers", "int"),
        ("depth_below", "int"), ("shape", ["mixed", "too_few_em_reports", "too_many_em_reports", "too_small", "healthy"])],
        [("teams", "int")] + COST),
    "teams": record("teams", [("id", "str"), ("name", "str"), ("type", "str"), ("size", "int"), ("lead_id", ("str", True)),
        ("reporting_managers", "int"), ("alignment", ("num", True)), ("owning_manager", ("str", True)),
        ("org_head", ("str", True)), ("cross_org", "bool")],
        [("services_owned", "int"), ("outbound_teams", "int"), ("inbound_teams", "int"), ("cross_org_dependencies", "int")] + COST),
    "services": record("services", [("id", "str"), ("name", "str"), ("owners", "strs"), ("live_owners", "int"),
        ("ownership", ["orphan", "single", "shared"])], [("dependencies", "int"), ("dependents", "int")]),
    "conway": record("conway", [("pairs", "int"), ("same_org_head_share", ("num", True)), ("same_manager_share", ("num", True))]),
    "conway_by_org_head": record("conway_by_org_head", [("org_head", "str"), ("pairs", "int"),
        ("same_org_head_share", ("num", True)), ("same_manager_share", ("num", True))]),
    "conway_org_head_dependencies": record("conway_org_head_dependencies", [("from_org_head", "str"), ("to_org_head", "str"), ("team_pairs", "int")]),
    "findings": record("findings", [("rule", RULES), ("severity", ["info", "warning", "error"]), ("subject", "str"),
        ("value", ("num", True)), ("message", "str")]),
    "data_quality_inputs": record("data_quality_inputs", [("input", ["people", "teams", "services", "dependencies"]),
        ("rows_read", "int"), ("accepted", "int"), ("excluded", "int"), ("quarantined", "int")]),
    "data_quality_outcomes": record("data_quality_outcomes", [("input", ["people", "teams", "services", "dependencies"]),
        ("outcome", ["excluded", "quarantined"]), ("rule", RULES), ("rows", "int")]),
    "people": record("people", [("id", "str"), ("manager_id", ("str", True)), ("layer", "int"), ("team_id", ("str", True)),
        ("is_manager", "bool"), ("org_head", ("str", True))],
        [(f, ("str", True)) for f in ["name", "first_name", "last_name", "email", "title", "level", "department", "location", "employment_type", "status", "hire_date", "salary", "currency", "pay_period", "effective_date"]]),
    "data_quality_values": record("data_quality_values", [("field", "str"), ("non_empty", "int"), ("unreadable", "int")]),
    "data_quality_unmapped": record("data_quality_unmapped", [("field", ["status", "employment_type"]), ("value", ("str", True)), ("rows", "int")]),
}

def ref(name): return {"$ref": f"{BASE}tables/{name}.schema.json"}
def array(name): return {"type": "array", "items": ref(name)}

dashboard = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "dashboard.schema.json",
    "title": "OrgLens dashboard.json", "type": "object", "additionalProperties": False,
    "required": ["schema_version", "as_of", "summary", "span_distribution", "layers", "managers", "org_heads", "findings", "data_quality"],
    "properties": {
        "schema_version": {"const": VERSION},
        "as_of": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "cost_basis": {"type": "object", "additionalProperties": False, "required": ["currency", "all_in_multiplier", "min_group_size"],
                       "properties": {"currency": {"type": "string"}, "all_in_multiplier": {"type": "number"}, "min_group_size": {"type": "integer", "minimum": 3}}},
        "summary": ref("summary"), "span_distribution": array("span_distribution"), "layers": array("layers"),
        "cost_by_layer": array("cost_by_layer"), "managers": array("managers"), "org_heads": array("org_heads"),
        "teams": array("teams"), "services": array("services"),
        "conway": {"allOf": [{"$ref": BASE + "tables/conway.schema.json#/properties"}], "type": "object",
                   "required": ["pairs", "same_org_head_share", "same_manager_share", "by_org_head", "org_head_dependencies"],
                   "properties": {"pairs": {"type": "integer"}, "same_org_head_share": {"type": ["number", "null"]},
                                  "same_manager_share": {"type": ["number", "null"]}, "by_org_head": array("conway_by_org_head"),
                                  "org_head_dependencies": array("conway_org_head_dependencies")}, "additionalProperties": False},
        "findings": array("findings"),
        "data_quality": {"type": "object", "additionalProperties": False,
                         "required": ["rows_read", "in_org", "excluded", "quarantined", "manager_ref", "date_format", "values", "unmapped", "inputs", "outcomes"],
                         "properties": {"rows_read": {"type": "integer"}, "in_org": {"type": "integer"}, "excluded": {"type": "integer"},
                                        "quarantined": {"type": "integer"},
                                        "manager_ref": {"enum": ["id", "email", "name"], "description": "what manager_id held (auto decided)"},
                                        "date_format": {"enum": ["iso", "mdy", "dmy", "ymd"], "description": "how dates were read (auto decided)"},
                                        "values": array("data_quality_values"), "unmapped": array("data_quality_unmapped"),
                                        "inputs": array("data_quality_inputs"),
                                        "outcomes": array("data_quality_outcomes")}},
    },
}
del dashboard["properties"]["conway"]["allOf"]
manifest = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "manifest.schema.json",
    "title": "OrgLens manifest.json", "type": "object", "additionalProperties": False,
    "required": ["schema_version", "tool", "tool_version", "as_of", "workers", "inputs", "quarantine", "timings"],
    "properties": {
        "schema_version": {"const": VERSION}, "tool": {"const": "orglens"}, "tool_version": {"type": "string"},
        "as_of": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, "workers": {"type": "integer", "minimum": 1},
        "inputs": {"type": "array", "items": record("input", [("role", ["people", "teams", "services", "dependencies"]), ("path", "str"),
            ("bytes", "int"), ("sha256", "str"), ("rows_read", "int"), ("accepted", "int"), ("excluded", "int"), ("quarantined", "int")])},
        "quarantine": {"type": "object", "additionalProperties": False, "required": ["written", "not_written"],
                       "properties": {"written": {"type": "integer"}, "not_written": {"type": "integer"}}},
        "timings": {"type": "array", "items": record("timing", [("stage", "str"), ("seconds", "num")])},
    },
}
STR, STRS = {"type": "string"}, {"type": "array", "items": {"type": "string"}}
def obj(props, required=()):
    return {"type": "object", "additionalProperties": False, "required": list(required), "properties": props}
STATUS = {"type": "object", "additionalProperties": {"enum": ["active", "leave", "inactive", "pending"]}}
WORKER = {"type": "object", "additionalProperties": {"enum": ["employee", "contractor"]}}
source = obj({"path": STR, "format": {"enum": ["csv", "xml"]}, "preset": STR, "map": {"type": "object", "additionalProperties": STR},
              "manager_ref": {"enum": ["auto", "id", "email", "name"]}, "delimiter": STR, "encoding": STR, "root_markers": STRS,
              "record": STR, "inactive_statuses": STRS, "description": STR,
              "date_format": {"enum": ["iso", "mdy", "dmy", "ymd", "auto"]},
              "pay_format": obj({"decimal": {"enum": [".", ",", "auto"]}, "grouping": STR,
                                 "symbols": {"type": "object", "additionalProperties": STR}}),
              "pay_period": {"enum": ["annual", "monthly", "hourly"]}, "hours_per_year": {"type": "integer", "minimum": 1, "maximum": 8784},
              "status_map": STATUS, "employment_type_map": WORKER}, ["path"])
SHARE = {"type": "number", "minimum": 0, "maximum": 1}
pipeline = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "pipeline.schema.json",
    "title": "OrgLens pipeline file (YAML)", **obj({
        "name": STR, "as_of": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "sources": obj({"people": source, "teams": source, "services": source, "dependencies": source}, ["people"]),
        "policy": obj({"inactive_statuses": STRS}),
        "costs": obj({"currency": STR, "rates": {"type": "object", "additionalProperties": {"type": "number", "exclusiveMinimum": 0}},
                      "all_in_multiplier": {"type": "number", "exclusiveMinimum": 0}, "contractor_types": STRS,
                      "contractors_in_spans": {"type": "boolean"},
                      "dimensions": {"type": "array", "items": {"enum": ["tree", "layers", "teams"]}}}),
        "privacy": obj({"min_group_size": {"type": "integer", "minimum": 3}, "publish": STRS,
                        "pseudonymize": {"type": "boolean"}, "key_file": STR,
                        "cost_precision": {"type": "number", "minimum": 0.01}}),
        "thresholds": obj({"org_layer": {"type": "integer", "minimum": 1}, "team_min_size": {"type": "integer"}, "team_max_size": {"type": "integer"},
                           "org_heads": obj({"min_em_reports": {"type": "integer"}, "max_em_reports": {"type": "integer"}, "min_engineers": {"type": "integer"}})}),
        "outputs": obj({"directory": STR, "tables": {"type": "boolean"}, "people_table": {"type": "boolean"}, "keep": {"type": "integer", "minimum": 1},
                        "quarantine_max_rows": {"type": "integer", "minimum": 0}, "quarantine_max_bytes": {"type": "integer", "minimum": 0}}, ["directory"]),
        "fail_on": {"type": "array", "items": {"enum": RULES}},
        "freshness": obj({"max_age_hours": {"type": "number"}, "fail": {"type": "boolean"}}),
        "gates": obj({"max_quarantined_share": SHARE, "max_orphan_share": SHARE, "max_unreadable_share": SHARE,
                      "min_managers": {"type": "integer", "minimum": 0}, "orphans_within_largest_root": {"type": "boolean"},
                      "block_on": {"type": "array", "items": {"enum": RULES}}}),
    }, ["sources", "outputs"]),
}
blocked = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "blocked.schema.json",
    "title": "OrgLens blocked.json (a run a gate kept off the dashboard)", **obj({
        "schema_version": {"const": VERSION}, "pipeline": STR, "as_of": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "exit_code": {"const": 65},
        "gates": {"type": "array", "items": record("gate", [("gate", "str"), ("value", "num"), ("limit", "num"), ("detail", "str")])},
    }, ["schema_version", "pipeline", "as_of", "exit_code", "gates"]),
}
status = {
    "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BASE + "status.schema.json",
    "title": "OrgLens status.json (how the last run of an outputs directory ended)", **obj({
        "schema_version": {"const": VERSION}, "status": {"enum": ["ok", "published_with_findings", "blocked", "failed"]},
        "as_of": {"type": ["string", "null"]}, "exit_code": {"type": "integer"}, "finished": STR,
        "run": {"type": ["string", "null"]}, "message": {"type": ["string", "null"]},
    }, ["schema_version", "status", "as_of", "exit_code", "finished", "run", "message"]),
}
files = {"dashboard.schema.json": dashboard, "manifest.schema.json": manifest, "pipeline.schema.json": pipeline,
         "blocked.schema.json": blocked, "status.schema.json": status}
for name, schema in TABLES.items():
    files[f"tables/{name}.schema.json"] = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                                           "$id": f"{BASE}tables/{name}.schema.json", **schema}
os.makedirs(os.path.join(ROOT, "Schemas/tables"), exist_ok=True)
swift = ["// Generated by scripts/schemas.py (`make schemas`) from the same text as Schemas/; do not edit.", "",
         "/// The published JSON Schemas, by path under `Schemas/`.", "enum EmbeddedSchemas {", "    static let all: [(name: String, text: String)] = ["]
for name in sorted(files):
    text = json.dumps(files[name], indent=2, ensure_ascii=False) + "\n"
    open(os.path.join(ROOT, "Schemas", name), "w").write(text)
    swift.append(f'        ("{name}", #"""\n{text}\n"""#),')
swift += ["    ]", "}", ""]
open(os.path.join(ROOT, "Sources/OrgLensCLI/EmbeddedSchemas.swift"), "w").write("\n".join(swift))
print(f"{len(files)} schemas written")
