#!/usr/bin/env bash
# Synthesizes the core alone for the iCE40 UP5K in its FPGA configuration
# (8 PMP entries at 4 KiB granularity, no trace port, static branch
# prediction), or with the dynamic predictor (BPRED = 1: rv_bpred's default
# tables, as the simulated SoC has them) inside the out-of-context
# harness rv_core_ooc, places and routes it, and prints LCs (harness removed),
# DSPs, block RAMs and Fmax. Writes OUTDIR/core_synth.json as evaluation
# records {"metric", "config", "value", "unit"}.
#   rtl/core/synth_core.sh [OUTDIR] [PMP_ENTRIES] [BPRED]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/build/synth/core}
entries=${2:-8}
bpred=${3:-0}
cfg=rv_core_pmp$entries
what="$entries PMP entries, 4 KiB granule"
chp=""
if [ "$bpred" = 1 ]; then
  cfg=${cfg}_bpred
  what="$what, branch predictor 512 + 256"
  chp="chparam -set BHT_ENTRIES 512 -set JTB_ENTRIES 256 rv_core_ooc;"
fi
mkdir -p "$out"
srcs="$(grep -v '^#' "$root/rtl/core/sources.f" | sed "s|^|$root/|" | tr '\n' ' ')"
yosys -q -l "$out/yosys.log" -p "read_verilog -sv $srcs $root/rtl/core/rv_core_ooc.sv; \
  chparam -set PMP_ENTRIES $entries rv_core_ooc; $chp \
  synth_ice40 -dsp -top rv_core_ooc -json $out/rv_core.json" > /dev/null
printf 'set_io clk_i 35\nset_io rst_ni 10\nset_io scan_i 6\nset_io scan_o 9\n' > "$out/ooc.pcf"
nextpnr-ice40 --up5k --package sg48 --json "$out/rv_core.json" --pcf "$out/ooc.pcf" --freq 24 \
  --report "$out/report.json" --timing-allow-fail -q --log "$out/nextpnr.log" > /dev/null 2>&1 \
  || { packed=$(sed -n 's/.*of \([0-9]*\) ICESTORM_LCs.*/\1/p' "$out/nextpnr.log" | tail -1)
       if [ -n "$packed" ]; then
         echo "rv_core ($what): $((packed - 185)) LCs after packing;" \
              "does not fit the UP5K (5280 LCs) together with the harness, no Fmax"
         printf '[{"metric": "fpga.lc", "config": "up5k:%s", "value": %s, "unit": "LC"}]\n' \
           "$cfg" "$((packed - 185))" > "$out/core_synth.json"
       else
         tail -20 "$out/nextpnr.log"
       fi
       exit 1; }
python3 - "$out" "$cfg" "$what" <<'PY'
import json, sys
out, cfg, what = sys.argv[1], sys.argv[2], sys.argv[3]
rep = json.load(open(f"{out}/report.json"))
util = rep["utilization"]
harness = 75 + 110  # shift-chain flip-flops of rv_core_ooc
lc = util["ICESTORM_LC"]["used"] - harness
dsp = util.get("ICESTORM_DSP", {}).get("used", 0)
ram = util.get("ICESTORM_RAM", {}).get("used", 0)
fmax = min(v["achieved"] for v in rep["fmax"].values())
print(f"rv_core ({what}) on iCE40 UP5K: {lc} LCs, {dsp} DSPs, {ram} RAM blocks, Fmax {fmax:.1f} MHz "
      f"(targets: <= 3500 LCs, >= 24 MHz)")
recs = [
  {"metric": "fpga.lc", "config": f"up5k:{cfg}", "value": lc, "unit": "LC"},
  {"metric": "fpga.dsp", "config": f"up5k:{cfg}", "value": dsp, "unit": "count"},
  {"metric": "fpga.ram", "config": f"up5k:{cfg}", "value": ram, "unit": "count"},
  {"metric": "fpga.fmax", "config": f"up5k:{cfg}", "value": round(fmax, 1), "unit": "MHz"},
]
json.dump(recs, open(f"{out}/core_synth.json", "w"), indent=1)
PY
