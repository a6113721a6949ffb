// The default trap handler: any trap is unexpected unless a program defines
// its own trap_handler (see trap.h).
#include "bsp/hart.h"
#include "bsp/print.h"
#include "bsp/simctrl.h"
#include "bsp/trap.h"

namespace bsp {
namespace {

uint32_t g_in_fatal;  // bit h: hart h is already reporting a trap

const char* cause_name(uint32_t mcause) {
  switch (mcause) {
    case cause::kMachineSoftware: return "machine software interrupt";
    case cause::kMachineTimer: return "machine timer interrupt";
    case cause::kMachineExternal: return "machine external interrupt (PLIC)";
    case cause::kIntcWork: return "ATS-INTC work interrupt";
    case cause::kIntcPreempt: return "ATS-INTC preempt interrupt";
    case cause::kFetchMisaligned: return "instruction address misaligned";
    case cause::kFetchAccess: return "instruction access fault";
    case cause::kIllegal: return "illegal instruction";
    case cause::kBreakpoint: return "breakpoint";
    case cause::kLoadMisaligned: return "load address misaligned";
    case cause::kLoadAccess: return "load access fault";
    case cause::kStoreMisaligned: return "store/AMO address misaligned";
    case cause::kStoreAccess: return "store/AMO access fault";
    case cause::kEcallU: return "ecall from U-mode";
    case cause::kEcallM: return "ecall from M-mode";
    default: return "unknown";
  }
}

}  // namespace

void unexpected_trap(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
  const uint32_t hart = hart_id();
  if ((atomic_fetch_or(&g_in_fatal, 1u << (hart & 31)) & (1u << (hart & 31))) != 0) {
    // A trap while reporting one (e.g. no sim control page): stop here.
    for (;;) wfi();
  }
  printf("TRAP hart %lu: mcause=0x%08lx (%s) mepc=0x%08lx mtval=0x%08lx\n", hart, mcause,
         cause_name(mcause), mepc, mtval);
  simctrl::exit(simctrl::kExitTrap);
}

}  // namespace bsp

extern "C" __attribute__((weak)) void trap_handler(uint32_t mcause, uint32_t mepc,
                                                   uint32_t mtval) {
  bsp::unexpected_trap(mcause, mepc, mtval);
}
