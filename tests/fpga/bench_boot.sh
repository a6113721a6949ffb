#!/usr/bin/env bash
# bench_boot.sh [BUILD_DIR]: boot time of the demo firmware through the boot
# ROM loader at 115200 baud (docs/atsctl.md "Boot time").
#
# Boots firmware/apps/echo (hw executor, linked for the iCEBreaker's 128 KiB:
# echo_hw_icebreaker.elf) with `atsctl load --run` through the iCEBreaker
# loader ROM in soc_sim, and prints two JSON records (ARCHITECTURE.md §11):
#   fpga.boot_bytes    bytes on the UART in both directions for the whole
#                      session (INFO, BEGIN, WRITEs, VERIFY, RUN and replies)
#   fpga.boot_time_ms  those bytes at 10 bits each at 115200 baud, plus the
#                      loader's turnaround cycles (end of each request to the
#                      start of its reply, counted by the loader itself and
#                      reported by VERIFY) at the loader's clock (INFO)
# The simulated UART moves bytes without baud timing, so the time is computed,
# not measured; it leaves out the host's and the USB-serial adapter's latency.
# Exit status 1 (and no records) if the load needed retries or failed.
set -euo pipefail
build=${1:-build}
sim=$build/sim/soc_sim/soc_sim
atsctl=$build/host_sw/atsctl/atsctl
fw=$build/firmware
elf=$fw/echo_hw_icebreaker.elf
for f in "$sim" "$atsctl" "$fw/bootrom/bootrom_icebreaker.hex" "$elf"; do
  [ -e "$f" ] || { echo "bench_boot.sh: $f missing (build soc_sim atsctl firmware)" >&2; exit 1; }
done
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
log=$(mktemp)
SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1 "$sim" --rom "$fw/bootrom/bootrom_icebreaker.hex" \
  --uart-tcp "$port" --progress 0 --max-wall 600 --quiet >/dev/null 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null; wait $sim_pid 2>/dev/null || true; rm -f "$log"' EXIT

info=""
for _ in $(seq 50); do  # until the simulator listens
  if info=$("$atsctl" --tcp "127.0.0.1:$port" --reply-timeout 5000 info 2>/dev/null); then break; fi
  sleep 0.2
done
clk=$(sed -n 's/.*clock \([0-9]*\) Hz.*/\1/p' <<<"$info")
[ -n "$clk" ] || { echo "bench_boot.sh: the loader did not answer INFO" >&2; exit 1; }

"$atsctl" --tcp "127.0.0.1:$port" --reply-timeout 5000 load "$elf" --run 2>"$log" || {
  cat "$log" >&2; exit 1; }
retries=$(sed -n 's/.* \([0-9]*\) retries,.*/\1/p' "$log")
turn=$(sed -n 's/.*loader turnaround \([0-9]*\) cycles.*/\1/p' "$log")
sent=$(sed -n 's/.*session: sent \([0-9]*\) bytes.*/\1/p' "$log")
recv=$(sed -n 's/.*session: sent [0-9]* bytes, received \([0-9]*\) bytes.*/\1/p' "$log")
if [ -z "$turn" ] || [ -z "$sent" ] || [ -z "$recv" ] || [ "$retries" != 0 ]; then
  cat "$log" >&2
  echo "bench_boot.sh: no clean load (retries: ${retries:-?})" >&2
  exit 1
fi
python3 - "$sent" "$recv" "$turn" "$clk" <<'PY'
import json, sys
sent, recv, turn, clk = map(int, sys.argv[1:5])
nbytes = sent + recv
ms = nbytes * 10 / 115200 * 1000 + turn / clk * 1000
for rec in ({"metric": "fpga.boot_bytes", "config": "icebreaker:echo", "value": nbytes,
             "unit": "bytes"},
            {"metric": "fpga.boot_time_ms", "config": "icebreaker:echo", "value": round(ms, 1),
             "unit": "ms"}):
    print(json.dumps(rec))
PY
