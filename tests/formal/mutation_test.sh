#!/usr/bin/env bash
# The bounded model check must fail on a broken controller: each mutation is
# applied to a copy of rtl/ats_intc, run_formal.sh runs on the copy, and the
# test passes only if the check exits 1 and names the expected assertion.
#   tests/formal/mutation_test.sh WORKDIR
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=$(mkdir -p "${1:-build/formal-mutations}" && cd "${1:-build/formal-mutations}" && pwd)

# name @ text in ats_intc.sv @ its replacement @ text on the last line of the
# `assert` in ats_intc_props.svh that must fail
MUTATIONS=(
  "leak_freed_entry@fl_len_d  = fl_len_q + CW'(1);@fl_len_d  = fl_len_q;@(CW+LW+1)'(NENT));"
  "rejected_write_ram@    word_we = al_en;@    word_we = al_en || (op_bus_q && !ok_q);@assert (!word_we && !next_we);"
)

fail=0
for m in "${MUTATIONS[@]}"; do
  IFS='@' read -r name from to what <<< "$m"
  dir="$WORK/$name"
  rm -rf "$dir" && mkdir -p "$dir/rtl"
  cp rtl/ats_intc/*.sv rtl/ats_intc/*.svh rtl/ats_intc/sources.f "$dir/rtl/"
  if ! grep -qF "$from" "$dir/rtl/ats_intc.sv"; then
    echo "mutation $name: '$from' not found in ats_intc.sv (update this test)"; fail=1; continue
  fi
  python3 -c 'import sys; p, a, b = sys.argv[1:]; s = open(p).read(); open(p, "w").write(s.replace(a, b, 1))' \
    "$dir/rtl/ats_intc.sv" "$from" "$to"
  rc=0
  out=$(RTL_DIR="$dir/rtl" INSTANCES=deep DEPTH=10 bash tests/formal/run_formal.sh "$dir/work" 2>&1) || rc=$?
  echo "$out"
  # The report names the assertion by its source range; its last line must be
  # the expected assertion's.
  line=$(echo "$out" | sed -n 's/.*ats_intc_props.svh:[0-9]*\.[0-9]*-\([0-9]*\)\..*/\1/p' | head -1)
  want=$(grep -nF "$what" rtl/ats_intc/ats_intc_props.svh | head -1 | cut -d: -f1)
  if [ $rc -ne 1 ]; then
    echo "mutation $name: FAIL: the check exited $rc, not 1"; fail=1
  elif [ "${line:-none}" != "$want" ]; then
    echo "mutation $name: FAIL: expected the assertion ending on line $want ($what), got ${line:-none}"; fail=1
  elif [ ! -s "$dir/work/deep/cex.vcd" ]; then
    echo "mutation $name: FAIL: no counterexample trace"; fail=1
  else
    echo "mutation $name: caught ($what, line $line)"
  fi
done
exit $fail
