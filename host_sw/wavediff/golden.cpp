#include "golden.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

namespace wavediff {
namespace {

std::vector<std::string> split_ws(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> f;
  std::string w;
  while (in >> w) f.push_back(w);
  return f;
}

bool parse_int(const std::string& s, int64_t& v) {
  if (s.empty()) return false;
  size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
  if (i == s.size()) return false;
  for (size_t k = i; k < s.size(); ++k)
    if (s[k] < '0' || s[k] > '9') return false;
  if (s.size() - i > 15) return false;  // far beyond any window; avoids overflow
  v = std::stoll(s);
  return true;
}

// The rest of `line` after its first word (keeps inner spaces).
std::string rest_of(const std::string& line) {
  const size_t a = line.find_first_not_of(" \t");
  const size_t b = line.find_first_of(" \t", a);
  if (b == std::string::npos) return "";
  const size_t c = line.find_first_not_of(" \t", b);
  return c == std::string::npos ? "" : line.substr(c);
}

}  // namespace

bool read_golden(const std::string& path, Golden& golden, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_golden(path, ss.str(), golden, error);
}

bool parse_golden(const std::string& path, const std::string& text, Golden& golden,
                  std::string& error) {
  golden = Golden{};
  golden.trace.source = path;
  Trace& t = golden.trace;
  std::map<std::string, size_t> by_alias;
  bool have_magic = false, have_window = false, in_values = false;
  std::string group;
  int64_t last_cycle_seen = INT64_MIN;
  std::istringstream in(text);
  std::string line;
  int lineno = 0;
  auto fail = [&](const std::string& what) {
    error = path + ":" + std::to_string(lineno) + ": " + what;
    return false;
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto f = split_ws(line);
    if (f.empty() || f[0][0] == '#') continue;
    if (!have_magic) {
      if (line != kGoldenMagic)
        return fail(std::string("not a wavediff golden file: expected '") + kGoldenMagic +
                    "' as the first line that is not a comment");
      have_magic = true;
      continue;
    }
    const std::string& kw = f[0];
    const bool is_value = kw[0] == '-' || kw[0] == '+' || (kw[0] >= '0' && kw[0] <= '9');
    if (!is_value && in_values) return fail("header line '" + kw + "' after the first value line");
    if (kw == "scenario") {
      golden.scenario = rest_of(line);
    } else if (kw == "clock") {
      if (f.size() != 2) return fail("expected 'clock NAME'");
      golden.clock = f[1];
    } else if (kw == "anchor") {
      if (f.size() != 2) return fail("expected 'anchor SIGNAL=VALUE[,SIGNAL=VALUE...]'");
      std::string e;
      if (!parse_anchor(f[1], golden.anchor, e)) return fail(e);
    } else if (kw == "window") {
      int64_t a, b;
      if (f.size() != 3 || !parse_int(f[1], a) || !parse_int(f[2], b))
        return fail("expected 'window FROM TO' (cycles relative to the anchor)");
      if (a > b) return fail("window " + f[1] + " " + f[2] + " ends before it starts");
      t.first_cycle = a;
      t.last_cycle = b;
      have_window = true;
    } else if (kw == "group") {
      group = rest_of(line);
    } else if (kw == "signal") {
      int64_t w;
      if ((f.size() != 4 && f.size() != 6) || !parse_int(f[2], w) ||
          (f.size() == 6 && f[4] != "if"))
        return fail("expected 'signal ALIAS WIDTH HIERARCHICAL.NAME [if QUALIFIER_ALIAS]'");
      if (w < 1 || w > 4096) return fail("signal " + f[1] + ": width " + f[2] + " not in 1..4096");
      if (by_alias.count(f[1])) return fail("signal alias '" + f[1] + "' declared twice");
      for (const auto& s : t.signals)
        if (s.name == f[3]) return fail("signal '" + f[3] + "' declared twice");
      std::string qual;
      if (f.size() == 6) {
        const auto q = by_alias.find(f[5]);
        if (q == by_alias.end())
          return fail("qualifier '" + f[5] + "' is not a signal declared above");
        if (t.signals[q->second].width != 1)
          return fail("qualifier '" + f[5] + "' is " + std::to_string(t.signals[q->second].width) +
                      " bits wide; a qualifier is 1 bit");
        qual = t.signals[q->second].name;
      }
      by_alias[f[1]] = t.signals.size();
      t.signals.push_back({f[1], f[3], static_cast<unsigned>(w), {}, qual});
      golden.groups.push_back(group);
    } else if (is_value) {
      if (!have_window) return fail("value line before the 'window' line");
      if (t.signals.empty()) return fail("value line before any 'signal' line");
      in_values = true;
      int64_t c;
      if (f.size() != 3 || !parse_int(f[0], c))
        return fail("expected 'CYCLE ALIAS VALUE', got '" + line + "'");
      if (c < t.first_cycle || c > t.last_cycle)
        return fail("cycle " + f[0] + " outside the window " + std::to_string(t.first_cycle) +
                    ".." + std::to_string(t.last_cycle));
      if (c < last_cycle_seen)
        return fail("cycle " + f[0] + " after cycle " + std::to_string(last_cycle_seen) +
                    ": value lines must be in cycle order");
      last_cycle_seen = c;
      const auto it = by_alias.find(f[1]);
      if (it == by_alias.end()) return fail("unknown signal alias '" + f[1] + "'");
      SignalTrace& s = t.signals[it->second];
      const auto v = normalize_value(f[2], s.width);
      if (!v)
        return fail("value '" + f[2] + "' of " + f[1] + " is not a " + std::to_string(s.width) +
                    "-bit hex value");
      if (!s.changes.empty() && s.changes.back().cycle == c)
        return fail("two values for " + f[1] + " in cycle " + f[0]);
      if (s.changes.empty() && c != t.first_cycle)
        return fail("first value of " + f[1] + " is at cycle " + f[0] +
                    ", not at the window start " + std::to_string(t.first_cycle));
      if (!s.changes.empty() && s.changes.back().value == *v)
        return fail("value line for " + f[1] + " repeats its value " + *v +
                    " (one line per change)");
      s.changes.push_back({c, *v});
    } else {
      return fail("unknown line '" + kw +
                  "' (expected scenario, clock, anchor, window, group, "
                  "signal or CYCLE ALIAS VALUE)");
    }
  }
  ++lineno;
  if (!have_magic) return fail(std::string("empty: no '") + kGoldenMagic + "' line");
  if (!have_window) return fail("no 'window FROM TO' line");
  if (t.signals.empty()) return fail("no 'signal' line");
  for (const auto& s : t.signals)
    if (s.changes.empty()) return fail("signal " + s.alias + " has no value line");
  return true;
}

std::string format_golden(const Golden& g, const std::vector<std::string>& header_comment) {
  std::ostringstream o;
  for (const auto& c : header_comment) o << "# " << c << "\n";
  o << kGoldenMagic << "\n";
  if (!g.scenario.empty()) o << "scenario " << g.scenario << "\n";
  if (!g.clock.empty()) o << "clock " << g.clock << "\n";
  if (!g.anchor.empty()) o << "anchor " << anchor_to_string(g.anchor) << "\n";
  o << "window " << g.trace.first_cycle << " " << g.trace.last_cycle << "\n";
  std::string group;
  for (size_t i = 0; i < g.trace.signals.size(); ++i) {
    const auto& s = g.trace.signals[i];
    const std::string& gr = i < g.groups.size() ? g.groups[i] : group;
    if (gr != group) {
      o << "group " << gr << "\n";
      group = gr;
    }
    o << "signal " << s.alias << " " << s.width << " " << s.name;
    if (!s.qualifier.empty()) {
      const SignalTrace* q = g.trace.find(s.qualifier);
      o << " if " << (q != nullptr && !q->alias.empty() ? q->alias : s.qualifier);
    }
    o << "\n";
  }
  o << "# cycle signal value\n";
  // All changes merged in cycle order, signals in declaration order within a cycle.
  std::vector<size_t> next(g.trace.signals.size(), 0);
  for (;;) {
    int64_t best = INT64_MAX;
    for (size_t i = 0; i < next.size(); ++i) {
      const auto& ch = g.trace.signals[i].changes;
      if (next[i] < ch.size() && ch[next[i]].cycle < best) best = ch[next[i]].cycle;
    }
    if (best == INT64_MAX) break;
    for (size_t i = 0; i < next.size(); ++i) {
      const auto& s = g.trace.signals[i];
      if (next[i] < s.changes.size() && s.changes[next[i]].cycle == best) {
        o << best << " " << s.alias << " " << s.changes[next[i]].value << "\n";
        ++next[i];
      }
    }
  }
  return o.str();
}

}  // namespace wavediff
