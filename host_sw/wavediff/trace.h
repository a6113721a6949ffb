// A sampled waveform: per named signal, its value in each clock cycle of a
// window, stored as value changes (docs/waves.md "The golden text format").
// Both inputs of a comparison, a golden text file or an FST, become a Trace,
// so the comparison never knows where the values came from.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wavediff {

// One value change: from `cycle` on (relative to the anchor) the signal has
// `value` (normalized text, see normalize_value()).
struct Change {
  int64_t cycle;
  std::string value;
};

struct SignalTrace {
  std::string alias;  // short name used in the golden text and in reports
  std::string name;   // hierarchical name in the trace, e.g. soc.soc_top.u_intc.gnt_o
  unsigned width = 1;
  std::vector<Change> changes;  // ascending cycles, one per change; the first at first_cycle
  // Hierarchical name of a 1-bit qualifier (e.g. the bus's req): in cycles
  // where it is not 1 the value is "-" (don't care), so a bus address that
  // wanders while nobody requests does not make a difference. Empty: none.
  std::string qualifier;
};

inline constexpr const char* kDontCare = "-";

// An anchor term: the trace's cycle 0 is the first cycle in which every term holds.
struct AnchorTerm {
  std::string signal;
  std::string value;  // normalized for the signal's width when it is matched
};

struct Trace {
  std::string source;       // file it was read from (for messages)
  int64_t first_cycle = 0;  // cycles covered, inclusive, relative to the anchor
  int64_t last_cycle = -1;
  std::vector<SignalTrace> signals;
  // FST only: the time of each covered cycle's rising clock edge, in the
  // FST's time unit, so a report can point into GTKWave; empty for text.
  std::vector<uint64_t> cycle_time;
  std::string time_unit;  // e.g. "ps"

  const SignalTrace* find(std::string_view name_or_alias) const;
  std::optional<uint64_t> time_of(int64_t cycle) const;
};

// The value of `s` in `cycle` (the last change at or before it); "" before the first.
const std::string& value_at(const SignalTrace& s, int64_t cycle);

// Text of a value of `width` bits given as one character per bit, MSB first
// ('0', '1', 'x', 'z', ... as FST writes them): "0"/"1"/"x"/"z" for one bit,
// otherwise lower-case hex with ceil(width/4) digits where a nibble holding
// any non-0/1 bit prints as 'x'.
std::string bits_to_value(std::string_view bits, unsigned width);

// Parses a value written by a person or by the golden format ("1", "0x1f",
// "1f", "31" is NOT decimal: hex only, optional 0x) for `width` bits and
// returns it normalized, or nullopt when it is not a valid value of that width.
std::optional<std::string> normalize_value(std::string_view text, unsigned width);

// "a=1,b=0x10" -> terms; false with `error` on a malformed list.
bool parse_anchor(std::string_view text, std::vector<AnchorTerm>& terms, std::string& error);
std::string anchor_to_string(const std::vector<AnchorTerm>& terms);

}  // namespace wavediff
