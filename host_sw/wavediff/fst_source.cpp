#include "fst_source.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

#include "fstapi.h"

namespace wavediff {
namespace {

struct FstCloser {
  void operator()(void* ctx) const {
    if (ctx != nullptr) fstReaderClose(ctx);
  }
};
using FstPtr = std::unique_ptr<void, FstCloser>;

struct VarInfo {
  fstHandle handle;
  unsigned width;
};

// Verilator writes vectors as "name [msb:lsb]"; the name alone identifies them.
std::string strip_range(const char* name, uint32_t len) {
  std::string n(name, len);
  const size_t sp = n.find(" [");
  if (sp != std::string::npos) n.erase(sp);
  return n;
}

bool open_fst(const std::string& path, FstPtr& ctx, std::string& error) {
  // fstapi reports every failure as NULL; tell a missing file from a bad one.
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    unsigned char first = 0xFF;
    const size_t n = std::fread(&first, 1, 1, f);
    std::fclose(f);
    if (n != 1) {
      error = path + ": empty file, not an FST trace";
      return false;
    }
    if (first != 0) {  // FST_BL_HDR: every FST file starts with its header block
      error = path + ": not an FST trace (bad first block type " + std::to_string(first) + ")";
      return false;
    }
  } else {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  ctx.reset(fstReaderOpen(path.c_str()));
  if (!ctx) {
    error = path + ": corrupt or truncated FST trace (fstapi cannot open it)";
    return false;
  }
  return true;
}

bool read_hierarchy(const std::string& path, void* ctx, std::map<std::string, VarInfo>& vars,
                    std::vector<std::string>& order, std::string& error) {
  std::vector<std::string> scope;
  fstReaderIterateHierRewind(ctx);
  while (const fstHier* h = fstReaderIterateHier(ctx)) {
    switch (h->htyp) {
      case FST_HT_SCOPE:
        scope.emplace_back(h->u.scope.name, h->u.scope.name_length);
        break;
      case FST_HT_UPSCOPE:
        if (!scope.empty()) scope.pop_back();
        break;
      case FST_HT_VAR: {
        std::string full;
        for (const auto& s : scope) full += s + ".";
        full += strip_range(h->u.var.name, h->u.var.name_length);
        if (vars.emplace(full, VarInfo{h->u.var.handle, h->u.var.length}).second)
          order.push_back(full);
        break;
      }
      default:
        break;
    }
  }
  if (vars.empty()) {
    error = path + ": FST trace holds no variables";
    return false;
  }
  return true;
}

// Names that share the last component with `name`, for "did you mean".
std::string suggestions(const std::string& name, const std::vector<std::string>& order) {
  const size_t dot = name.rfind('.');
  const std::string leaf = dot == std::string::npos ? name : name.substr(dot + 1);
  std::string out;
  int n = 0;
  for (const auto& v : order) {
    const size_t d = v.rfind('.');
    if ((d == std::string::npos ? v : v.substr(d + 1)) == leaf) {
      if (n++ == 3) {
        out += ", ...";
        break;
      }
      out += (out.empty() ? "" : ", ") + v;
    }
  }
  return out.empty() ? "" : " (names ending in '" + leaf + "': " + out + ")";
}

struct Collector {
  std::map<fstHandle, std::vector<std::pair<uint64_t, std::string>>> changes;
};

void on_change(void* user, uint64_t time, fstHandle h, const unsigned char* value) {
  auto* c = static_cast<Collector*>(user);
  auto it = c->changes.find(h);
  if (it == c->changes.end()) return;
  auto& v = it->second;
  std::string val(reinterpret_cast<const char*>(value));
  // Several changes at one time (delta cycles): the last one stands.
  if (!v.empty() && v.back().first == time)
    v.back().second = std::move(val);
  else
    v.emplace_back(time, std::move(val));
}

const char* time_unit(signed char exp) {
  switch (exp) {
    case 0:
      return "s";
    case -3:
      return "ms";
    case -6:
      return "us";
    case -9:
      return "ns";
    case -12:
      return "ps";
    case -15:
      return "fs";
    default:
      return "(10^x s)";
  }
}

}  // namespace

// fstapi ends the process with exit() on some damaged files (e.g. a geometry
// block that does not decompress) instead of returning an error. So every
// file is first read in a child process with its output discarded; if the
// child dies or exits with anything but 0/1, the file is reported corrupt and
// the parent never touches it with fstapi.
template <typename Fn>
bool survives_fstapi(const std::string& path, Fn&& read, std::string& error) {
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) return true;  // cannot probe: read directly
  if (pid == 0) {
    const int fd = ::open("/dev/null", O_WRONLY);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
    }
    ::_exit(read() ? 0 : 1);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return true;
  }
  if (WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1)) return true;
  error = path + ": corrupt or truncated FST trace (fstapi gave up reading it)";
  return false;
}

bool list_fst_direct(const std::string& path, std::vector<std::string>& names, std::string& error) {
  FstPtr ctx;
  if (!open_fst(path, ctx, error)) return false;
  std::map<std::string, VarInfo> vars;
  names.clear();
  return read_hierarchy(path, ctx.get(), vars, names, error);
}

bool read_fst_direct(const std::string& path, const FstRequest& req, Trace& trace,
                     std::string& error) {
  FstPtr ctx;
  if (!open_fst(path, ctx, error)) return false;
  std::map<std::string, VarInfo> vars;
  std::vector<std::string> order;
  if (!read_hierarchy(path, ctx.get(), vars, order, error)) return false;

  auto lookup = [&](const std::string& name, const char* what, VarInfo& out) {
    const auto it = vars.find(name);
    if (it == vars.end()) {
      error = path + ": unknown " + what + " '" + name + "'" + suggestions(name, order);
      return false;
    }
    out = it->second;
    return true;
  };

  std::string clock = req.clock;
  if (clock.empty()) {
    size_t best_depth = SIZE_MAX;
    for (const auto& n : order) {
      const size_t d = n.rfind('.');
      const std::string leaf = d == std::string::npos ? n : n.substr(d + 1);
      const size_t depth = static_cast<size_t>(std::count(n.begin(), n.end(), '.'));
      if ((leaf == "clk" || leaf == "clk_i" || leaf == "clock") && depth < best_depth) {
        clock = n;
        best_depth = depth;
      }
    }
    if (clock.empty()) {
      error = path + ": no clock named clk, clk_i or clock; name one with --clock";
      return false;
    }
  }
  VarInfo clk;
  if (!lookup(clock, "clock signal", clk)) return false;
  if (clk.width != 1) {
    error = path + ": clock '" + clock + "' is " + std::to_string(clk.width) + " bits wide";
    return false;
  }
  std::vector<VarInfo> sigs(req.signals.size());
  for (size_t i = 0; i < req.signals.size(); ++i)
    if (!lookup(req.signals[i], "signal", sigs[i])) return false;
  std::vector<VarInfo> quals(req.signals.size(), VarInfo{0, 0});
  for (size_t i = 0; i < req.qualifiers.size() && i < req.signals.size(); ++i) {
    if (req.qualifiers[i].empty()) continue;
    if (!lookup(req.qualifiers[i], "qualifier signal", quals[i])) return false;
    if (quals[i].width != 1) {
      error = path + ": qualifier '" + req.qualifiers[i] + "' is not 1 bit wide";
      return false;
    }
  }
  std::vector<VarInfo> anch(req.anchor.size());
  std::vector<std::string> anch_val(req.anchor.size());
  for (size_t i = 0; i < req.anchor.size(); ++i) {
    if (!lookup(req.anchor[i].signal, "anchor signal", anch[i])) return false;
    const auto v = normalize_value(req.anchor[i].value, anch[i].width);
    if (!v) {
      error = path + ": anchor value '" + req.anchor[i].value + "' is not a " +
              std::to_string(anch[i].width) + "-bit hex value for " + req.anchor[i].signal;
      return false;
    }
    anch_val[i] = *v;
  }

  Collector col;
  fstReaderClrFacProcessMaskAll(ctx.get());
  auto want = [&](const VarInfo& v) {
    fstReaderSetFacProcessMask(ctx.get(), v.handle);
    col.changes[v.handle];
  };
  want(clk);
  for (const auto& v : sigs) want(v);
  for (const auto& v : quals)
    if (v.width != 0) want(v);
  for (const auto& v : anch) want(v);
  if (!fstReaderIterBlocks(ctx.get(), on_change, &col, nullptr)) {
    error = path + ": corrupt FST trace (value change blocks unreadable)";
    return false;
  }

  // Rising edges of the clock.
  std::vector<uint64_t> rise;
  char prev = '?';
  for (const auto& [t, v] : col.changes[clk.handle]) {
    const char c = v.empty() ? '?' : v[0];
    if (c == '1' && prev == '0') rise.push_back(t);  // a clock that starts high has no first edge
    prev = c;
  }
  if (rise.size() < 2) {
    error = path + ": clock '" + clock + "' has " + std::to_string(rise.size()) +
            " rising edges; need at least 2 for one cycle";
    return false;
  }
  const size_t ncycles = rise.size() - 1;

  // Samples each signal: value in cycle k = last change strictly before rise[k+1].
  auto sample = [&](const VarInfo& v) {
    std::vector<std::string> out(ncycles);
    const auto& ch = col.changes[v.handle];
    size_t j = 0;
    std::string cur = std::string(v.width, 'x');
    for (size_t k = 0; k < ncycles; ++k) {
      while (j < ch.size() && ch[j].first < rise[k + 1]) cur = ch[j++].second;
      out[k] = bits_to_value(cur, v.width);
    }
    return out;
  };

  int64_t anchor_index = 0;
  if (!req.anchor.empty()) {
    std::vector<std::vector<std::string>> a(anch.size());
    for (size_t i = 0; i < anch.size(); ++i) a[i] = sample(anch[i]);
    anchor_index = -1;
    for (size_t k = 0; k < ncycles && anchor_index < 0; ++k) {
      bool all = true;
      for (size_t i = 0; i < anch.size() && all; ++i) all = a[i][k] == anch_val[i];
      if (all) anchor_index = static_cast<int64_t>(k);
    }
    if (anchor_index < 0) {
      error = path + ": the anchor " + anchor_to_string(req.anchor) + " never holds in the " +
              std::to_string(ncycles) + " traced cycles";
      return false;
    }
  }

  trace = Trace{};
  trace.source = path;
  trace.first_cycle = -anchor_index;
  trace.last_cycle = static_cast<int64_t>(ncycles) - 1 - anchor_index;
  trace.cycle_time.assign(rise.begin(), rise.end() - 1);
  trace.time_unit = time_unit(fstReaderGetTimescale(ctx.get()));
  for (size_t i = 0; i < sigs.size(); ++i) {
    SignalTrace s;
    s.name = req.signals[i];
    s.alias = i < req.aliases.size() ? req.aliases[i] : "";
    s.width = sigs[i].width;
    auto vals = sample(sigs[i]);
    if (quals[i].width != 0) {
      s.qualifier = req.qualifiers[i];
      const auto q = sample(quals[i]);
      for (size_t k = 0; k < ncycles; ++k)
        if (q[k] != "1") vals[k] = kDontCare;
    }
    for (size_t k = 0; k < ncycles; ++k)
      if (k == 0 || vals[k] != vals[k - 1])
        s.changes.push_back({static_cast<int64_t>(k) - anchor_index, vals[k]});
    trace.signals.push_back(std::move(s));
  }
  return true;
}

bool list_fst(const std::string& path, std::vector<std::string>& names, std::string& error) {
  std::vector<std::string> probe_names;
  std::string probe_error;
  if (!survives_fstapi(
          path, [&] { return list_fst_direct(path, probe_names, probe_error); }, error))
    return false;
  return list_fst_direct(path, names, error);
}

bool read_fst(const std::string& path, const FstRequest& req, Trace& trace, std::string& error) {
  Trace probe_trace;
  std::string probe_error;
  if (!survives_fstapi(
          path, [&] { return read_fst_direct(path, req, probe_trace, probe_error); }, error))
    return false;
  return read_fst_direct(path, req, trace, error);
}

}  // namespace wavediff
