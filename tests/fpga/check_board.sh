#!/usr/bin/env bash
# Synthesis-only check of one FPGA board top (ctest label fpga): yosys
# synth_ice40 and nextpnr's packer on the board's build, through
# scripts/bitstream.sh with SYNTH_ONLY=1, then checks what the packed netlist
# must hold whatever its size: the PLL, every pin of the board's .pcf and no
# other, the SPRAM on the UP5K, and the resource records. Whether the design
# fits the device is reported, not asserted (docs/fpga.md §4: it does not yet).
#   check_board.sh BOARD OUT ROM_HEX
set -euo pipefail
board=$1 out=$2 rom=$3
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "FAIL: $board: $*"; exit 1; }

set +e
SYNTH_ONLY=1 bash "$root/scripts/bitstream.sh" "$board" "$out" "$rom" 2>&1 | tee "$out.txt"
status=${PIPESTATUS[0]}
set -e
[ "$status" -le 1 ] || fail "scripts/bitstream.sh exited $status"
grep -q "LCs" "$out.txt" || fail "no resource summary"
if [ "$status" -eq 1 ]; then
  grep -q "does not fit the device" "$out.txt" || fail "exit 1 without a does-not-fit verdict"
fi

log="$out/nextpnr.log"
grep -q "ICESTORM_PLL: *1/" "$log" || fail "the packed design has no PLL"
pins=$(grep -c '^set_io' "$root/constraints/$board.pcf")
ios=$(sed -n 's/.*SB_IO: *\([0-9]*\)\/.*/\1/p' "$log" | tail -1)
[ "$ios" = "$pins" ] || fail "$ios I/O cells, constraints/$board.pcf places $pins pins"
grep -qi "warning.*unmatched\|unconstrained" "$log" && fail "pins without a constraint (see $log)"
if grep -q '^DEVICE=up5k' "$root/constraints/$board.cfg"; then
  grep -q "ICESTORM_SPRAM: *4/" "$log" || fail "the 128 KiB RAM is not in the 4 SPRAM blocks"
fi
for m in fpga.lc fpga.ram fpga.dsp; do
  grep -q "\"metric\": \"$m\", \"config\": \"$board:soc\"" "$out/records.jsonl" || fail "no $m record"
done
echo "PASS: $board top synthesizes and packs (pins, PLL, memories checked)"
