#!/usr/bin/env bash
# Bounded model checks of the ATS-INTC invariants (docs/ats_intc.md
# "Verification"). The properties are immediate assertions in
# rtl/ats_intc/ats_intc_props.svh, included by ats_intc.sv under `ifdef FORMAL`;
# the bus and IRQ inputs are unconstrained except for the reset at the first
# cycle.
#
#   tests/formal/run_formal.sh [WORKDIR]
#
# Environment:
#   ENGINE    abc (default): Yosys writes a bit-level AIGER model and
#             yosys-abc's bmc3 checks it; smtbmc: yosys-smtbmc with SOLVER
#             (cvc5 default, or z3) on the word-level SMT-LIBv2 model.
#   DEPTH     override the depth of every instance
#   INSTANCES which instances to run (default: all, see below)
#   RTL_DIR   where the controller's sources are (default rtl/ats_intc; the
#             mutation test points it at a copy with a bug in it)
#   FORMAL_TIMEOUT  seconds per instance (default 1800); the check never hangs
#
# Exit status: 0 every instance passed to its depth, 1 a property failed
# (counterexample: WORKDIR/INSTANCE/cex.vcd), 2 no result in time or bad input.
#
# Why these instances: the cost of a bounded check grows exponentially with
# the depth, and the properties walk every list every cycle, so the depth-20
# check runs on the smallest instance that still has every mechanism (two
# processes that share one pool, an exhausted pool, wait lists of IRQs and
# channels, quotas, process reset); the wider instances, with the product's
# small-configuration parameters, go less deep. Measured with Yosys 0.23's ABC
# on one core: "deep" ~30 s; z3 4.8.12 does not even load the model in 30
# minutes and cvc5 1.0.3 needs minutes per step (docs/ats_intc.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${1:-build/formal}
ENGINE=${ENGINE:-abc}
SOLVER=${SOLVER:-cvc5}
RTL_DIR=${RTL_DIR:-rtl/ats_intc}
LIMIT=${FORMAL_TIMEOUT:-1800}

die() { echo "formal: $*" >&2; exit 2; }
case "$ENGINE" in abc|smtbmc) ;; *) die "unknown ENGINE '$ENGINE' (abc or smtbmc)";; esac
case "$SOLVER" in cvc5|z3) ;; *) die "unknown SOLVER '$SOLVER' (cvc5 or z3)";; esac
[ -f "$RTL_DIR/sources.f" ] || die "no $RTL_DIR/sources.f"

# name : depth : NUM_PROCS NUM_PRIOS NUM_ENTRIES NUM_IRQS NUM_CHANNELS NUM_HARTS COUNTERS
ALL_INSTANCES="deep wide small two_harts"
declare -A SPEC=(
  [deep]="20:2 2 2 2 2 1 0"
  [two_harts]="12:2 2 2 2 2 2 1"
  [wide]="8:2 2 4 2 2 1 0"
  [small]="6:2 8 4 8 8 1 0"
)
INSTANCES=${INSTANCES:-$ALL_INSTANCES}

# Source list, relative to RTL_DIR's parent layout (sources.f names rtl/ats_intc/...).
SRC=""
for f in $(grep -v '^#' rtl/ats_intc/sources.f | grep -v axil); do
  SRC="$SRC $RTL_DIR/$(basename "$f")"
done
PROPS=$(grep -c "assert (" "$RTL_DIR/ats_intc_props.svh")

check_instance() {
  local name=$1 spec=${SPEC[$1]:-}
  [ -n "$spec" ] || die "unknown instance '$name' (instances: $ALL_INSTANCES)"
  local depth=${DEPTH:-${spec%%:*}} p
  read -r -a p <<< "${spec#*:}"
  local dir="$WORK/$name"
  mkdir -p "$dir"
  local params="-chparam NUM_PROCS ${p[0]} -chparam NUM_PRIOS ${p[1]} -chparam NUM_ENTRIES ${p[2]}"
  params="$params -chparam NUM_IRQS ${p[3]} -chparam NUM_CHANNELS ${p[4]} -chparam NUM_HARTS ${p[5]} -chparam COUNTERS ${p[6]}"
  local read="read_verilog -sv -formal -defer -I$RTL_DIR $SRC; hierarchy -top ats_intc $params; prep -top ats_intc"
  local what="procs ${p[0]}, prios ${p[1]}, entries ${p[2]}, irqs ${p[3]}, channels ${p[4]}, harts ${p[5]}, counters ${p[6]}"
  local t0=$SECONDS rc=0
  if [ "$ENGINE" = abc ]; then
    # The SymbiYosys "abc bmc3" recipe: assumptions become AIGER invariant
    # constraints, assertions bad-state properties; undriven bits are free.
    yosys -q -l "$dir/yosys.log" -p "$read; flatten; async2sync; chformal -assume -early; \
      chformal -live -fair -cover -remove; opt_clean; setundef -anyseq; opt -keepdc -fast; \
      delete -output; memory_map; opt -full; techmap; opt -fast; dffunmap; abc -g AND -fast; \
      opt_clean; write_rtlil $dir/model.il; write_aiger -I -B -zinit -map $dir/model.aim $dir/model.aig" \
      || die "$name: yosys failed, see $dir/yosys.log"
    timeout "$LIMIT" yosys-abc -c "read_aiger $dir/model.aig; fold; strash; orpos; strash; \
      scorr; dc2; bmc3 -F $depth -v" > "$dir/bmc.log" 2>&1 || rc=$?
    if [ $rc -eq 0 ]; then
      if grep -q "was asserted in frame" "$dir/bmc.log"; then
        rc=1
      elif ! grep -q "No output asserted in $depth frames" "$dir/bmc.log"; then
        rc=3
      fi
    fi
  else
    yosys -q -l "$dir/yosys.log" -p "$read; flatten; memory_map; opt -fast; async2sync; dffunmap; \
      write_smt2 -wires $dir/model.smt2" || die "$name: yosys failed, see $dir/yosys.log"
    timeout "$LIMIT" yosys-smtbmc -s "$SOLVER" -t "$depth" --dump-vcd "$dir/cex.vcd" \
      "$dir/model.smt2" > "$dir/bmc.log" 2>&1 || rc=$?
  fi
  local secs=$((SECONDS - t0))
  case $rc in
    0) echo "formal: $name ($what): PASSED to depth $depth, $PROPS properties, ${secs}s ($ENGINE)";;
    124) echo "formal: $name: INCOMPLETE: no result within ${LIMIT}s; see $dir/bmc.log"; return 2;;
    1)
      if [ "$ENGINE" = abc ]; then
        # The witness, from the model as written (scorr/dc2 drop latches), and
        # its replay in Yosys's simulator on the same netlist: a VCD.
        local frame
        frame=$(sed -n 's/.*was asserted in frame \([0-9]*\).*/\1/p' "$dir/bmc.log" | head -1)
        yosys-abc -c "read_aiger $dir/model.aig; fold; strash; bmc3 -F $((frame + 1)); \
          write_cex -a $dir/cex.aiw" > "$dir/witness.log" 2>&1 || true
        yosys -q -l "$dir/replay.log" -p "read_rtlil $dir/model.il; \
          sim -r $dir/cex.aiw -map $dir/model.aim -clock clk_i -vcd $dir/cex.vcd" > /dev/null 2>&1 || true
        # write_aiger numbers the bad states in the order of the $assert
        # cells in the netlist, which carry their source lines.
        local k src
        k=$(sed -n 's/.*Output \([0-9]*\) of miter.*/\1/p' "$dir/witness.log" | head -1)
        src=$(grep -B3 'cell \$assert' "$dir/model.il" | sed -n 's/.*src "\([^"]*\)".*/\1/p' \
          | sed -n "$((${k:-0} + 1))p")
        echo "formal: $name: assertion at ${src:-?} fails at cycle $frame"
      else
        grep -E "Assert failed|failed" "$dir/bmc.log" | head -5
      fi
      echo "formal: $name: FAILED, counterexample in $dir/cex.vcd"
      return 1;;
    *) echo "formal: $name: no verdict (exit $rc); see $dir/bmc.log"; return 2;;
  esac
}

failed=0 incomplete=0
for i in $INSTANCES; do
  r=0
  check_instance "$i" || r=$?
  if [ $r -eq 1 ]; then failed=1; elif [ $r -ne 0 ]; then incomplete=1; fi
done
[ $failed -eq 0 ] || exit 1
[ $incomplete -eq 0 ] || exit 2
