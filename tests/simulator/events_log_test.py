#!/usr/bin/env python3
"""soc_sim --events on a handmade ELF (make_bad_elfs.py: marks.elf, whose
.rt_marks marks its first instruction and has one pc-0 entry): the log is
the header and one `mark` line, "start" on hart 0. (Not the EXIT store: on
the ISS the run ends before that store's bus response, so it never retires.)

  events_log_test.py SOC_SIM MARKS_ELF EVENTS_CSV [soc_sim options...]
"""
import subprocess
import sys

sim, elf, events = sys.argv[1:4]
rc = subprocess.run([sim, "--progress", "0", "--max-cycles", "1k", "--events", events,
                     *sys.argv[4:], elf]).returncode
lines = open(events).read().splitlines()
print("\n".join(lines))
if rc != 0:
    sys.exit(f"FAIL: soc_sim exit status {rc}")
if lines[0] != "cycle,hart,kind,name" or [l.split(",", 1)[1] for l in lines[1:]] != [
        "0,mark,start"]:
    sys.exit("FAIL: expected the header and one 'CYCLE,0,mark,start' line")
print("events_log_test: PASS")
