"""Helpers for the boot ROM loader tests (tests/fpga): a soc_sim booting the
loader ROM with its UART on a TCP port, the loader's frames in Python (an
independent implementation of docs/atsctl.md, checked against atsctl's), and
a seeded fault-injecting TCP proxy.
"""
import random
import socket
import struct
import subprocess
import threading
import time
import zlib

SYNC = b"\xa5\x5a"
CMD = {"INFO": 1, "BEGIN": 2, "WRITE": 3, "VERIFY": 4, "RUN": 5, "READ": 6}
ST = {"OK": 0, "BAD_CRC": 1, "BAD_LENGTH": 2, "OUT_OF_RANGE": 3, "OVERLAPS_LOADER": 4,
      "NOT_VERIFIED": 5, "UNKNOWN_CMD": 6, "TIMEOUT": 7, "NOT_DECLARED": 8, "GAP": 9,
      "INCOMPLETE": 10, "IMAGE_CRC": 11, "BUS_ERROR": 12}


def write_elf(path, addr, data, entry):
    """A minimal ELF32 RISC-V executable with one PT_LOAD segment holding `data`."""
    ehdr = struct.pack("<4sBBBB8sHHIIIIIHHHHHH", b"\x7fELF", 1, 1, 1, 0, b"\0" * 8, 2, 243, 1,
                       entry, 52, 0, 0, 52, 32, 1, 40, 0, 0)
    phdr = struct.pack("<8I", 1, 84, addr, addr, len(data), len(data), 5, 4)
    with open(path, "wb") as f:
        f.write(ehdr + phdr + data)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def frame(cmd, seq, addr=0, payload=b"", status=0):
    body = struct.pack("<BBBHI", cmd, seq, status, len(payload), addr) + payload
    return SYNC + body + struct.pack("<I", zlib.crc32(body))


class Sim:
    """soc_sim --rom ROM --uart-tcp PORT, stopped on exit of the with-block."""

    def __init__(self, soc_sim, rom, max_wall=150, extra=()):
        self.port = free_port()
        self.cmd = [soc_sim, "--rom", rom, "--uart-tcp", str(self.port), "--progress", "0",
                    "--max-wall", str(max_wall), *extra]
        self.output = b""

    def __enter__(self):
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        ready = threading.Event()

        def collect():
            for line in self.proc.stdout:
                self.output += line
                if b"UART on 127.0.0.1" in line:
                    ready.set()
            ready.set()

        self.reader = threading.Thread(target=collect, daemon=True)
        self.reader.start()
        if not ready.wait(30) or self.proc.poll() is not None:
            raise SystemExit("soc_sim did not start: " + self.output.decode(errors="replace"))
        return self

    def wait(self, timeout):
        """Exit status once the simulation ends by itself (None if it does not)."""
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(5)


class RawLoader:
    """A bare protocol client: frames out, replies in, no retries."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.buf = b""
        self.seq = 0

    def close(self):
        self.sock.close()

    def send_raw(self, data):
        self.sock.sendall(data)

    def reply(self, timeout=30):
        """The next reply frame: (cmd, seq, status, addr, payload); checks its CRC."""
        deadline = time.time() + timeout
        while True:
            i = self.buf.find(SYNC)
            if i >= 0 and len(self.buf) >= i + 11:
                n = struct.unpack_from("<H", self.buf, i + 5)[0]
                if len(self.buf) >= i + 15 + n:
                    body = self.buf[i + 2:i + 11 + n]
                    crc = struct.unpack_from("<I", self.buf, i + 11 + n)[0]
                    self.buf = self.buf[i + 15 + n:]
                    assert crc == zlib.crc32(body), "reply CRC mismatch"
                    cmd, seq, status, _, addr = struct.unpack_from("<BBBHI", body)
                    return cmd, seq, status, addr, body[9:]
            left = deadline - time.time()
            if left <= 0:
                raise AssertionError("no reply from the loader")
            self.sock.settimeout(left)
            chunk = self.sock.recv(4096)
            if not chunk:
                raise AssertionError("connection closed")
            self.buf += chunk

    def request(self, name, addr=0, payload=b"", timeout=30):
        self.seq = (self.seq + 1) & 0xFF
        self.send_raw(frame(CMD[name], self.seq, addr, payload))
        cmd, seq, status, raddr, data = self.reply(timeout)
        assert cmd == CMD[name] | 0x80, f"reply to {name} has cmd {cmd:#x}"
        assert seq == self.seq, f"reply to {name} has seq {seq}, sent {self.seq}"
        return status, raddr, data


class FaultProxy:
    """TCP proxy 127.0.0.1:port -> 127.0.0.1:upstream that damages bytes.

    mode "random": each byte is dropped with probability drop[d] and has one
    bit flipped with probability flip[d] (d = 0 host->loader, 1 loader->host),
    from random.Random(seed * 2 + d). mode "corrupt": every `every`-th byte
    host->loader gets a bit flipped (a link that never carries a frame intact).
    mode "tamper": the first payload byte of every WRITE frame is changed and
    the frame's CRC recomputed (damage the frame CRC cannot see).
    One client; when it hangs up the upstream connection is closed too, so the
    simulator accepts the next client. counts[d] = {"bytes", "flips", "drops"}.
    """

    def __init__(self, upstream, mode="random", seed=1, flip=(0.0, 0.0), drop=(0.0, 0.0),
                 every=37):
        self.upstream, self.mode, self.seed = upstream, mode, seed
        self.flip, self.drop, self.every = flip, drop, every
        self.counts = [dict(bytes=0, flips=0, drops=0, tampered=0) for _ in range(2)]
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(1)
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        client, _ = self.listener.accept()
        up = socket.create_connection(("127.0.0.1", self.upstream))
        pumps = [threading.Thread(target=self._pump, args=(client, up, 0), daemon=True),
                 threading.Thread(target=self._pump, args=(up, client, 1), daemon=True)]
        for p in pumps:
            p.start()
        pumps[0].join()  # the host hung up
        for s in (client, up):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        pumps[1].join(5)

    def _damage(self, data, d, rng, state):
        c = self.counts[d]
        if self.mode == "tamper" and d == 0:
            state["buf"] += data
            out = b""
            buf = state["buf"]
            while True:
                i = buf.find(SYNC)
                if i < 0 or len(buf) < i + 11:
                    break
                n = struct.unpack_from("<H", buf, i + 5)[0]
                if len(buf) < i + 15 + n:
                    break
                fr = bytearray(buf[i:i + 15 + n])
                if fr[2] == CMD["WRITE"] and n > 0:
                    fr[11] ^= 0x01
                    fr[11 + n:15 + n] = struct.pack("<I", zlib.crc32(bytes(fr[2:11 + n])))
                    c["tampered"] += 1
                out += buf[:i] + bytes(fr)
                buf = buf[i + 15 + n:]
            state["buf"] = buf
            c["bytes"] += len(out)
            return out
        out = bytearray()
        for b in data:
            c["bytes"] += 1
            if self.mode == "corrupt":
                if d == 0 and c["bytes"] % self.every == 0:
                    b ^= 1 << rng.randrange(8)
                    c["flips"] += 1
            elif self.mode == "random":
                if rng.random() < self.drop[d]:
                    c["drops"] += 1
                    continue
                if rng.random() < self.flip[d]:
                    b ^= 1 << rng.randrange(8)
                    c["flips"] += 1
            out.append(b)
        return bytes(out)

    def _pump(self, src, dst, d):
        rng = random.Random(self.seed * 2 + d)
        state = {"buf": b""}
        try:
            while True:
                data = src.recv(4096)
                if not data:
                    return
                data = self._damage(data, d, rng, state)
                if data:
                    dst.sendall(data)
        except OSError:
            return
