#!/usr/bin/env bash
# bench/count_back.sh RUN_DIR URL SCHEMA: every table's rows in the database equal its NDJSON lines (summary: the
# run's one trend record); prints the total and fails on any difference.
set -euo pipefail
run=$1 url=$2 schema=$3
total=0
for file in "$run"/tables/*.ndjson "$run"/trend-record.ndjson; do
  name=$(basename "$file" .ndjson)
  case $name in people | people_changes | summary) continue ;; trend-record) name=summary ;; esac
  lines=$(wc -l < "$file")
  rows=$(psql "$url" -qAtX -c "SELECT count(*) FROM $schema.$name")
  [ "$lines" -eq "$rows" ] || { echo "count back: $name has $rows rows, its file $lines lines" >&2; exit 1; }
  total=$((total + rows))
done
echo "  database: $total rows counted back, every table equal to its file"
