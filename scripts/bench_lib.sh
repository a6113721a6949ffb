# Helpers for the benchmark hooks (tests/*/bench.sh), sourced after `cd` to
# the repository root:
#   rec METRIC CONFIG VALUE UNIT     one evaluation.json record on stdout
#   interval EVENTS FROM TO [FIELD]  a statistic (default avg, rounded to 0.1) of
#                                    the FROM -> TO intervals of a soc_sim
#                                    --events log (scripts/rt_intervals.py)
rec() {
  printf '{"metric": "%s", "config": "%s", "value": %s, "unit": "%s"}\n' "$1" "$2" "$3" "$4"
}
interval() {
  python3 scripts/rt_intervals.py "$1" --from "$2" --to "$3" --json |
    python3 -c "import json,sys; v=json.load(sys.stdin)['${4:-avg}']; print(round(v, 1) if isinstance(v, float) else v)"
}
