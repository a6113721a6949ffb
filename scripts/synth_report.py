#!/usr/bin/env python3
"""Summarise one yosys + nextpnr-ice40 run: print a line, emit benchmark records.

usage: synth_report.py DIR DESIGN CONFIG FREQ_MHZ SCAN_BITS DEVICE
DIR holds generic.log (yosys `synth -lut 4; stat`), ice40.log (synth_ice40 of the
scan harness) and report.json (nextpnr --report). Records go to stdout as JSON
lines; the human summary goes to stderr.
"""
import json
import re
import sys


def stat_cells(log):
    """Cell counts from the last `stat` block of a yosys log."""
    text = open(log).read()
    block = text[text.rfind("Number of cells:"):]
    cells = {}
    for m in re.finditer(r"^\s+(\$?\w+)\s+(\d+)\s*$", block, re.M):
        cells[m.group(1)] = int(m.group(2))
    return cells


def main():
    d, design, cfg, freq = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    scan_bits = int(sys.argv[5])
    device = sys.argv[6]
    generic = stat_cells(f"{d}/generic.log")
    luts = generic.get("$lut", 0)
    ffs = sum(v for k, v in generic.items() if re.match(r"\$_(S?DFF|DFFE|SDFFE|SDFFCE|ALDFF)", k))
    mems = sum(v for k, v in generic.items() if k.startswith("$mem"))
    ice = stat_cells(f"{d}/ice40.log")
    if device == "none":  # fits no supported iCE40: generic figures only
        print(f"synth: {design} ({cfg}) fits no supported iCE40; generic: {luts} LUT4, {ffs} FF, "
              f"{mems} memories", file=sys.stderr)
        for metric, value, unit in (("synth.lut4", luts, "LUT"), ("synth.ff", ffs, "FF")):
            print(json.dumps({"metric": metric, "config": f"generic:{design}-{cfg}",
                              "value": value, "unit": unit}))
        return
    rpt = json.load(open(f"{d}/report.json"))
    util = rpt["utilization"]
    lc = util["ICESTORM_LC"]["used"]
    ram = util["ICESTORM_RAM"]["used"]
    dsp = util.get("ICESTORM_DSP", {}).get("used", 0)
    fmax = min(v["achieved"] for v in rpt["fmax"].values())
    # The scan harness costs about one LC per chain bit (see rtl/fpga/ats_intc_scan_top.sv).
    scan_ffs = scan_bits
    ip_lc = lc - scan_ffs
    cfgname = f"{device}:{design}-{cfg}"
    print(f"synth: {design} ({cfg}) on {device}: {ip_lc} LC for the IP ({lc} placed, of which ~{scan_ffs} "
          f"scan harness), {ram} RAM blocks, {dsp} DSP, Fmax {fmax:.1f} MHz "
          f"(target {freq:.0f}); generic: {luts} LUT4, {ffs} FF, {mems} memories; "
          f"iCE40 cells: {ice.get('SB_LUT4', 0)} SB_LUT4, {ice.get('SB_CARRY', 0)} SB_CARRY",
          file=sys.stderr)
    recs = [
        {"metric": "fpga.lc", "config": cfgname, "value": ip_lc, "unit": "LC"},
        {"metric": "fpga.fmax", "config": cfgname, "value": round(fmax, 1), "unit": "MHz"},
        {"metric": "fpga.ram", "config": cfgname, "value": ram, "unit": "EBR"},
        {"metric": "synth.lut4", "config": f"generic:{design}-{cfg}", "value": luts, "unit": "LUT"},
        {"metric": "synth.ff", "config": f"generic:{design}-{cfg}", "value": ffs, "unit": "FF"},
    ]
    for r in recs:
        print(json.dumps(r))


if __name__ == "__main__":
    main()
