#!/usr/bin/env bash
# Core benchmarks for `make bench`: CPI and cycles of the workloads and the
# interrupt entry latency, measured on the Verilated core with single-cycle
# memory. Writes BUILD/bench/core.json (evaluation records) and prints a table.
#   tests/isa/bench/run_bench.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
b=$build/tests/isa
cmake --build "$build" --target isa_bench >/dev/null
mkdir -p "$build/bench"
args=()
for w in intloop memcpy sort crc32 matmul; do args+=("$w=$b/bench/$w.elf"); done
"$b/isa_bench" --json="$build/bench/core.json" "${args[@]}" --irq="$b/bench/irq_latency.elf"
