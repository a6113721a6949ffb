// Simulation / test control page (docs/soc.md §3.7) at 0x1000_1000: exit
// code, a 64-bit cycle counter snapshot, trace markers and a console byte
// port. Present in simulation builds only.
#pragma once

#include <stdint.h>

#include "bsp/mmio.h"

namespace bsp::simctrl {

inline constexpr uintptr_t kBase = 0x10001000u;
inline constexpr uint32_t kExit = 0x000;     // w: exit code
inline constexpr uint32_t kCycleLo = 0x004;  // r: cycles [31:0]; latches [63:32]
inline constexpr uint32_t kCycleHi = 0x008;  // r: [63:32] latched by the last CYCLE_LO read
inline constexpr uint32_t kMarker = 0x00C;   // w: trace marker
inline constexpr uint32_t kConsole = 0x010;  // w: console byte

// Exit codes the BSP itself uses (programs return 0 = pass, anything else = fail).
inline constexpr int kExitPass = 0;
inline constexpr int kExitFail = 1;
inline constexpr int kExitTrap = 2;     // unexpected trap (bsp::unexpected_trap)
inline constexpr int kExitTimeout = 3;  // a program's own watchdog fired
inline constexpr int kExitAbort = 4;    // abort(), pure virtual call, ...

// Cycles since reset, as the SoC counts them (the same for every hart). Not
// atomic between harts: CYCLE_HI is latched per CYCLE_LO read of any hart.
inline uint64_t cycles() {
  const uint32_t lo = mmio::read32(kBase + kCycleLo);
  const uint32_t hi = mmio::read32(kBase + kCycleHi);
  return (uint64_t(hi) << 32) | lo;
}
inline uint32_t cycles32() { return mmio::read32(kBase + kCycleLo); }

// A marker in the simulator's trace / statistics (costs one store).
inline void marker(uint32_t value) { mmio::write32(kBase + kMarker, value); }

inline void console_putc(char c) { mmio::write32(kBase + kConsole, static_cast<uint8_t>(c)); }

// Ends the simulation with `code` (0 = pass): waits for the UART transmitter,
// writes EXIT, then the RISC-V test environment's tohost ((code << 1) | 1)
// for hosts that only watch tohost, then sleeps. See exit.cpp.
[[noreturn]] void exit(int code);

}  // namespace bsp::simctrl
