#!/usr/bin/env bash
# Builds the SoC bitstream for one board: yosys synth_ice40 -> nextpnr-ice40
# -> icepack (docs/fpga.md). Prints logic cells, RAM blocks, DSPs and Fmax;
# exits 1 when the design does not fit the device or misses the board's clock
# (constraints/BOARD.cfg, CLK_HZ), 2 on bad input.
#
#   scripts/bitstream.sh BOARD [OUT] [ROM_HEX]
#     BOARD    icebreaker | hx8k (constraints/BOARD.cfg and BOARD.pcf)
#     OUT      output folder (default $BUILD/bitstream/BOARD): soc.json, soc.asc,
#              soc.bin, yosys.log, nextpnr.log, report.json, records.jsonl
#     ROM_HEX  boot ROM image ($readmemh; default: the UART loader built in
#              $BUILD/firmware/bootrom/, ROM_IMAGE of the board's cfg)
#   BUILD=dir     the CMake build folder (default build)
#   SYNTH_ONLY=1  stop after yosys (and nextpnr's packer): no placement
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

boards=$(ls constraints/*.cfg 2>/dev/null | xargs -n1 basename | sed 's/\.cfg$//' | tr '\n' ' ')
usage() { echo "usage: scripts/bitstream.sh BOARD [OUT] [ROM_HEX]   (boards: $boards)" >&2; exit 2; }
[ $# -ge 1 ] || usage
board=$1
[ -f "constraints/$board.cfg" ] && [ -f "constraints/$board.pcf" ] || {
  echo "bitstream: unknown board '$board' (boards: $boards)" >&2; exit 2; }
build=${BUILD:-build}
out=${2:-$build/bitstream/$board}
# shellcheck source=/dev/null
source "constraints/$board.cfg"
rom=${3:-$build/firmware/bootrom/$ROM_IMAGE}
[ -f "$rom" ] || {
  echo "bitstream: boot ROM image $rom is missing (build it: make bitstream, or cmake --build $build --target bootrom)" >&2
  exit 2; }
rom=$(realpath "$rom")
[ "$(grep -c . "$rom")" -le 1024 ] || { echo "bitstream: $rom has more than 1024 words (4 KiB ROM)" >&2; exit 2; }

# The clock the PLL really makes must be the one the firmware was built for.
pll_hz=$(( 12000000 * (PLL_DIVF + 1) / ((PLL_DIVR + 1) * (1 << PLL_DIVQ)) / 2 ))
[ "$pll_hz" -eq "$CLK_HZ" ] || {
  echo "bitstream: constraints/$board.cfg: the PLL makes $pll_hz Hz, CLK_HZ says $CLK_HZ" >&2; exit 2; }
clk_mhz=$(python3 -c "print($CLK_HZ / 1e6)")

mkdir -p "$out"
: > "$out/records.jsonl"
srcs="$(grep -hv '^#' rtl/soc/soc_top.f rtl/fpga/sources.f | tr '\n' ' ')"
echo "bitstream: $board: yosys synth_ice40 $SYNTH_FLAGS ($TOP, $PARAMS)"
yosys -q -l "$out/yosys.log" -p "read_verilog -sv $srcs; \
  chparam -set PLL_DIVR $PLL_DIVR -set PLL_DIVF $PLL_DIVF -set PLL_DIVQ $PLL_DIVQ \
    -set PLL_FILTER $PLL_FILTER $PARAMS -set ROM_INIT \"$rom\" $TOP; \
  synth_ice40 $SYNTH_FLAGS -top $TOP -json $out/soc.json" > /dev/null || {
  echo "bitstream: yosys failed, see $out/yosys.log" >&2; exit 1; }

pnr=(nextpnr-ice40 "--$DEVICE" --package "$PACKAGE" --pcf "constraints/$board.pcf"
     --json "$out/soc.json" --freq "$clk_mhz" --report "$out/report.json" -l "$out/nextpnr.log" -q)
if [ "${SYNTH_ONLY:-0}" = 1 ]; then
  "${pnr[@]}" --pack-only > /dev/null 2>&1 || true
else
  "${pnr[@]}" --asc "$out/soc.asc" --timing-allow-fail > /dev/null 2>&1 || true
fi
python3 scripts/bitstream_report.py "$out" "$board:soc" "$CLK_HZ" "${SYNTH_ONLY:-0}" \
  >> "$out/records.jsonl" || exit $?
[ "${SYNTH_ONLY:-0}" = 1 ] && exit 0
icepack "$out/soc.asc" "$out/soc.bin"
echo "bitstream: $out/soc.bin ($(stat -c %s "$out/soc.bin") bytes); flash: iceprog $out/soc.bin"
