#!/usr/bin/env python3
"""disclosure_audit.py ORGLENS SIZE...: the pay-disclosure check, from outside. For each size, a generated org
with teams and salaries is analysed with the default cost dimensions and with every dimension opted in; then,
holding only what a reader holds (dashboard.json and the org chart: who reports to whom, who is on which team),
every published figure is turned into the set of salaried people it sums, a published management_cost_share
adding its managers' part (cost x share) and the rest (cost x (1 - share)).

People in exactly the same published sets form an atom; every linear combination of published figures is
constant on atoms, so the smallest pay a reader can isolate is that of one atom. The check fails if any atom
inside some published set holds 1 to k-1 salaried people. It also runs the concrete attacks named in the
review (subtree minus its published sub-subtrees, cost x share, layers against the org, subtrees against
teams) and reports how many small sets each derives (all must be 0).

Then two consecutive nights: the same org after one change (an individual contributor moved to another team, or
to another manager) is run into the same outputs directory, and the atoms are formed over both nights' published
figures together (a person present on both nights is one unknown, their pay assumed unchanged). An atom of 1 to
k-1 salaried people that holds anyone who did not change fails the check; the changed person may show."""
import collections, csv, json, os, subprocess, sys, tempfile


def run(orglens, size, dimensions, scratch, night=None):
    """Night 1 of a generated org, or (night = (name, people rows)) a later night into the same outputs."""
    out = os.path.join(scratch, f"gen-{size}")
    if not os.path.exists(out):
        subprocess.run([orglens, "generate", "--people", str(size), "--seed", "7", "--out", out], check=True, stdout=subprocess.DEVNULL)
    people_csv = f"{out}/people.csv"
    as_of = "2026-11-01"
    if night:
        people_csv = os.path.join(scratch, f"people-{size}-{night[0]}.csv")
        with open(people_csv, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(night[1][0].keys()))
            writer.writeheader()
            writer.writerows(night[1])
        as_of = "2026-11-02"
    pipeline = os.path.join(scratch, f"p-{size}-{'-'.join(dimensions) or 'default'}-{night[0] if night else 'first'}.yml")
    outputs = os.path.join(scratch, f"out-{size}-{'-'.join(dimensions) or 'default'}-{night[0] if night else 'first'}")
    if night:
        subprocess.run(["cp", "-a", os.path.join(scratch, f"out-{size}-{'-'.join(dimensions) or 'default'}-first"), outputs], check=True)
    lines = [f"as_of: {as_of}", "sources:", f"  people: {{path: {people_csv}}}", f"  teams: {{path: {out}/teams.csv}}",
             "costs: {rates: {EUR: 1.08, GBP: 1.27, INR: 0.012}" + (f", dimensions: [{', '.join(dimensions)}]" if dimensions else "") + "}",
             f"outputs: {{directory: {outputs}, people_table: true}}", "gates: {orphans_within_largest_root: false}"]
    open(pipeline, "w").write("\n".join(lines) + "\n")
    subprocess.run([orglens, "run", pipeline, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    latest = outputs + "/latest"
    dashboard = json.load(open(os.path.join(latest, "dashboard.json")))
    people = [json.loads(line) for line in open(os.path.join(latest, "tables/people.ndjson"))]
    salaries = {row["employee_id"].strip(): row["salary"].strip() for row in csv.DictReader(open(people_csv))}
    return dashboard, people, salaries


def paid(value):
    """Zero is not pay: only a positive salary counts."""
    try:
        return float(value.replace(",", "")) > 0
    except ValueError:
        return bool(value)


def groups_total(dashboard):
    """Every figure that could be published: one per manager's subtree, layer and team of the dimensions."""
    return len(dashboard["managers"]) + len(dashboard.get("cost_by_layer", [])) + len(
        [t for t in dashboard.get("teams", []) if "cost" in t])


def published_sets(dashboard, people):
    """Each published figure as (name, members, management share published)."""
    children = collections.defaultdict(list)
    for p in people:
        if p["manager_id"]:
            children[p["manager_id"]].append(p["id"])

    def subtree(root):
        stack, members = [root], []
        while stack:
            node = stack.pop()
            members.append(node)
            stack += children[node]
        return members

    published = []
    for m in dashboard["managers"]:
        if m.get("cost") is not None:
            published.append((("subtree", m["id"]), set(subtree(m["id"])), m.get("management_cost_share") is not None))
    for layer in dashboard.get("cost_by_layer", []):
        if layer["cost"] is not None:
            members = {p["id"] for p in people if p["layer"] == layer["layer"]}
            published.append((("layer", layer["layer"]), members, layer["management_cost_share"] is not None))
    for team in dashboard.get("teams", []):
        if team.get("cost") is not None:
            members = {p["id"] for p in people if p["team_id"] == team["id"]}
            published.append((("team", team["id"]), members, team["management_cost_share"] is not None))
    return published


def audit_two_nights(first, second, changed):
    """Atoms over both nights' published figures; returns the sizes of atoms of 1..k-1 that hold someone
    unchanged, and the published figure counts of the two nights."""
    k = second[0]["cost_basis"]["min_group_size"]
    signature = collections.defaultdict(list)
    salaried = set()
    unchanged = {p["id"] for p in second[1]} & {p["id"] for p in first[1]} - set(changed)
    counts = []
    for night, (dashboard, people, salaries) in enumerate((first, second)):
        night_paid = {p["id"] for p in people if paid(salaries.get(p["id"], ""))}
        salaried |= night_paid
        manages = {p["id"]: p["is_manager"] for p in people}
        published = published_sets(dashboard, people)
        counts.append(len(published))
        for index, (_, members, share) in enumerate(published):
            for person in members & night_paid:
                signature[person].append((night, index, manages[person] if share else None))
    atoms = collections.defaultdict(list)
    for person, entries in signature.items():
        atoms[tuple(sorted(entries, key=str))].append(person)
    small = [len(members) for atom, members in atoms.items()
             if atom and 0 < len(members) < k and any(m in unchanged for m in members)]
    return small, counts


def audit(dashboard, people, salaries):
    k = dashboard["cost_basis"]["min_group_size"]
    salaried = {p["id"] for p in people if paid(salaries.get(p["id"], ""))}
    parent = {p["id"]: p["manager_id"] for p in people}
    manages = {p["id"]: p["is_manager"] for p in people}
    published = published_sets(dashboard, people)  # (name, members, share published)

    signature = collections.defaultdict(list)
    for index, (_, members, share) in enumerate(published):
        for person in members & salaried:
            signature[person].append((index, manages[person] if share else None))
    atoms = collections.Counter(tuple(sorted(s, key=str)) for s in signature.values())
    small_atoms = [size for atom, size in atoms.items() if atom and 0 < size < k]

    # The concrete attacks, each a special case of the atoms above.
    sets = {name: members & salaried for name, members, _ in published}
    attacks = collections.Counter()
    for name, members, share in published:
        if share:
            managers = {p for p in members & salaried if manages[p]}
            others = (members & salaried) - managers
            attacks["cost x share"] += 0 < len(managers) < k
            attacks["cost x (1 - share)"] += 0 < len(others) < k
        if name[0] == "subtree":
            inner = set()
            for other, members_other, _ in published:
                if other != name and other[0] == "subtree" and members_other < members:
                    inner |= members_other
            rest = (members & salaried) - (inner & salaried)
            attacks["subtree minus published subtrees below"] += 0 < len(rest) < k
            teams_inside = [s for other, s in sets.items() if other[0] == "team" and s and s <= members]
            covered = set().union(*teams_inside) if teams_inside else set()
            if teams_inside and all(len(a & b) == 0 for i, a in enumerate(teams_inside) for b in teams_inside[i + 1:]):
                attacks["subtree minus the teams inside it"] += 0 < len((members & salaried) - covered) < k
    layer_sets = [s for name, s in sets.items() if name[0] == "layer"]
    roots = [s for name, s in sets.items() if name[0] == "subtree" and parent.get(name[1]) in (None, "")]
    if layer_sets and roots:
        everyone = set().union(*roots)
        union = set().union(*layer_sets)
        if union <= everyone:
            attacks["org minus published layers"] += 0 < len(everyone - union) < k
    return k, len(published), len(atoms), small_atoms, attacks


def changed_nights(size, scratch):
    """Night 2 of the generated org after one change: an IC moved to another team, or to another manager."""
    rows = list(csv.DictReader(open(os.path.join(scratch, f"gen-{size}", "people.csv"))))
    managers = {row["manager_id"] for row in rows}
    ics = [row for row in rows if row["employee_id"] not in managers and row["manager_id"] and row["team_id"]]
    teams = sorted({row["team_id"] for row in rows if row["team_id"]})
    nights = []
    mover = ics[len(ics) // 3]
    moved = [dict(row, team_id=teams[(teams.index(row["team_id"]) + 7) % len(teams)]) if row is mover else dict(row) for row in rows]
    nights.append(("team-move", moved, [mover["employee_id"]]))
    mover = ics[len(ics) // 2]
    other = sorted(managers - {"", mover["manager_id"]})[len(managers) // 4]
    moved = [dict(row, manager_id=other) if row is mover else dict(row) for row in rows]
    nights.append(("manager-move", moved, [mover["employee_id"]]))
    return nights


def main(orglens, sizes):
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            for dimensions in ([], ["tree", "layers", "teams"]):
                dashboard, people, salaries = run(orglens, size, dimensions, scratch)
                label = "+".join(dimensions) or "default (tree)"
                for name, rows, changed in changed_nights(size, scratch):
                    second = run(orglens, size, dimensions, scratch, night=(name, rows))
                    small, counts = audit_two_nights((dashboard, people, salaries), second, changed)
                    print(f"{size} people, {label}, two nights ({name}): {counts[0]} then {counts[1]} published "
                          f"figures of {groups_total(dashboard)} and {groups_total(second[0])}, {len(small)} atoms of "
                          f"1..k-1 holding someone unchanged")
                    failed |= bool(small)
                k, groups, atoms, small, attacks = audit(dashboard, people, salaries)
                print(f"{size} people, {label}: {groups} published figures of {groups_total(dashboard)}, {atoms} atoms, "
                      f"{len(small)} atoms of 1..{k - 1}; attacks: "
                      + ", ".join(f"{name} {count}" for name, count in sorted(attacks.items())) if attacks else
                      f"{size} people, {label}: {groups} published figures of {groups_total(dashboard)}, {atoms} atoms, "
                      f"{len(small)} atoms of 1..{k - 1}")
                failed |= bool(small) or any(attacks.values())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1], [int(s) for s in sys.argv[2:]])
