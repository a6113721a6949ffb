#!/usr/bin/env bash
# iCE40 synthesis figures for the ATS-INTC configurations (and, once they
# exist, the core and the SoC): yosys synth_ice40 -> nextpnr-ice40 (UP5K sg48).
# Prints LCs, RAM blocks and Fmax per design and writes OUT/synth.json as
# benchmark records {metric, config, value, unit}.
#   scripts/synth_ice40.sh [OUT]      (OUT defaults to build/synth)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-build/synth}
mkdir -p "$OUT"
: > "$OUT/records.jsonl"

INTC_SRC=$(grep -v '^#' rtl/ats_intc/sources.f | tr '\n' ' ')
declare -A PARAMS=(
  [default]="-set NUM_PROCS 4 -set NUM_PRIOS 8 -set NUM_ENTRIES 256 -set NUM_IRQS 8 -set NUM_CHANNELS 8 -set NUM_HARTS 1 -set COUNTERS 1"
  [small]="-set NUM_PROCS 2 -set NUM_PRIOS 8 -set NUM_ENTRIES 32 -set NUM_IRQS 8 -set NUM_CHANNELS 8 -set NUM_HARTS 1 -set COUNTERS 0"
)
FREQ=40

for cfg in small default; do
  d="$OUT/intc_$cfg"; mkdir -p "$d"
  # Generic LUT4/FF counts of the IP alone.
  yosys -q -l "$d/generic.log" -p "read_verilog -sv $INTC_SRC; chparam ${PARAMS[$cfg]} ats_intc; \
      synth -top ats_intc -lut 4; stat" >/dev/null
  # iCE40 mapping of the IP in its scan harness, then place and route.
  yosys -q -l "$d/ice40.log" -p "read_verilog -sv $INTC_SRC rtl/fpga/ats_intc_scan_top.sv; \
      chparam ${PARAMS[$cfg]} ats_intc_scan_top; synth_ice40 -top ats_intc_scan_top -json $d/top.json; stat" >/dev/null
  nextpnr-ice40 --up5k --package sg48 --json "$d/top.json" --asc "$d/top.asc" --freq $FREQ \
      --timing-allow-fail --report "$d/report.json" -q -l "$d/pnr.log" >/dev/null 2>&1 || {
    echo "synth: nextpnr failed for ats_intc ($cfg), see $d/pnr.log"; exit 1; }
  # Scan chain: 56 + NUM_IRQS input bits, 36 + 2 * NUM_HARTS output bits (8 IRQs, 1 hart here).
  python3 scripts/synth_report.py "$d" "ats_intc" "$cfg" "$FREQ" $((56 + 8 + 36 + 2)) >> "$OUT/records.jsonl"
done

if [ -f rtl/core/synth.sh ]; then bash rtl/core/synth.sh "$OUT" >> "$OUT/records.jsonl"; fi
python3 - "$OUT" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1] + "/records.jsonl") if l.strip()]
json.dump(recs, open(sys.argv[1] + "/synth.json", "w"), indent=1)
PY
echo "synth: records in $OUT/synth.json"
