#!/usr/bin/env bash
# `make bench`: measure everything that has a benchmark and write
# docs/evaluation.json (records) and docs/evaluation.md (tables) from them.
#   scripts/bench.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT="$BUILD/bench"
mkdir -p "$OUT"
rm -f "$OUT"/*.jsonl
export SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1

echo "bench: ATS-INTC port timing (RTL and model, both configurations)"
for intc in rtl model; do
  for cfg in default small; do
    "$BUILD/sim/intc_bench/intc_bench" --intc $intc --config $cfg | grep "^{" >> "$OUT/intc.jsonl"
  done
done

echo "bench: iCE40 synthesis"
bash scripts/synth_ice40.sh "$BUILD/synth"
cp "$BUILD/synth/records.jsonl" "$OUT/synth.jsonl"

# Component benchmarks that register themselves as executable scripts
# (e.g. the core's CPI and interrupt latency) write records to stdout.
for hook in rtl/*/bench.sh tests/*/bench.sh; do
  [ -f "$hook" ] || continue
  echo "bench: $hook"
  bash "$hook" "$BUILD" >> "$OUT/$(basename "$(dirname "$hook")").jsonl"
done

python3 scripts/gen_evaluation.py "$OUT" docs/evaluation.json docs/evaluation.md
