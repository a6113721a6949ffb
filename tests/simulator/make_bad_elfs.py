#!/usr/bin/env python3
"""Writes the ELF files the simulator's bad-input tests load (tests/simulator).

good.elf      exits with code 0 through the sim control page
spin.elf      never finishes (for --max-cycles)
fail7.elf     exits with code 7
not_elf.elf   text, not an ELF
elf64.elf     ELFCLASS64
x86.elf       EM_X86_64 instead of EM_RISCV
truncated.elf the good file cut inside its segment
overlap.elf   two PT_LOAD segments that overlap
outside.elf   a segment at 0x1000, outside RAM
entry.elf     entry point 0x80000100, not the reset PC
marks.elf     good.elf with a .rt_marks section marking its first instruction ("start")
bad_marks.elf good.elf with a .rt_marks entry whose name has no NUL
"""
import struct
import sys
from pathlib import Path

RAM = 0x80000000


def insns(*words):
    return b"".join(struct.pack("<I", w) for w in words)


EXIT0 = insns(0x100012B7, 0x0002A023, 0x0000006F)  # lui t0,0x10001; sw zero,0(t0); j .
EXIT7 = insns(0x100012B7, 0x00700313, 0x0062A023, 0x0000006F)  # ...; li t1,7; sw t1,0(t0); j .
SPIN = insns(0x0000006F)  # j .


def elf(segments, entry=RAM, cls=1, machine=243, sections=()):
    """segments: list of (vaddr, bytes); sections: (name, bytes) of non-allocated
    PROGBITS sections, which add a section header table (with .shstrtab)."""
    ehsize, phentsize = 52, 32
    phoff = ehsize
    data_off = phoff + phentsize * len(segments)
    out = bytearray()
    ident = b"\x7fELF" + bytes([cls, 1, 1]) + bytes(9)
    out += ident
    out += struct.pack("<HHIIIIIHHHHHH", 2, machine, 1, entry, phoff, 0, 0, ehsize, phentsize,
                       len(segments), 40, 0, 0)
    offsets, off = [], data_off
    for _, b in segments:
        offsets.append(off)
        off += len(b)
    for (vaddr, b), o in zip(segments, offsets):
        out += struct.pack("<IIIIIIII", 1, o, vaddr, vaddr, len(b), len(b), 7, 4)
    for _, b in segments:
        out += b
    if sections:
        names = b"\0"
        headers = [bytes(40)]
        for name, b in list(sections) + [(".shstrtab", None)]:
            while len(out) % 4:
                out += b"\0"
            name_off = len(names)
            names += name.encode() + b"\0"
            if b is None:  # the name table itself, complete now
                b, kind = names, 3
            else:
                kind = 1
            headers.append(struct.pack("<IIIIIIIIII", name_off, kind, 0, 0, len(out), len(b),
                                       0, 0, 4 if kind == 1 else 1, 0))
            out += b
        while len(out) % 4:
            out += b"\0"
        shoff = len(out)
        for h in headers:
            out += h
        struct.pack_into("<I", out, 32, shoff)
        struct.pack_into("<HHH", out, 46, 40, len(headers), len(headers) - 1)
    return bytes(out)


def mark(pc, name, terminated=True):
    """One .rt_marks entry: pc, name, NUL, padding to 4 bytes."""
    b = struct.pack("<I", pc) + name.encode() + (b"\0" if terminated else b"")
    return b + bytes(-len(b) % 4) if terminated else b


def main():
    d = Path(sys.argv[1])
    d.mkdir(parents=True, exist_ok=True)
    good = elf([(RAM, EXIT0 + bytes(64))])
    files = {
        "good.elf": good,
        "spin.elf": elf([(RAM, SPIN)]),
        "fail7.elf": elf([(RAM, EXIT7)]),
        "not_elf.elf": b"this is not an ELF file\n" * 4,
        "elf64.elf": elf([(RAM, EXIT0)], cls=2),
        "x86.elf": elf([(RAM, EXIT0)], machine=62),
        "truncated.elf": good[: len(good) - 40],
        "overlap.elf": elf([(RAM, EXIT0 + bytes(32)), (RAM + 16, bytes(32))]),
        "outside.elf": elf([(RAM, EXIT0), (0x1000, bytes(16))]),
        "entry.elf": elf([(RAM, EXIT0 + bytes(0x100))], entry=RAM + 0x100),
        "marks.elf": elf([(RAM, EXIT0 + bytes(64))],
                         sections=[(".rt_marks", mark(RAM, "start") + mark(0, "gone"))]),
        "bad_marks.elf": elf([(RAM, EXIT0 + bytes(64))],
                             sections=[(".rt_marks", mark(RAM + 4, "no-nul", terminated=False))]),
    }
    for name, b in files.items():
        (d / name).write_bytes(b)


if __name__ == "__main__":
    main()
