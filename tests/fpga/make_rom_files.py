#!/usr/bin/env python3
"""Writes the bad boot ROM images for soc_sim --rom's error tests into OUTDIR:
bad.hex (a token that is not a hex word), big.hex (1025 words), big_rom.elf
(entry 0x1000, 5000 bytes: more than the 4 KiB ROM), ram_entry.elf (a RAM
program given as a ROM: entry 0x80000000); for atsctl: entry_outside.elf
(entry past its only segment) and truncated.elf (segment data cut short).

make_rom_files.py OUTDIR
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loader_sim import write_elf  # noqa: E402

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "bad.hex"), "w") as f:
    f.write("00000013\n0000006f\nnot_hex\n")
with open(os.path.join(out, "big.hex"), "w") as f:
    f.write("00000013\n" * 1025)
write_elf(os.path.join(out, "big_rom.elf"), 0x1000, b"\x13\0\0\0" * 1250, 0x1000)
write_elf(os.path.join(out, "ram_entry.elf"), 0x80000000, b"\x6f\0\0\0", 0x80000000)
write_elf(os.path.join(out, "entry_outside.elf"), 0x80000000, b"\x6f\0\0\0", 0x80001000)
with open(os.path.join(out, "ram_entry.elf"), "rb") as f:
    whole = f.read()
with open(os.path.join(out, "truncated.elf"), "wb") as f:
    f.write(whole[:-2])
