#include "compare.h"

#include <algorithm>
#include <sstream>

namespace wavediff {
namespace {

std::string rel(int64_t c) { return (c > 0 ? "+" : "") + std::to_string(c); }

std::string pad(const std::string& s, size_t w) {
  return s.size() >= w ? s : s + std::string(w - s.size(), ' ');
}

bool covers(const Trace& t, int64_t from, int64_t to, std::string& error) {
  if (t.first_cycle <= from && t.last_cycle >= to) return true;
  error = t.source + ": covers cycles " + rel(t.first_cycle) + ".." + rel(t.last_cycle) +
          " around the anchor; the comparison needs " + rel(from) + ".." + rel(to) +
          " (trace a wider window)";
  return false;
}

}  // namespace

bool compare(const Trace& expected, const Trace& actual, const std::vector<std::string>& signals,
             int64_t from, int64_t to, size_t max_report, CompareResult& r, std::string& error) {
  r = CompareResult{};
  r.from = from;
  r.to = to;
  if (from > to) {
    error = "empty window " + rel(from) + ".." + rel(to);
    return false;
  }
  if (!covers(expected, from, to, error) || !covers(actual, from, to, error)) return false;
  std::vector<const SignalTrace*> exp_sigs;
  if (signals.empty()) {
    for (const auto& s : expected.signals) exp_sigs.push_back(&s);
  } else {
    for (const auto& n : signals) {
      const SignalTrace* s = expected.find(n);
      if (s == nullptr) {
        error = expected.source + ": unknown signal '" + n + "'";
        return false;
      }
      exp_sigs.push_back(s);
    }
  }
  if (exp_sigs.empty()) {
    error = "no signals to compare";
    return false;
  }
  std::vector<const SignalTrace*> act_sigs;
  for (const auto* e : exp_sigs) {
    const SignalTrace* a = actual.find(e->name);
    if (a == nullptr) {
      error = actual.source + ": unknown signal '" + e->name + "'";
      return false;
    }
    act_sigs.push_back(a);
  }
  r.signals = exp_sigs.size();
  std::vector<SignalSummary> sums(exp_sigs.size());
  for (int64_t c = from; c <= to; ++c) {
    for (size_t i = 0; i < exp_sigs.size(); ++i) {
      const SignalTrace& e = *exp_sigs[i];
      const SignalTrace& a = *act_sigs[i];
      std::string ev = value_at(e, c), av = value_at(a, c);
      if (e.width != a.width) {
        ev += " (" + std::to_string(e.width) + " bits)";
        av += " (" + std::to_string(a.width) + " bits)";
      } else if (ev == av) {
        continue;
      }
      const std::string label = e.alias.empty() ? e.name : e.alias;
      ++r.mismatching_cycles;
      auto& s = sums[i];
      if (s.cycles++ == 0) s.first = c;
      s.last = c;
      s.signal = label;
      if (r.first.size() < max_report) r.first.push_back({c, label, e.name, ev, av});
    }
  }
  for (auto& s : sums)
    if (s.cycles > 0) r.per_signal.push_back(s);
  return true;
}

std::string format_report(const Trace& expected, const Trace& actual, const CompareResult& r) {
  std::ostringstream o;
  const size_t cycles = static_cast<size_t>(r.to - r.from + 1);
  if (r.same()) {
    o << "wavediff: same: " << r.signals << " signals over " << cycles << " cycles (" << rel(r.from)
      << ".." << rel(r.to) << " around the anchor)\n";
    return o.str();
  }
  o << "wavediff: DIFFERENT: expected " << expected.source << "\n"
    << "                     actual   " << actual.source << "\n";
  size_t w = 6, wv = 8;  // column widths: signal, values (at least the headers)
  for (const auto& m : r.first) {
    w = std::max(w, m.signal.size());
    wv = std::max({wv, m.expected.size(), m.actual.size()});
  }
  o << "  " << pad("cycle", 7) << pad("signal", w + 2) << pad("expected", wv + 2)
    << pad("actual", wv + 2) << "\n";
  for (const auto& m : r.first) {
    o << "  " << pad(rel(m.cycle), 7) << pad(m.signal, w + 2) << pad(m.expected, wv + 2)
      << pad(m.actual, wv + 2);
    if (const auto t = actual.time_of(m.cycle))
      o << "actual t=" << *t << " " << actual.time_unit;
    else if (const auto te = expected.time_of(m.cycle))
      o << "expected t=" << *te << " " << expected.time_unit;
    o << "\n";
  }
  if (r.mismatching_cycles > r.first.size())
    o << "  ... " << (r.mismatching_cycles - r.first.size()) << " more\n";
  for (const auto& s : r.per_signal) {
    const SignalTrace* e = expected.find(s.signal);
    o << "  " << pad(s.signal, w + 2) << "differs in " << s.cycles << " cycle"
      << (s.cycles == 1 ? "" : "s") << " (" << rel(s.first) << ".." << rel(s.last) << ")"
      << (e != nullptr && e->alias == s.signal ? "  " + e->name : "") << "\n";
  }
  o << "wavediff: " << r.per_signal.size() << " of " << r.signals << " signals differ in "
    << r.mismatching_cycles << " samples over " << cycles << " cycles (" << rel(r.from) << ".."
    << rel(r.to) << "); first at cycle " << rel(r.first.front().cycle) << " ("
    << r.first.front().signal << ")\n";
  return o.str();
}

}  // namespace wavediff
