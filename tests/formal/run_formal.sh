#!/usr/bin/env bash
# Bounded model checks of the ATS-INTC invariants with yosys-smtbmc (z3).
# The properties are immediate assertions in rtl/ats_intc/ats_intc_props.svh,
# included by ats_intc.sv under `ifdef FORMAL`; the bus and IRQ inputs are
# unconstrained except for the reset at the first cycle.
#   tests/formal/run_formal.sh [WORKDIR] [DEPTH]
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${1:-build/formal}
DEPTH=${2:-20}
mkdir -p "$WORK"
SRC=$(grep -v '^#' rtl/ats_intc/sources.f | grep -v axil | tr '\n' ' ')
# A configuration small enough to explore exhaustively to the given depth:
# 2 processes, 8 levels, 4 entries, 8 IRQs, 8 channels, 1 hart, no counters.
# Elaboration is deferred until the parameters are known (the walks in the
# properties grow with NUM_ENTRIES squared).
PARAMS="-chparam NUM_PROCS 2 -chparam NUM_PRIOS 8 -chparam NUM_ENTRIES ${ENTRIES:-4} \
  -chparam NUM_IRQS 8 -chparam NUM_CHANNELS 8 -chparam NUM_HARTS ${HARTS:-1} -chparam COUNTERS ${COUNTERS:-0}"
yosys -q -l "$WORK/yosys.log" -p "read_verilog -sv -formal -defer -Irtl/ats_intc $SRC; \
  hierarchy -top ats_intc $PARAMS; prep -top ats_intc; async2sync; dffunmap; \
  write_smt2 -wires $WORK/ats_intc.smt2"
asserts=$(grep -c "assert" "$WORK/ats_intc.smt2" || true)
echo "formal: $asserts assertion terms, depth $DEPTH"
LIMIT=${FORMAL_TIMEOUT:-1800}   # seconds of wall clock; the check never hangs
rc=0
timeout "$LIMIT" yosys-smtbmc -s z3 -t "$DEPTH" --dump-vcd "$WORK/cex.vcd" \
    "$WORK/ats_intc.smt2" > "$WORK/bmc.log" 2>&1 || rc=$?
if [ $rc -eq 124 ]; then
  echo "formal: INCOMPLETE: no result within ${LIMIT}s ($(grep -c 'Checking assum' "$WORK/bmc.log") steps started);"
  echo "formal: see $WORK/bmc.log"
  exit 2
fi
if [ $rc -eq 0 ]; then
  echo "formal: PASSED (bounded, depth $DEPTH): $(grep -c 'assert' rtl/ats_intc/ats_intc_props.svh) properties"
else
  grep -E "Assert failed|BMC failed|failed" "$WORK/bmc.log" | head -20
  echo "formal: FAILED, counterexample in $WORK/cex.vcd"
  exit 1
fi
