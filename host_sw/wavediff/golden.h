// The golden text format (docs/waves.md "The golden text format"): a header
// naming the window, the anchor, the clock and the signals, then one line per
// value change, `CYCLE ALIAS VALUE`, cycles relative to the anchor.
#pragma once

#include <string>
#include <vector>

#include "trace.h"

namespace wavediff {

inline constexpr const char* kGoldenMagic = "wavediff-golden 1";

struct Golden {
  std::string scenario;             // free text, optional
  std::string clock;                // hierarchical name of the sampling clock
  std::vector<AnchorTerm> anchor;   // empty: cycle 0 is the trace's first cycle
  std::vector<std::string> groups;  // group name per signal (parallel to trace.signals)
  Trace trace;                      // window = trace.first_cycle..last_cycle
};

// Reads a golden file. On any problem returns false and sets `error` to one
// line "PATH:LINE: what is wrong" (or "PATH: ..." for whole-file problems).
bool read_golden(const std::string& path, Golden& golden, std::string& error);
// The same on text already in memory (`path` only names it in messages).
bool parse_golden(const std::string& path, const std::string& text, Golden& golden,
                  std::string& error);

// Writes `golden` as text. `header_comment` lines are written first, each
// prefixed with "# " (the generated-file notice).
std::string format_golden(const Golden& golden, const std::vector<std::string>& header_comment);

}  // namespace wavediff
