#!/usr/bin/env bash
# same_run.sh SOC_SIM ELF [ARGS...]: runs ELF with --intc=rtl and with
# --intc=model and passes when both exit 0 with identical UART output and
# identical cycle and instruction counts.
set -u
sim=$1 elf=$2; shift 2
run() {  # prints UART output, then the summary without the speed
  "$sim" "$@" --progress 0 "$elf" 2>&1 | sed -E 's/, [0-9.]+ simulated MHz//'
  return "${PIPESTATUS[0]}"
}
a=$(run --intc rtl "$@"); sa=$?
b=$(run --intc model "$@"); sb=$?
printf -- '--- rtl (status %s)\n%s\n--- model (status %s)\n%s\n' "$sa" "$a" "$sb" "$b" | tail -n 40
[ "$sa" = 0 ] && [ "$sb" = 0 ] || { echo "same_run.sh: a run failed"; exit 1; }
[ "$a" = "$b" ] || { echo "same_run.sh: outputs differ"; diff <(echo "$a") <(echo "$b"); exit 1; }
echo "same_run.sh: identical"
