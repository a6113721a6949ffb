#!/usr/bin/env python3
"""direct_vs_systemc.py SOC_SIM WORKDIR ELF [ARGS...]: runs ELF three times,
once as soc_sim picks (a direct build with --intc=rtl --cpu=rtl and no trace),
once forced into its SystemC build by a one-cycle --trace VCD window, and once
with a one-cycle FST window, which makes every evaluation Verilator's own full
one (no skipped input region), and passes when all three give the same exit
status, output and --stats JSON (apart from the wall-clock fields): the direct
builds and the shortened evaluation simulate exactly what Verilator's
generated evaluation does (docs/simulator.md "Speed")."""
import json
import os
import subprocess
import sys


def run(sim, work, name, elf, args, extra):
    stats = os.path.join(work, f"{name}.json")
    p = subprocess.run([sim, "--progress", "0", "--stats", stats, *extra, *args, elf],
                       capture_output=True, text=True, timeout=600)
    with open(stats) as f:
        d = json.load(f)
    for k in ("wall_seconds", "sim_mhz"):
        d.pop(k, None)
    # The summary line carries the speed.
    err = [l.split(", ")[0] if "simulated MHz" in l else l for l in p.stderr.splitlines()]
    return p.returncode, p.stdout, err, d


def main():
    sim, work, elf, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    os.makedirs(work, exist_ok=True)
    vcd = os.path.join(work, "window.vcd")
    direct = run(sim, work, "direct", elf, args, [])
    systemc = run(sim, work, "systemc", elf, args,
                  ["--trace", vcd, "--trace-from", "1000", "--trace-to", "1001"])
    full = run(sim, work, "full", elf, args,
               ["--trace", os.path.join(work, "window.fst"), "--trace-from", "1000",
                "--trace-to", "1001"])
    print(f"direct: status {direct[0]}, {direct[3]['cycles']} cycles; "
          f"systemc: status {systemc[0]}, {systemc[3]['cycles']} cycles; "
          f"full evaluation: status {full[0]}, {full[3]['cycles']} cycles")
    ok = True
    for other_name, other in (("systemc", systemc), ("full", full)):
        for what, a, b in zip(("status", "output", "stderr", "stats"), direct, other):
            if a != b:
                ok = False
                print(f"direct_vs_systemc: {what} differs:\n  direct: {a}\n  {other_name}: {b}")
    if not ok:
        return 1
    print("direct_vs_systemc: identical")
    return 0


if __name__ == "__main__":
    sys.exit(main())
