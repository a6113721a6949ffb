#!/usr/bin/env bash
# `make run`: the main demo. The echo server with a background computation
# (firmware/apps/echo) runs on the simulated SoC once per executor -- hw
# (ATS-INTC), hw with the computation as a second process (hwp: two
# controller slots, the preempt line), sw (PLIC + software queue), sw with a
# preemptive quantum, poll -- under the same open-loop Poisson traffic with
# bimodal service times, showing the firmware's live progress, and ends with
# the latency table.
#   scripts/run_demo.sh BUILD_DIR [extra soc_sim options]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
shift || true
SIM="$BUILD/sim/soc_sim/soc_sim"
OUT="$BUILD/demo"
mkdir -p "$OUT"
export SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1
LOAD=${DEMO_LOAD:-20}        # % of the mean service demand (sw saturates near 30)
PACKETS=${DEMO_PACKETS:-1500}
SERVICE="bimodal:50:50000:0.995"  # 99.5% 50 cycles, 0.5% 50000 (mean 299.75)
RATE=$(python3 -c "print(round($LOAD / 100 / 299.75 * 1000, 4))")
TRAFFIC=(--pkt-start 60000 --pkt-rate "$RATE" --pkt-arrival poisson --pkt-service "$SERVICE"
         --pkt-count "$PACKETS" --pkt-size 16 --seed 1 --max-cycles 100M --progress 0)

echo "demo: echo server + background CRC task, $PACKETS packets, Poisson arrivals at $LOAD% load,"
echo "demo: service $SERVICE cycles; the same firmware source under five executors"
for ex in hw hwp sw swp poll; do
  echo
  echo "demo: ---- executor $ex ($BUILD/firmware/echo_$ex.elf)"
  "$SIM" "${TRAFFIC[@]}" --stats "$OUT/echo_$ex.json" "$@" "$BUILD/firmware/echo_$ex.elf" \
    2>&1 | tee "$OUT/echo_$ex.log" | grep -v "^soc_sim: packets:" || true
done
echo
python3 - "$OUT" <<'PY'
import json, re, sys
out = sys.argv[1]
names = {"hw": "hw (ATS-INTC queues)", "hwp": "hw, background as process 2",
         "sw": "sw (PLIC + software queue)",
         "swp": "sw + 2000-cycle quantum", "poll": "poll (no interrupts)"}
print("demo: arrival -> reply latency in cycles, measured by the simulator")
print(f"{'executor':28} {'replied':>8} {'drops':>6} {'p50':>8} {'p99':>8} {'p99.9':>9} {'background':>11}")
for ex in ("hw", "hwp", "sw", "swp", "poll"):
    try:
        d = json.load(open(f"{out}/echo_{ex}.json"))
    except (OSError, ValueError):
        print(f"{names[ex]:28} (no statistics: the run failed, see {out}/echo_{ex}.log)")
        continue
    lat = d["packets"]["replies"]["latency"]
    log = open(f"{out}/echo_{ex}.log").read()
    m = re.search(r"replied=(\d+) drops=(\d+) sw_drops=(\d+)", log)
    bg = re.search(r"background slices=(\d+)", log)
    drops = int(m.group(2)) + int(m.group(3)) if m else -1
    if d.get("stop") not in ("exit", "tohost"):
        print(f"{names[ex]:28} (stopped: {d.get('stop')}; figures below are partial)")
    print(f"{names[ex]:28} {m.group(1) if m else '?':>8} {drops:>6} {lat['p50']:>8} {lat['p99']:>8} "
          f"{lat['p999']:>9} {bg.group(1) if bg else '?':>11}")
print("demo: background = CRC slices the background task completed (CPU left over)")
PY
