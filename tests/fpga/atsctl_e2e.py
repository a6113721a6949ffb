#!/usr/bin/env python3
"""atsctl against the boot ROM loader in soc_sim, end to end (docs/atsctl.md).

atsctl_e2e.py CASE --sim SOC_SIM --atsctl ATSCTL --fw FIRMWARE_DIR

Cases (one CTest each):
  boot_runs_program          boot hello.elf: its output arrives via the console, it passes
  two_harts_start_together   with 2 harts, RUN releases the second hart too (hello counts 2)
  console_carries_stdin      boot plic_uart.elf, stdin "ping" reaches the program
  faulty_link_retries        flips and drops in both directions (seeded proxy): load
                             still succeeds through retries, then the program runs
  corrupting_link_never_runs every frame damaged: load fails with the CRC error, RUN
                             is refused, the output never appears, INFO still answers
  tampered_image_never_runs  WRITE payloads changed with valid frame CRCs: VERIFY's
                             image CRC catches it, load fails, nothing runs
  image_too_big_refused      hello.elf vs the HX8K loader (8 KiB): refused before BEGIN
  overlap_loader_refused     an ELF with bytes in the loader's RAM: refused before BEGIN
  read_stats_bus_error       READ of a faulting register answers BUS_ERROR and the loader
                             keeps going; stats prints the named registers and counters
  loader_silent_timeout      a TCP peer that never answers: exit 5
  not_a_loader               a peer answering INFO with another magic: exit 11
  console_until_missing      --until text that never comes: exit 10
  board_demo_console         boot the board demo (UART-driven runtime): a typed line is
                             answered with its length and CRC-32, `stats` with counters
"""
import argparse
import os
import re
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loader_sim import FaultProxy, RawLoader, Sim, frame, write_elf  # noqa: E402

A = None  # parsed arguments


def atsctl(port, *args, stdin=None, timeout=180):
    # A simulated loader under a busy host can take seconds per reply: unless
    # the test is about timeouts, wait long (retries are for damage, not speed).
    patient = [] if "--reply-timeout" in args else ["--reply-timeout", "15000"]
    cmd = [A.atsctl, "--tcp", f"127.0.0.1:{port}", *patient, *args]
    print("$", " ".join(cmd), flush=True)
    p = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout)
    out, err = p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
    print(out + err, flush=True)
    return p.returncode, out, err


def check(cond, msg):
    if not cond:
        sys.exit("FAIL: " + msg)
    print("ok:", msg, flush=True)


def boot_interactive(sim, elf, until, timeout):
    """atsctl boot ELF --until UNTIL as a child whose stdin the test types into."""
    cmd = [A.atsctl, "--tcp", f"127.0.0.1:{sim.port}", "--reply-timeout", "15000", "boot",
           fw(elf), "--until", until, "--timeout", str(timeout)]
    print("$", " ".join(cmd), flush=True)
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def read_until(p, out, text, deadline):
    """Reads p's stdout onto `out` until `text` is in it, EOF or the deadline."""
    while text not in out and time.time() < deadline:
        chunk = p.stdout.read1(4096)
        if not chunk:
            break
        out += chunk
    return out


def type_into(p, data):
    """Types `data` on p's stdin."""
    p.stdin.write(data)
    p.stdin.flush()


def finish(p, out, timeout):
    """Waits for p to exit; all it printed (`out` and the rest) as text, echoed."""
    rest, _ = p.communicate(timeout=timeout)
    text = (out + rest).decode(errors="replace")
    print(text)
    return text


def fw(name):
    return os.path.join(A.fw, name)


def rom():
    return fw("bootrom/bootrom_icebreaker.hex")


def case_boot_runs_program():
    with Sim(A.sim, rom()) as sim:
        rc, out, err = atsctl(sim.port, "boot", fw("hello.elf"), "--until", "hello: PASS",
                              "--timeout", "120")
        check(rc == 0, "boot exits 0")
        check("hello from hart 0" in out and "hello: PASS" in out, "the program's output on stdout")
        m = re.search(r"(\d+) bytes in \d+ range.*sent (\d+) bytes, received (\d+) bytes, "
                      r"(\d+) retries", err)
        check(m is not None and int(m.group(2)) > int(m.group(1)) > 0 and int(m.group(3)) > 0,
              "the load summary: image bytes < bytes sent, bytes received")
        check(sim.wait(60) == 0, "the program exited with code 0 (soc_sim status 0)")


def case_two_harts_start_together():
    with Sim(A.sim, rom(), extra=("--harts", "2")) as sim:
        rc, out, _ = atsctl(sim.port, "-q", "boot", fw("hello.elf"), "--until", "hello: PASS",
                            "--timeout", "120")
        check(rc == 0 and "harts running: 2" in out,
              "the second hart waited in the ROM and started with the program")
        check(sim.wait(60) == 0, "the program exited with code 0")


def case_console_carries_stdin():
    with Sim(A.sim, rom()) as sim:
        p = boot_interactive(sim, "plic_uart.elf", "plic_uart: PASS", 120)
        # Type only once the program waits (it clears the UART's RX FIFO as it starts).
        out = read_until(p, b"", b'waiting for "ping"', time.time() + 120)
        type_into(p, b"ping")
        out = finish(p, out, 120)
        check(p.returncode == 0, "boot exits 0")
        check('received "ping"' in out, "the program received the console's stdin")
        check(sim.wait(60) == 0, "the program exited with code 0")


def case_board_demo_console():
    with Sim(A.sim, rom()) as sim:
        p = boot_interactive(sim, "board_demo_hw_icebreaker.elf", "free controller entries", 150)
        deadline = time.time() + 150
        out = read_until(p, b"", b"type a line", deadline)
        type_into(p, b"hello board\n")
        out = read_until(p, out, b"crc32", deadline)
        # Give the simulated hart time to go back to its other tasks (the host
        # answers faster than the SoC prints: the line would be read at once).
        time.sleep(1.0)
        type_into(p, b"stats\n")
        text = finish(p, out, 150)
        check(p.returncode == 0, "boot exits 0 once the stats line came")
        check("board_demo: line 1: 11 bytes, crc32 0x6f6b2b81" in text,
              "the typed line echoed and answered with its length and CRC-32 (zlib's value)")
        m = re.search(r"stats: (\d+) bytes, (\d+) lines, (\d+) console wake-ups, uptime \d+ s, "
                      r"(\d+) background slices", text)
        check(m is not None and int(m.group(1)) == 18 and int(m.group(2)) == 2,
              "stats counts 18 bytes and 2 lines")
        check(m is not None and int(m.group(3)) >= 2 and int(m.group(4)) > 0,
              "the console slept between lines and the background task ran meanwhile")

def case_faulty_link_retries():
    with Sim(A.sim, rom()) as sim:
        proxy = FaultProxy(sim.port, mode="random", seed=A.seed, flip=(0.0005, 0.01),
                           drop=(0.0002, 0.005))
        rc, _, err = atsctl(proxy.port, "load", fw("hello.elf"), "--retries", "30",
                            "--reply-timeout", "700")
        print("proxy:", proxy.counts)
        check(rc == 0, "load through the damaging link exits 0")
        m = re.search(r"(\d+) retries", err)
        check(m is not None and int(m.group(1)) > 0, f"atsctl needed retries ({m and m.group(1)})")
        for d, name in ((0, "host->loader"), (1, "loader->host")):
            c = proxy.counts[d]
            check(c["flips"] > 0 and c["drops"] > 0,
                  f"{name}: {c['flips']} flips, {c['drops']} drops")
        proxy.thread.join(10)
        rc, out, _ = atsctl(sim.port, "run", "--console", "--until", "hello: PASS",
                            "--timeout", "120")
        check(rc == 0 and "hello: PASS" in out, "the loaded program runs and passes")
        check(sim.wait(60) == 0, "the program exited with code 0: the image arrived intact")


def never_ran(sim):
    rc, _, err = atsctl(sim.port, "run")
    check(rc == 9 and "image not verified" in err, "RUN is refused: not verified")
    rc, out, _ = atsctl(sim.port, "info")
    check(rc == 0 and "loader 1." in out, "the loader still answers INFO")
    rc, out, _ = atsctl(sim.port, "console", "--timeout", "3")
    check(rc == 0 and "hello" not in out, "the program's output never appears")
    check(sim.proc.poll() is None, "the simulation is still in the loader (no program exit)")


def case_corrupting_link_never_runs():
    with Sim(A.sim, rom()) as sim:
        proxy = FaultProxy(sim.port, mode="corrupt", seed=A.seed, every=29)
        rc, _, err = atsctl(proxy.port, "load", fw("hello.elf"), "--retries", "3",
                            "--reply-timeout", "700")
        check(rc == 6, f"load exits 6 (CRC failures), got {rc}")
        check("no intact exchange after 3 retries" in err and "CRC" in err,
              "the error names the CRC failures")
        proxy.thread.join(10)
        never_ran(sim)


def case_tampered_image_never_runs():
    with Sim(A.sim, rom()) as sim:
        proxy = FaultProxy(sim.port, mode="tamper")
        rc, _, err = atsctl(proxy.port, "load", fw("hello.elf"), "--image-retries", "1",
                            "--run")
        print("proxy:", proxy.counts)
        check(rc == 6, f"load exits 6, got {rc}")
        check("image CRC mismatch after 2 loads" in err and "not run" in err,
              "the error names the image CRC mismatch")
        check(proxy.counts[0]["tampered"] >= 2 and err.count("loading again") == 1,
              "WRITEs of both loads were tampered with; the first VERIFY mismatch was reported")
        proxy.thread.join(10)
        never_ran(sim)


def case_image_too_big_refused():
    with Sim(A.sim, fw("bootrom/bootrom_hx8k.hex")) as sim:
        rc, _, err = atsctl(sim.port, "load", fw("hello.elf"))
        check(rc == 7, f"exit 7, got {rc}")
        ram = f"0x80000000..0x{0x80000000 + A.hx8k_ram - 1:08x} ({A.hx8k_ram // 1024} KiB)"
        check(f"does not fit the board's RAM {ram}" in err,
              "the error names the board's RAM from INFO")
        check(re.search(r"sent \d+ bytes", err) is None, "no load summary")
        ld = RawLoader(sim.port)
        st, _, _ = ld.request("VERIFY", payload=b"\0" * 4)
        check(st == 8, "the loader got no BEGIN (VERIFY: nothing declared)")


def case_overlap_loader_refused():
    with tempfile.TemporaryDirectory() as tmp, Sim(A.sim, rom()) as sim:
        elf = os.path.join(tmp, "overlap.elf")
        write_elf(elf, 0x8001FB00, b"\x13\0\0\0" * 128, 0x8001FB00)  # 0x8001fb00..0x8001fcff
        rc, _, err = atsctl(sim.port, "load", elf)
        check(rc == 7, f"exit 7, got {rc}")
        check("overlaps the loader's reserved RAM 0x8001fc00..0x8001ffff" in err,
              "the error names the area")


def case_read_stats_bus_error():
    with Sim(A.sim, rom()) as sim:
        rc, out, _ = atsctl(sim.port, "boot", fw("bootrom_bus_err.elf"),
                            "--until", "back to the boot ROM", "--timeout", "60")
        check(rc == 0, "the test program ran")
        time.sleep(1)
        rc, out, err = atsctl(sim.port, "read", "0x40000020")
        check(rc == 9 and "bus error" in err and "0x40000020" in err,
              "READ of the write-only ITER_CTRL: bus error, exit 9")
        rc, out, _ = atsctl(sim.port, "read", "0x1000", "--count", "2")
        words = [int(line, 16) for line in open(rom())][:2]
        want = f"0x00001000: 0x{words[0]:08x}\n0x00001004: 0x{words[1]:08x}\n"
        check(rc == 0 and out == want, "the loader still answers READ: the ROM's first words")
        rc, out, err = atsctl(sim.port, "read", "0x20000000")
        check(rc == 9 and "out of range" in err, "READ outside the windows: out of range, exit 9")
        rc, out, _ = atsctl(sim.port, "stats")
        check(rc == 0, "stats exits 0")
        check(re.search(r"^\s+ID\s+0x41545343$", out, re.M) is not None, "stats: ID")
        check(re.search(r"CFG0\s+NUM_PROCS=4 NUM_PRIOS=8 NUM_HARTS=1 COUNTERS=1", out) is not None,
              "stats: CFG0 fields (the simulator's default controller)")
        check(re.search(r"^\s+CTRL\s+1 ", out, re.M) is not None, "stats: CTRL shows BUS_ERR_EN")
        m = re.search(r"^\s+CNT_ERR\s+(\d+) ", out, re.M)
        check(m is not None and int(m.group(1)) >= 1, "stats: CNT_ERR counted the rejected READ")
        for name in ("CNT_ENQ", "CNT_DEQ", "CNT_WAKE", "CNT_OVF", "MAX_OCC", "FREE", "GLOBAL_ERR"):
            check(re.search(rf"^\s+{name}\s+\d+ \(0x", out, re.M) is not None, f"stats: {name}")


def silent_server(answer=None):
    """A TCP server that takes one client and never answers (or answers INFO with `answer`)."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)

    def serve():
        conn, _ = srv.accept()
        buf = b""
        conn.settimeout(30)
        try:
            while True:
                data = conn.recv(100)
                if not data:
                    return
                buf += data
                if answer is not None and len(buf) >= 15:
                    conn.sendall(answer(buf[3]))
                    buf = b""
        except OSError:
            return

    threading.Thread(target=serve, daemon=True).start()
    return srv.getsockname()[1]


def case_loader_silent_timeout():
    port = silent_server()
    t0 = time.time()
    rc, _, err = atsctl(port, "info", "--retries", "2", "--reply-timeout", "300")
    check(rc == 5, f"exit 5, got {rc}")
    check("no answer from the loader" in err and "3 attempt(s) of 300 ms" in err,
          "the error says so")
    check(time.time() - t0 < 10, "and it gives up in bounded time")


def case_not_a_loader():
    port = silent_server(lambda seq: frame(0x81, seq, 0, b"\0" * 32))
    rc, _, err = atsctl(port, "info")
    check(rc == 11, f"exit 11, got {rc}")
    check("not from an ATS-INTC boot ROM loader" in err, "the error says so")


def case_console_until_missing():
    with Sim(A.sim, rom()) as sim:
        rc, _, err = atsctl(sim.port, "console", "--until", "NEVER", "--timeout", "2")
        check(rc == 10, f"exit 10, got {rc}")
        check("'NEVER' did not appear within 2 s" in err, "the error says so")


def main():
    global A
    ap = argparse.ArgumentParser()
    ap.add_argument("case")
    ap.add_argument("--sim", required=True)
    ap.add_argument("--atsctl", required=True)
    ap.add_argument("--fw", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--hx8k-ram", type=int, default=16384, help="RAM of the HX8K loader build")
    A = ap.parse_args()
    fn = globals().get("case_" + A.case)
    if fn is None:
        sys.exit(f"unknown case {A.case}")
    fn()
    print("PASS")


if __name__ == "__main__":
    main()
