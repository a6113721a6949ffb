#!/usr/bin/env python3
"""System test of the simulator's event log on firmware/tests/system/marks.cpp:
runs soc_sim --events --stats, then scripts/rt_intervals.py on the log.

  check_marks.py SOC_SIM MARKS_ELF RT_INTERVALS OUT_DIR [soc_sim options...]

Checks: "line.start" -> "line.end" (20 addi, one cycle each) is exactly 20
cycles, three times; "loop.body" retires 10 times (log and stats agree);
MARKER 0x5a comes before the first "line.start"; the UART's irq line
(ATS-INTC irq 0) rises once after "irq.raise" and falls once after
"irq.lower". Exit 0 = pass; a failed check prints what differs.
"""
import json
import os
import subprocess
import sys


def main():
    sim, elf, rt_intervals, out = sys.argv[1:5]
    options = sys.argv[5:]
    os.makedirs(out, exist_ok=True)
    events, stats = os.path.join(out, "events.csv"), os.path.join(out, "stats.json")
    cmd = [sim, "--progress", "0", "--max-cycles", "100k", "--events", events, "--stats", stats,
           *options, elf]
    print("$", " ".join(cmd))
    run = subprocess.run(cmd, capture_output=True, text=True)
    print(run.stdout + run.stderr)
    failures = []
    if run.returncode != 0:
        sys.exit(f"FAIL: soc_sim exit status {run.returncode}")

    def interval(frm, to, *extra):
        p = subprocess.run([sys.executable, rt_intervals, events, "--from", frm, "--to", to,
                            "--json", *extra], capture_output=True, text=True)
        if p.returncode != 0:
            failures.append(f"rt_intervals {frm} -> {to}: status {p.returncode}: {p.stderr.strip()}")
            return None
        r = json.loads(p.stdout)
        print(f"{frm} -> {to}: {r}")
        return r

    def expect(what, got, want):
        if got != want:
            failures.append(f"{what}: got {got}, expected {want}")

    r = interval("mark:line.start", "mark:line.end", "--same-hart")
    if r:
        expect("straight line (20 addi)", (r["n"], r["min"], r["max"], r["unpaired"]),
               (3, 20, 20, 0))
    r = interval("mark:loop.body", "mark:loop.body")  # periods: 10 passes give 9, 1 left open
    if r:
        expect("loop.body passes", r["n"] + r["unpaired"], 10)
    marks = json.load(open(stats)).get("marks", {})
    expect("stats marks", marks, {"line.start": 3, "line.end": 3, "loop.body": 10,
                                  "irq.raise": 1, "irq.lower": 1})
    with open(events) as f:
        expect("loop.body lines in the log", sum(l.endswith(",mark,loop.body\n") for l in f), 10)
    r = interval("marker:0x5a", "mark:line.start")
    if r:
        expect("MARKER -> first line.start", (r["n"], r["unpaired"]), (1, 0))
    for frm, to in (("mark:irq.raise", "irq:0"), ("mark:irq.lower", "irq_fall:0"),
                    ("irq:0", "irq_fall:0")):
        r = interval(frm, to)
        if r:
            expect(f"{frm} -> {to}", (r["n"], r["unpaired"], r["min"] > 0), (1, 0, True))
    if failures:
        sys.exit("FAIL: " + "; ".join(failures))
    print("check_marks: PASS")


if __name__ == "__main__":
    main()
