#!/usr/bin/env python3
"""bench/make_matrix.py DIR: from DIR/people.csv (gen_org.py's org), writes DIR/people-matrix.csv (the same org, 5 %
of people with a dotted-line manager: someone who manages, other than their own manager) and DIR/positions.csv
(20,000 positions under managers of the org: open, at offer, filled and closed, starts around as_of, budgets).
Seeded: the same files every time."""
import csv
import datetime as dt
import random
import sys

folder = sys.argv[1]
rng = random.Random(42)
with open(f"{folder}/people.csv", newline="") as source:
    rows = list(csv.reader(source))
header, people = rows[0], rows[1:]
manager_column = header.index("manager_id")
managers = sorted({row[manager_column] for row in people if row[manager_column]})
with open(f"{folder}/people-matrix.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header + ["dotted_manager_ids"])
    for row in people:
        dotted = ""
        if rng.random() < 0.05:
            dotted = rng.choice(managers)
            if dotted == row[manager_column]:
                dotted = ""
        writer.writerow(row + [dotted])
as_of = dt.date(2026, 11, 1)
with open(f"{folder}/positions.csv", "w", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["position_id", "manager_id", "status", "planned_start", "budget", "currency", "role"])
    for number in range(20_000):
        start = as_of + dt.timedelta(days=rng.randrange(-60, 240)) if rng.random() < 0.8 else None
        writer.writerow([
            f"REQ-{number:06d}", rng.choice(managers),
            rng.choice(["open", "open", "open", "offer", "filled", "closed"]),
            start.isoformat() if start else "", rng.randrange(80, 220) * 1000 if rng.random() < 0.9 else "", "USD",
            "manager" if rng.random() < 0.1 else "ic",
        ])
