#!/usr/bin/env python3
"""bench/make_scenario.py DIR: a reorganisation of DIR/people.csv (gen_org.py's org) for `orglens plan`: the widest
team split under a new EM, a small org moved under another manager, one person leaving. Writes DIR/scenario.yml and
DIR/plan.yml (the pipeline: the org, its catalogs and bench/costs.yml's rates)."""
import csv
import os
import sys

folder = sys.argv[1]
rows = list(csv.DictReader(open(f"{folder}/people.csv", newline="")))
reports = {}
for row in rows:
    reports.setdefault(row["manager_id"], []).append(row["employee_id"])
people = {row["employee_id"]: row for row in rows}
widest = max((m for m in reports if m in people), key=lambda m: (len(reports[m]), m))
small = sorted(m for m in reports if m in people and 3 <= len(reports[m]) <= 5 and m != widest)[0]
# Under the widest team's manager's manager, away from the small org's own chain.
target = people[widest]["manager_id"]
leaver = sorted(e for e in people if e not in reports and e not in reports[widest])[0]
moved = sorted(reports[widest])[: len(reports[widest]) // 2]
with open(f"{folder}/scenario.yml", "w") as out:
    out.write("name: split the widest team\nchanges:\n")
    out.write(f"  - hire: {{id: NEW-EM-1, manager: {target}, salary: \"180000\", currency: USD}}\n")
    out.write(f"  - move: {{people: [{', '.join(moved)}], to_manager: NEW-EM-1}}\n")
    out.write(f"  - move: {{reports_of: {small}, to_manager: {widest}}}\n")
    out.write(f"  - leave: {{people: [{leaver}]}}\n")
root = os.path.abspath(folder)
rates = [line for line in open("bench/costs.yml") if not line.startswith("#")]
with open(f"{folder}/plan.yml", "w") as out:
    out.write(f"sources:\n  people: {{path: {root}/people.csv}}\n  teams: {{path: {root}/teams.csv}}\n")
    out.write(f"  services: {{path: {root}/services.csv}}\n  dependencies: {{path: {root}/dependencies.csv}}\n")
    out.writelines(rates)
    out.write(f"outputs: {{directory: {root}/plan-outputs}}\n")
    out.write("gates: {orphans_within_largest_root: false}\n")
