#!/usr/bin/env bash
# Renders report.html for the demo run and a generated 100k-person run and checks them in a real browser
# (headless Chromium driven by Selenium), on the demo run, a three-night history with a blocked fourth night, and a
# 100k-person run: see scripts/check_report.py for what is checked; screenshots at 1440 and 375 px in out/.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
venv=.venv-check
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import selenium" 2>/dev/null || "$venv/bin/pip" install -q "selenium==4.27.1"
out=out/report-check
rm -rf "$out" && mkdir -p "$out"
.build/debug/orglens run Pipelines/demo.yml --quiet >/dev/null
cp -rL out/demo/latest "$out/demo"
# Three nights through one outputs directory (the trend), then a fourth cut to a few rows: the gates block it.
history="$out/history"
scripts/history-nights.sh .build/debug/orglens "$history"
head -n 12 Fixtures/history/night-3.csv >"$history/people.csv"
if .build/debug/orglens run "$history/pipeline.yml" --as-of 2026-11-04 --quiet >/dev/null 2>&1; then
  echo "the cut export was published; the gates should have blocked it" >&2
  exit 1
fi
blocked=$(ls -d "$history"/out/blocked/*/ | head -n 1)
data=.bench-data/100k
[ -f "$data/people.csv" ] || .build/debug/orglens generate --people 100000 --seed 42 --out "$out/generated" >/dev/null
[ -f "$data/people.csv" ] || data="$out/generated"
.build/debug/orglens analyze --people "$data/people.csv" --teams "$data/teams.csv" --services "$data/services.csv" \
  --dependencies "$data/dependencies.csv" --config bench/costs.yml --as-of 2026-11-01 --report \
  --out "$out/100k" --quiet >/dev/null
# A plan over the bundled org: the org after it, opening on its Plan section.
.build/debug/orglens plan Pipelines/demo.yml --scenario Fixtures/plans/split-ci.yml --out "$out/plan" >/dev/null
"$venv/bin/python" scripts/check_report.py "$out/demo" "$history/out/latest" "$blocked" "$out/100k" "$out/plan/after"
