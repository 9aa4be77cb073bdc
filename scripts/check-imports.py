#!/usr/bin/env python3
"""Fails unless every target's declared dependencies in Package.swift equal the modules its sources import.

SwiftPM's --explicit-target-dependency-import-check only reports a module that is not reachable at all, so an
import that arrives through another target's dependencies passes it; this check compares each target's own
imports with its own declarations, both ways. Run by `make test` before the build."""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)", re.M)
# Modules of the toolchain and the system, never declared in Package.swift.
TOOLCHAIN = {"Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Musl", "XCTest", "Testing", "Synchronization",
             "PackageDescription", "_Concurrency", "Darwin", "os"}


def main() -> int:
    manifest = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout)
    targets = {t["name"]: t for t in manifest["targets"]}
    problems = []
    for name, target in sorted(targets.items()):
        if target["type"] == "system":
            continue
        default = "Tests" if target["type"] == "test" else "Sources"
        folder = os.path.join(ROOT, target.get("path") or os.path.join(default, name))
        imported = set()
        for directory, _, files in os.walk(folder):
            for file in files:
                if file.endswith(".swift"):
                    imported |= set(IMPORT.findall(open(os.path.join(directory, file), encoding="utf-8").read()))
        imported -= TOOLCHAIN
        declared, executables = set(), set()
        for dependency in target["dependencies"]:
            kind, value = next(iter(dependency.items()))
            module = value[0]
            # A test may depend on an executable only so that the build makes the binary it runs.
            if module in targets and targets[module]["type"] == "executable":
                executables.add(module)
            else:
                declared.add(module)
        for module in sorted(imported - declared - executables):
            problems.append(f"{name} imports {module} but Package.swift does not declare it")
        for module in sorted(declared - imported):
            problems.append(f"{name} declares {module} but no file of it imports it")
    for problem in problems:
        print(f"check-imports: {problem}", file=sys.stderr)
    if problems:
        print("check-imports: make each target's dependencies in Package.swift equal its imports", file=sys.stderr)
        return 1
    print(f"check-imports: {sum(t['type'] != 'system' for t in targets.values())} targets declare exactly what they import")
    return 0


if __name__ == "__main__":
    sys.exit(main())
