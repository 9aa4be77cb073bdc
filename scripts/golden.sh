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
