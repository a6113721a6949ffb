#!/usr/bin/env bash
# verilator --lint-only -Wall on every RTL top, in every configuration we build.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
lint() {  # lint NAME FILELIST TOP [PARAMS...]
  local name=$1 list=$2 top=$3; shift 3
  [ -f "$list" ] || return 0
  if out=$(verilator --lint-only -Wall --top-module "$top" "$@" $(grep -v '^#' "$list") 2>&1); then
    echo "lint: $name clean"
  else
    echo "lint: $name FAILED"; echo "$out"; fail=1
  fi
}
INTC_DEFAULT="-GNUM_PROCS=4 -GNUM_PRIOS=8 -GNUM_ENTRIES=256 -GNUM_IRQS=8 -GNUM_CHANNELS=8 -GNUM_HARTS=1 -GCOUNTERS=1"
INTC_SMALL="-GNUM_PROCS=2 -GNUM_PRIOS=8 -GNUM_ENTRIES=32 -GNUM_IRQS=8 -GNUM_CHANNELS=8 -GNUM_HARTS=1 -GCOUNTERS=0"
INTC_MAX="-GNUM_PROCS=15 -GNUM_PRIOS=32 -GNUM_ENTRIES=1024 -GNUM_IRQS=32 -GNUM_CHANNELS=32 -GNUM_HARTS=4 -GCOUNTERS=1"
if [ -f rtl/ats_intc/ats_intc.sv ]; then
  lint "ats_intc (default)" rtl/ats_intc/sources.f ats_intc $INTC_DEFAULT
  lint "ats_intc (small)"   rtl/ats_intc/sources.f ats_intc $INTC_SMALL
  lint "ats_intc (max)"     rtl/ats_intc/sources.f ats_intc $INTC_MAX
  lint "ats_intc_axil"      rtl/ats_intc/sources.f ats_intc_axil
fi
if [ -f rtl/core/rv_core.sv ]; then
  lint "rv_core" rtl/core/sources.f rv_core
  lint "rv_core (static prediction)" rtl/core/sources.f rv_core -GBHT_ENTRIES=0 -GJTB_ENTRIES=0
  lint "rv_core (1-entry tables)" rtl/core/sources.f rv_core -GBHT_ENTRIES=1 -GJTB_ENTRIES=1
fi
if [ -f rtl/soc/soc_top.sv ]; then
  lint "soc_top (1 hart, simulation)"  rtl/soc/soc_top.f soc_top -GNUM_HARTS=1
  lint "soc_top (4 harts, simulation)" rtl/soc/soc_top.f soc_top -GNUM_HARTS=4
  lint "soc_top (iCEBreaker)"          rtl/soc/soc_top.f soc_top -GNUM_HARTS=1 -GHAS_PLIC=0 \
    -GHAS_PKTDEV=0 -GHAS_SIMCTRL=0 -GEXT_PORTS=0 -GUART_SIM=0 -GRAM_BYTES=32\'h20000
fi
# The FPGA board tops (rtl/fpga/sources.f after the SoC), with port stubs of
# the iCE40 PLL primitives and the waivers for the pins they leave open.
if [ -f rtl/fpga/sources.f ]; then
  for top in icebreaker_top hx8k_top; do
    lint "$top" rtl/fpga/sources.f "$top" rtl/fpga/lint/fpga_waivers.vlt \
      $(grep -v '^#' rtl/soc/soc_top.f) rtl/fpga/lint/ice40_pll_stubs.sv
  done
fi
exit $fail
