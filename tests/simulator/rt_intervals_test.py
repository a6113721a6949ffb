#!/usr/bin/env python3
"""Unit tests of scripts/rt_intervals.py on rt_intervals_sample.csv (a handmade
soc_sim --events log) and small logs written on the fly: specs, pairing
(unpaired FROMs, FROM = TO periods, --same-hart, same-cycle order), nearest-rank
percentiles, --skip, --json, and exit status 2 with one line for bad input.

  rt_intervals_test.py  (run by CTest: rt_intervals_unit_tests, label system)
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "..", "scripts", "rt_intervals.py")
SAMPLE = os.path.join(HERE, "rt_intervals_sample.csv")

_spec = importlib.util.spec_from_file_location("rt_intervals", SCRIPT)
rt = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rt)


def run(*args):
    p = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def log(text):
    """A temporary events file holding the header and `text`; returns its path."""
    f = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
    f.write("cycle,hart,kind,name\n" + text)
    f.close()
    return f.name


class Specs(unittest.TestCase):
    def test_kinds(self):
        self.assertEqual(rt.parse_spec("mark:rt.resume"), ("mark", "rt.resume"))
        self.assertEqual(rt.parse_spec("mark:a:b, c"), ("mark", "a:b, c"))
        self.assertEqual(rt.parse_spec("irq:1"), ("irq", "irq1"))
        self.assertEqual(rt.parse_spec("irq_fall:03"), ("irq_fall", "irq3"))
        self.assertEqual(rt.parse_spec("marker:16"), ("marker", "0x10"))
        self.assertEqual(rt.parse_spec("marker:0x10"), ("marker", "0x10"))

    def test_bad_specs(self):
        for bad in ("mark", "mark:", "bogus:1", "irq:x", "irq:32", "irq:-1", "marker:zz",
                    "marker:0x100000000", ":a"):
            with self.assertRaises(rt.Error, msg=bad):
                rt.parse_spec(bad)


class Pairing(unittest.TestCase):
    def setUp(self):
        self.events = rt.read_events(SAMPLE)

    def pairs(self, frm, to, same_hart=False):
        return rt.pair_events(self.events, rt.parse_spec(frm), rt.parse_spec(to), same_hart)

    def test_reads_every_event_with_names_intact(self):
        self.assertEqual(len(self.events), 17)
        self.assertIn((207, 0, "mark", "other, with a comma"), self.events)
        self.assertEqual(self.events[0], (100, None, "marker", "0x1"))

    def test_each_from_takes_the_first_following_to(self):
        # req@105 -> task@120; req@200 is replaced by req@205 (unpaired) -> task@230;
        # req@300 -> task@400.
        self.assertEqual(self.pairs("mark:req", "mark:task"), ([15, 25, 100], 1))

    def test_same_hart_pairs_per_hart(self):
        # hart 0: 105->120, 200->236, 300->400; hart 1: 205->230.
        self.assertEqual(sorted(self.pairs("mark:req", "mark:task", True)[0]), [15, 25, 36, 100])
        self.assertEqual(self.pairs("mark:req", "mark:task", True)[1], 0)

    def test_same_hart_needs_marks(self):
        with self.assertRaises(rt.Error):
            self.pairs("irq:1", "mark:task", True)

    def test_irq_edges_and_markers(self):
        self.assertEqual(self.pairs("irq:1", "mark:task"), ([10, 20, 1], 0))
        self.assertEqual(self.pairs("irq:1", "irq_fall:1"), ([20], 2))
        self.assertEqual(self.pairs("marker:1", "marker:0x10"), ([400], 0))

    def test_same_cycle_follows_log_order(self):
        # At cycle 400 the task mark is logged before the irq edge (retirements
        # come first within a cycle), so that irq pairs with task@401, above;
        # logged the other way round, the two pair with 0 cycles.
        events = rt.read_events(log("400,,irq,irq1\n400,0,mark,task\n"))
        self.assertEqual(rt.pair_events(events, ("irq", "irq1"), ("mark", "task")), ([0], 0))
        events = rt.read_events(log("10,0,mark,b\n10,,irq,irq2\n12,0,mark,b\n"))
        self.assertEqual(rt.pair_events(events, ("irq", "irq2"), ("mark", "b")), ([2], 0))

    def test_from_equal_to_gives_periods(self):
        self.assertEqual(self.pairs("mark:task", "mark:task"), ([2, 108, 6, 164, 1], 1))

    def test_to_without_from_is_ignored(self):
        self.assertEqual(self.pairs("mark:other, with a comma", "mark:req"), ([93], 0))

    def test_unsorted_log_is_sorted_by_cycle(self):
        events = rt.read_events(log("20,0,mark,b\n10,0,mark,a\n"))
        self.assertEqual(rt.pair_events(events, ("mark", "a"), ("mark", "b")), ([10], 0))


class Summary(unittest.TestCase):
    def test_nearest_rank_percentiles(self):
        s = rt.summarize(list(range(1, 101)), 3)
        self.assertEqual((s["n"], s["min"], s["max"], s["unpaired"]), (100, 1, 100, 3))
        self.assertEqual((s["p50"], s["p90"], s["p99"]), (50, 90, 99))
        self.assertAlmostEqual(s["avg"], 50.5)
        s = rt.summarize([4, 1, 3, 2], 0)
        self.assertEqual((s["p50"], s["p90"], s["p99"]), (2, 4, 4))
        s = rt.summarize([7], 0)
        self.assertEqual((s["min"], s["p50"], s["p99"], s["max"]), (7, 7, 7, 7))


class CommandLine(unittest.TestCase):
    def test_json(self):
        rc, out, err = run(SAMPLE, "--from", "mark:req", "--to", "mark:task", "--json")
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out), {"n": 3, "min": 15, "avg": 140 / 3, "p50": 25,
                                           "p90": 100, "p99": 100, "max": 100, "unpaired": 1})

    def test_text(self):
        rc, out, _ = run(SAMPLE, "--from", "irq:1", "--to", "mark:task")
        self.assertEqual(rc, 0)
        self.assertEqual(out.strip(),
                         "n=3 min=1 avg=10.33 p50=10 p90=20 p99=20 max=20 unpaired=0")

    def test_skip_drops_warm_up(self):
        rc, out, _ = run(SAMPLE, "--from", "mark:req", "--to", "mark:task", "--skip", "1",
                         "--json")
        self.assertEqual(rc, 0)
        self.assertEqual(json.loads(out)["n"], 2)
        self.assertEqual(json.loads(out)["min"], 25)

    def assert_fails(self, args, message):
        rc, out, err = run(*args)
        self.assertEqual(rc, 2, err)
        self.assertEqual(out, "")
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        self.assertIn(message, err)

    def test_bad_input_exits_2_with_one_line(self):
        self.assert_fails([SAMPLE, "--from", "mark:req", "--to", "irq:x"], "bad event spec 'irq:x'")
        self.assert_fails([SAMPLE, "--from", "nonsense", "--to", "mark:a"], "bad event spec")
        self.assert_fails(["/no/such/events.csv", "--from", "mark:a", "--to", "mark:b"],
                          "cannot read /no/such/events.csv: No such file or directory")
        self.assert_fails([SAMPLE, "--from", "mark:req", "--to", "mark:nothing"],
                          "no mark:req -> mark:nothing intervals")
        self.assert_fails([SAMPLE, "--from", "mark:req", "--to", "mark:task", "--skip", "3"],
                          "(3 found, 3 skipped, 1 mark:req unpaired)")
        self.assert_fails([SAMPLE, "--from", "mark:req", "--to", "mark:task", "--skip", "-1"],
                          "--skip must be >= 0")
        self.assert_fails([SAMPLE, "--from", "irq:1", "--to", "mark:task", "--same-hart"],
                          "--same-hart needs mark: specs")
        self.assert_fails([log("")[:-4] + ".none"] + ["--from", "mark:a", "--to", "mark:b"],
                          "cannot read")

    def test_malformed_logs(self):
        bad_header = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
        bad_header.write("time,kind\n1,mark\n")
        bad_header.close()
        self.assert_fails([bad_header.name, "--from", "mark:a", "--to", "mark:b"],
                          "not a soc_sim --events log")
        for line in ("x,0,mark,a", "1,0,mark", "1,0,retire,a", "1,,marker,zz", "1,0,mark,"):
            path = log(line + "\n")
            self.assert_fails([path, "--from", "mark:a", "--to", "mark:b"],
                              f"{path}:2: malformed event line")

    def test_missing_required_option_is_status_2(self):
        rc, _, err = run(SAMPLE, "--from", "mark:a")
        self.assertEqual(rc, 2)
        self.assertIn("--to", err)


if __name__ == "__main__":
    unittest.main()
