#!/usr/bin/env python3
"""Runs the waveform-regression scenarios (docs/waves.md).

For each scenario (tests/waves/scenarios/NAME.wave):
  1. soc_sim runs the scenario's program once with --events to find the
     anchor: the first MARKER store of the scenario's anchor value;
  2. soc_sim runs it again with --trace over the window around the anchor
     (plus a few cycles of margin) into WORK/NAME/trace.fst;
  3. WORK/NAME/NAME.gtkw is written (signals grouped as in the scenario), so
     `gtkwave WORK/NAME/trace.fst WORK/NAME/NAME.gtkw` opens ready to read;
  4. check: wavediff compares the golden tests/waves/golden/NAME.txt with
     the FST (exit 0 same, 1 different, 2 bad input);
     update: wavediff --extract writes the golden anew, and the summary says
     which goldens changed.

usage: run_waves.py --soc-sim BIN --wavediff BIN --firmware-dir DIR --work DIR
                    {check|update|list} [NAME... | --all]
"""
import argparse
import math
import os
import pathlib
import shutil
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCENARIOS = HERE / "scenarios"
GOLDEN = HERE / "golden"
# simctrl's MARKER pins at the SoC top (docs/soc.md §3.7): the anchor.
TOP = "soc_sim.soc.soc_top"
MARKER_VALID = TOP + ".marker_valid_o"
MARKER_VALUE = TOP + ".marker_o"
ANCHOR_BASE = 0x3A7E0000  # firmware/tests/waves/wave.h kAnchorBase
MARGIN = 4                # cycles traced beyond each end of the window
# soc_sim's clock: 10 ns, cycle c starts at the rising edge at (c + 3) periods
# (three reset cycles; sim/soc/soc_harness.cpp). Only used to place GTKWave's
# marker on the anchor; nothing is compared in time units.
PERIOD_PS = 10000
RESET_CYCLES = 3


class ScenarioError(Exception):
    pass


class Scenario:
    def __init__(self, path):
        self.path = path
        self.name = path.stem
        self.title = ""
        self.program = None
        self.sim_args = []
        self.anchor = None
        self.window = None
        self.scope = ""
        self.signals = []  # (group, alias, full name, qualifier alias or "")
        group = ""
        for n, raw in enumerate(path.read_text().splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            kw, _, rest = line.partition(" ")
            rest = rest.strip()
            where = f"{path}:{n}"
            if kw == "title":
                self.title = rest
            elif kw == "program":
                self.program = rest
            elif kw == "sim":
                self.sim_args = rest.split()
            elif kw == "anchor":
                try:
                    self.anchor = int(rest, 0)
                except ValueError:
                    raise ScenarioError(f"{where}: anchor needs a number (the marker id)")
            elif kw == "window":
                parts = rest.split()
                try:
                    self.window = (int(parts[0]), int(parts[1]))
                except (ValueError, IndexError):
                    raise ScenarioError(f"{where}: expected 'window FROM TO'")
                if len(parts) != 2 or self.window[0] > 0 or self.window[1] < 0:
                    raise ScenarioError(f"{where}: the window FROM TO must contain cycle 0")
            elif kw == "scope":
                self.scope = rest
            elif kw == "group":
                group = rest
            elif kw == "signal":
                parts = rest.split()
                if len(parts) not in (2, 4) or (len(parts) == 4 and parts[2] != "if"):
                    raise ScenarioError(f"{where}: expected 'signal ALIAS NAME [if QUALIFIER]'")
                alias, name = parts[:2]
                qual = parts[3] if len(parts) == 4 else ""
                if qual and qual not in [a for _, a, _, _ in self.signals]:
                    raise ScenarioError(f"{where}: qualifier '{qual}' is not a signal above")
                full = name if name.startswith("soc_sim.") else f"{self.scope}.{name}"
                self.signals.append((group, alias, full, qual))
            else:
                raise ScenarioError(f"{where}: unknown keyword '{kw}'")
        for what, val in (("program", self.program), ("anchor", self.anchor),
                          ("window", self.window)):
            if val is None:
                raise ScenarioError(f"{path}: no '{what}' line")
        if not self.signals:
            raise ScenarioError(f"{path}: no 'signal' line")

    @property
    def marker(self):
        return ANCHOR_BASE | self.anchor

    @property
    def anchor_expr(self):
        return f"{MARKER_VALID}=1,{MARKER_VALUE}={self.marker:#010x}"


def all_scenarios():
    return sorted(p.stem for p in SCENARIOS.glob("*.wave"))


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def simulate(args, sc, work):
    """Runs the scenario twice (events, then trace); returns (fst path, anchor cycle)."""
    elf = pathlib.Path(args.firmware_dir) / f"{sc.program}.elf"
    if not elf.is_file():
        raise ScenarioError(f"{sc.name}: program {elf} not built (target waves_firmware)")
    env = dict(os.environ, SYSTEMC_DISABLE_COPYRIGHT_MESSAGE="1")
    events = work / "events.csv"
    base = [args.soc_sim, str(elf), "--quiet", "--progress", "0"] + sc.sim_args
    r = run(base + ["--events", str(events)], env=env)
    if r.returncode != 0:
        raise ScenarioError(f"{sc.name}: soc_sim {elf.name} exited {r.returncode}:\n"
                            f"{r.stdout}{r.stderr}")
    anchor = None
    for line in events.read_text().splitlines()[1:]:
        f = line.split(",", 3)
        if len(f) == 4 and f[2] == "marker" and int(f[3], 0) == sc.marker:
            anchor = int(f[0])
            break
    if anchor is None:
        raise ScenarioError(f"{sc.name}: {elf.name} never wrote the anchor marker "
                            f"{sc.marker:#010x} (see {events})")
    fst = work / "trace.fst"
    t_from = max(0, anchor + sc.window[0] - MARGIN)
    t_to = anchor + sc.window[1] + MARGIN
    r = run(base + ["--trace", str(fst), "--trace-from", str(t_from), "--trace-to", str(t_to)],
            env=env)
    if r.returncode != 0:
        raise ScenarioError(f"{sc.name}: soc_sim with --trace exited {r.returncode}:\n"
                            f"{r.stdout}{r.stderr}")
    return fst, anchor


def golden_widths(golden):
    widths = {}
    for line in golden.read_text().splitlines():
        f = line.split()
        if len(f) in (4, 6) and f[0] == "signal":
            widths[f[3]] = int(f[2])
    return widths


def golden_mismatch(sc, golden):
    """What differs between the scenario file and its golden's header, or ""."""
    window, anchor, signals = None, None, []
    for line in golden.read_text().splitlines():
        f = line.split()
        if len(f) == 3 and f[0] == "window":
            window = (int(f[1]), int(f[2]))
        elif len(f) == 2 and f[0] == "anchor":
            anchor = f[1]
        elif len(f) in (4, 6) and f[0] == "signal":
            signals.append((f[1], f[3], f[5] if len(f) == 6 else ""))
    if window != sc.window:
        return f"window {window} vs {sc.window}"
    if anchor != sc.anchor_expr:
        return f"anchor {anchor} vs {sc.anchor_expr}"
    want = [(alias, name, qual) for _, alias, name, qual in sc.signals]
    if signals != want:
        return "signal list"
    return ""


def write_gtkw(sc, fst, golden, anchor, out):
    """GTKWave save file: the scenario's signals in its groups, marker on the anchor."""
    widths = golden_widths(golden) if golden.is_file() else {}
    anchor_ps = (anchor + RESET_CYCLES) * PERIOD_PS
    start_ps = max(0, anchor + sc.window[0] + RESET_CYCLES) * PERIOD_PS
    cycles = sc.window[1] - sc.window[0] + 1 + 2 * MARGIN
    zoom = -float(round(math.log2(max(1.0, cycles * PERIOD_PS / 1000.0))))
    lines = [
        f"[*] Generated by tests/waves/run_waves.py from tests/waves/scenarios/{sc.name}.wave",
        f"[*] {sc.title}",
        f'[dumpfile] "{fst.resolve()}"',
        f'[savefile] "{out.resolve()}"',
        f"[timestart] {start_ps}",
        "[size] 1400 700",
        "[pos] -1 -1",
        # Zoom: GTKWave shows 2**-zoom time units per pixel; fit the window in ~1000 px.
        f"*{zoom:.6f} {anchor_ps} " + " ".join(["-1"] * 26),
        "[sst_width] 240",
        "[signals_width] 260",
        "[sst_expanded] 1",
        "[sst_vpaned_height] 200",
    ]
    group = None
    for g, _alias, name, _qual in sc.signals:
        if g != group:
            if group:
                lines += ["@1000200", f"-{group}"]
            if g:
                lines += ["@800200", f"-{g}"]
            group = g
        w = widths.get(name, 1)
        lines += ["@28", name] if w == 1 else ["@22", f"{name}[{w - 1}:0]"]
    if group:
        lines += ["@1000200", f"-{group}"]
    out.write_text("\n".join(lines) + "\n")


def wavediff_extract(args, sc, fst, out):
    cmd = [args.wavediff, "--extract", str(fst), "-o", str(out),
           "--window", f"{sc.window[0]}:{sc.window[1]}", "--anchor", sc.anchor_expr,
           "--clock", f"{TOP}.clk_i", "--scenario", f"{sc.name}: {sc.title}",
           "--comment", f"Generated by tests/waves/run_waves.py update from "
                        f"tests/waves/scenarios/{sc.name}.wave; do not edit by hand.",
           "--comment", "Cycles are relative to the anchor (cycle 0 = the scenario's MARKER "
                        "store); format: docs/waves.md."]
    group = None
    for g, alias, name, qual in sc.signals:
        if g != group:
            cmd += ["--group", g]
            group = g
        cmd += ["--signal", f"{alias}={name}" + (f"?{qual}" if qual else "")]
    r = run(cmd)
    if r.returncode != 0:
        raise ScenarioError(f"{sc.name}: wavediff --extract failed:\n{r.stdout}{r.stderr}")


def check(args, sc, work):
    golden = GOLDEN / f"{sc.name}.txt"
    fst, anchor = simulate(args, sc, work)
    write_gtkw(sc, fst, golden, anchor, work / f"{sc.name}.gtkw")
    print(f"{sc.name}: anchor marker {sc.marker:#010x} at cycle {anchor}; "
          f"view: gtkwave {fst} {work / (sc.name + '.gtkw')}")
    if not golden.is_file():
        print(f"{sc.name}: no golden {golden.relative_to(REPO)} (make waves-update)")
        return 2
    stale = golden_mismatch(sc, golden)
    if stale:
        print(f"{sc.name}: the golden does not match the scenario file ({stale}): "
              f"make waves-update, then review the difference")
        return 2
    r = run([args.wavediff, str(golden), str(fst)])
    sys.stdout.write(r.stdout)
    sys.stdout.write(r.stderr)
    return r.returncode


def update(args, sc, work):
    golden = GOLDEN / f"{sc.name}.txt"
    fst, anchor = simulate(args, sc, work)
    new = work / f"{sc.name}.txt"
    wavediff_extract(args, sc, fst, new)
    write_gtkw(sc, fst, new, anchor, work / f"{sc.name}.gtkw")
    if not golden.is_file():
        state = "new"
    else:
        r = run([args.wavediff, "--max-report", "5", str(golden), str(new)])
        state = "unchanged" if r.returncode == 0 and golden.read_text() == new.read_text() \
            else "CHANGED"
        if state == "CHANGED":
            sys.stdout.write("".join("    " + l + "\n" for l in
                                     (r.stdout + r.stderr).splitlines()))
    if state != "unchanged":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(new, golden)
    return state


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--soc-sim")
    ap.add_argument("--wavediff")
    ap.add_argument("--firmware-dir")
    ap.add_argument("--work")
    ap.add_argument("action", choices=["check", "update", "list"])
    ap.add_argument("names", nargs="*")
    ap.add_argument("--all", action="store_true")
    args = ap.parse_args()
    try:
        names = all_scenarios() if args.all or not args.names else args.names
        for n in names:
            if not (SCENARIOS / f"{n}.wave").is_file():
                raise ScenarioError(f"unknown scenario '{n}' (have: {', '.join(all_scenarios())})")
        scenarios = [Scenario(SCENARIOS / f"{n}.wave") for n in names]
        if args.action == "list":
            for sc in scenarios:
                print(f"{sc.name:22} {len(sc.signals):3} signals  window {sc.window[0]}..{sc.window[1]}"
                      f"  {sc.program}  {sc.title}")
            return 0
        for opt in ("soc_sim", "wavediff", "firmware_dir", "work"):
            if not getattr(args, opt):
                raise ScenarioError(f"--{opt.replace('_', '-')} is required for {args.action}")
        rc = 0
        states = {}
        for sc in scenarios:
            work = pathlib.Path(args.work) / sc.name
            work.mkdir(parents=True, exist_ok=True)
            if args.action == "check":
                rc = max(rc, check(args, sc, work))
            else:
                states[sc.name] = update(args, sc, work)
                print(f"  {states[sc.name]:9} tests/waves/golden/{sc.name}.txt")
        if args.action == "update":
            changed = [n for n, s in states.items() if s != "unchanged"]
            print(f"waves-update: {len(changed)} of {len(states)} goldens changed or new")
            svg = run([sys.executable, str(REPO / "scripts" / "golden_to_svg.py"),
                       "--out", str(REPO / "docs" / "waves")] +
                      [str(GOLDEN / f"{n}.txt") for n in states])
            sys.stdout.write(svg.stdout + svg.stderr)
            if svg.returncode != 0:
                return 2
            if shutil.which("git"):
                d = run(["git", "-C", str(REPO), "diff", "--stat", "--",
                         "tests/waves/golden", "docs/waves"])
                if d.stdout:
                    print("git diff --stat (goldens and their SVGs):")
                    sys.stdout.write(d.stdout)
        return rc
    except ScenarioError as e:
        print(f"run_waves: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
