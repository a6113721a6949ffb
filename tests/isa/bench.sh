#!/usr/bin/env bash
# make bench hook: the core's CPI per workload and its interrupt entry latency
# (tests/isa/bench/run_bench.sh), as JSON records on stdout.
#   tests/isa/bench.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
bash tests/isa/bench/run_bench.sh "$build" >&2
python3 -c '
import json, sys
for r in json.load(open(sys.argv[1])): print(json.dumps(r))' "$build/bench/core.json"
