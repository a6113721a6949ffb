#!/usr/bin/env python3
"""Pairs events of a soc_sim --events log into intervals (docs/simulator.md).

  rt_intervals.py EVENTS.csv --from SPEC --to SPEC [--same-hart] [--skip N] [--json]

SPEC: mark:NAME (a marked pc retired), irq:I (rising edge of controller irq
I), marker:VALUE (a sim-control MARKER write). Each FROM pairs with the first
TO at or after it (on the same hart with --same-hart) that comes before the
next FROM; a FROM without one counts as unpaired. Prints n, min, avg, p50,
p90, p99, max and unpaired. Exit 2 on a bad spec, a missing file or no pairs.
"""
import argparse
import csv
import json
import sys


def parse_spec(spec):
    kind, _, name = spec.partition(":")
    if not name or kind not in ("mark", "irq", "marker"):
        sys.exit(f"rt_intervals: bad spec '{spec}' (mark:NAME, irq:I or marker:VALUE)")
    if kind == "irq":
        if not name.isdigit():
            sys.exit(f"rt_intervals: bad irq number in '{spec}'")
        return ("irq", f"irq{name}")
    if kind == "marker":
        try:
            return ("marker", int(name, 0))
        except ValueError:
            sys.exit(f"rt_intervals: bad marker value in '{spec}'")
    return ("mark", name)


def matches(row, spec):
    kind, name = spec
    if row["kind"] != kind:
        return False
    if kind == "marker":
        return int(row["name"], 16) == name
    return row["name"] == name


def percentile(sorted_vals, p):
    i = max(0, min(len(sorted_vals) - 1, int(round(p / 100 * len(sorted_vals) + 0.5)) - 1))
    return sorted_vals[i]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("events")
    ap.add_argument("--from", dest="frm", required=True)
    ap.add_argument("--to", required=True)
    ap.add_argument("--same-hart", action="store_true")
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    frm, to = parse_spec(a.frm), parse_spec(a.to)
    try:
        rows = list(csv.DictReader(open(a.events)))
    except OSError as e:
        sys.exit(f"rt_intervals: {e}")
    pairs, unpaired = [], 0
    open_from = None  # (cycle, hart)
    for r in rows:
        if matches(r, frm):
            if open_from is not None:
                unpaired += 1
            open_from = (int(r["cycle"]), r["hart"])
            if not matches(r, to):
                continue
        if open_from is not None and matches(r, to):
            if a.same_hart and r["hart"] != open_from[1]:
                continue
            pairs.append(int(r["cycle"]) - open_from[0])
            open_from = None
    if open_from is not None:
        unpaired += 1
    pairs = pairs[a.skip:]
    if not pairs:
        print(f"rt_intervals: no {a.frm} -> {a.to} pairs in {a.events}", file=sys.stderr)
        sys.exit(2)
    s = sorted(pairs)
    out = {"n": len(s), "min": s[0], "avg": sum(s) / len(s), "p50": percentile(s, 50),
           "p90": percentile(s, 90), "p99": percentile(s, 99), "max": s[-1], "unpaired": unpaired}
    if a.json:
        print(json.dumps(out))
    else:
        print(" ".join(f"{k}={round(v, 2) if isinstance(v, float) else v}" for k, v in out.items()))


if __name__ == "__main__":
    main()
