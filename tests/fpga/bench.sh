#!/usr/bin/env bash
# Bench hook (scripts/bench.sh runs tests/*/bench.sh): the boot time of the
# demo firmware over the UART loader (bench_boot.sh), and the resource and Fmax
# table of each FPGA board, for the ATS-INTC alone, the core alone and the
# whole SoC, each in the board's configuration (constraints/BOARD.cfg) and
# placed on the board's device at the board's clock. Records
# {"metric": "fpga.lc" | "fpga.fmax" | ..., "config": "BOARD:design"} on stdout;
# a design that does not fit gets its packed LC count and no Fmax.
#   tests/fpga/bench.sh BUILD
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(realpath "${1:-build}")
cd "$root"

# place OUT CONFIG CLK_HZ HARNESS_LC JSON: nextpnr on the board's device, then
# the report (records on stdout, summary on stderr).
place() {
  local out=$1 config=$2 clk=$3 harness=$4 json=$5
  nextpnr-ice40 "--$DEVICE" --package "$PACKAGE" --json "$json" --freq "$(python3 -c "print($clk / 1e6)")" \
    --report "$out/report.json" --timing-allow-fail -q -l "$out/nextpnr.log" > /dev/null 2>&1
  python3 scripts/bitstream_report.py "$out" "$config" "$clk" 0 "$harness"
}

bash tests/fpga/bench_boot.sh "$build" || echo "bench: the boot-time run failed" >&2

for board in icebreaker hx8k; do
  (
    # shellcheck source=/dev/null
    source "constraints/$board.cfg"
    out="$build/bench/bitstream/$board"
    mkdir -p "$out/ats_intc" "$out/rv_core"
    param() { sed -n "s/.*-set $1 \([0-9]*\).*/\1/p" <<< "$PARAMS"; }

    # The whole SoC, through the same script as `make bitstream`.
    BUILD="$build" bash scripts/bitstream.sh "$board" "$out/soc" 1>&2
    cat "$out/soc/records.jsonl"

    # The ATS-INTC alone in its scan harness (rtl/fpga/ats_intc_scan_top.sv:
    # 56 + NUM_IRQS input and 36 + 2 * NUM_HARTS output chain cells).
    intc_src=$(grep -v '^#' rtl/ats_intc/sources.f | tr '\n' ' ')
    yosys -q -l "$out/ats_intc/yosys.log" -p "read_verilog -sv $intc_src rtl/fpga/ats_intc_scan_top.sv; \
      chparam -set NUM_PROCS $(param INTC_NUM_PROCS) -set NUM_PRIOS 8 \
        -set NUM_ENTRIES $(param INTC_NUM_ENTRIES) -set NUM_IRQS 8 -set NUM_CHANNELS 8 \
        -set NUM_HARTS 1 -set COUNTERS $(param INTC_COUNTERS) ats_intc_scan_top; \
      synth_ice40 $SYNTH_FLAGS -top ats_intc_scan_top -json $out/ats_intc/top.json" > /dev/null
    place "$out/ats_intc" "$board:ats_intc" "$CLK_HZ" $((56 + 8 + 36 + 2)) "$out/ats_intc/top.json"

    # The core alone in its harness (rtl/core/rv_core_ooc.sv: 185 chain cells).
    core_src=$(grep -v '^#' rtl/core/sources.f | tr '\n' ' ')
    yosys -q -l "$out/rv_core/yosys.log" -p "read_verilog -sv $core_src rtl/core/rv_core_ooc.sv; \
      chparam -set PMP_ENTRIES $(param PMP_ENTRIES) -set PMP_GRAN 12 rv_core_ooc; \
      synth_ice40 $SYNTH_FLAGS -top rv_core_ooc -json $out/rv_core/top.json" > /dev/null
    place "$out/rv_core" "$board:rv_core" "$CLK_HZ" 185 "$out/rv_core/top.json"
  )
done
exit 0
