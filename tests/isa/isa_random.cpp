// isa_random: core vs ISS lockstep on generated programs, in-process.
//
//   isa_random [--seeds=N] [--first=S] [--interrupts] [--qemu-subset]
//              [--blocks=N] [--write-elf=DIR]
//
// Each seed runs with a bus timing chosen from it (ideal memory, grant stalls,
// long latencies) and, for interrupt programs, spontaneous interrupt lines.
// The first mismatch is printed with its seed; exit status 1.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "lockstep.h"
#include "rv_iss/disasm.h"
#include "progen.h"

int main(int argc, char** argv) {
  uint64_t seeds = 100, first = 1;
  unsigned blocks = 120;
  unsigned pmp_gran = 2;
  bool interrupts = false, qemu = false, trace = false;
  std::string elf_dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--seeds=", 0) == 0) seeds = std::strtoull(a.c_str() + 8, nullptr, 0);
    else if (a.rfind("--first=", 0) == 0) first = std::strtoull(a.c_str() + 8, nullptr, 0);
    else if (a.rfind("--blocks=", 0) == 0) blocks = unsigned(std::strtoul(a.c_str() + 9, nullptr, 0));
    else if (a == "--interrupts") interrupts = true;
    else if (a == "--qemu-subset") qemu = true;
    else if (a == "--trace") trace = true;
    else if (a.rfind("--pmp-gran=", 0) == 0) pmp_gran = unsigned(std::strtoul(a.c_str() + 11, nullptr, 0));
    else if (a.rfind("--write-elf=", 0) == 0) elf_dir = a.substr(12);
    else {
      std::fprintf(stderr, "isa_random: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  isa::CoreTb tb;
  uint64_t total_instr = 0, total_cycles = 0, total_traps = 0;
  for (uint64_t s = first; s < first + seeds; ++s) {
    isa::GenConfig gc;
    gc.seed = s;
    gc.interrupts = interrupts;
    gc.qemu = qemu;
    gc.blocks = blocks;
    rv::ElfImage img = isa::generate_program(gc);
    std::string tag = "seed=" + std::to_string(s) + (interrupts ? " --interrupts" : "") +
                      (qemu ? " --qemu-subset" : "");
    if (!elf_dir.empty()) {
      std::string err;
      rv::write_elf(elf_dir + "/rand_" + std::to_string(s) + ".elf", img, err);
    }
    isa::RunOptions opt;
    opt.seed = s;
    opt.tag = tag;
    opt.pmp_gran = pmp_gran;
    switch (s % 4) {
      case 0: break;
      case 1: opt.timing.gnt_stall = 0.3; break;
      case 2: opt.timing.extra_latency = 0.3; break;
      default: opt.timing.gnt_stall = 0.2; opt.timing.extra_latency = 0.2; break;
    }
    if (interrupts) opt.timing.spontaneous_irq = 0.002 * double(s % 5);
    if (trace) {
      opt.on_retire = [](const isa::TraceRecord& t, uint64_t cycle) {
        std::printf("%8llu %08x %08x %-32s %s rd=%2u %08x mem=%08x mip=%05x m=%u\n",
                    (unsigned long long)cycle, t.pc, t.insn, rv::disasm(t.insn, t.pc).c_str(),
                    t.trap ? "TRAP" : "    ", t.rd, t.rd_wdata, t.mem_addr, t.mip, t.mode);
      };
    }
    isa::RunResult r = isa::run_core(tb, img, opt);
    if (!r.ok || r.exit_code != 0) {
      std::printf("FAIL %s: %s (exit code %u)\n", tag.c_str(), r.message.c_str(), r.exit_code);
      return 1;
    }
    total_instr += r.instret;
    total_cycles += r.cycles;
    total_traps += r.traps;
  }
  std::printf("PASS %llu programs (first seed %llu%s%s): %llu instructions, %llu traps, "
              "%llu cycles compared in lockstep\n",
              (unsigned long long)seeds, (unsigned long long)first,
              interrupts ? ", interrupts" : "", qemu ? ", qemu subset" : "",
              (unsigned long long)total_instr, (unsigned long long)total_traps,
              (unsigned long long)total_cycles);
  return 0;
}
