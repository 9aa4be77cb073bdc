# OrgLens — the two commands: `make run` and `make test`. Both install missing system packages first.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
BIN_DIR = .build/debug
ORGLENS = $(BIN_DIR)/orglens
DEMO_OUT = out/demo

.PHONY: all deps build run test golden bench bench-5m clean

all: build

deps:
	@scripts/ensure-system-packages.sh

build: deps
	$(SWIFT) build

# The main job on the bundled fixture org; prints the path of the dashboard.json it wrote.
run: build
	@cd Fixtures/cases/engineering-org-teams && ../../../$(ORGLENS) analyze --people ../engineering-org/people.csv \
		--teams teams.csv --services services.csv --dependencies dependencies.csv \
		--as-of 2026-11-01 --out ../../../$(DEMO_OUT) --quiet >/dev/null
	@echo "$(DEMO_OUT)/dashboard.json"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Rewrites every Fixtures/cases/*/expected from the current code; review the diff before committing.
golden: build
	scripts/golden.sh "$(CURDIR)/$(ORGLENS)"

# Benchmarks on generated orgs (release build; peers installed into .venv-bench): medians of 3 runs.
bench: deps
	bench/run.sh "100k 1m" 3

bench-5m: deps
	bench/run.sh "5m" 3

clean:
	rm -rf .build out
