#!/usr/bin/env bash
# history-nights.sh BINARY DIR: the history fixture's three nights (Fixtures/history, 2026-11-01..03) run through one
# outputs directory, DIR/out; the checks that need a real history (outputs, report) start from it.
set -euo pipefail
binary="$1" dir="$2"
mkdir -p "$dir"
cp Fixtures/history/pipeline.yml Fixtures/history/teams.csv "$dir/"
for night in 1 2 3; do
  cp "Fixtures/history/night-$night.csv" "$dir/people.csv"
  "$binary" run "$dir/pipeline.yml" --as-of "2026-11-0$night" --quiet >/dev/null
done
