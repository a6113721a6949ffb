#!/usr/bin/env bash
# scripts/bitstream.sh refuses bad input with exit 2 and a message naming the
# problem, before running any tool (ctest label fpga).
#   bad_input.sh SCRATCH
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=$1
rm -rf "$scratch"; mkdir -p "$scratch"
fails=0
expect() {  # expect NAME PATTERN CMD...
  local name=$1 pattern=$2; shift 2
  local out; out=$("$@" 2>&1); local status=$?
  if [ "$status" -eq 2 ] && grep -q -- "$pattern" <<< "$out"; then
    echo "ok: $name"
  else
    echo "FAIL: $name: exit $status, output: $out"; fails=1
  fi
}
for i in $(seq 1024); do echo 00000013; done > "$scratch/nop.hex"
for i in $(seq 1025); do echo 00000013; done > "$scratch/big.hex"
expect "no board" "usage:" bash "$root/scripts/bitstream.sh"
expect "unknown board" "unknown board 'ecp5'" bash "$root/scripts/bitstream.sh" ecp5 "$scratch/o"
expect "missing ROM image" "boot ROM image $scratch/none.hex is missing" \
  bash "$root/scripts/bitstream.sh" icebreaker "$scratch/o" "$scratch/none.hex"
expect "ROM image too large" "more than 1024 words" \
  bash "$root/scripts/bitstream.sh" icebreaker "$scratch/o" "$scratch/big.hex"
# A board whose PLL dividers disagree with the clock the firmware assumes.
mkdir -p "$scratch/tree2/constraints" "$scratch/tree2/scripts"
cp "$root/scripts/bitstream.sh" "$scratch/tree2/scripts/"
cp "$root/constraints/icebreaker.pcf" "$scratch/tree2/constraints/"
sed 's/^CLK_HZ=.*/CLK_HZ=12000000/' "$root/constraints/icebreaker.cfg" > "$scratch/tree2/constraints/icebreaker.cfg"
expect "PLL and CLK_HZ disagree" "the PLL makes 9187500 Hz, CLK_HZ says 12000000" \
  bash "$scratch/tree2/scripts/bitstream.sh" icebreaker "$scratch/o" "$scratch/nop.hex"
exit $fails
