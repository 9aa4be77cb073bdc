#!/usr/bin/env bash
# Validates OrgLens's outputs against the published JSON Schemas with a real validator (Python
# jsonschema), and proves a BI engine reads the NDJSON tables with the intended types (DuckDB).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-check
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "jsonschema>=4.18" "duckdb==2.0.1"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
.build/debug/orglens run Pipelines/demo.yml --quiet >/dev/null
cp -r out/demo/latest/. "$out/demo"
cp out/demo/status.json "$out/demo/status.json"
.build/debug/orglens generate --people 3000 --dirty 10 --out "$out/generated" >/dev/null
.build/debug/orglens analyze --people "$out/generated/people.csv" --teams "$out/generated/teams.csv" \
  --services "$out/generated/services.csv" --dependencies "$out/generated/dependencies.csv" \
  --as-of 2026-11-01 --tables --out "$out/generated-run" --quiet >/dev/null
"$venv/bin/python" scripts/check_outputs.py Schemas "$out/demo" "$out/generated-run" Fixtures/cases/*/expected Fixtures/exports/*/expected
# Pay disclosure, checked from outside on generated orgs: no published figures isolate 1 to k-1 people.
python3 scripts/disclosure_audit.py .build/debug/orglens 6000 30000
