# OrgLens — the two commands: `make run` and `make test`. Both install missing system packages first.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
BIN_DIR = .build/debug
ORGLENS = $(BIN_DIR)/orglens

.PHONY: all deps build run test install format golden schemas check-outputs check-report crash-test fuzz sanitize bench bench-5m clean

# Where `make install` puts the release binary: $(DESTDIR)$(PREFIX)/bin/orglens.
PREFIX ?= /usr/local

# PostgreSQL support (outputs.database, orglens load) is the package trait Database: postgres-nio and its TLS
# stack take minutes to build, more than the rest of OrgLens, so `make run` and `make test` build without it
# unless ORGLENS_DATABASE=1 or CI is set; `make install` always has it.
ifneq ($(filter 1 true,$(ORGLENS_DATABASE) $(CI)),)
TRAITS = --traits Database
endif

all: build

deps:
	@scripts/ensure-system-packages.sh

# Every build goes through scripts/build.sh: declared dependencies checked, warnings are errors.
build: deps
	SWIFT=$(SWIFT) scripts/build.sh $(TRAITS)

# The main job: Pipelines/demo.yml on the bundled fixture org; prints the path of latest/dashboard.json.
run: build
	@$(ORGLENS) run Pipelines/demo.yml --quiet

test: deps
	scripts/check-imports.py
	$(SWIFT) format lint --recursive --strict Sources Tests Package.swift
	SWIFT=$(SWIFT) scripts/build.sh --build-tests $(TRAITS)
	$(SWIFT) test --skip-build $(TRAITS)

# The optimised binary for real exports (`make run` and `make test` use the debug build, many times slower on
# large files), installed as $(DESTDIR)$(PREFIX)/bin/orglens.
install: deps
	SWIFT=$(SWIFT) scripts/build.sh -c release --product orglens --traits Database
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 .build/release/orglens "$(DESTDIR)$(PREFIX)/bin/orglens"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/orglens"

# Rewrites the sources in the house format (.swift-format); `make test` fails on any difference.
format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

# Rewrites every Fixtures/cases/*/expected from the current code; review the diff before committing.
golden: build
	scripts/golden.sh "$(CURDIR)/$(ORGLENS)"

# Rewrites Schemas/ from the output contract declared in Sources/OrgLensContract (what `orglens schema` prints);
# review the diff. `make test` fails while the two differ.
schemas: build
	rm -rf Schemas && $(ORGLENS) schema --write Schemas

# Validates every golden dashboard and a demo run (dashboard, manifest, NDJSON tables) against Schemas/
# with Python's jsonschema, and loads the tables into DuckDB (packages in the git-ignored .venv-check).
check-outputs: build
	scripts/check-outputs.sh

# Renders report.html for the demo run and a 100k-person run in headless Chromium (installed if missing): no
# console error or network request, every section, every number equal to dashboard.json; screenshots in out/.
check-report: build
	scripts/check-report.sh

# SIGKILLs runs at random points, inside the publishing steps too, while readers open latest/: zero ENOENT,
# zero mixed runs, zero lost runs (about half a minute); then 10M malformed rows in under 500 MiB (under a minute).
CRASH_ROUNDS ?= 200
crash-test: build
	python3 scripts/crash_test.py "$(CURDIR)/$(ORGLENS)" $(CRASH_ROUNDS)
	scripts/quarantine_bound.sh "$(CURDIR)/$(ORGLENS)"

# libFuzzer + AddressSanitizer on each reader, the pipeline loader and ingest+metrics (FUZZ_SECONDS each).
FUZZ_SECONDS ?= 600
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The tests under AddressSanitizer, then the reader and metrics tests under ThreadSanitizer (separate build
# folders: each is a full rebuild). Peak-memory checks and the kill loop stay out (sanitizers inflate memory
# and time); leak detection is off because the only leaks it reports are in XCTest and Foundation's Process.
SANITIZER_SKIP = ResourceBoundsTests|peakMemoryDoesNotGrowWithFileSize|killedRunsLeaveLatestWhole
sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan --skip '$(SANITIZER_SKIP)'
	$(SWIFT) test --sanitize=thread --scratch-path .build-tsan --filter 'OrgLensCSVTests|OrgLensXMLTests|OrgLensMetricsTests|OrgLensGraphTests'

# Benchmarks on generated orgs (release build; peers installed into .venv-bench): medians of 3 runs.
bench: deps
	bench/run.sh "100k 1m" 3

bench-5m: deps
	bench/run.sh "5m" 3

clean:
	rm -rf .build out
