#!/usr/bin/env bash
# Kernel benchmarks for `make bench` (scripts/bench.sh runs every
# tests/*/bench.sh): JSON records on stdout, in the shape of Fluke's tables.
#   tests/kernel/bench.sh BUILD_DIR
# * kernel.syscall (config = call for the interrupt model, process:call for
#   the process model; Fluke's Table 5): user -> kernel -> user round trip of
#   getpid, an uncontended mutex_lock + mutex_unlock pair, thread_state and a
#   1-byte write (firmware/kernel/tests/k_syscalls.cpp, marks around each
#   ecall, 64 calls each).
# * kernel.preempt_avg / kernel.preempt_max (config = NP, PP, FP; Table 6):
#   machine-timer edge (irq3 in the event log) -> the kernel acting on it
#   (mark "kernel.preempt": the timer trap, a preemption point inside a long
#   copy, or under FP the timer's trap inside the copy), under k_ipc: 24 IPC
#   messages of 2 KiB between two processes and a third computing,
#   1000-cycle quantum. NP has no preemption points; NP and PP run the
#   interrupt model, FP the process model.
# * kernel.call_cycles (config = sync-ecall, async-batch16) and
#   kernel.async_speedup: the same `add` call by ecall and as asynchronous
#   requests in batches of 16 over the ATS-INTC (k_async.cpp).
# * kernel.restart_cost (config = model:call; Fluke's Table 3 shape): what one
#   interruption adds to a long call -- a 1 KiB write, a 4 KiB IPC send --
#   made while its thread is the only runnable one (k_restart_cost.cpp): the
#   call's cycles under a 300-cycle quantum minus its cycles without any
#   interruption, divided by the interruptions inside it ("kernel.preempt"
#   marks between the call's marks). Interrupt model and process model with PP
#   (the call stops at a preemption point and is restarted), and FP (the timer
#   preempts the copy, which goes on where it stopped).
# * kernel.bytes_per_thread (config = interrupt, interrupt-no-save, process;
#   Table 7): the kernel's Thread record with and without its register save
#   area; the process model adds a 1 KiB kernel stack and its saved sp.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
SIM="$BUILD/sim/soc_sim/soc_sim"
FW="$BUILD/firmware"
OUT="$BUILD/bench/kernel"
mkdir -p "$OUT"
export SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1

source scripts/bench_lib.sh

"$SIM" --progress 0 --max-cycles 5M --events "$OUT/k_syscalls.csv" "$FW/k_syscalls.elf" \
  > "$OUT/k_syscalls.log" 2>&1
for c in getpid lock_unlock thread_state write1; do
  rec kernel.syscall "$c" "$(interval "$OUT/k_syscalls.csv" "mark:$c.in" "mark:$c.out" avg)" cycles
done
total=$(sed -n 's/.*kernel memory per thread \([0-9]*\) bytes (register save area \([0-9]*\)).*/\1/p' "$OUT/k_syscalls.log")
save=$(sed -n 's/.*kernel memory per thread \([0-9]*\) bytes (register save area \([0-9]*\)).*/\2/p' "$OUT/k_syscalls.log")
rec kernel.bytes_per_thread interrupt "$total" bytes
rec kernel.bytes_per_thread interrupt-no-save "$((total - save))" bytes
# The process model: the same calls, and its memory per thread.
"$SIM" --progress 0 --max-cycles 5M --events "$OUT/proc_k_syscalls.csv" "$FW/proc_k_syscalls.elf" \
  > "$OUT/proc_k_syscalls.log" 2>&1
for c in getpid lock_unlock thread_state write1; do
  rec kernel.syscall "process:$c" \
    "$(interval "$OUT/proc_k_syscalls.csv" "mark:$c.in" "mark:$c.out" avg)" cycles
done
rec kernel.bytes_per_thread process \
  "$(sed -n 's/.*kernel memory per thread \([0-9]*\) bytes.*/\1/p' "$OUT/proc_k_syscalls.log")" bytes

# Restart cost: each build, with and without interruptions.
for build in interrupt:k_restart_cost process:proc_k_restart_cost FP:fp_k_restart_cost; do
  model=${build%%:*} prog=${build#*:}
  for q in 300 100000000; do
    "$SIM" --progress 0 --uart-input "$q." --max-cycles 5M --events "$OUT/$prog.$q.csv" \
      "$FW/$prog.elf" > "$OUT/$prog.$q.log" 2>&1
    grep -q "k_restart_cost: PASS" "$OUT/$prog.$q.log"
  done
  for call in write ipc; do
    python3 - "$OUT/$prog.300.csv" "$OUT/$prog.100000000.csv" "$call" "$model" <<'PY'
import csv, json, sys
def span(path, call):
    rows = list(csv.DictReader(open(path)))
    start = next(int(r["cycle"]) for r in rows if r["name"] == call + ".in")
    end = next(int(r["cycle"]) for r in rows if r["name"] == call + ".out")
    n = sum(1 for r in rows if r["name"] == "kernel.preempt" and start < int(r["cycle"]) < end)
    return end - start, n
(t_q, n), (t_0, n0) = span(sys.argv[1], sys.argv[3]), span(sys.argv[2], sys.argv[3])
assert n > 0 and n0 == 0, (n, n0)
print(json.dumps({"metric": "kernel.restart_cost", "config": f"{sys.argv[4]}:{sys.argv[3]}",
                  "value": round((t_q - t_0) / n, 1), "unit": "cycles"}))
PY
  done
done

# Asynchronous calls over the ATS-INTC vs ecall: 256 `add` calls each.
"$SIM" --progress 0 --max-cycles 5M --events "$OUT/k_async.csv" "$FW/k_async.elf" > "$OUT/k_async.log" 2>&1
grep -q "k_async: PASS" "$OUT/k_async.log"
sync=$(interval "$OUT/k_async.csv" mark:sync.begin mark:sync.end avg)
async=$(interval "$OUT/k_async.csv" mark:async.begin mark:async.end avg)
rec kernel.call_cycles sync-ecall "$(python3 -c "print(round($sync / 256, 1))")" cycles
rec kernel.call_cycles async-batch16 "$(python3 -c "print(round($async / 256, 1))")" cycles
rec kernel.async_speedup batch16 "$(python3 -c "print(round($sync / $async, 2))")" ratio
# The same with the kernel's server on a second hart (the process polls, no trap).
"$SIM" --progress 0 --harts 2 --max-cycles 5M --events "$OUT/k_async2.csv" "$FW/k_async.elf" \
  > "$OUT/k_async2.log" 2>&1
grep -q "server on hart 1.*" "$OUT/k_async2.log"
sync2=$(interval "$OUT/k_async2.csv" mark:sync.begin mark:sync.end avg)
async2=$(interval "$OUT/k_async2.csv" mark:async.begin mark:async.end avg)
rec kernel.call_cycles sync-ecall-2harts "$(python3 -c "print(round($sync2 / 256, 1))")" cycles
rec kernel.call_cycles async-batch16-hart1 "$(python3 -c "print(round($async2 / 256, 1))")" cycles
rec kernel.async_speedup batch16-hart1 "$(python3 -c "print(round($sync2 / $async2, 2))")" ratio

for model in np pp fp; do
  ev="$OUT/k_ipc_$model.csv"
  "$SIM" --progress 0 --max-cycles 40M --events "$ev" "$FW/k_ipc_$model.elf" > "$OUT/k_ipc_$model.log" 2>&1
  grep -q "k_ipc: PASS" "$OUT/k_ipc_$model.log"
  cfg=$(echo "$model" | tr a-z A-Z)
  rec kernel.preempt_avg "$cfg" "$(interval "$ev" irq:3 mark:kernel.preempt avg)" cycles
  max=$(interval "$ev" irq:3 mark:kernel.preempt max)
  rec kernel.preempt_max "$cfg" "$max" cycles
  case $model in np) np=$max ;; pp) pp=$max ;; fp) fp=$max ;; esac
done
rec kernel.preempt_max_ratio NP/PP "$(python3 -c "print(round($np / $pp, 1))")" ratio
rec kernel.preempt_max_ratio NP/FP "$(python3 -c "print(round($np / $fp, 1))")" ratio
