// wavediff: compares two waveforms (FST traces or golden text files, any
// combination) on named signals, cycle by cycle, and writes golden text
// from an FST (docs/waves.md).
//
//   wavediff [options] EXPECTED ACTUAL      exit 0 same, 1 different, 2 bad input
//   wavediff --extract TRACE.fst -o OUT.txt --window FROM:TO
//            [--anchor SIG=VAL,...] [--clock NAME] [--scenario TEXT] [--comment TEXT]...
//            [--group NAME] --signal ALIAS=NAME ... [--group NAME] --signal ...
//   wavediff --list TRACE.fst               every variable name in the trace
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "compare.h"
#include "fst_source.h"
#include "golden.h"

namespace {

using namespace wavediff;

constexpr int kSame = 0, kDifferent = 1, kBadInput = 2;

const char* const kUsage =
    "usage: wavediff [options] EXPECTED ACTUAL\n"
    "       wavediff --extract TRACE.fst -o OUT.txt --window FROM:TO [--anchor SIG=VAL,...]\n"
    "                [--clock NAME] [--scenario TEXT] [--comment TEXT]...\n"
    "                {[--group NAME] --signal ALIAS=NAME[?QUALIFIER_ALIAS]}...\n"
    "       wavediff --list TRACE.fst\n"
    "EXPECTED and ACTUAL are FST traces (*.fst) or golden text files (docs/waves.md).\n"
    "A golden file brings its signals, window, anchor and clock; options override them.\n"
    "options:\n"
    "  --signals A,B     compare only these signals (aliases or hierarchical names;\n"
    "                    required when both inputs are FST)\n"
    "  --window FROM:TO  cycles relative to the anchor, inclusive\n"
    "  --anchor SIG=VAL[,SIG=VAL]  cycle 0 of an FST = first cycle where all hold\n"
    "  --clock NAME      sampling clock of an FST (default: shallowest clk/clk_i/clock)\n"
    "  --max-report N    mismatches listed (default 20)\n"
    "exit status: 0 same, 1 different, 2 bad input (one line on stderr)\n";

int bad(const std::string& msg) {
  std::fprintf(stderr, "wavediff: %s\n", msg.c_str());
  return kBadInput;
}

bool is_fst(const std::string& path) {
  if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".fst") == 0) return true;
  std::ifstream in(path, std::ios::binary);
  char c = 1;
  return in.get(c) && c == 0;  // FST's header block type; golden text never holds NUL
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    const size_t c = s.find(',', pos);
    out.push_back(s.substr(pos, c == std::string::npos ? std::string::npos : c - pos));
    if (c == std::string::npos) break;
    pos = c + 1;
  }
  return out;
}

bool parse_window(const std::string& s, int64_t& from, int64_t& to) {
  const size_t colon = s.find(':', 1);
  if (colon == std::string::npos) return false;
  try {
    size_t n1 = 0, n2 = 0;
    const std::string a = s.substr(0, colon), b = s.substr(colon + 1);
    from = std::stoll(a, &n1);
    to = std::stoll(b, &n2);
    return n1 == a.size() && n2 == b.size() && from <= to;
  } catch (const std::exception&) {
    return false;
  }
}

struct Options {
  std::vector<std::string> inputs;
  std::vector<std::string> signals;
  bool have_window = false;
  int64_t from = 0, to = 0;
  std::vector<AnchorTerm> anchor;
  bool have_anchor = false;
  std::string clock;
  size_t max_report = 20;
  // --extract
  std::string extract, out, scenario;
  std::vector<std::string> comments;
  std::vector<std::string> ext_alias, ext_name, ext_group, ext_qual;  // qualifier: alias
  std::string list;
};

// Loads one input. Golden: `golden` filled, `is_golden` set. FST: read with
// the names/anchor/clock from `hdr` (the other input's golden, if any) and options.
int load(const std::string& path, const Options& o, const Golden* hdr, Trace& t, Golden& golden,
         bool& is_golden, const std::vector<std::string>& fst_signals,
         const std::vector<std::string>& fst_aliases,
         const std::vector<std::string>& fst_qualifiers) {
  std::string error;
  if (!is_fst(path)) {
    is_golden = true;
    if (!read_golden(path, golden, error)) return bad(error);
    t = golden.trace;
    return kSame;
  }
  is_golden = false;
  FstRequest req;
  req.signals = fst_signals;
  req.aliases = fst_aliases;
  req.qualifiers = fst_qualifiers;
  req.clock = !o.clock.empty() ? o.clock : (hdr != nullptr ? hdr->clock : "");
  req.anchor =
      o.have_anchor ? o.anchor : (hdr != nullptr ? hdr->anchor : std::vector<AnchorTerm>{});
  if (!read_fst(path, req, t, error)) return bad(error);
  return kSame;
}

int run_compare(const Options& o) {
  if (o.inputs.size() != 2) return bad("need EXPECTED and ACTUAL (see --help)");
  const std::string& ep = o.inputs[0];
  const std::string& ap = o.inputs[1];
  const bool e_fst = is_fst(ep), a_fst = is_fst(ap);
  Golden eg, ag;
  Trace et, at;
  bool e_gold = false, a_gold = false;
  int rc;
  // Read the golden side(s) first: they name the signals the FST side must provide.
  if (!e_fst && (rc = load(ep, o, nullptr, et, eg, e_gold, {}, {}, {})) != kSame) return rc;
  if (!a_fst && (rc = load(ap, o, nullptr, at, ag, a_gold, {}, {}, {})) != kSame) return rc;
  const Golden* hdr = e_gold ? &eg : (a_gold ? &ag : nullptr);
  std::vector<std::string> names, aliases, quals;
  if (hdr != nullptr) {
    for (const auto& s : hdr->trace.signals) {
      names.push_back(s.name);
      aliases.push_back(s.alias);
      quals.push_back(s.qualifier);
    }
    if (!o.signals.empty()) {
      std::vector<std::string> sel_n, sel_a, sel_q;
      for (const auto& want : o.signals) {
        const SignalTrace* s = hdr->trace.find(want);
        if (s == nullptr) return bad(hdr->trace.source + ": unknown signal '" + want + "'");
        sel_n.push_back(s->name);
        sel_a.push_back(s->alias);
        sel_q.push_back(s->qualifier);
      }
      names = sel_n;
      aliases = sel_a;
      quals = sel_q;
    }
  } else {
    if (o.signals.empty())
      return bad("both inputs are FST traces: name the signals with --signals");
    names = o.signals;
  }
  if (e_fst && (rc = load(ep, o, hdr, et, eg, e_gold, names, aliases, quals)) != kSame) return rc;
  if (a_fst && (rc = load(ap, o, hdr, at, ag, a_gold, names, aliases, quals)) != kSame) return rc;

  int64_t from, to;
  if (o.have_window) {
    from = o.from;
    to = o.to;
  } else if (hdr != nullptr) {
    from = hdr->trace.first_cycle;
    to = hdr->trace.last_cycle;
  } else {
    from = std::max(et.first_cycle, at.first_cycle);
    to = std::min(et.last_cycle, at.last_cycle);
  }
  CompareResult r;
  std::string error;
  if (!compare(et, at, names, from, to, o.max_report, r, error)) return bad(error);
  std::fputs(format_report(et, at, r).c_str(), stdout);
  return r.same() ? kSame : kDifferent;
}

int run_extract(const Options& o) {
  if (o.out.empty()) return bad("--extract needs -o OUT.txt");
  if (!o.have_window) return bad("--extract needs --window FROM:TO");
  if (o.ext_name.empty()) return bad("--extract needs at least one --signal ALIAS=NAME");
  FstRequest req;
  req.signals = o.ext_name;
  req.aliases = o.ext_alias;
  for (size_t i = 0; i < o.ext_qual.size(); ++i) {
    std::string qname;
    if (!o.ext_qual[i].empty()) {
      for (size_t k = 0; k < i; ++k)
        if (o.ext_alias[k] == o.ext_qual[i]) qname = o.ext_name[k];
      if (qname.empty())
        return bad("--signal " + o.ext_alias[i] + ": qualifier '" + o.ext_qual[i] +
                   "' is not the alias of an earlier --signal");
    }
    req.qualifiers.push_back(qname);
  }
  req.clock = o.clock;
  req.anchor = o.anchor;
  Trace t;
  std::string error;
  if (!read_fst(o.extract, req, t, error)) return bad(error);
  if (t.first_cycle > o.from || t.last_cycle < o.to)
    return bad(o.extract + ": covers cycles " + std::to_string(t.first_cycle) + ".." +
               std::to_string(t.last_cycle) + " around the anchor; --window needs " +
               std::to_string(o.from) + ".." + std::to_string(o.to));
  Golden g;
  g.scenario = o.scenario;
  g.clock = req.clock;
  if (g.clock.empty()) g.clock = "";  // read_fst chose the default; record nothing
  g.anchor = o.anchor;
  g.groups = o.ext_group;
  g.trace.first_cycle = o.from;
  g.trace.last_cycle = o.to;
  for (auto& s : t.signals) {
    SignalTrace w{s.alias, s.name, s.width, {}, s.qualifier};
    for (int64_t c = o.from; c <= o.to; ++c) {
      const std::string& v = value_at(s, c);
      if (w.changes.empty() || w.changes.back().value != v) w.changes.push_back({c, v});
    }
    g.trace.signals.push_back(std::move(w));
  }
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  if (!out) return bad(o.out + ": cannot write");
  out << format_golden(g, o.comments);
  out.close();
  if (!out) return bad(o.out + ": write failed");
  return kSame;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::string group;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](std::string& v) {
      if (i + 1 >= argc) return false;
      v = argv[++i];
      return true;
    };
    std::string v;
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--signals") {
      if (!value(v) || v.empty()) return bad("--signals needs a comma-separated list");
      o.signals = split_commas(v);
    } else if (a == "--window") {
      if (!value(v) || !parse_window(v, o.from, o.to))
        return bad("--window needs FROM:TO, integers, FROM <= TO (e.g. -4:60)");
      o.have_window = true;
    } else if (a == "--anchor") {
      std::string e;
      if (!value(v)) return bad("--anchor needs SIG=VAL[,SIG=VAL]");
      if (!parse_anchor(v, o.anchor, e)) return bad("--anchor: " + e);
      o.have_anchor = true;
    } else if (a == "--clock") {
      if (!value(o.clock)) return bad("--clock needs a signal name");
    } else if (a == "--max-report") {
      if (!value(v)) return bad("--max-report needs a number");
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (*end != '\0' || n < 1) return bad("--max-report needs a number >= 1, got '" + v + "'");
      o.max_report = static_cast<size_t>(n);
    } else if (a == "--extract") {
      if (!value(o.extract)) return bad("--extract needs TRACE.fst");
    } else if (a == "-o") {
      if (!value(o.out)) return bad("-o needs a file name");
    } else if (a == "--scenario") {
      if (!value(o.scenario)) return bad("--scenario needs a text");
    } else if (a == "--comment") {
      if (!value(v)) return bad("--comment needs a text");
      o.comments.push_back(v);
    } else if (a == "--group") {
      if (!value(group)) return bad("--group needs a name");
    } else if (a == "--signal") {
      const size_t eq = value(v) ? v.find('=') : std::string::npos;
      if (eq == std::string::npos || eq == 0 || eq + 1 == v.size() ||
          v.find_first_of(" \t") != std::string::npos)
        return bad("--signal needs ALIAS=HIERARCHICAL.NAME without spaces");
      // ALIAS=NAME or ALIAS=NAME?QUALIFIER_ALIAS (value is "-" while the qualifier is not 1)
      const size_t qm = v.find('?', eq);
      o.ext_alias.push_back(v.substr(0, eq));
      o.ext_name.push_back(
          v.substr(eq + 1, qm == std::string::npos ? std::string::npos : qm - eq - 1));
      o.ext_qual.push_back(qm == std::string::npos ? "" : v.substr(qm + 1));
      o.ext_group.push_back(group);
    } else if (a == "--list") {
      if (!value(o.list)) return bad("--list needs TRACE.fst");
    } else if (!a.empty() && a[0] == '-' && a.size() > 1) {
      return bad("unknown option '" + a + "' (see --help)");
    } else {
      o.inputs.push_back(a);
    }
  }
  if (!o.list.empty()) {
    std::vector<std::string> names;
    std::string error;
    if (!list_fst(o.list, names, error)) return bad(error);
    for (const auto& n : names) std::printf("%s\n", n.c_str());
    return 0;
  }
  if (!o.extract.empty()) {
    if (!o.inputs.empty()) return bad("--extract takes no EXPECTED/ACTUAL inputs");
    return run_extract(o);
  }
  return run_compare(o);
}
