#!/usr/bin/env bash
# `make fuzz` (FUZZ_SECONDS per target, default 600): libFuzzer with AddressSanitizer on the CSV reader,
# the XML reader, the pipeline-file loader, ingest + validation + metrics (serial == parallel), and the readers of
# what an earlier run left (snapshot.bin, history/trend.ndjson).
# Seeds come from Fixtures/ and ../shared/data/corpora. A crash is copied to Tests/FuzzRegressions/<target>/
# (replayed by `make test` from then on) and fails this script.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
scratch=.build-fuzz
swift build --product orglens-fuzz --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library -Xswiftc -use-ld=lld 2>&1 | grep -v "Cannot export local symbol" | tail -1
binary="$scratch/debug/orglens-fuzz"
shared=../shared/data/corpora
status=0
for target in csv xml pipeline analysis snapshot trend; do
  corpus="$scratch/corpus/$target"
  mkdir -p "$corpus" "$scratch/artifacts/$target"
  case $target in
    csv) cp Fixtures/cases/*/*.csv "$shared"/csv-spectrum/csvs/*.csv "$corpus"/ 2>/dev/null || true ;;
    xml) cp Fixtures/cases/*/*.xml "$shared"/xml-attacks/*.xml "$corpus"/ 2>/dev/null || true ;;
    pipeline) cp Pipelines/*.yml Sources/OrgLensSettings/Presets/*.yml Fixtures/plans/*.yml "$corpus"/
      for f in Fixtures/exports/*/pipeline.yml; do cp "$f" "$corpus/export-$(basename "$(dirname "$f")").yml"; done ;;
    analysis) for f in Fixtures/cases/dirty-*/people.csv; do tail -n +2 "$f" > "$corpus/$(basename "$(dirname "$f")").csv"; done
      # A matrix org: dotted lines to managers, to oneself, to no one, and more than the limit.
      printf '%s\n' 'CEO,,active,2015-01-01,100000,USD,full-time,' 'A,CEO,active,2016-01-01,90000,EUR,full-time,B;CEO' \
        'B,CEO,active,2016-01-01,"95,000",USD,contractor,"A, X9"' 'C,A,leave,,,,,A;B;CEO;C' >"$corpus/matrix.csv"
      # Rows read as people and as positions alike: statuses, starts, budgets and roles of both kinds.
      printf '%s\n' 'CEO,,active,2015-01-01,100000,USD,full-time,' 'P1,CEO,open,2026-12-01,120000,USD,manager' \
        'P2,CEO,offer,,"95,000 €",EUR,ic' 'P3,X9,filled,31/31/2026,n/a,,director' 'P1,CEO,closed,,,,' \
        >"$corpus/positions.csv" ;;
    # Seeds of the two history readers live with their regressions (Tests/FuzzRegressions/snapshot, trend).
    snapshot|trend) ;;
  esac
  cp Tests/FuzzRegressions/$target/* "$corpus"/ 2>/dev/null || true
  echo "== fuzzing $target for ${seconds}s"
  if ! LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt" ORGLENS_FUZZ_TARGET=$target "$binary" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -rss_limit_mb=2048 -artifact_prefix="$scratch/artifacts/$target/" -print_final_stats=1 2> "$scratch/$target.log"; then
    status=1
    echo "crash in $target; saved to Tests/FuzzRegressions/$target/" >&2
    cp "$scratch/artifacts/$target"/* "Tests/FuzzRegressions/$target/" || true
    tail -30 "$scratch/$target.log" >&2
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$scratch/$target.log" | sed "s/^/  $target /" || true
done
exit $status
