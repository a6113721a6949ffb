// Unit tests of wavediff (host_sw/wavediff): the golden text parser with every
// malformed-line error, the comparison logic (same, one cycle late, another
// value, don't-care, widths, unknown signal, window), the FST reader on
// traces written here with fstapi's writer (sampling, anchor, corrupt and
// truncated files) and the command line's exit status (0 same, 1 different,
// 2 bad input). Label waves; < 1 s.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compare.h"
#include "fst_source.h"
#include "fstapi.h"
#include "golden.h"

namespace wavediff {
namespace {

namespace fs = std::filesystem;

const char* const kGolden =
    "# a comment\n"
    "wavediff-golden 1\n"
    "scenario demo: two signals\n"
    "clock top.clk\n"
    "anchor top.mark=1\n"
    "window -2 6\n"
    "group Bus\n"
    "signal req 1 top.req\n"
    "signal data 8 top.data if req\n"
    "group State\n"
    "signal count 12 top.count\n"
    "# cycle signal value\n"
    "-2 req 0\n"
    "-2 data -\n"
    "-2 count 000\n"
    "1 req 1\n"
    "1 data a5\n"
    "2 req 0\n"
    "2 data -\n"
    "2 count 001\n";

Golden parse_ok(const std::string& text) {
  Golden g;
  std::string error;
  EXPECT_TRUE(parse_golden("t.txt", text, g, error)) << error;
  return g;
}

std::string parse_error(const std::string& text) {
  Golden g;
  std::string error;
  EXPECT_FALSE(parse_golden("t.txt", text, g, error)) << "accepted:\n" << text;
  return error;
}

// kGolden with the line `from` replaced by `to` (first occurrence).
std::string golden_with(const std::string& from, const std::string& to) {
  std::string s = kGolden;
  const size_t p = s.find("\n" + from);  // whole lines: "2 data" is not "-2 data"
  EXPECT_NE(p, std::string::npos) << from;
  return s.replace(p + 1, from.size(), to);
}

TEST(GoldenText, ParsesHeaderSignalsAndChanges) {
  const Golden g = parse_ok(kGolden);
  EXPECT_EQ(g.scenario, "demo: two signals");
  EXPECT_EQ(g.clock, "top.clk");
  ASSERT_EQ(g.anchor.size(), 1u);
  EXPECT_EQ(g.anchor[0].signal, "top.mark");
  EXPECT_EQ(g.trace.first_cycle, -2);
  EXPECT_EQ(g.trace.last_cycle, 6);
  ASSERT_EQ(g.trace.signals.size(), 3u);
  const SignalTrace& data = g.trace.signals[1];
  EXPECT_EQ(data.qualifier, "top.req");
  EXPECT_EQ(value_at(data, 0), "-");
  EXPECT_EQ(value_at(data, 1), "a5");
  EXPECT_EQ(value_at(data, 6), "-");
  EXPECT_EQ(value_at(g.trace.signals[2], 6), "001");
  EXPECT_EQ(g.groups, (std::vector<std::string>{"Bus", "Bus", "State"}));
}

TEST(GoldenText, FormatRoundTrips) {
  const Golden g = parse_ok(kGolden);
  const std::string text = format_golden(g, {"a comment"});
  EXPECT_EQ(text, kGolden);
}

struct BadCase {
  std::string text;
  std::string where_and_what;  // expected "t.txt:LINE: ..." prefix fragment
};

TEST(GoldenText, EveryMalformedLineIsRejectedWithItsLineNumber) {
  const std::vector<BadCase> cases = {
      {"", "t.txt:1: empty"},
      {"wavediff-golden 2\n", "t.txt:1: not a wavediff golden file"},
      {golden_with("window -2 6\n", "window -2\n"), "t.txt:6: expected 'window FROM TO'"},
      {golden_with("window -2 6\n", "window 6 -2\n"), "t.txt:6: window 6 -2 ends before"},
      {golden_with("window -2 6\n", ""), "t.txt:12: value line before the 'window' line"},
      {golden_with("group Bus\n", "groop Bus\n"), "t.txt:7: unknown line 'groop'"},
      {golden_with("signal req 1 top.req\n", "signal req top.req\n"),
       "t.txt:8: expected 'signal ALIAS WIDTH"},
      {golden_with("signal req 1 top.req\n", "signal req 0 top.req\n"),
       "t.txt:8: signal req: width 0 not in 1..4096"},
      {golden_with("signal count 12 top.count\n", "signal req 12 top.count\n"),
       "t.txt:11: signal alias 'req' declared twice"},
      {golden_with("signal count 12 top.count\n", "signal count 12 top.req\n"),
       "t.txt:11: signal 'top.req' declared twice"},
      {golden_with("signal data 8 top.data if req\n", "signal data 8 top.data if nope\n"),
       "t.txt:9: qualifier 'nope' is not a signal declared above"},
      {golden_with("signal data 8 top.data if req\n", "signal data 8 top.data when req\n"),
       "t.txt:9: expected 'signal ALIAS WIDTH"},
      {golden_with("signal count 12 top.count\n",
                   "signal count 12 top.count\nsignal w 1 top.w if count\n"),
       "t.txt:12: qualifier 'count' is 12 bits wide"},
      {golden_with("1 data a5\n", "1 data a5 extra\n"), "t.txt:17: expected 'CYCLE ALIAS VALUE'"},
      {golden_with("1 data a5\n", "1 dat a5\n"), "t.txt:17: unknown signal alias 'dat'"},
      {golden_with("1 data a5\n", "1 data g5\n"), "t.txt:17: value 'g5' of data is not a 8-bit"},
      {golden_with("1 data a5\n", "1 data 1a5\n"), "t.txt:17: value '1a5' of data is not"},
      {golden_with("1 req 1\n", "1 req 2\n"), "t.txt:16: value '2' of req is not a 1-bit"},
      {golden_with("2 count 001\n", "0 count 001\n"), "t.txt:20: cycle 0 after cycle 2"},
      {golden_with("2 count 001\n", "7 count 001\n"), "t.txt:20: cycle 7 outside the window"},
      {golden_with("2 count 001\n", "2 count 000\n"), "t.txt:20: value line for count repeats"},
      {golden_with("2 req 0\n", "2 req 0\n2 req 1\n"), "t.txt:19: two values for req in cycle 2"},
      {golden_with("-2 count 000\n", ""), "t.txt:19: first value of count is at cycle 2"},
      {golden_with("-2 req 0\n", "-2 req 0\nsignal x 1 top.x\n"),
       "t.txt:14: header line 'signal' after the first value line"},
      {golden_with("signal req 1 top.req\n", "signal req 1 top.req\nsignal z 1 top.z\n"),
       "t.txt:22: signal z has no value line"},
      {golden_with("anchor top.mark=1\n", "anchor top.mark\n"),
       "t.txt:5: bad anchor term 'top.mark'"},
      {golden_with("-2 req 0\n", "-2x req 0\n"), "t.txt:13: expected 'CYCLE ALIAS VALUE'"},
  };
  for (const auto& c : cases) {
    const std::string e = parse_error(c.text);
    EXPECT_EQ(e.rfind(c.where_and_what, 0), 0u) << "got: " << e << "\nwant: " << c.where_and_what;
  }
}

TEST(GoldenText, MissingFileIsAnError) {
  Golden g;
  std::string error;
  EXPECT_FALSE(read_golden("/nonexistent/golden.txt", g, error));
  EXPECT_EQ(error, "/nonexistent/golden.txt: cannot open: No such file or directory");
}

// ------------------------------------------------------------- comparison

Trace trace_of(const std::string& text) { return parse_ok(text).trace; }

TEST(Compare, IdenticalTracesAreSame) {
  const Trace a = trace_of(kGolden), b = trace_of(kGolden);
  CompareResult r;
  std::string error;
  ASSERT_TRUE(compare(a, b, {}, -2, 6, 10, r, error)) << error;
  EXPECT_TRUE(r.same());
  EXPECT_EQ(r.signals, 3u);
  EXPECT_NE(format_report(a, b, r).find("wavediff: same: 3 signals over 9 cycles"),
            std::string::npos);
}

TEST(Compare, ChangeOneCycleLateDiffersInExactlyThatCycle) {
  const Trace a = trace_of(kGolden);
  const Trace b = trace_of(golden_with("2 count 001\n", "3 count 001\n"));
  CompareResult r;
  std::string error;
  ASSERT_TRUE(compare(a, b, {}, -2, 6, 10, r, error)) << error;
  EXPECT_FALSE(r.same());
  ASSERT_EQ(r.mismatching_cycles, 1u);
  EXPECT_EQ(r.first[0].cycle, 2);
  EXPECT_EQ(r.first[0].signal, "count");
  EXPECT_EQ(r.first[0].expected, "001");
  EXPECT_EQ(r.first[0].actual, "000");
  const std::string rep = format_report(a, b, r);
  EXPECT_NE(rep.find("first at cycle +2 (count)"), std::string::npos) << rep;
  EXPECT_NE(rep.find("1 of 3 signals differ in 1 samples"), std::string::npos) << rep;
}

TEST(Compare, DifferentValueIsReportedWithBothValues) {
  const Trace a = trace_of(kGolden);
  const Trace b = trace_of(golden_with("1 data a5\n", "1 data a4\n"));
  CompareResult r;
  std::string error;
  ASSERT_TRUE(compare(a, b, {}, -2, 6, 10, r, error)) << error;
  ASSERT_EQ(r.first.size(), 1u);
  EXPECT_EQ(r.first[0].cycle, 1);
  EXPECT_EQ(r.first[0].expected, "a5");
  EXPECT_EQ(r.first[0].actual, "a4");
  ASSERT_EQ(r.per_signal.size(), 1u);
  EXPECT_EQ(r.per_signal[0].signal, "data");
}

TEST(Compare, DontCareDiffersFromAValue) {
  const Trace a = trace_of(kGolden);
  const Trace b = trace_of(golden_with("2 data -\n", ""));  // data stays a5 while req is 0
  CompareResult r;
  std::string error;
  ASSERT_TRUE(compare(a, b, {}, -2, 6, 10, r, error)) << error;
  EXPECT_EQ(r.mismatching_cycles, 5u);  // cycles 2..6
}

TEST(Compare, SelectedSignalsOnlyAndReportLimit) {
  const Trace a = trace_of(kGolden);
  const Trace b = trace_of(golden_with("2 data -\n", ""));
  CompareResult r;
  std::string error;
  ASSERT_TRUE(compare(a, b, {"req", "top.count"}, -2, 6, 10, r, error)) << error;
  EXPECT_TRUE(r.same());
  ASSERT_TRUE(compare(a, b, {}, -2, 6, 2, r, error)) << error;
  EXPECT_EQ(r.first.size(), 2u);
  EXPECT_NE(format_report(a, b, r).find("... 3 more"), std::string::npos);
}

TEST(Compare, WidthChangeIsADifference) {
  const Trace a = trace_of(kGolden);
  const Trace b =
      trace_of(golden_with("signal count 12 top.count\n", "signal count 16 top.count\n"));
  CompareResult r;
  std::string error;
  ASSERT_TRUE(compare(a, b, {"count"}, -2, 6, 10, r, error)) << error;
  EXPECT_EQ(r.mismatching_cycles, 9u);
  EXPECT_EQ(r.first[0].expected, "000 (12 bits)");
}

TEST(Compare, UnknownSignalIsBadInput) {
  const Trace a = trace_of(kGolden), b = trace_of(kGolden);
  CompareResult r;
  std::string error;
  EXPECT_FALSE(compare(a, b, {"nope"}, -2, 6, 10, r, error));
  EXPECT_EQ(error, "t.txt: unknown signal 'nope'");
  Trace c = b;
  c.signals[2].name = "top.other";
  c.source = "c.txt";
  EXPECT_FALSE(compare(a, c, {}, -2, 6, 10, r, error));
  EXPECT_EQ(error, "c.txt: unknown signal 'top.count'");
}

TEST(Compare, WindowOutsideATraceIsBadInput) {
  const Trace a = trace_of(kGolden), b = trace_of(kGolden);
  CompareResult r;
  std::string error;
  EXPECT_FALSE(compare(a, b, {}, -3, 6, 10, r, error));
  EXPECT_NE(error.find("covers cycles -2..+6 around the anchor; the comparison needs -3..+6"),
            std::string::npos)
      << error;
}

// ------------------------------------------------------------- FST

class FstFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("wavediff_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A design `top` with clk (period 10 ns, rising at 10k for k >= 1), a
  // 1-bit `mark`, a 1-bit `req` and an 8-bit `data`. Cycle k runs from the
  // rising edge at 10k to the one at 10(k+1); the signals change at rising
  // edges like registers. `late` delays data's change to 0x5a by one cycle.
  std::string write_fst(const std::string& name, bool late = false) {
    const std::string path = (dir_ / name).string();
    void* w = fstWriterCreate(path.c_str(), 1);
    fstWriterSetTimescale(w, -9);
    fstWriterSetScope(w, FST_ST_VCD_MODULE, "top", nullptr);
    const fstHandle clk = fstWriterCreateVar(w, FST_VT_VCD_WIRE, FST_VD_INPUT, 1, "clk", 0);
    const fstHandle mark = fstWriterCreateVar(w, FST_VT_VCD_WIRE, FST_VD_OUTPUT, 1, "mark", 0);
    const fstHandle req = fstWriterCreateVar(w, FST_VT_VCD_WIRE, FST_VD_OUTPUT, 1, "req", 0);
    const fstHandle data =
        fstWriterCreateVar(w, FST_VT_VCD_WIRE, FST_VD_OUTPUT, 8, "data [7:0]", 0);
    fstWriterSetUpscope(w);
    for (int k = 0; k < 12; ++k) {
      fstWriterEmitTimeChange(w, 10u * k);
      fstWriterEmitValueChange(w, clk, k == 0 ? "0" : "1");
      if (k == 0) {
        fstWriterEmitValueChange(w, mark, "0");
        fstWriterEmitValueChange(w, req, "0");
        fstWriterEmitValueChange(w, data, "00000000");
      }
      // Register outputs of cycle k-1 (anchor at absolute cycle 3).
      if (k == 3) fstWriterEmitValueChange(w, mark, "1");
      if (k == 4) fstWriterEmitValueChange(w, mark, "0");
      if (k == 5) fstWriterEmitValueChange(w, req, "1");
      if (k == 6) fstWriterEmitValueChange(w, req, "0");
      if (k == (late ? 6 : 5)) fstWriterEmitValueChange(w, data, "01011010");
      fstWriterEmitTimeChange(w, 10u * k + 5);
      fstWriterEmitValueChange(w, clk, "0");
    }
    fstWriterClose(w);
    return path;
  }

  std::string write_text(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  fs::path dir_;
};

FstRequest request(std::vector<std::string> sigs, std::string anchor = "") {
  FstRequest r;
  r.signals = std::move(sigs);
  r.clock = "top.clk";
  std::string e;
  if (!anchor.empty()) {
    EXPECT_TRUE(parse_anchor(anchor, r.anchor, e)) << e;
  }
  return r;
}

TEST_F(FstFiles, SamplesOncePerCycleRelativeToTheAnchor) {
  const std::string path = write_fst("a.fst");
  Trace t;
  std::string error;
  ASSERT_TRUE(read_fst(path, request({"top.req", "top.data"}, "top.mark=1"), t, error)) << error;
  // Rising edges at 10..110: 10 complete cycles; the anchor cycle (mark
  // high) starts at t=30, the third edge: cycles -2..+7.
  EXPECT_EQ(t.first_cycle, -2);
  EXPECT_EQ(t.last_cycle, 7);
  EXPECT_EQ(t.time_of(0), 30u);
  EXPECT_EQ(t.time_unit, "ns");
  const SignalTrace* req = t.find("top.req");
  ASSERT_NE(req, nullptr);
  EXPECT_EQ(req->width, 1u);
  EXPECT_EQ(value_at(*req, 1), "0");
  EXPECT_EQ(value_at(*req, 2), "1");
  EXPECT_EQ(value_at(*req, 3), "0");
  const SignalTrace* data = t.find("top.data");
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(data->width, 8u);
  EXPECT_EQ(value_at(*data, 1), "00");
  EXPECT_EQ(value_at(*data, 2), "5a");
}

TEST_F(FstFiles, QualifierTurnsValuesIntoDontCare) {
  const std::string path = write_fst("q.fst");
  FstRequest r = request({"top.req", "top.data"}, "top.mark=1");
  r.qualifiers = {"", "top.req"};
  Trace t;
  std::string error;
  ASSERT_TRUE(read_fst(path, r, t, error)) << error;
  const SignalTrace* data = t.find("top.data");
  EXPECT_EQ(value_at(*data, 1), "-");
  EXPECT_EQ(value_at(*data, 2), "5a");
  EXPECT_EQ(value_at(*data, 3), "-");
}

TEST_F(FstFiles, OneCycleLateChangeIsFoundAgainstTheOtherFst) {
  Trace a, b;
  std::string error;
  ASSERT_TRUE(read_fst(write_fst("a.fst"), request({"top.data"}, "top.mark=1"), a, error));
  ASSERT_TRUE(read_fst(write_fst("b.fst", true), request({"top.data"}, "top.mark=1"), b, error));
  CompareResult r;
  ASSERT_TRUE(compare(a, b, {}, -2, 7, 10, r, error)) << error;
  ASSERT_EQ(r.mismatching_cycles, 1u);
  EXPECT_EQ(r.first[0].cycle, 2);
  EXPECT_EQ(r.first[0].expected, "5a");
  EXPECT_EQ(r.first[0].actual, "00");
}

TEST_F(FstFiles, UnknownSignalNamesTheCandidates) {
  Trace t;
  std::string error;
  EXPECT_FALSE(read_fst(write_fst("a.fst"), request({"other.req"}), t, error));
  EXPECT_NE(error.find("unknown signal 'other.req' (names ending in 'req': top.req)"),
            std::string::npos)
      << error;
}

TEST_F(FstFiles, AnchorThatNeverHoldsIsAnError) {
  Trace t;
  std::string error;
  EXPECT_FALSE(read_fst(write_fst("a.fst"), request({"top.req"}, "top.data=ff"), t, error));
  EXPECT_NE(error.find("the anchor top.data=ff never holds in the 10 traced cycles"),
            std::string::npos)
      << error;
  EXPECT_FALSE(read_fst(write_fst("b.fst"), request({"top.req"}, "top.req=1ff"), t, error));
  EXPECT_NE(error.find("anchor value '1ff' is not a 1-bit hex value"), std::string::npos) << error;
}

TEST_F(FstFiles, MissingEmptyCorruptAndTruncatedFilesAreErrors) {
  Trace t;
  std::string error;
  EXPECT_FALSE(read_fst((dir_ / "none.fst").string(), request({"top.req"}), t, error));
  EXPECT_NE(error.find("none.fst: cannot open: No such file or directory"), std::string::npos);
  EXPECT_FALSE(read_fst(write_text("empty.fst", ""), request({"top.req"}), t, error));
  EXPECT_NE(error.find("empty file, not an FST trace"), std::string::npos) << error;
  EXPECT_FALSE(read_fst(write_text("text.fst", "hello"), request({"top.req"}), t, error));
  EXPECT_NE(error.find("not an FST trace"), std::string::npos) << error;
  EXPECT_FALSE(read_fst(write_text("zero.fst", std::string(64, '\0') + "garbage"),
                        request({"top.req"}), t, error));
  EXPECT_NE(error.find("corrupt"), std::string::npos) << error;
  // Every truncation of a real trace: an error (or, if fstapi still reads
  // it, a trace), never a crash.
  const std::string good = write_fst("good.fst");
  std::ifstream in(good, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 40u);
  int rejected = 0;
  for (size_t n = 1; n < bytes.size(); n += 7) {
    const std::string p = write_text("cut.fst", bytes.substr(0, n));
    if (!read_fst(p, request({"top.req"}), t, error)) ++rejected;
  }
  EXPECT_GT(rejected, 0);
}

// ------------------------------------------------------------- command line

struct CliRun {
  int status;
  std::string out;
};

CliRun run_cli(const std::string& args) {
  const std::string cmd = std::string(WAVEDIFF_BIN) + " " + args + " 2>&1";
  CliRun r{-1, ""};
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

TEST_F(FstFiles, CommandLineExitStatusAndReports) {
  const std::string a = write_fst("a.fst"), b = write_fst("b.fst", true);
  const std::string sig = "--signals top.req,top.data --clock top.clk --anchor top.mark=1";
  CliRun r = run_cli(sig + " " + a + " " + a);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("wavediff: same: 2 signals"), std::string::npos) << r.out;

  r = run_cli(sig + " " + a + " " + b);
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("+2     top.data  5a        00"), std::string::npos) << r.out;

  // Golden from one FST, compared with both.
  const std::string g = (dir_ / "g.txt").string();
  r = run_cli("--extract " + a + " -o " + g +
              " --window -2:7 --anchor top.mark=1 --clock top.clk --group Bus"
              " --signal req=top.req --signal data=top.data?req");
  ASSERT_EQ(r.status, 0) << r.out;
  r = run_cli(g + " " + a);
  EXPECT_EQ(r.status, 0) << r.out;
  r = run_cli(g + " " + b);
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("first at cycle +2 (data)"), std::string::npos) << r.out;
  r = run_cli(a + " " + g);  // FST as expected, golden as actual
  EXPECT_EQ(r.status, 0) << r.out;

  // Bad input: status 2 and one line naming the problem.
  struct Bad {
    std::string args, message;
  };
  const std::string malformed = write_text("bad.txt", "wavediff-golden 1\nwindow 0 1\nsignal x\n");
  const std::vector<Bad> bad = {
      {g + " " + (dir_ / "none.fst").string(), "none.fst: cannot open: No such file"},
      {g + " " + write_text("corrupt.fst", std::string("\0\0\0\0junk", 8)), "corrupt"},
      {malformed + " " + a, "bad.txt:3: expected 'signal ALIAS WIDTH"},
      {"--signals top.nope --clock top.clk " + a + " " + a, "unknown signal 'top.nope'"},
      {"--signals nope " + g + " " + a, "g.txt: unknown signal 'nope'"},
      {a + " " + a, "both inputs are FST traces: name the signals with --signals"},
      {g, "need EXPECTED and ACTUAL"},
      {"--window 5:1 " + g + " " + a, "--window needs FROM:TO"},
      {"--frobnicate " + g + " " + a, "unknown option '--frobnicate'"},
      {"--window -9:7 " + g + " " + a, "covers cycles -2..+7 around the anchor"},
      {"--extract " + a + " -o " + g, "--extract needs --window"},
  };
  for (const auto& c : bad) {
    r = run_cli(c.args);
    EXPECT_EQ(r.status, 2) << c.args << "\n" << r.out;
    EXPECT_NE(r.out.find(c.message), std::string::npos) << c.args << "\n" << r.out;
    EXPECT_EQ(r.out.rfind("wavediff: ", 0), 0u) << r.out;
  }
}

}  // namespace
}  // namespace wavediff
