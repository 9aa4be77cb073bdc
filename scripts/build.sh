#!/usr/bin/env bash
# The project's one way to build: SwiftPM's import check, warnings as errors, and a failed build whenever the
# log reports an undeclared import or a warning (the import check reports without always stopping the build).
# Usage: scripts/build.sh [swift build arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT="${SWIFT:-$(command -v swift || echo /opt/swift/usr/bin/swift)}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
"$SWIFT" build --build-system native --explicit-target-dependency-import-check error \
    -Xswiftc -warnings-as-errors "$@" 2>&1 | tee "$log" || status=$?
if grep -q "without declaring it a dependency" "$log"; then
    echo "build: a target imports another it does not declare; add it to the target's dependencies in Package.swift" >&2
    status=1
fi
if grep -Eq "(^|: )warning: " "$log"; then
    echo "build: the build printed warnings; the house builds with none" >&2
    status=1
fi
exit "$status"
