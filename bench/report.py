#!/usr/bin/env python3
"""Print the benchmark table and the target ratios from bench/run.sh's measurements."""
import sys


def main(path, sizes):
    rows = {}
    for line in open(path):
        size, tool, wall, peak = line.split()
        rows[(size, tool)] = (float(wall), float(peak) / 1024)
    print(f"{'size':<6}{'tool':<20}{'wall (s)':>10}{'peak RSS (MiB)':>16}")
    for (size, tool), (wall, peak) in rows.items():
        print(f"{size:<6}{tool:<20}{wall:>10.3f}{peak:>16.1f}")
    for size in sizes:
        get = lambda tool: rows.get((size, tool))
        ours, floor = get("orglens"), get("csvcount")
        if not ours or not floor:
            continue
        print(f"\n{size}: ratios (target in brackets)")
        print(f"  whole run / libcsv floor        {ours[0] / floor[0]:6.2f}x  [<= 2.0]")
        for tool, target in (("polars", 4), ("duckdb", 4), ("pandas", 8)):
            if get(tool):
                print(f"  {tool:<8} / orglens              {get(tool)[0] / ours[0]:6.2f}x  [>= {target}]")
        if get("polars"):
            print(f"  peak RSS / polars' peak RSS      {ours[1] / get('polars')[1]:6.2f}x  [<= 0.6]")
        if get("orglens-1-worker"):
            print(f"  1 worker / default workers       {get('orglens-1-worker')[0] / ours[0]:6.2f}x  [>= 1.6]")
        if get("orglens-history") and get("orglens-run"):
            print(f"  run with history / without       {get('orglens-history')[0] / get('orglens-run')[0]:6.2f}x  [<= 1.15]")
        if get("orglens-xml") and get("xmlcount"):
            print(f"  XML run / xmlTextReader floor    {get('orglens-xml')[0] / get('xmlcount')[0]:6.2f}x  [<= 1.5]")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
