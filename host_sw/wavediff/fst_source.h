// Reads named signals of an FST file (GTKWave's fstapi, as shipped with
// Verilator) and samples them once per clock cycle into a Trace.
//
// Sampling: cycle k of the trace runs from the k-th rising edge of the clock
// to the next one; a signal's value in cycle k is its value just before that
// next edge, i.e. what the edge samples (registers update at the edge, and
// soc_sim changes the SoC's inputs at the falling edge, so this is the value
// every register sees). The last rising edge starts no complete cycle and is
// not sampled. Cycle numbers are relative to the anchor: the first cycle in
// which every anchor term holds is cycle 0 (no anchor: the first cycle is 0).
#pragma once

#include <string>
#include <vector>

#include "trace.h"

namespace wavediff {

struct FstRequest {
  std::vector<std::string> signals;     // hierarchical names; aliases are copied from `aliases`
  std::vector<std::string> aliases;     // parallel to signals, may be empty
  std::vector<std::string> qualifiers;  // parallel to signals, may be empty; "" = none
  std::string clock;                    // empty: the shallowest variable named clk, clk_i or clock
  std::vector<AnchorTerm> anchor;
};

// On any problem returns false with a one-line `error` starting with the path:
// missing file, not an FST file, unknown signal (with the closest names),
// no clock, anchor never true, anchor value wider than its signal.
bool read_fst(const std::string& path, const FstRequest& req, Trace& trace, std::string& error);

// Every variable name in the file (for --list); false with `error` like read_fst.
bool list_fst(const std::string& path, std::vector<std::string>& names, std::string& error);

}  // namespace wavediff
