// Traps and interrupts: the handler every program may define, cause codes,
// and helpers for mstatus.MIE and the mie bits.
//
// crt0 points mtvec (direct mode) at __bsp_trap_entry (trap_entry.S), which
// saves ra, t0-t6 and a0-a7 on the current stack and calls trap_handler().
// The weak default (trap_default.cpp) prints the cause and exits with
// simctrl::kExitTrap. A program defines its own `trap_handler` to take
// interrupts; it calls bsp::unexpected_trap() for causes it does not expect.
// Handlers run with MIE clear (no nesting) on the interrupted hart's stack.
#pragma once

#include <stdint.h>

#include "bsp/hart.h"

extern "C" void trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval);

namespace bsp {

// mcause values (interrupts have bit 31 set).
namespace cause {
inline constexpr uint32_t kInterrupt = 0x80000000u;
inline constexpr uint32_t kMachineSoftware = kInterrupt | 3;
inline constexpr uint32_t kMachineTimer = kInterrupt | 7;
inline constexpr uint32_t kMachineExternal = kInterrupt | 11;  // PLIC
inline constexpr uint32_t kIntcWork = kInterrupt | 16;         // ATS-INTC work line
inline constexpr uint32_t kIntcPreempt = kInterrupt | 17;      // ATS-INTC preempt line
inline constexpr uint32_t kFetchMisaligned = 0;
inline constexpr uint32_t kFetchAccess = 1;
inline constexpr uint32_t kIllegal = 2;
inline constexpr uint32_t kBreakpoint = 3;
inline constexpr uint32_t kLoadMisaligned = 4;
inline constexpr uint32_t kLoadAccess = 5;
inline constexpr uint32_t kStoreMisaligned = 6;
inline constexpr uint32_t kStoreAccess = 7;
inline constexpr uint32_t kEcallU = 8;
inline constexpr uint32_t kEcallM = 11;
}  // namespace cause

// Prints the trap (hart, mcause with its name, mepc, mtval) on the UART and
// exits with simctrl::kExitTrap. What the weak trap_handler does.
[[noreturn]] void unexpected_trap(uint32_t mcause, uint32_t mepc, uint32_t mtval);

namespace irq {

// mie / mip bits.
inline constexpr uint32_t kMsie = 1u << 3;       // CLINT software interrupt
inline constexpr uint32_t kMtie = 1u << 7;       // CLINT timer
inline constexpr uint32_t kMeie = 1u << 11;      // PLIC context of this hart
inline constexpr uint32_t kWork = 1u << 16;      // ATS-INTC work[hart]
inline constexpr uint32_t kPreempt = 1u << 17;   // ATS-INTC preempt[hart]
inline constexpr uint32_t kMstatusMie = 1u << 3;

// Global enable (mstatus.MIE) of this hart.
inline void enable_global() { csr_set<csr::kMstatus>(kMstatusMie); }
inline void disable_global() { csr_clear<csr::kMstatus>(kMstatusMie); }
// Disables and returns whether interrupts were enabled (for restore()).
inline bool save_disable() { return (csr_clear<csr::kMstatus>(kMstatusMie) & kMstatusMie) != 0; }
inline void restore(bool was_enabled) {
  if (was_enabled) enable_global();
}

// Individual sources in mie (k* bits above, or-ed).
inline void enable(uint32_t mie_bits) { csr_set<csr::kMie>(mie_bits); }
inline void disable(uint32_t mie_bits) { csr_clear<csr::kMie>(mie_bits); }
// The interrupt lines as the core sees them now (mip).
inline uint32_t pending() { return csr_read<csr::kMip>(); }

// Sleeps until one of the sources enabled in mie is pending. With MIE clear
// the hart just continues after the WFI (no trap): the race-free way to wait
// for a level such as the ATS-INTC work line.
inline void wait_for_interrupt() { wfi(); }

}  // namespace irq
}  // namespace bsp
