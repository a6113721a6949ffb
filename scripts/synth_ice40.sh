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
  # Generic LUT4/FF counts of the IP alone, memories kept as memories.
  yosys -q -l "$d/generic.log" -p "read_verilog -sv $INTC_SRC; chparam ${PARAMS[$cfg]} ats_intc; \
      synth -top ats_intc -run begin:fine; opt -fast -full; techmap; opt -fast; abc -lut 4; \
      opt_clean; stat" >/dev/null
  # iCE40 mapping of the IP in its scan harness, then place and route.
  yosys -q -l "$d/ice40.log" -p "read_verilog -sv $INTC_SRC rtl/fpga/ats_intc_scan_top.sv; \
      chparam ${PARAMS[$cfg]} ats_intc_scan_top; synth_ice40 -top ats_intc_scan_top -json $d/top.json; stat" >/dev/null
  # Place and route on the UP5K; a configuration too large for it (the
  # simulation default) is placed on the HX8K instead, and the record says so.
  placed=""
  for dev in "up5k sg48" "hx8k ct256"; do
    set -- $dev
    if nextpnr-ice40 --$1 --package $2 --json "$d/top.json" --asc "$d/top.asc" --freq $FREQ \
        --timing-allow-fail --report "$d/report.json" -q -l "$d/pnr_$1.log" >/dev/null 2>&1; then
      placed=$1; break
    fi
    grep -qE "no BELs remaining|Failed to expand region" "$d/pnr_$1.log" || {
      echo "synth: nextpnr failed for ats_intc ($cfg) on $1, see $d/pnr_$1.log"; exit 1; }
    echo "synth: ats_intc ($cfg) does not fit the $1"
  done
  if [ -z "$placed" ]; then
    python3 scripts/synth_report.py "$d" "ats_intc" "$cfg" "$FREQ" 0 none >> "$OUT/records.jsonl"
    continue
  fi
  # Scan chain: 56 + NUM_IRQS input bits, 36 + 2 * NUM_HARTS output bits (8 IRQs, 1 hart here).
  python3 scripts/synth_report.py "$d" "ats_intc" "$cfg" "$FREQ" $((56 + 8 + 36 + 2)) "$placed" \
      >> "$OUT/records.jsonl"
done

# The core alone on the UP5K (its FPGA configuration: 8 PMP entries, 4 KiB
# granule, static prediction), and with the simulated SoC's branch predictor
# (core_bpred); a core too large for the part still reports its LCs.
if [ -f rtl/core/synth_core.sh ]; then
  for bp in 0 1; do
    dir="$OUT/core"
    [ "$bp" = 1 ] && dir="$OUT/core_bpred"
    rm -f "$dir/core_synth.json"
    bash rtl/core/synth_core.sh "$dir" 8 "$bp" || echo "synth: the core did not place (see above)"
    [ -f "$dir/core_synth.json" ] && python3 -c '
import json, sys
for r in json.load(open(sys.argv[1])): print(json.dumps(r))' "$dir/core_synth.json" >> "$OUT/records.jsonl"
  done
fi
python3 - "$OUT" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1] + "/records.jsonl") if l.strip()]
json.dump(recs, open(sys.argv[1] + "/synth.json", "w"), indent=1)
PY
echo "synth: records in $OUT/synth.json"
