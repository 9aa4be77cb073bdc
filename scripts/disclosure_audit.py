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
teams) and reports how many small sets each derives (all must be 0)."""
import collections, csv, json, os, subprocess, sys, tempfile


def run(orglens, size, dimensions, scratch):
    out = os.path.join(scratch, f"gen-{size}")
    if not os.path.exists(out):
        subprocess.run([orglens, "generate", "--people", str(size), "--seed", "7", "--out", out], check=True, stdout=subprocess.DEVNULL)
    pipeline = os.path.join(scratch, f"p-{size}-{'-'.join(dimensions) or 'default'}.yml")
    lines = [f"as_of: 2026-11-01", "sources:", f"  people: {{path: {out}/people.csv}}", f"  teams: {{path: {out}/teams.csv}}",
             "costs: {rates: {EUR: 1.08, GBP: 1.27, INR: 0.012}" + (f", dimensions: [{', '.join(dimensions)}]" if dimensions else "") + "}",
             f"outputs: {{directory: {pipeline}.out, people_table: true}}", "gates: {orphans_within_largest_root: false}"]
    open(pipeline, "w").write("\n".join(lines) + "\n")
    subprocess.run([orglens, "run", pipeline, "--quiet"], check=True, stdout=subprocess.DEVNULL)
    latest = pipeline + ".out/latest"
    dashboard = json.load(open(os.path.join(latest, "dashboard.json")))
    people = [json.loads(line) for line in open(os.path.join(latest, "tables/people.ndjson"))]
    salaries = {row["employee_id"].strip(): row["salary"].strip() for row in csv.DictReader(open(f"{out}/people.csv"))}
    return dashboard, people, salaries


def audit(dashboard, people, salaries):
    k = dashboard["cost_basis"]["min_group_size"]
    ids = [p["id"] for p in people]
    salaried = {p["id"] for p in people if salaries.get(p["id"])}
    parent = {p["id"]: p["manager_id"] for p in people}
    manages = {p["id"]: p["is_manager"] for p in people}
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

    published = []  # (name, members, share published)
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


def main(orglens, sizes):
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            for dimensions in ([], ["tree", "layers", "teams"]):
                dashboard, people, salaries = run(orglens, size, dimensions, scratch)
                k, groups, atoms, small, attacks = audit(dashboard, people, salaries)
                label = "+".join(dimensions) or "default (tree)"
                print(f"{size} people, {label}: {groups} published figures, {atoms} atoms, "
                      f"{len(small)} atoms of 1..{k - 1}; attacks: "
                      + ", ".join(f"{name} {count}" for name, count in sorted(attacks.items())) if attacks else
                      f"{size} people, {label}: {groups} published figures, {atoms} atoms, {len(small)} atoms of 1..{k - 1}")
                failed |= bool(small) or any(attacks.values())
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1], [int(s) for s in sys.argv[2:]])
