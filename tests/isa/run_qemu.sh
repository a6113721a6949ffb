#!/usr/bin/env bash
# Runs a test-environment ELF on QEMU's spike machine (which honours tohost)
# with the core's ISA (RV32IMA, no C/F/D/S) and checks the tohost exit code.
#   run_qemu.sh QEMU ELF EXPECTED_CODE
set -u
qemu=$1 elf=$2 expect=$3
timeout 30 "$qemu" -machine spike -cpu rv32,c=false,s=false,h=false,mmu=false,f=false,d=false \
  -bios none -display none -serial stdio -monitor none -kernel "$elf"
rc=$?
if [ "$rc" -ne "$expect" ]; then
  echo "FAIL qemu: $elf exit code $rc, expected $expect"
  exit 1
fi
echo "PASS qemu: $elf (tohost code $rc)"
