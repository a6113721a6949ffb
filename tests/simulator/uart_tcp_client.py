#!/usr/bin/env python3
"""UART over TCP, end to end: starts soc_sim with --uart-tcp on a free port and
--uart-wait, connects, sends the bytes the program waits for, and checks what
comes back over the socket and the simulator's exit status.

uart_tcp_client.py SOC_SIM ELF SEND EXPECT
"""
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    sim, elf, send, expect = sys.argv[1:5]
    port = free_port()
    proc = subprocess.Popen([sim, "--uart-tcp", str(port), "--uart-wait", "20", "--progress", "0",
                             "--max-cycles", "5M", elf],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.time() + 20
    while True:
        try:
            conn = socket.create_connection(("127.0.0.1", port), timeout=1)
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                print(proc.communicate()[0].decode(errors="replace"))
                sys.exit("could not connect to the simulator's UART")
            time.sleep(0.1)
    conn.sendall(send.encode())
    conn.settimeout(60)
    got = b""
    while expect.encode() not in got:
        chunk = conn.recv(4096)
        if not chunk:
            break
        got += chunk
    out = proc.communicate(timeout=120)[0].decode(errors="replace")
    conn.close()
    print("over TCP:", got.decode(errors="replace"))
    print("simulator:", out)
    if expect.encode() not in got:
        sys.exit(f"expected {expect!r} over the socket")
    if proc.returncode != 0:
        sys.exit(f"simulator exit status {proc.returncode}")
    print("ok")


if __name__ == "__main__":
    main()
