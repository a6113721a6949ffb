#!/usr/bin/env bash
# Checks the synthesized netlist, not only the RTL (Yosys 0.23 mis-synthesizes
# some SystemVerilog silently, see NOTES): synthesizes rv_core with Yosys in
# the FPGA's configuration (8 PMP entries, 4 KiB granule, static branch
# prediction as soc_fpga has it) with the trace port,
# Verilates the gate-level netlist and runs random programs in lockstep with
# the ISS configured the same way. splitnets: Yosys packs unrelated bits into
# one vector, which Verilator 5.006 sees as circular logic (UNOPTFLAT) and
# can then evaluate with stale values when an input (read data forwarded to
# the divider's operand) changes; single-bit nets leave no such false loops.
#   tests/isa/netlist_lockstep.sh [WORKDIR] [SEEDS] [rtl]
# With "rtl" the RTL itself is Verilated in that configuration instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$root/build/netlist_lockstep}
seeds=${2:-300}
what=${3:-netlist}
mkdir -p "$work"
srcs="$(grep -v '^#' "$root/rtl/core/sources.f" | sed "s|^|$root/|" | tr '\n' ' ')"
if [ "$what" = rtl ]; then
  model="$srcs -GPMP_GRAN=12 -GPMP_ENTRIES=8 -GBHT_ENTRIES=0 -GJTB_ENTRIES=0"
else
  yosys -q -l "$work/yosys.log" -p "read_verilog -sv $srcs; \
    chparam -set PMP_GRAN 12 -set PMP_ENTRIES 8 -set BHT_ENTRIES 0 -set JTB_ENTRIES 0 rv_core; \
    synth -flatten -top rv_core; opt_clean -purge; splitnets -driver; \
    write_verilog -noattr $work/rv_core_netlist.v" \
    >/dev/null
  model="$work/rv_core_netlist.v"
fi
t=$root/tests/isa
i=$root/sim/iss
verilator --cc --exe --build -j 2 -O3 --x-assign fast --x-initial unique -Wno-fatal -Wno-lint \
  -Wno-style --top-module rv_core --prefix Vrv_core -Mdir "$work/obj" \
  -CFLAGS "-std=c++17 -O2 -I$t -I$i/include" \
  $model \
  "$t/isa_random.cpp" "$t/core_tb.cpp" "$t/lockstep.cpp" "$t/progen.cpp" \
  "$i/src/hart.cpp" "$i/src/sim_memory.cpp" "$i/src/elf_loader.cpp" "$i/src/disasm.cpp" \
  -o isa_random_netlist >"$work/verilator.log" 2>&1 || { tail -30 "$work/verilator.log"; exit 1; }
"$work/obj/isa_random_netlist" --seeds="$seeds" --first=1 --pmp-gran=12
"$work/obj/isa_random_netlist" --seeds="$((seeds / 2))" --first=1 --interrupts --pmp-gran=12
