// isa_run: runs RISC-V test-environment ELFs (linked at 0x80000000, tohost
// exit) on the core in lockstep with the ISS, on the core alone, or on the ISS
// alone, and reports pass/fail.
//
//   isa_run [--mode=lockstep|core|iss] [--stall=P] [--latency=P] [--irq=P]
//           [--max-cycles=N] [--expect=CODE] [--seed=S] file.elf...
//
// Exit status 0 when every ELF exits through tohost with the expected code
// (0 = pass) and, in lockstep, core and ISS agreed on every instruction.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "lockstep.h"

int main(int argc, char** argv) {
  std::string mode = "lockstep";
  isa::RunOptions opt;
  uint32_t expect = 0;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto val = [&](const char* key) -> const char* {
      size_t n = std::string(key).size();
      return a.compare(0, n, key) == 0 ? argv[i] + n : nullptr;
    };
    if (const char* v = val("--mode=")) mode = v;
    else if (const char* v = val("--stall=")) opt.timing.gnt_stall = std::atof(v);
    else if (const char* v = val("--latency=")) opt.timing.extra_latency = std::atof(v);
    else if (const char* v = val("--irq=")) opt.timing.spontaneous_irq = std::atof(v);
    else if (const char* v = val("--max-cycles=")) opt.max_cycles = std::strtoull(v, nullptr, 0);
    else if (const char* v = val("--expect=")) expect = uint32_t(std::strtoul(v, nullptr, 0));
    else if (const char* v = val("--seed=")) opt.seed = std::strtoull(v, nullptr, 0);
    else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "isa_run: unknown option %s\n", a.c_str());
      return 2;
    } else files.push_back(a);
  }
  if (files.empty() || (mode != "lockstep" && mode != "core" && mode != "iss")) {
    std::fprintf(stderr, "usage: isa_run [--mode=lockstep|core|iss] [options] file.elf...\n");
    return 2;
  }
  int failures = 0;
  isa::CoreTb tb;
  for (const auto& f : files) {
    rv::ElfImage image;
    std::string err;
    if (!rv::read_elf(f, image, err)) {
      std::fprintf(stderr, "isa_run: %s\n", err.c_str());
      return 2;
    }
    isa::RunResult r;
    if (mode == "iss") {
      r = isa::run_iss(image, opt.max_cycles);
    } else {
      opt.compare = mode == "lockstep";
      opt.tag = "elf=" + f;
      r = isa::run_core(tb, image, opt);
    }
    if (!r.console.empty()) std::printf("%s", r.console.c_str());
    bool pass = r.ok && r.exit_code == expect;
    if (r.ok) {
      std::printf("%s %s: %s (tohost code %u, %llu instructions, %llu traps, %llu cycles)\n",
                  pass ? "PASS" : "FAIL", mode.c_str(), f.c_str(), r.exit_code,
                  (unsigned long long)r.instret, (unsigned long long)r.traps,
                  (unsigned long long)r.cycles);
    } else {
      std::printf("FAIL %s: %s: %s\n", mode.c_str(), f.c_str(), r.message.c_str());
    }
    if (!pass) ++failures;
  }
  return failures ? 1 : 0;
}
