#!/usr/bin/env bash
# `make bench` / `make bench-5m`: OrgLens against the C parse floor and the scripts a people-analytics
# engineer would otherwise write (polars, DuckDB, pandas), on the same generated orgs, in one run.
#   bench/run.sh [SIZES="100k 1m"] [RUNS=3]
# Prints median wall time and median peak RSS (from /usr/bin/time) per tool, the target ratios, and
# cross-checks OrgLens's figures against every peer (fails on any difference).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"100k 1m"}
runs=${2:-3}
peers=../shared/bench-peers
data=.bench-data
venv=.venv-bench
bin=$data/bin
mkdir -p "$bin" "$data/out"

swift build -c release --product orglens --traits Database >/dev/null
orglens=$(swift build -c release --traits Database --show-bin-path)/orglens
gcc -O2 -o "$bin/csvcount" "$peers/csvcount.c" -lcsv
gcc -O2 -o "$bin/xmlcount" "$peers/xmlcount.c" $(pkg-config --cflags --libs libxml-2.0)

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q polars==2.1.0 duckdb==2.0.1 pandas==3.1.1 networkx==3.6.1
fi

declare -A people=([100k]=100000 [1m]=1000000 [5m]=5000000)
for size in $sizes; do
  [ -f "$data/$size/people.csv" ] || python3 "$peers/gen_org.py" --people "${people[$size]}" --seed 42 --out "$data/$size"
  if [ ! -f "$data/$size/people.xml" ]; then
    "$orglens" generate --people "${people[$size]}" --seed 42 --format xml --out "$data/$size-xml" >/dev/null
    mv "$data/$size-xml/people.xml" "$data/$size/people.xml"
    rm -rf "$data/$size-xml"
  fi
done

# The BI database: a throwaway PostgreSQL of the benchmark's own (scripts/test-database.sh) on its own port.
eval "$(ORGLENS_TEST_PG_PORT=${ORGLENS_BENCH_PG_PORT:-55439} scripts/test-database.sh start)"
trap 'scripts/test-database.sh stop "$ORGLENS_TEST_PG_DIR"' EXIT

# measure LABEL CMD… → appends "LABEL wall_s peak_kib" (medians over $runs runs after one warm-up).
results=$(mktemp)
measure() {
  local label=$1; shift
  local t; t=$(mktemp)
  "$@" >/dev/null 2>"$t.err" || { echo "$label failed:" >&2; cat "$t.err" >&2; exit 1; }
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$t" "$@" >/dev/null 2>&1
    cat "$t"
  done | python3 -c 'import sys, statistics as st
rows = [tuple(map(float, l.split())) for l in sys.stdin if l.strip()]
print(sys.argv[1], st.median(w for w, _ in rows), st.median(m for _, m in rows))' "$label" >> "$results"
  rm -f "$t"
}

for size in $sizes; do
  d=$data/$size
  out=$data/out/$size
  echo "== $size people ($(du -b "$d/people.csv" | cut -f1) bytes people.csv)" >&2
  measure "$size csvcount" "$bin/csvcount" "$d/people.csv"
  catalogs=(--teams "$d/teams.csv" --services "$d/services.csv" --dependencies "$d/dependencies.csv" --config bench/costs.yml)
  measure "$size orglens" "$orglens" analyze --people "$d/people.csv" "${catalogs[@]}" --as-of 2026-11-01 --out "$out-orglens" --quiet
  measure "$size orglens-1-worker" "$orglens" analyze --people "$d/people.csv" "${catalogs[@]}" --as-of 2026-11-01 --workers 1 --out "$out-orglens-1" --quiet
  # A reorganisation tried on the org (orglens plan: the org before and after, plan.json, after/ with its report)
  # against the analysis above.
  if [ "$size" = 100k ]; then
    [ -f "$d/scenario.yml" ] || python3 bench/make_scenario.py "$d"
    # A plan writes what a pipeline run does (tables, report): it is held against analyze writing them too.
    measure "$size orglens-full" "$orglens" analyze --people "$d/people.csv" "${catalogs[@]}" --as-of 2026-11-01 \
      --report --tables --out "$out-orglens-full" --quiet
    measure "$size orglens-plan" "$orglens" plan "$d/plan.yml" --scenario "$d/scenario.yml" --as-of 2026-11-01 \
      --out "$out-plan"
  fi
  # The matrix and the plan: the same org with 5 % of people on a dotted line and 20,000 positions, against the run
  # above (same catalogs, same costs).
  [ -f "$d/positions.csv" ] && [ -f "$d/people-matrix.csv" ] || python3 bench/make_matrix.py "$d"
  measure "$size orglens-matrix" "$orglens" analyze --people "$d/people-matrix.csv" --positions "$d/positions.csv" \
    --positions-preset positions-csv "${catalogs[@]}" --as-of 2026-11-01 --out "$out-orglens-matrix" --quiet
  measure "$size xmlcount" "$bin/xmlcount" "$d/people.xml"
  measure "$size orglens-xml" "$orglens" analyze --people "$d/people.xml" --preset workday-report --config bench/costs.yml --as-of 2026-11-01 --out "$out-orglens-xml" --quiet
  # History: the next night (0.5 % of people gone) as a `run` that snapshots and compares with the night before,
  # against the same run with `outputs.history: false`.
  night2=$d/people-night2.csv
  [ -f "$night2" ] || awk 'NR == 1 || NR % 200 != 0' "$d/people.csv" > "$night2"
  history=$out-history
  rm -rf "$history" && mkdir -p "$history"
  for night in 1 2 2-without; do
    people_file=$([ "$night" = 1 ] && echo "$d/people.csv" || echo "$night2")
    history_key=$([ "$night" = 2-without ] && echo ", history: false" || echo "")
    { printf 'sources:\n  people: {path: %s}\n  teams: {path: %s}\n  services: {path: %s}\n  dependencies: {path: %s}\n' \
        "$PWD/$people_file" "$PWD/$d/teams.csv" "$PWD/$d/services.csv" "$PWD/$d/dependencies.csv"
      grep -v '^#' bench/costs.yml
      printf 'outputs: {directory: %s, tables: false, keep: 2%s}\n' "$PWD/$history/out-$night" "$history_key"
    } > "$history/night-$night.yml"
  done
  "$orglens" run "$history/night-1.yml" --as-of 2026-11-01 --quiet >/dev/null
  cp -r "$history/out-1" "$history/out-2"
  measure "$size orglens-run" "$orglens" run "$history/night-2-without.yml" --as-of 2026-11-02 --quiet
  measure "$size orglens-history" "$orglens" run "$history/night-2.yml" --as-of 2026-11-02 --quiet
  # The night with every table, loaded into the database with COPY (into a fresh schema each time: the drop of the
  # last one is in the time), then every table's rows counted back against its NDJSON lines.
  db=$out-db
  rm -rf "$db" && mkdir -p "$db"
  { printf 'sources:\n  people: {path: %s}\n  teams: {path: %s}\n  services: {path: %s}\n  dependencies: {path: %s}\n' \
      "$PWD/$d/people.csv" "$PWD/$d/teams.csv" "$PWD/$d/services.csv" "$PWD/$d/dependencies.csv"
    grep -v '^#' bench/costs.yml
    printf 'outputs: {directory: %s, tables: true, keep: 1}\n' "$PWD/$db/out"
  } > "$db/night.yml"
  "$orglens" run "$db/night.yml" --as-of 2026-11-01 --quiet >/dev/null
  night=$(readlink -f "$db/out/latest")
  measure "$size orglens-load" bash -c 'psql "$0" -qX -c "DROP SCHEMA IF EXISTS bench CASCADE" 2>/dev/null &&
    "$1" load "$2" --database "$0" --schema bench --tls disable --quiet' "$ORGLENS_TEST_DATABASE_URL" "$orglens" "$night"
  bench/count_back.sh "$night" "$ORGLENS_TEST_DATABASE_URL" bench >&2
  for tool in polars duckdb pandas; do
    measure "$size $tool" "$venv/bin/python" "$peers/metrics_$tool.py" "$d" "$out-$tool.json"
  done
  python3 bench/crosscheck.py "$out-orglens/dashboard.json" "$out-polars.json" "$out-duckdb.json" "$out-pandas.json"
  cmp -s "$out-orglens/dashboard.json" "$out-orglens-1/dashboard.json" || { echo "1 and N workers differ" >&2; exit 1; }
  grep '"stage"' "$out-orglens/manifest.json" | sed 's/^ */  stage: /' >&2
  grep '"stage"' "$history/out-2/latest/manifest.json" | sed 's/^ */  history run stage: /' >&2
  echo "  snapshot.bin: $(stat -c %s "$history/out-2/latest/snapshot.bin") bytes" >&2
done
last=$data/last-$(echo $sizes | tr ' ' '-').txt
cp "$results" "$last"
python3 bench/report.py "$results" $sizes $([ -f "$data/last-100k-1m.txt" ] && echo --earlier "$data/last-100k-1m.txt")
rm -f "$results"
