// Compares two Traces signal by signal, cycle by cycle, over a window.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "trace.h"

namespace wavediff {

struct Mismatch {
  int64_t cycle;
  std::string signal;  // alias if the expected side has one, else the name
  std::string name;    // hierarchical name
  std::string expected, actual;
};

struct SignalSummary {
  std::string signal;
  size_t cycles = 0;  // cycles in which it differs
  int64_t first = 0, last = 0;
};

struct CompareResult {
  int64_t from = 0, to = -1;              // the window compared
  size_t signals = 0;                     // signals compared
  size_t mismatching_cycles = 0;          // (cycle, signal) pairs that differ
  std::vector<Mismatch> first;            // the first ones in cycle order, at most max_report
  std::vector<SignalSummary> per_signal;  // signals that differ, in declaration order
  bool same() const { return mismatching_cycles == 0; }
};

// Compares `signals` (names or aliases of `expected`; empty = every signal of
// `expected`) over cycles from..to. Fails (false, `error`) when a signal is
// missing on either side or when a side does not cover the window: that is
// bad input, not a difference. A width difference is a difference in every cycle.
bool compare(const Trace& expected, const Trace& actual, const std::vector<std::string>& signals,
             int64_t from, int64_t to, size_t max_report, CompareResult& result,
             std::string& error);

// The human-readable report: header, the first mismatches as a table, one
// line per differing signal and a summary line.
std::string format_report(const Trace& expected, const Trace& actual, const CompareResult& r);

}  // namespace wavediff
