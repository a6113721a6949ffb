// Random RV32IMA program generator. Programs are linked at 0x80000000, end
// through tohost, always terminate (forward jumps, counted loops, traps that
// resume after the faulting instruction) and exercise every instruction,
// forwarding and load-use hazards, traps, CSRs, PMP with U-mode, atomics,
// self-modifying code, and (lockstep only) interrupts, WFI and MMIO.
#pragma once
#include <cstdint>

#include "rv_iss/elf_loader.h"

namespace isa {

struct GenConfig {
  uint64_t seed = 1;
  // Only behaviour QEMU 7.2 (-cpu rv32, spike machine) shares with the ISS:
  // no misaligned loads/stores, no testbench device, interrupts, WFI or
  // counters, a restricted CSR set, LR/SC only as tight pairs.
  bool qemu = false;
  bool interrupts = false;  // enable interrupts, arm testbench lines, WFI
  unsigned blocks = 120;    // random snippets in the body
  bool signature = false;   // print registers and data through the HTIF console
};

// Memory layout of generated programs.
constexpr uint32_t kGenCode = 0x80000000u;
constexpr uint32_t kGenVector = 0x80000100u;  // mtvec base (direct or vectored)
constexpr uint32_t kGenData = 0x80010000u;    // 2 KiB of random data, gp = +1 KiB
constexpr uint32_t kGenDataSize = 2048;
constexpr uint32_t kGenLog = 0x80011000u;     // trap log ring (mcause, mepc, mtval)
constexpr uint32_t kGenSig = 0x80011800u;     // final registers
constexpr uint32_t kGenTohost = 0x80012000u;
constexpr uint32_t kGenFromhost = 0x80012040u;

rv::ElfImage generate_program(const GenConfig& config);

}  // namespace isa
