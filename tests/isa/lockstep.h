// Runs a program on the Verilated core and the ISS in lockstep, comparing
// every retired instruction and trap, and the RAM at the end; or on the ISS
// alone. A mismatch names the pc, the instruction, the field and both values.
#pragma once
#include <cstdint>
#include <string>

#include "core_tb.h"
#include "rv_iss/elf_loader.h"
#include "rv_iss/hart.h"

namespace isa {

struct RunResult {
  bool ok = false;           // ran to a tohost exit without mismatch
  bool exited = false;
  uint32_t exit_code = 0;    // tohost payload >> 1 (0 = pass)
  uint64_t cycles = 0;
  uint64_t instret = 0;      // retired instructions (traps not counted)
  uint64_t traps = 0;
  std::string message;       // why not ok
  std::string console;       // HTIF console output
};

struct RunOptions {
  uint64_t max_cycles = 2'000'000;
  BusTiming timing;
  uint64_t seed = 1;  // for bus timing randomness
  std::string tag;    // printed with a mismatch (e.g. "seed=1234")
  bool compare = true;  // false: run the core alone (benchmarks)
  unsigned pmp_gran = 2;  // the core model's PMP_GRAN (the ISS is configured alike)
  // Called for every record of the core (after comparison), e.g. for benchmarks.
  std::function<void(const TraceRecord&, uint64_t cycle)> on_retire;
};

// Core (and ISS in lockstep unless options.compare is false).
RunResult run_core(CoreTb& tb, const rv::ElfImage& image, const RunOptions& options);
// ISS alone, with the testbench device ticked once per instruction.
RunResult run_iss(const rv::ElfImage& image, uint64_t max_steps, std::string* console = nullptr);

}  // namespace isa
