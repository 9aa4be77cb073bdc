#!/usr/bin/env bash
# Regenerates Fixtures/cases/*/expected from the current build. Review the diff before committing.
set -euo pipefail
binary="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
for case_dir in "$root"/Fixtures/cases/*/; do
  name="$(basename "$case_dir")"
  scratch="$(mktemp -d)"
  mapfile -t args < "$case_dir/args"
  set +e
  (cd "$case_dir" && "$binary" analyze "${args[@]}" --out "$scratch/out" --quiet >/dev/null 2>"$scratch/stderr")
  status=$?
  set -e
  rm -rf "$case_dir/expected"
  mkdir -p "$case_dir/expected"
  echo "$status" > "$case_dir/expected/exit_code"
  if [ "$status" -eq 0 ]; then
    cp "$scratch/out/dashboard.json" "$scratch/out/quarantine.csv" "$case_dir/expected/"
  else
    cp "$scratch/stderr" "$case_dir/expected/stderr"
  fi
  rm -rf "$scratch"
  echo "$name: exit $status"
done
# Each HRIS-shaped export through its own pipeline file (outputs in a scratch copy of the folder).
for export_dir in "$root"/Fixtures/exports/*/; do
  name="$(basename "$export_dir")"
  scratch="$(mktemp -d)"
  # Every export the pipeline reads (people, and positions where the system has them).
  find "$export_dir" -maxdepth 1 -type f ! -name truth.json -exec cp {} "$scratch/" \;
  "$binary" run "$scratch/pipeline.yml" --quiet >/dev/null
  mkdir -p "$export_dir/expected"
  cp "$scratch/out/latest/dashboard.json" "$export_dir/expected/"
  # The quarantine names the file it read: the scratch folder's path is left out.
  sed "s#$scratch/##g" "$scratch/out/latest/quarantine.csv" > "$export_dir/expected/quarantine.csv"
  rm -rf "$scratch"
  echo "exports/$name: ok"
done
# The history fixture: three nights through one outputs directory; each night's changes and the trend.
history="$root/Fixtures/history"
scratch="$(mktemp -d)"
cp "$history/pipeline.yml" "$history/teams.csv" "$scratch/"
rm -rf "$history/expected"
for night in 1 2 3; do
  cp "$history/night-$night.csv" "$scratch/people.csv"
  "$binary" run "$scratch/pipeline.yml" --as-of "2026-11-0$night" --quiet >/dev/null
  mkdir -p "$history/expected/night-$night"
  cp "$scratch/out/latest/dashboard.json" "$history/expected/night-$night/"
  for table in changes changes_by_manager changes_by_org_head finding_changes; do
    cp "$scratch/out/latest/tables/$table.ndjson" "$history/expected/night-$night/"
  done
done
cp "$scratch/out/history/trend.ndjson" "$history/expected/"
rm -rf "$scratch"
echo "history: ok"
