#!/usr/bin/env bash
# Runtime benchmarks for `make bench` (scripts/bench.sh runs every
# tests/*/bench.sh): prints JSON records on stdout; writes the tail-latency
# plots docs/rt_latency_p99.svg and docs/rt_latency_p999.svg.
#   tests/runtime/bench.sh BUILD_DIR
#
# 1. rt_bench_{hw,sw,poll} (firmware/apps/rt_bench): queue operations and
#    memory printed by the firmware; switch, IRQ -> task and IPC read from
#    marked PCs in the simulator's event log (soc_sim --events,
#    scripts/rt_intervals.py). Cross-hart IPC: the same ELF on 2 harts.
# 2. echo_{hw,sw,swp,poll} (firmware/apps/echo) under open-loop Poisson
#    traffic with bimodal service times (99.5% 50 cycles, 0.5% 50000), at
#    loads of 5..50% of the service demand (rate = load / mean service):
#    p50 / p99 / p99.9 arrival -> reply latency as the simulator measures it.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
SIM="$BUILD/sim/soc_sim/soc_sim"
FW="$BUILD/firmware"
OUT="$BUILD/bench/runtime"
mkdir -p "$OUT"
export SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1
PKTS=${RT_BENCH_PACKETS:-2000}

source scripts/bench_lib.sh

# ------------------------------------------------------------ micro-benchmarks
BENCH_TRAFFIC="--pkt-start 150000 --pkt-rate 0.1 --pkt-arrival fixed --pkt-count 48 --pkt-size 16"
for ex in hw sw poll; do
  log="$OUT/rt_bench_$ex.log"
  "$SIM" --progress 0 --max-cycles 20M $BENCH_TRAFFIC --events "$OUT/rt_bench_$ex.csv" \
    "$FW/rt_bench_$ex.elf" > "$log" 2>&1
  for m in rt.enqueue rt.dequeue; do
    rec "$m" "$ex" "$(sed -n "s/^rt_bench: $m \([0-9.]*\) cycles.*/\1/p" "$log")" cycles
  done
  rec rt.bytes_per_task "$ex" "$(sed -n 's/^rt_bench: rt.bytes_per_task \([0-9]*\).*/\1/p' "$log")" bytes
  [ "$ex" = hw ] && rec rt.bytes_per_task thread \
    "$(sed -n 's/^rt_bench: rt.bytes_per_thread \([0-9]*\).*/\1/p' "$log")" bytes
  ev="$OUT/rt_bench_$ex.csv"
  rec rt.switch "$ex" "$(interval "$ev" mark:switch.from mark:switch.to)" cycles
  rec rt.ipc "$ex-same" "$(interval "$ev" mark:ipc.send mark:ipc.recv)" cycles
  # The irq phase: the first 16 packets on an idle hart, then 32 with background load.
  python3 - "$ev" "$ex" <<'PY'
import csv, json, sys
ev, ex = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(ev)))
markers = {int(r["name"], 16): int(r["cycle"]) for r in rows if r["kind"] == "marker"}
lat = {"idle": [], "loaded": []}
pending = None
for r in rows:
    c = int(r["cycle"])
    if r["kind"] == "irq" and r["name"] == "irq1":
        pending = c
    elif r["kind"] == "mark" and r["name"] == "irq.task" and pending is not None:
        phase = "idle" if c < markers.get(2, 1 << 62) else "loaded"
        lat[phase].append(c - pending)
        pending = None
for phase, v in lat.items():
    if not v:
        sys.exit(f"rt_bench {ex}: no irq -> task samples ({phase})")
    cfg = ex if phase == "idle" else ex + "-loaded"
    print(json.dumps({"metric": "rt.irq_to_task", "config": cfg,
                      "value": round(sum(v) / len(v), 1), "unit": "cycles"}))
    print(json.dumps({"metric": "rt.irq_to_task_max", "config": cfg,
                      "value": max(v), "unit": "cycles"}))
PY
  "$SIM" --progress 0 --harts 2 --max-cycles 20M --events "$OUT/rt_bench_${ex}_2h.csv" \
    "$FW/rt_bench_$ex.elf" > "$OUT/rt_bench_${ex}_2h.log" 2>&1
  rec rt.ipc "$ex-cross" "$(interval "$OUT/rt_bench_${ex}_2h.csv" mark:ipc.send mark:ipc.recv)" cycles
done

# ------------------------------------------------------------ tail latency
MEAN=299.75  # bimodal:50:50000:0.995
: > "$OUT/latency.dat"
for ex in hw sw swp poll; do
  for load in 5 10 20 30 40 50; do
    rate=$(python3 -c "print(round($load / 100 / $MEAN * 1000, 4))")
    st="$OUT/echo_${ex}_$load.json"
    "$SIM" --progress 0 --max-cycles 200M --pkt-start 60000 --pkt-rate "$rate" \
      --pkt-arrival poisson --pkt-service bimodal:50:50000:0.995 --pkt-count "$PKTS" \
      --pkt-size 16 --seed 1 --stats "$st" "$FW/echo_$ex.elf" > "$OUT/echo_${ex}_$load.log" 2>&1 || true
    python3 - "$st" "$ex" "$load" "$OUT/latency.dat" <<'PY'
import json, sys
st, ex, load, dat = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
d = json.load(open(st))
lat = d["packets"]["replies"]["latency"]
vals = {"rt.p50": lat["p50"], "rt.p99": lat["p99"], "rt.p999": lat["p999"]}
for m, v in vals.items():
    print(json.dumps({"metric": m, "config": f"{ex}@{load}%", "value": v, "unit": "cycles"}))
with open(dat, "a") as f:
    f.write(f"{ex} {load} {lat['p50']} {lat['p99']} {lat['p999']} {d['stop']}\n")
PY
  done
done
python3 - "$OUT/latency.dat" docs <<'PY'
import subprocess, sys
dat, docs = sys.argv[1], sys.argv[2]
rows = [l.split() for l in open(dat)]
exs = ["hw", "sw", "swp", "poll"]
names = {"hw": "hw (ATS-INTC)", "sw": "sw (PLIC + queue)", "swp": "sw + 2000-cycle quantum",
         "poll": "poll"}
for col, pct in ((3, "p99"), (4, "p99.9")):
    data = {}
    for ex in exs:
        data[ex] = "\n".join(f"{r[1]} {r[col]}" for r in rows if r[0] == ex) + "\ne\n"
    script = f"""set terminal svg size 640,400 dynamic
set output '{docs}/rt_latency_{pct.replace('.', '')}.svg'
set title 'echo server: {pct} arrival-to-reply latency vs load (bimodal 50/50000 cycles)'
set xlabel 'offered load (% of mean service demand)'
set ylabel '{pct} latency (cycles)'
set logscale y
set key top left
plot """ + ", ".join(f"'-' using 1:2 with linespoints title '{names[e]}'" for e in exs) + "\n"
    script += "".join(data[e] for e in exs)
    subprocess.run(["gnuplot"], input=script.encode(), check=True)
PY
