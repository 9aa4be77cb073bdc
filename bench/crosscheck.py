#!/usr/bin/env python3
"""Compare OrgLens's dashboard.json with peer metric files on the figures whose definitions agree
(see ../shared/bench-peers/README.md): org shape, the managers table, team sizes and service owner
counts (the peers' distinct_managers and cross_team_deps are defined differently). Exit 1 on any difference.

    python3 bench/crosscheck.py DASHBOARD.json PEER.json [PEER.json ...]
"""
import json
import sys


def from_orglens(path):
    d = json.load(open(path))
    s = d["summary"]
    managers = sorted(d["managers"], key=lambda m: m["id"])
    return {
        "people": s["people"],
        "managers": s["managers"],
        "max_layer": s["max_layer"],
        "managers_of_managers": s["managers_of_managers"],
        "layer_hist": [[r["layer"], r["people"]] for r in d["layers"]],
        "span_hist": [[r["span"], r["managers"]] for r in d["span_distribution"]],
        "manager_id": [m["id"] for m in managers],
        "direct": [m["direct_reports"] for m in managers],
        "direct_ic": [m["direct_ics"] for m in managers],
        "direct_mgr": [m["direct_managers"] for m in managers],
        "org_size": [m["org_size"] for m in managers],
        "team_id": [t["id"] for t in d.get("teams", [])],
        "team_size": [t["size"] for t in d.get("teams", [])],
        "service_id": [s["id"] for s in d.get("services", [])],
        "service_owners": [len(s["owners"]) for s in d.get("services", [])],
    }


def from_peer(path):
    d = json.load(open(path))
    o, m = d["org"], d["managers"]
    return {
        "people": o["people"], "managers": o["managers"], "max_layer": o["max_layer"],
        "managers_of_managers": o["managers_of_managers"],
        "layer_hist": [list(x) for x in o["layer_hist"]], "span_hist": [list(x) for x in o["span_hist"]],
        "manager_id": m["id"], "direct": m["direct"], "direct_ic": m["direct_ic"],
        "direct_mgr": m["direct_mgr"], "org_size": m["org_size"],
        "team_id": d["teams"]["id"], "team_size": d["teams"]["size"],
        "service_id": d["services"]["id"], "service_owners": d["services"]["owners"],
    }


def main(orglens, peers):
    ours = from_orglens(orglens)
    failed = False
    for peer in peers:
        theirs = from_peer(peer)
        bad = [k for k in ours if ours[k] != theirs[k]]
        print(f"cross-check {peer}: {'SAME' if not bad else 'DIFFERENT in ' + ', '.join(bad)}", file=sys.stderr)
        failed |= bool(bad)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
