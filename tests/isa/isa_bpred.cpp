// isa_bpred: the branch predictor (rtl/core/rv_bpred.sv) in cycles, as a test.
// Runs asm/bpred_timing.elf on the core in lockstep with the ISS (single-cycle
// memory), takes the cycle of every store to the testbench MARKER register
// (one per pass of the program's loop) and the instructions retired between
// them, and checks:
//   * the first pass (nothing learnt: the static rule) pays 2 bubbles each
//     for the forward branch, the JALR and the return;
//   * from the third pass on (a 2-bit counter needs two outcomes against the
//     static rule) every pass runs at one instruction per cycle.
//
//   isa_bpred [--expect-static] FILE.elf
// --expect-static: the core was built without the predictor (BHT_ENTRIES =
// JTB_ENTRIES = 0): every pass pays the 6 cycles.
#include <cstdio>
#include <string>
#include <vector>

#include "lockstep.h"

int main(int argc, char** argv) {
  bool expect_static = false;
  std::string file;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--expect-static") expect_static = true;
    else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "isa_bpred: unknown option %s\n", a.c_str());
      return 2;
    } else file = a;
  }
  if (file.empty()) {
    std::fprintf(stderr, "usage: isa_bpred [--expect-static] bpred_timing.elf\n");
    return 2;
  }
  rv::ElfImage image;
  std::string err;
  if (!rv::read_elf(file, image, err)) {
    std::fprintf(stderr, "isa_bpred: %s\n", err.c_str());
    return 2;
  }

  struct Pass { uint64_t cycles, instructions; };
  std::vector<Pass> passes;
  uint64_t last_cycle = 0, insns = 0;
  bool started = false;
  isa::RunOptions opt;
  opt.on_retire = [&](const isa::TraceRecord& r, uint64_t cycle) {
    if (r.trap) return;
    if (r.wmask != 0 && r.mem_addr == isa::kTbBase + isa::kTbMarker) {
      if (started) passes.push_back({cycle - last_cycle, insns});
      started = true;
      last_cycle = cycle;
      insns = 0;
    }
    ++insns;
  };
  isa::CoreTb tb;
  const isa::RunResult res = isa::run_core(tb, image, opt);
  if (!res.ok || res.exit_code != 0) {
    std::fprintf(stderr, "isa_bpred: the program failed: %s (tohost code %u)\n",
                 res.message.c_str(), res.exit_code);
    return 1;
  }
  if (passes.size() < 8) {
    std::fprintf(stderr, "isa_bpred: %zu passes seen, expected 32\n", passes.size());
    return 1;
  }

  int failures = 0;
  std::printf("pass  cycles  instructions\n");
  for (size_t i = 0; i < passes.size(); ++i) {
    const Pass& p = passes[i];
    if (i < 4 || i + 1 == passes.size()) {
      std::printf("%4zu  %6llu  %12llu\n", i + 1, static_cast<unsigned long long>(p.cycles),
                  static_cast<unsigned long long>(p.instructions));
    }
    const bool last = i + 1 == passes.size();  // its backward branch falls through
    if (last) continue;
    const uint64_t bubbles = p.cycles - p.instructions;
    uint64_t want;
    if (expect_static || i == 0) want = 6;
    else if (i == 1) want = 2;  // the forward branch's counter is only half-way
    else want = 0;
    if (bubbles != want) {
      std::fprintf(stderr, "isa_bpred: pass %zu took %llu cycles for %llu instructions "
                   "(%llu bubbles, expected %llu)\n", i + 1,
                   static_cast<unsigned long long>(p.cycles),
                   static_cast<unsigned long long>(p.instructions),
                   static_cast<unsigned long long>(bubbles),
                   static_cast<unsigned long long>(want));
      ++failures;
    }
  }
  if (failures != 0) return 1;
  std::printf("PASS isa_bpred: %s\n", expect_static ? "static prediction, 6 bubbles a pass"
                                                     : "0 bubbles a pass once learnt");
  return 0;
}
