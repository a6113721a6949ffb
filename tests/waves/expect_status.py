#!/usr/bin/env python3
"""Runs a command and checks its exit status and output (wavediff's bad-input tests).

usage: expect_status.py STATUS REGEX -- COMMAND [ARG...]
Passes when COMMAND exits with STATUS and its stdout+stderr matches REGEX
(Python re.search); otherwise prints what it got and exits 1.
"""
import re
import subprocess
import sys


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    status, pattern, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[4:]
    r = subprocess.run(cmd, capture_output=True, text=True)
    out = r.stdout + r.stderr
    sys.stdout.write(out)
    if r.returncode != status:
        print(f"expect_status: exit status {r.returncode}, expected {status}")
        return 1
    if not re.search(pattern, out):
        print(f"expect_status: output does not match /{pattern}/")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
