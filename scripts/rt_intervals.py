#!/usr/bin/env python3
"""Pairs the events of a soc_sim --events log into intervals (docs/simulator.md, "Event log").

  rt_intervals.py EVENTS.csv --from SPEC --to SPEC [--same-hart] [--skip N] [--json]

SPEC is one kind of event:
  mark:NAME      a pc marked RT_MARK("NAME") retired (firmware/bsp/mark.h)
  irq:I          rising edge of the ATS-INTC's device line I (0 uart, 1 pkt_rx, 2 pkt_tx,
                 3.. timers)
  irq_fall:I     its falling edge (the driver acknowledged the device)
  marker:VALUE   a store of VALUE (decimal or 0x...) to the sim-control MARKER register

Pairing, in the order of the log (the simulator writes events as they
happen, cycles never decrease; within one cycle it writes MARKER writes,
then retirements, then IRQ edges): each FROM event pairs with the first TO
event after it, which is at the same or a later cycle, if that TO comes
before the next FROM event; otherwise the FROM counts as unpaired. An event
that is both (FROM = TO) first closes the open interval, then opens the
next: the intervals are then the periods between occurrences. With
--same-hart both specs must be marks and each hart pairs its own events.
--skip N drops the first N intervals (warm-up).

Prints n, min, avg, p50, p90, p99 (nearest rank: the smallest interval with
at least p% of the intervals at or below it), max (cycles) and unpaired, as
key=value text or, with --json, one JSON object. Exit status 2 with one line
on stderr for a bad spec, an unreadable or malformed file, or no interval.
"""
import argparse
import json
import sys

HEADER = "cycle,hart,kind,name"
KINDS = ("mark", "irq", "irq_fall", "marker")


class Error(Exception):
    """A problem with the input: reported as one line, exit status 2."""


def parse_spec(text):
    """'mark:NAME' | 'irq:I' | 'irq_fall:I' | 'marker:VALUE' -> (kind, name as logged)."""
    kind, sep, arg = text.partition(":")
    if not sep or kind not in KINDS or arg == "":
        raise Error(f"bad event spec '{text}': expected mark:NAME, irq:I, irq_fall:I or "
                    "marker:VALUE")
    if kind in ("irq", "irq_fall"):
        if not arg.isdigit() or int(arg) > 31:
            raise Error(f"bad event spec '{text}': the irq line is a number 0..31")
        return kind, f"irq{int(arg)}"
    if kind == "marker":
        try:
            value = int(arg, 0)
        except ValueError:
            raise Error(f"bad event spec '{text}': the marker value is a number "
                        "(decimal or 0x...)") from None
        if not 0 <= value < 1 << 32:
            raise Error(f"bad event spec '{text}': the marker value is a 32-bit number")
        return kind, f"0x{value:x}"
    return kind, arg


def read_events(path):
    """The events of a log as (cycle, hart or None, kind, name) tuples, in cycle order."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise Error(f"cannot read {path}: {e.strerror}") from None
    if not lines or lines[0] != HEADER:
        raise Error(f"{path}: not a soc_sim --events log (first line must be '{HEADER}')")
    events = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split(",", 3)  # a mark's name may contain commas
        try:
            if len(fields) != 4 or fields[2] not in KINDS or fields[3] == "":
                raise ValueError
            cycle = int(fields[0])
            hart = int(fields[1]) if fields[1] not in ("", "-1") else None
            name = fields[3]
            if fields[2] == "marker":
                name = f"0x{int(name, 16):x}"
        except ValueError:
            raise Error(f"{path}:{number}: malformed event line '{line}'") from None
        events.append((cycle, hart, fields[2], name))
    # The simulator writes in cycle order; a stable sort keeps its order within a cycle.
    if any(events[i][0] > events[i + 1][0] for i in range(len(events) - 1)):
        events.sort(key=lambda e: e[0])
    return events


def pair_events(events, frm, to, same_hart=False):
    """(intervals in cycles, number of unpaired FROM events)."""
    if same_hart and (frm[0] != "mark" or to[0] != "mark"):
        raise Error("--same-hart needs mark: specs at both ends (IRQ edges and markers "
                    "belong to no hart)")
    intervals, unpaired = [], 0
    open_from = {}  # pairing key (hart with --same-hart, else None) -> cycle of the open FROM
    for cycle, hart, kind, name in events:
        key = hart if same_hart else None
        if (kind, name) == to and key in open_from:
            intervals.append(cycle - open_from.pop(key))
        if (kind, name) == frm:
            if key in open_from:
                unpaired += 1
            open_from[key] = cycle
    return intervals, unpaired + len(open_from)


def percentile(sorted_values, p):
    """Nearest rank: the smallest value with at least p% of the values at or below it."""
    rank = max(1, -(-p * len(sorted_values) // 100))  # ceil(p * n / 100)
    return sorted_values[rank - 1]


def summarize(intervals, unpaired):
    s = sorted(intervals)
    return {"n": len(s), "min": s[0], "avg": sum(s) / len(s), "p50": percentile(s, 50),
            "p90": percentile(s, 90), "p99": percentile(s, 99), "max": s[-1],
            "unpaired": unpaired}


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        epilog="SPEC: mark:NAME, irq:I, irq_fall:I or marker:VALUE (see the module doc)")
    ap.add_argument("events", help="CSV written by soc_sim --events")
    ap.add_argument("--from", dest="frm", required=True, metavar="SPEC",
                    help="event that starts an interval")
    ap.add_argument("--to", required=True, metavar="SPEC", help="event that ends it")
    ap.add_argument("--same-hart", action="store_true",
                    help="pair marks of the same hart only (both specs mark:)")
    ap.add_argument("--skip", type=int, default=0, metavar="N",
                    help="drop the first N intervals (warm-up)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    a = ap.parse_args(argv)
    try:
        if a.skip < 0:
            raise Error(f"--skip must be >= 0, not {a.skip}")
        frm, to = parse_spec(a.frm), parse_spec(a.to)
        intervals, unpaired = pair_events(read_events(a.events), frm, to, a.same_hart)
        if len(intervals) <= a.skip:
            raise Error(f"no {a.frm} -> {a.to} intervals in {a.events} ({len(intervals)} found, "
                        f"{a.skip} skipped, {unpaired} {a.frm} unpaired)")
        out = summarize(intervals[a.skip:], unpaired)
    except Error as e:
        print(f"rt_intervals: {e}", file=sys.stderr)
        return 2
    if a.json:
        print(json.dumps(out))
    else:
        print(" ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                       for k, v in out.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
