#!/usr/bin/env python3
"""Write docs/evaluation.json and docs/evaluation.md from measured records.

usage: gen_evaluation.py RECORD_DIR OUT_JSON OUT_MD
Every *.jsonl file in RECORD_DIR holds one record per line:
{"metric": ..., "config": ..., "value": N, "unit": ...}. Nothing here is
measured: this script only tabulates and checks the records against targets.
"""
import json
import sys
from pathlib import Path

# metric -> (comparison, bound, where the target comes from)
TARGETS = {
    "intc.dequeue": ("<=", 2, "issue 3: DEQ load-to-use <= 2 cycles"),
    "intc.irq_to_ready": ("<=", 2, "issue 3: IRQ-to-ready <= 2 cycles"),
    "intc.throughput": (">=", 1.0, "issue 3: one operation accepted per cycle"),
    "core.cpi": ("<=", 1.3, "issue 4: CPI <= 1.3 on integer workloads"),
    "core.irq_entry": ("<=", 6, "issue 4: interrupt entry <= 6 cycles"),
    "sim.speed_ratio": (">=", 100, "issue 5: >= 100x Icarus"),
    "kernel.preempt_max_ratio": (">=", 5, "issue 7: PP maximum <= 1/5 of NP's"),
    "kernel.async_speedup": (">=", 2, "issue 7: async >= 2x synchronous ecall"),
}
CONFIG_TARGETS = {
    ("fpga.lc", "up5k:ats_intc-small"): ("<=", 1000, "issue 3: small configuration <= 1,000 LCs"),
    ("fpga.fmax", "up5k:ats_intc-small"): (">=", 40, "issue 3: >= 40 MHz on UP5K"),
    ("fpga.lc", "up5k:rv_core_pmp8"): ("<=", 3500, "issue 4: core <= 3,500 LCs"),
    ("fpga.fmax", "up5k:rv_core_pmp8"): (">=", 24, "issue 4: core >= 24 MHz"),
    ("fpga.lc", "icebreaker:soc"): ("<=", 5280, "issue 8: the SoC fits the UP5K"),
    ("fpga.lc", "hx8k:soc"): ("<=", 7680, "issue 8: the SoC fits the HX8K"),
    ("fpga.fmax", "icebreaker:soc"): (">=", 9.1875, "issue 8: meets the iCEBreaker clock"),
    ("fpga.fmax", "hx8k:soc"): (">=", 14.8125, "issue 8: meets the HX8K clock"),
    ("sim.speed", "harts1"): (">=", 2, "issue 5: >= 2 MHz for one hart"),
    ("kernel.bytes_per_thread", "interrupt"): ("<=", 128, "issue 7: interrupt model <= 128 B"),
    ("rt.switch", "hw"): ("<=", 15, "issue 6: yield -> next task <= 15 cycles"),
    ("rt.irq_to_task", "hw"): ("<=", 20, "issue 6: idle hart, IRQ -> task <= 20 cycles"),
    ("rt.ipc", "hw-same"): ("<=", 30, "issue 6: send -> receiver runs <= 30 cycles"),
    ("rt.ipc", "hw-cross"): ("<=", 30, "issue 6: send -> receiver runs <= 30 cycles"),
}
SECTIONS = [
    ("intc.", "ATS-INTC port timing",
     "Measured by `build/sim/intc_bench/intc_bench --intc rtl|model --config default|small` "
     "(sim/intc_bench/intc_bench.cpp defines each figure) at the controller's ports, in clock "
     "cycles. The RTL and the SystemC model must give the same numbers: they follow one "
     "timing contract (docs/ats_intc.md §3)."),
    ("fpga.", "FPGA resources (iCE40, nextpnr-ice40)",
     "`make synth` (scripts/synth_ice40.sh; configs `up5k:`/`hx8k:`): yosys `synth_ice40`, "
     "nextpnr-ice40 `--up5k --package sg48`. The IP is placed inside a scan-chain harness "
     "(rtl/fpga/ats_intc_scan_top.sv) because the package has too few pins for its ports; "
     "the LC figure subtracts one LC per chain bit. Fmax is nextpnr's post-route estimate. "
     "Board builds (tests/fpga/bench.sh; configs `icebreaker:`/`hx8k:`, docs/fpga.md): "
     "the whole SoC through `make bitstream`'s script, and the controller and the core alone "
     "in their harnesses, each in the board's configuration, on the board's device, at the "
     "board's clock; a design that does not fit has its packed LC count and no Fmax."),
    ("synth.", "Generic synthesis (yosys `synth -lut 4`)", "LUT4 and flip-flop counts of the IP alone."),
    ("core.", "CPU core", "See docs/core.md for the workloads and how each figure is measured."),
    ("rt.", "Coroutine runtime: hw vs sw vs poll",
     "tests/runtime/bench.sh. Micro-benchmarks: firmware/apps/rt_bench built for each executor "
     "(`rt_bench_hw|sw|poll.elf`), run as `soc_sim --events FILE --pkt-start 150000 --pkt-rate "
     "0.1 --pkt-arrival fixed --pkt-count 48 --pkt-size 16`; switch, IPC and IRQ-to-task are "
     "intervals between marked PCs and IRQ edges in the event log (scripts/rt_intervals.py), so "
     "measuring costs no cycle; every figure is a mean over all its samples, the first ones "
     "included (the core's branch predictor learns a path on its first passes): IRQ-to-task "
     "over the 16 packets on an idle hart and the 32 with background load (`loaded`); "
     "the cross-hart IPC run adds `--harts 2`; enqueue/dequeue and "
     "memory are printed by the firmware (mcycle around the call). Tail latency: "
     "firmware/apps/echo (`echo_hw|sw|swp|poll.elf`; swp = sw with a 2000-cycle preemptive "
     "quantum) under `--pkt-arrival poisson --pkt-service bimodal:50:50000:0.995 --pkt-count "
     "2000 --seed 1`, rate = load / mean service; p50/p99/p99.9 arrival-to-reply latency as the "
     "simulator measures it. Plots: [p99](rt_latency_p99.svg), [p99.9](rt_latency_p999.svg)."),
    ("kernel.", "Kernel (Fluke's tables, first slice)",
     "tests/kernel/bench.sh; docs/kernel.md describes the kernel. System calls: "
     "firmware/kernel/tests/k_syscalls.cpp, marks around each `ecall` (user -> kernel -> user, "
     "64 calls each, interrupt model, `soc_sim --events`). Preemption latency: the machine-timer "
     "edge (irq3) to the kernel acting on it (the timer trap, or a preemption point inside a long "
     "copy), under k_ipc_np / k_ipc_pp (24 IPC messages of 2 KiB between two processes and a "
     "third computing, 1000-cycle quantum). Memory: the kernel's Thread record with and without "
     "its register save area (x1, x2, x4..x31 and pc, 124 B; gp belongs to the process, "
     "docs/kernel.md). Asynchronous calls: k_async.cpp, 256 `add` calls by ecall and in batches "
     "of 16 through the ATS-INTC doorbell, same hart."),
    ("sim.", "Simulation speed",
     "tests/simulator/bench.sh: simulated cycles per wall-clock second of `soc_sim` (best of "
     "three runs of 2M cycles of tests/simulator/speed_loop.S; `--intc=rtl`, tracing off) with 1 "
     "and 4 harts, and of the same 1-hart RTL under Icarus Verilog 11 (elaborated to plain "
     "Verilog by Yosys; 20k cycles), on the build machine (2 cores, shared: figures vary by "
     "about 15 %)."),
]


def check(rec):
    t = CONFIG_TARGETS.get((rec["metric"], rec["config"])) or TARGETS.get(rec["metric"])
    if not t:
        return "", ""
    op, bound, why = t
    ok = rec["value"] <= bound if op == "<=" else rec["value"] >= bound
    return f"{op} {bound}", ("yes" if ok else "**no**") + f" ({why.split(':')[0]})"


def rt_side_by_side(rows):
    """The runtime records as one row per figure and one column per executor."""
    execs = ["hw", "sw", "swp", "poll"]
    table, order = {}, []
    for r in rows:
        cfg = r["config"]
        ex, _, rest = cfg.partition("@") if "@" in cfg else cfg.partition("-")
        if ex not in execs:
            continue
        key = f"`{r['metric']}`" + (f" @{rest}" if "@" in cfg else (f" {rest}" if rest else ""))
        if key not in table:
            table[key] = {}
            order.append((r["metric"], int(rest.rstrip("%")) if "@" in cfg else 0, key))
        table[key][ex] = r["value"]
    out = ["Side by side (cycles or bytes; `swp` = sw with a preemptive quantum):", "",
           "| figure | " + " | ".join(execs) + " |", "| --- |" + " --- |" * len(execs)]
    for _, _, key in sorted(order):
        out.append(f"| {key} | " + " | ".join(str(table[key].get(e, "")) for e in execs) + " |")
    return out + ["", "All records:", ""]


def board_table(rows):
    """Boards x designs: LCs and Fmax of each board build (configs BOARD:design)."""
    boards = ["icebreaker", "hx8k"]
    cell = {}
    for r in rows:
        board, _, design = r["config"].partition(":")
        if board in boards and r["metric"] in ("fpga.lc", "fpga.fmax"):
            cell.setdefault(design, {}).setdefault(board, {})[r["metric"]] = r["value"]
    if not cell:
        return []
    out = ["Board builds (LCs; Fmax in MHz where the design was placed):", "",
           "| design | " + " | ".join(boards) + " |", "| --- |" + " --- |" * len(boards)]
    for design in ("ats_intc", "rv_core", "soc"):
        if design not in cell:
            continue
        row = []
        for b in boards:
            v = cell[design].get(b, {})
            lc, fmax = v.get("fpga.lc"), v.get("fpga.fmax")
            row.append("" if lc is None else f"{lc} LC" + (f", {fmax} MHz" if fmax else ", not placed"))
        out.append(f"| {design} | " + " | ".join(row) + " |")
    return out + ["", "All records:", ""]


def main():
    rec_dir, out_json, out_md = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    recs = []
    for f in sorted(rec_dir.glob("*.jsonl")):
        for line in f.read_text().splitlines():
            if line.strip():
                recs.append(json.loads(line))
    recs.sort(key=lambda r: (r["metric"], r["config"]))
    out_json.write_text(json.dumps(recs, indent=1) + "\n")

    md = ["<!-- Generated by `make bench` (scripts/gen_evaluation.py) from measured records; "
          "do not edit. -->", "", "# Evaluation", "",
          "Every number below was measured by `make bench` on this tree; the raw records are in "
          "[evaluation.json](evaluation.json). Simulation figures are in clock cycles, so they "
          "do not depend on the host machine.", ""]
    for prefix, title, how in SECTIONS:
        rows = [r for r in recs if r["metric"].startswith(prefix)]
        if not rows:
            continue
        md += [f"## {title}", "", how, ""]
        if prefix == "rt.":
            md += rt_side_by_side(rows)
        if prefix == "fpga.":
            md += board_table(rows)
        md += ["| metric | config | value | unit | target | met |", "| --- | --- | --- | --- | --- | --- |"]
        for r in rows:
            target, met = check(r)
            md.append(f"| `{r['metric']}` | {r['config']} | {r['value']} | {r['unit']} | "
                      f"{target} | {met} |")
        md.append("")
    rest = [r for r in recs if not any(r["metric"].startswith(p) for p, _, _ in SECTIONS)]
    if rest:
        md += ["## Other figures", "", "| metric | config | value | unit |",
               "| --- | --- | --- | --- |"]
        md += [f"| `{r['metric']}` | {r['config']} | {r['value']} | {r['unit']} |" for r in rest]
        md.append("")
    out_md.write_text("\n".join(md))
    missed = [r for r in recs if check(r)[1].startswith("**no**")]
    for r in missed:
        print(f"bench: target missed: {r['metric']} {r['config']} = {r['value']} {r['unit']}")
    print(f"bench: {len(recs)} records -> {out_json}, {out_md}")


if __name__ == "__main__":
    main()
