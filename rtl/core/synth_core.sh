#!/usr/bin/env bash
# Synthesizes the core alone for the iCE40 UP5K in its FPGA configuration
# (8 PMP entries at 4 KiB granularity, no trace port) inside the out-of-context
# harness rv_core_ooc, places and routes it, and prints LCs (harness removed),
# DSPs, block RAMs and Fmax. Writes OUTDIR/core_synth.json as evaluation
# records {"metric", "config", "value", "unit"}.
#   rtl/core/synth_core.sh [OUTDIR] [PMP_ENTRIES]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/build/synth/core}
entries=${2:-8}
mkdir -p "$out"
srcs="$(grep -v '^#' "$root/rtl/core/sources.f" | sed "s|^|$root/|" | tr '\n' ' ')"
yosys -q -l "$out/yosys.log" -p "read_verilog -sv $srcs $root/rtl/core/rv_core_ooc.sv; \
  chparam -set PMP_ENTRIES $entries rv_core_ooc; \
  synth_ice40 -dsp -top rv_core_ooc -json $out/rv_core.json" > /dev/null
printf 'set_io clk_i 35\nset_io rst_ni 10\nset_io scan_i 6\nset_io scan_o 9\n' > "$out/ooc.pcf"
nextpnr-ice40 --up5k --package sg48 --json "$out/rv_core.json" --pcf "$out/ooc.pcf" --freq 24 \
  --report "$out/report.json" --timing-allow-fail -q --log "$out/nextpnr.log" > /dev/null 2>&1 \
  || { packed=$(sed -n 's/.*of \([0-9]*\) ICESTORM_LCs.*/\1/p' "$out/nextpnr.log" | tail -1)
       if [ -n "$packed" ]; then
         echo "rv_core ($entries PMP entries, 4 KiB granule): $((packed - 185)) LCs after packing;" \
              "does not fit the UP5K (5280 LCs) together with the harness, no Fmax"
         printf '[{"metric": "fpga.lc", "config": "up5k:rv_core_pmp%s", "value": %s, "unit": "LC"}]\n' \
           "$entries" "$((packed - 185))" > "$out/core_synth.json"
       else
         tail -20 "$out/nextpnr.log"
       fi
       exit 1; }
python3 - "$out" "$entries" <<'PY'
import json, sys
out, entries = sys.argv[1], sys.argv[2]
rep = json.load(open(f"{out}/report.json"))
util = rep["utilization"]
harness = 75 + 110  # shift-chain flip-flops of rv_core_ooc
lc = util["ICESTORM_LC"]["used"] - harness
dsp = util.get("ICESTORM_DSP", {}).get("used", 0)
ram = util.get("ICESTORM_RAM", {}).get("used", 0)
fmax = min(v["achieved"] for v in rep["fmax"].values())
print(f"rv_core ({entries} PMP entries, 4 KiB granule) on iCE40 UP5K: {lc} LCs, {dsp} DSPs, {ram} RAM blocks, Fmax {fmax:.1f} MHz "
      f"(targets: <= 3500 LCs, >= 24 MHz)")
recs = [
  {"metric": "fpga.lc", "config": f"up5k:rv_core_pmp{entries}", "value": lc, "unit": "LC"},
  {"metric": "fpga.dsp", "config": f"up5k:rv_core_pmp{entries}", "value": dsp, "unit": "count"},
  {"metric": "fpga.ram", "config": f"up5k:rv_core_pmp{entries}", "value": ram, "unit": "count"},
  {"metric": "fpga.fmax", "config": f"up5k:rv_core_pmp{entries}", "value": round(fmax, 1), "unit": "MHz"},
]
json.dump(recs, open(f"{out}/core_synth.json", "w"), indent=1)
PY
