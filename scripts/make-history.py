#!/usr/bin/env python3
"""Writes Fixtures/history/: one org over three nights with known changes, for the history golden tests.

Night 1 (2026-11-01): CEO C1; directors D1 and D2; D1 runs E1 (13 engineers, due a split) and E2 (6);
D2 runs E3 (5) and E4 (6).
Night 2 (2026-11-02): three engineers join E4's team; two of E2's leave; E1-01 is promoted and takes
E1-08..E1-13 into a new team T5 (the 13-person team splits; a fifth layer appears).
Night 3 (2026-11-03): E3 moves from D2 to D1 with their team; X1 joins under E1-08 (a sixth layer).
"""
import os

ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Fixtures", "history")


def night1():
    people = [("C1", "", "T0"), ("D1", "C1", "T0"), ("D2", "C1", "T0")]
    people += [("E1", "D1", "T1"), ("E2", "D1", "T2"), ("E3", "D2", "T3"), ("E4", "D2", "T4")]
    people += [(f"E1-{i:02}", "E1", "T1") for i in range(1, 14)]
    people += [(f"E2-{i:02}", "E2", "T2") for i in range(1, 7)]
    people += [(f"E3-{i:02}", "E3", "T3") for i in range(1, 6)]
    people += [(f"E4-{i:02}", "E4", "T4") for i in range(1, 7)]
    return people


def night2():
    people = [p for p in night1() if p[0] not in ("E2-05", "E2-06")]
    people = [(i, "E1-01", "T5") if i in [f"E1-{n:02}" for n in range(8, 14)] else (i, m, t) for i, m, t in people]
    return people + [(f"N{n}", "E4", "T4") for n in (1, 2, 3)]


def night3():
    people = [(i, "D1", t) if i == "E3" else (i, m, t) for i, m, t in night2()]
    return people + [("X1", "E1-08", "T5")]


def write(name, rows):
    with open(os.path.join(ROOT, name), "w") as out:
        out.write("employee_id,manager_id,team_id,status\n")
        for row in rows:
            out.write(",".join(row) + ",active\n")


os.makedirs(ROOT, exist_ok=True)
write("night-1.csv", night1())
write("night-2.csv", night2())
write("night-3.csv", night3())
with open(os.path.join(ROOT, "teams.csv"), "w") as out:
    out.write("team_id,name,lead_id\n")
    for team, lead in [("T0", "C1"), ("T1", "E1"), ("T2", "E2"), ("T3", "E3"), ("T4", "E4"), ("T5", "E1-01")]:
        out.write(f"{team},Team {team[1:]},{lead}\n")
with open(os.path.join(ROOT, "pipeline.yml"), "w") as out:
    out.write("""# One org over three nights (scripts/make-history.py): the history golden tests copy a night's
# export to people.csv and run this pipeline on that night's date.
name: history
sources:
  people: {path: people.csv}
  teams: {path: teams.csv}
outputs: {directory: out, tables: true}
""")
print("wrote", ROOT)
