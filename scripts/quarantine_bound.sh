#!/usr/bin/env bash
# 10M malformed rows: read, counted and quarantined (1M kept, the rest counted) in under 500 MiB.
set -euo pipefail
orglens="$1"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 - "$scratch/bad.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("employee_id,manager_id\nA,\nB,A\n")
    f.write("x,y,z\n" * 10_000_000)
PY
/usr/bin/time -f "%M" -o "$scratch/peak" "$orglens" analyze --people "$scratch/bad.csv" --as-of 2026-11-01 --out "$scratch/out" --quiet >/dev/null
peak=$(cat "$scratch/peak")
grep -q '"quarantine": {"written": 1000000, "not_written": 9000000}' "$scratch/out/manifest.json"
echo "10M malformed rows: peak $((peak / 1024)) MiB, quarantine 1,000,000 rows written, 9,000,000 counted"
[ "$peak" -lt $((500 * 1024)) ]
