#!/usr/bin/env python3
"""Print the benchmark table and the target ratios from bench/run.sh's measurements.

bench/report.py RESULTS SIZES... [--earlier FILE]: FILE holds an earlier run's measurements (the last `make bench`),
used only to compare time per person between sizes measured in separate runs (1M and 5M)."""
import sys

PEOPLE = {"100k": 100_000, "1m": 1_000_000, "5m": 5_000_000}


def read(path):
    rows = {}
    for line in open(path):
        size, tool, wall, peak = line.split()
        rows[(size, tool)] = (float(wall), float(peak) / 1024)
    return rows


def main(path, sizes, earlier):
    rows = read(path)
    print(f"{'size':<6}{'tool':<20}{'wall (s)':>10}{'peak RSS (MiB)':>16}")
    for (size, tool), (wall, peak) in rows.items():
        print(f"{size:<6}{tool:<20}{wall:>10.3f}{peak:>16.1f}")
    for size in sizes:
        get = lambda tool: rows.get((size, tool))
        ours, floor = get("orglens"), get("csvcount")
        if not ours or not floor:
            continue
        print(f"\n{size}: ratios (target in brackets)")
        print(f"  whole run / libcsv floor        {ours[0] / floor[0]:6.2f}x  [<= 3]")
        for tool, target in (("polars", 2), ("duckdb", 2), ("pandas", 4)):
            if get(tool):
                print(f"  {tool:<8} / orglens              {get(tool)[0] / ours[0]:6.2f}x  [>= {target}]")
        if get("polars"):
            print(f"  peak RSS / polars' peak RSS      {ours[1] / get('polars')[1]:6.2f}x")
        if size == "5m":
            print(f"  peak RSS                      {ours[1] / 1024:6.2f} GiB [<= 1.2]")
        if get("orglens-1-worker"):
            print(f"  1 worker / default workers       {get('orglens-1-worker')[0] / ours[0]:6.2f}x  [>= 1.6]")
        if get("orglens-history") and get("orglens-run"):
            print(f"  run with history / without       {get('orglens-history')[0] / get('orglens-run')[0]:6.2f}x  [<= 1.15]")
        if get("orglens-plan") and get("orglens-full"):
            print(f"  plan / analyze (report, tables)  {get('orglens-plan')[0] / get('orglens-full')[0]:6.2f}x  [<= 2]")
        if get("orglens-matrix"):
            print(f"  5 % dotted + 20k positions / run {get('orglens-matrix')[0] / ours[0]:6.2f}x  [<= 1.10]")
        if get("orglens-load"):
            print(f"  database load (COPY, every table) {get('orglens-load')[0]:6.2f} s  [<= 10 at 1m]")
        if get("orglens-xml") and get("xmlcount"):
            print(f"  XML run / xmlTextReader floor    {get('orglens-xml')[0] / get('xmlcount')[0]:6.2f}x  [<= 1.5]")
        print(f"  seconds per million people       {ours[0] * 1_000_000 / PEOPLE[size]:6.2f}")
    if "5m" in sizes and ("5m", "orglens") in rows:
        one = rows.get(("1m", "orglens")) or (read(earlier).get(("1m", "orglens")) if earlier else None)
        if one:
            ratio = (rows[("5m", "orglens")][0] / 5) / one[0]
            print(f"\n5m time per person / 1m's          {ratio:6.2f}x  [<= 1.15]"
                  + ("" if ("1m", "orglens") in rows else "  (1m from the last make bench)"))


if __name__ == "__main__":
    args = sys.argv[1:]
    earlier = None
    if "--earlier" in args:
        at = args.index("--earlier")
        earlier = args[at + 1]
        args = args[:at] + args[at + 2:]
    main(args[0], args[1:], earlier)
