#!/usr/bin/env python3
"""Judge one nextpnr-ice40 run of scripts/bitstream.sh: print the resources and
Fmax, emit benchmark records, and fail when the design does not fit or misses
the board's clock.

usage: bitstream_report.py OUT CONFIG CLK_HZ SYNTH_ONLY [HARNESS_LC]
OUT holds nextpnr.log (and report.json after placement). CONFIG is
"board:design" (the whole SoC: "icebreaker:soc"); HARNESS_LC logic cells of a
synthesis harness (scan chains around a block placed alone) are subtracted
from the LC count. Records {metric, config, value, unit} go to stdout as JSON
lines; the summary goes to stderr. Exit 0 fits (and meets the clock after
placement), 1 does not fit / misses timing / nextpnr failed.
"""
import json
import os
import re
import sys


def utilisation(log_text):
    """The last 'Device utilisation' block: {resource: (used, available)}."""
    start = log_text.rfind("Device utilisation:")
    if start < 0:
        return {}
    found = {}
    for line in log_text[start:].splitlines()[1:]:
        m = re.match(r"Info:\s+(\w+):\s+(\d+)/\s*(\d+)", line)
        if not m:
            break
        found[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return found


def main():
    out, config, clk_hz = sys.argv[1], sys.argv[2], int(sys.argv[3])
    synth_only = sys.argv[4] == "1"
    harness = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    board, design = config.split(":", 1)
    log_path = os.path.join(out, "nextpnr.log")
    log_text = open(log_path).read() if os.path.exists(log_path) else ""
    util = utilisation(log_text)
    if "ICESTORM_LC" not in util:
        print(f"bitstream: {config}: nextpnr did not pack the design, see {log_path}",
              file=sys.stderr)
        return 1
    used = {k: v[0] for k, v in util.items()}
    lc, lc_max = util["ICESTORM_LC"]
    block = f" ({lc - harness} without the {harness}-cell harness)" if harness else ""
    records = [("fpga.lc", lc - harness, "LC"), ("fpga.ram", used.get("ICESTORM_RAM", 0), "EBR"),
               ("fpga.spram", used.get("ICESTORM_SPRAM", 0), "count"),
               ("fpga.dsp", used.get("ICESTORM_DSP", 0), "count")]
    summary = (f"{lc}/{lc_max} LCs{block}, {used.get('ICESTORM_RAM', 0)} RAM blocks, "
               f"{used.get('ICESTORM_SPRAM', 0)} SPRAM, {used.get('ICESTORM_DSP', 0)} DSPs")
    over = [f"{k} {u}/{a}" for k, (u, a) in util.items() if u > a]
    status = 0
    if over:
        advice = (f"; cut it with the parameters in constraints/{board}.cfg (docs/fpga.md)"
                  if design == "soc" else "")
        print(f"bitstream: {config}: {summary}: does not fit the device ({', '.join(over)})"
              f"{advice}", file=sys.stderr)
        status = 1
    elif synth_only:
        print(f"bitstream: {config}: {summary} (packed, not placed)", file=sys.stderr)
    else:
        rpt_path = os.path.join(out, "report.json")
        if not os.path.exists(rpt_path) or "ERROR" in log_text:
            print(f"bitstream: {config}: {summary}: place and route failed, see {log_path}",
                  file=sys.stderr)
            return 1
        rpt = json.load(open(rpt_path))
        fmax = min(v["achieved"] for v in rpt["fmax"].values())
        records.append(("fpga.fmax", round(fmax, 1), "MHz"))
        want = clk_hz / 1e6
        verdict = "meets" if fmax >= want else "MISSES"
        print(f"bitstream: {config}: {summary}, Fmax {fmax:.1f} MHz: {verdict} the "
              f"{want:.4g} MHz clock", file=sys.stderr)
        status = 0 if fmax >= want else 1
    for metric, value, unit in records:
        print(json.dumps({"metric": metric, "config": config, "value": value, "unit": unit}))
    return status


if __name__ == "__main__":
    sys.exit(main())
