#!/usr/bin/env bash
# Validates OrgLens's outputs against the published JSON Schemas with a real validator (Python
# jsonschema), and proves a BI engine reads the NDJSON tables with the intended types (DuckDB).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-check
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# The venv is shared with check-report: each package is installed when it is missing.
"$venv/bin/python" -c "import jsonschema, duckdb, yaml" 2>/dev/null \
  || "$venv/bin/pip" install -q "jsonschema>=4.18" "duckdb==2.0.1" "pyyaml>=6"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/debug/orglens run Pipelines/demo.yml --quiet >/dev/null
cp -r out/demo/latest/. "$out/demo"
cp out/demo/status.json "$out/demo/status.json"
.build/debug/orglens generate --people 3000 --dirty 10 --out "$out/generated" >/dev/null
.build/debug/orglens analyze --people "$out/generated/people.csv" --teams "$out/generated/teams.csv" \
  --services "$out/generated/services.csv" --dependencies "$out/generated/dependencies.csv" \
  --as-of 2026-11-01 --tables --out "$out/generated-run" --quiet >/dev/null
# Three nights of the history fixture through one outputs directory, and a diff of the first and last.
scripts/history-nights.sh .build/debug/orglens "$out/history"
.build/debug/orglens diff "$out/history/out/runs/2026-11-01.1" "$out/history/out/runs/2026-11-03.1" \
  --out "$out/history-diff" >/dev/null
# A plan over the bundled org: plan.json and the org after it.
.build/debug/orglens plan Pipelines/demo.yml --scenario Fixtures/plans/split-ci.yml --out "$out/plan" >/dev/null
"$venv/bin/python" scripts/check_outputs.py Schemas "$out/demo" "$out/generated-run" "$out/history/out" \
  "$out/history/out/latest" "$out/history-diff" "$out/plan" "$out/plan/after" Fixtures/cases/*/expected \
  Fixtures/exports/*/expected
# The trend is what a BI engine charts over time: span_split night by night, straight from DuckDB.
"$venv/bin/python" - "$out/history/out/history/trend.ndjson" <<'PY'
import sys, duckdb
rows = duckdb.sql(f"SELECT as_of, span_split, people, joiners FROM read_json('{sys.argv[1]}') ORDER BY as_of").fetchall()
print("trend in DuckDB:", [(str(day), split, people, joiners) for day, split, people, joiners in rows])
assert [(str(r[0]), r[1]) for r in rows] == [("2026-11-01", 1), ("2026-11-02", 0), ("2026-11-03", 0)], rows
assert [r[3] for r in rows] == [None, 3, 1], rows
PY
# The README's union of nights from the files: days/*/ once per night, declared columns (org_head is a column).
"$venv/bin/python" - "$out/history/out" <<'PY'
import sys, duckdb
rows = duckdb.sql(f'''SELECT as_of, org_head, count(*) AS managers FROM read_ndjson('{sys.argv[1]}/days/*/tables/managers.ndjson',
    columns = {{as_of: 'DATE', id: 'VARCHAR', manager_id: 'VARCHAR', org_head: 'VARCHAR', layer: 'BIGINT',
               direct_reports: 'BIGINT', org_size: 'BIGINT'}}) GROUP BY ALL ORDER BY ALL''').fetchall()
print("managers by org head, night by night:", [(str(d), h, n) for d, h, n in rows])
assert sorted({str(r[0]) for r in rows}) == ["2026-11-01", "2026-11-02", "2026-11-03"], rows
PY
# Pay disclosure, checked from outside on generated orgs: no published figures isolate 1 to k-1 people.
python3 scripts/disclosure_audit.py .build/debug/orglens 6000 30000
