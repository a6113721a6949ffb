#!/usr/bin/env python3
"""The boot ROM loader's protocol, frame by frame, against the real ROM image
in soc_sim (docs/atsctl.md): INFO's fields, every NAK code with the state it
must (not) change, resynchronisation after garbage and after a byte timeout,
READ windows, and RUN of a tiny program at a non-default entry.

loader_protocol_test.py SOC_SIM ROM HEX CLK_HZ RAM_BYTES
(ROM: the image soc_sim boots, .hex or .elf; HEX: its $readmemh form, for READ)
"""
import struct
import sys
import time
import zlib

from loader_sim import CMD, ST, RawLoader, Sim, frame

RAM = 0x80000000


def expect(got, status, what):
    st, addr, data = got
    name = {v: k for k, v in ST.items()}.get(st, st)
    assert st == ST[status], f"{what}: status {name}, expected {status}"
    print(f"ok: {what}: {status}")
    return addr, data


def main():
    soc_sim, rom, hex_file = sys.argv[1:4]
    clk_hz, ram_bytes = int(sys.argv[4]), int(sys.argv[5])
    rom_words = [int(line, 16) for line in open(hex_file) if line.strip()]
    loader_base = RAM + ram_bytes - 1024
    with Sim(soc_sim, rom) as sim:
        ld = RawLoader(sim.port)

        # INFO
        _, data = expect(ld.request("INFO"), "OK", "INFO")
        magic, version, base, size, clk, lbase, maxp, maxr, turn = struct.unpack("<9I", data)
        assert turn > 0, "INFO's turnaround cycles include at least INFO itself"
        assert (magic, version >> 16) == (0x4C535441, 1), (hex(magic), hex(version))
        fields = (base, size, clk, lbase, maxp, maxr)
        assert fields == (RAM, ram_bytes, clk_hz, loader_base, 512, 8), [hex(x) for x in fields]
        expect(ld.request("INFO", payload=b"\0" * 4), "BAD_LENGTH", "INFO with a payload")

        # Damaged and unknown frames.
        ld.seq += 1
        bad = bytearray(frame(CMD["INFO"], ld.seq))
        bad[-1] ^= 0x01
        ld.send_raw(bytes(bad))
        st = ld.reply()[2]
        assert st == ST["BAD_CRC"], st
        print("ok: frame with a bad CRC: BAD_CRC")
        ld.seq += 1
        ld.send_raw(b"\xa5\x5a" + struct.pack("<BBBHI", CMD["WRITE"], ld.seq, 0, 513, RAM))
        st = ld.reply()[2]
        assert st == ST["BAD_LENGTH"], st
        print("ok: header with len 513: BAD_LENGTH at once, before any payload")
        ld.seq += 1
        ld.send_raw(frame(0x42, ld.seq))
        cmd, _, st, _, _ = ld.reply()
        assert (cmd, st) == (0xC2, ST["UNKNOWN_CMD"]), (cmd, st)
        print("ok: command 0x42: UNKNOWN_CMD")
        # Garbage, then a repeated SYNC0 right before a frame: still found.
        ld.seq += 1
        ld.send_raw(b"\x00\x13\x5a\xa5" + frame(CMD["INFO"], ld.seq))
        assert ld.reply()[2] == ST["OK"]
        print("ok: garbage and a repeated SYNC0 before a frame: resynchronised")

        # Nothing declared yet.
        expect(ld.request("RUN", RAM), "NOT_VERIFIED", "RUN before anything was loaded")
        expect(ld.request("WRITE", RAM, b"\x13\0\0\0"), "NOT_DECLARED", "WRITE before BEGIN")
        expect(ld.request("VERIFY", payload=b"\0" * 4), "NOT_DECLARED", "VERIFY before BEGIN")

        # BEGIN's checks.
        rng = lambda *pairs: b"".join(struct.pack("<II", a, n) for a, n in pairs)
        expect(ld.request("BEGIN", payload=rng((0x2000, 16))), "OUT_OF_RANGE", "range outside RAM")
        expect(ld.request("BEGIN", payload=rng((RAM + ram_bytes - 16, 32))), "OUT_OF_RANGE",
               "range past the end of RAM")
        a, _ = expect(ld.request("BEGIN", payload=rng((RAM, 16), (loader_base - 0x100, 0x104))),
                      "OVERLAPS_LOADER", "range reaching into the loader's RAM")
        assert a == loader_base - 0x100, hex(a)
        expect(ld.request("BEGIN", payload=rng((RAM, 0x100), (RAM + 0xF0, 16))), "OUT_OF_RANGE",
               "overlapping ranges")
        expect(ld.request("BEGIN", payload=rng(*[(RAM + 0x100 * i, 16) for i in range(9)])),
               "BAD_LENGTH", "9 ranges")
        expect(ld.request("BEGIN", payload=rng((RAM, 0))), "BAD_LENGTH", "empty range")
        expect(ld.request("BEGIN", payload=b"\0" * 12), "BAD_LENGTH", "12-byte range list")

        # A two-range image, loaded with every WRITE mistake on the way.
        img1 = bytes((i * 7 + 3) & 0xFF for i in range(0x100))
        img2 = bytes((i * 13 + 1) & 0xFF for i in range(0x11))
        prog = struct.pack("<3I", 0x100012B7, 0x0002A023, 0x0000006F)  # sim EXIT 0; j .
        r1, r2, r3 = RAM, RAM + 0x400, RAM + 0x800  # fits the smallest board (8 KiB)
        addr, _ = expect(ld.request("BEGIN", payload=rng((r1, 0x100), (r2, 0x11), (r3, 12))), "OK",
                         "BEGIN of three ranges")
        assert addr == 3
        expect(ld.request("WRITE", loader_base, b"x"), "OVERLAPS_LOADER",
               "WRITE into the loader's RAM")
        expect(ld.request("WRITE", 0x2000, b"x"), "OUT_OF_RANGE", "WRITE outside RAM")
        expect(ld.request("WRITE", r1 + 0x80, img1[0x80:]), "GAP", "WRITE past the written end")
        expect(ld.request("WRITE", r1 + 0xF0, img1[0xF0:] + b"xx"), "NOT_DECLARED",
               "WRITE over a range's end")
        expect(ld.request("WRITE", RAM + 0x200, b"x"), "NOT_DECLARED", "WRITE between ranges")
        expect(ld.request("WRITE", r1, b""), "BAD_LENGTH", "empty WRITE")
        expect(ld.request("WRITE", r1, img1[:0x80]), "OK", "WRITE of the first half")
        expect(ld.request("WRITE", r1, img1[:0x80]), "OK", "the same WRITE again (lost ACK)")
        addr, _ = expect(ld.request("VERIFY", payload=b"\0" * 4), "INCOMPLETE",
                         "VERIFY of half an image")
        assert addr == r1 + 0x80, hex(addr)
        expect(ld.request("WRITE", r1 + 0x80, img1[0x80:]), "OK", "WRITE of the second half")
        expect(ld.request("WRITE", r2, img2), "OK", "WRITE of range 2")
        expect(ld.request("WRITE", r3, prog), "OK", "WRITE of range 3")
        crc = zlib.crc32(img1 + img2 + prog)
        _, data = expect(ld.request("VERIFY", payload=struct.pack("<I", crc ^ 1)), "IMAGE_CRC",
                         "VERIFY with the wrong CRC")
        assert struct.unpack_from("<I", data)[0] == crc, "the loader's CRC of RAM"
        _, data = expect(ld.request("INFO"), "OK", "INFO")
        turn0 = struct.unpack_from("<I", data, 32)[0]
        expect(ld.request("RUN", r3), "NOT_VERIFIED", "RUN after a failed VERIFY")
        _, data = expect(ld.request("VERIFY", payload=struct.pack("<I", crc)), "OK", "VERIFY")
        got_crc, turn1 = struct.unpack("<II", data)
        # VERIFY reads 0x11d bytes back (~30 cycles each): far more than INFO's turnaround.
        assert got_crc == crc, hex(got_crc)
        assert 0x11D * 10 < turn1 - turn0 < 0x11D * 200, turn1 - turn0
        _, data = expect(ld.request("READ", r1, struct.pack("<I", 0x100)), "OK",
                         "READ back range 1")
        assert data == img1
        expect(ld.request("RUN", RAM + 0x200), "OUT_OF_RANGE", "RUN outside the image")
        expect(ld.request("RUN", r3 + 2), "OUT_OF_RANGE", "RUN at a misaligned entry")
        expect(ld.request("WRITE", r2, img2), "OK", "WRITE after VERIFY")
        expect(ld.request("RUN", r3), "NOT_VERIFIED", "RUN after a WRITE that followed VERIFY")
        expect(ld.request("VERIFY", payload=struct.pack("<I", crc)), "OK", "VERIFY again")

        # READ windows.
        _, data = expect(ld.request("READ", 0x1000, struct.pack("<I", 16)), "OK", "READ of the ROM")
        assert list(struct.unpack("<4I", data)) == rom_words[:4], "ROM words differ from the image"
        _, data = expect(ld.request("READ", 0x40000000, struct.pack("<I", 4)), "OK",
                         "READ of the ATS-INTC's ID")
        assert data == b"CSTA", data
        _, data = expect(ld.request("READ", 0x10000018, struct.pack("<I", 4)), "OK",
                         "READ of the UART's MSR")
        assert data[0] == 0xB0, data
        expect(ld.request("READ", 0x02000000, struct.pack("<I", 4)), "OUT_OF_RANGE",
               "READ of the CLINT (not a READ window)")
        expect(ld.request("READ", 0, struct.pack("<I", 4)), "OUT_OF_RANGE", "READ of address 0")
        expect(ld.request("READ", RAM + ram_bytes - 4, struct.pack("<I", 8)), "OUT_OF_RANGE",
               "READ past the end of RAM")
        expect(ld.request("READ", 0x1002, struct.pack("<I", 4)), "OUT_OF_RANGE", "misaligned READ")
        expect(ld.request("READ", 0x1000, struct.pack("<I", 6)), "BAD_LENGTH", "READ of 6 bytes")
        expect(ld.request("READ", 0x1000, struct.pack("<I", 516)), "BAD_LENGTH",
               "READ of 516 bytes")
        expect(ld.request("READ", 0x1000), "BAD_LENGTH", "READ without a count")

        # A frame cut short: the loader gives up after its byte timeout (50 ms
        # of simulated time) with TIMEOUT and answers the next frame.
        ld.send_raw(b"\xa5\x5a\x01\x63\x00")
        t0 = time.time()
        cmd, seq, st, _, _ = ld.reply(timeout=60)
        assert st == ST["TIMEOUT"], st
        print(f"ok: frame cut short: TIMEOUT after {time.time() - t0:.1f} s of wall time")
        expect(ld.request("INFO"), "OK", "INFO after the timeout")

        # RUN: the program stores 0 to the sim EXIT register.
        expect(ld.request("RUN", r3), "OK", "RUN")
        status = sim.wait(60)
        assert status == 0, f"soc_sim exit status {status}: the program did not run\n" + \
            sim.output.decode(errors="replace")
        print("ok: the program ran and exited with code 0")
        ld.close()
    print("PASS")


if __name__ == "__main__":
    main()
