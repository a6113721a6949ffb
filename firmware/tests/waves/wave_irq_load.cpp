// Waveform scenario irq_during_load (tests/waves/scenarios/): the machine
// timer interrupt arrives while the core streams loads from the ATS-INTC
// (a slave that answers two cycles after the request), so a load is in
// flight when the interrupt line rises. The waveform shows which load
// completes, where the trap is taken (mepc) and that no load is issued
// twice: the core takes interrupts only between instructions.
#include "bsp/ats_intc.h"
#include "bsp/clint.h"
#include "bsp/trap.h"
#include "wave.h"

namespace in = bsp::intc;

volatile uint32_t g_irqs;
volatile uint32_t g_mepc;

extern "C" void trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
  if (mcause != bsp::cause::kMachineTimer) bsp::unexpected_trap(mcause, mepc, mtval);
  bsp::clint::disarm(0);
  g_irqs = g_irqs + 1;
  g_mepc = mepc;
}

extern "C" char wave_loads_begin[], wave_loads_end[];

int main() {
  constexpr uint32_t kDelay = 30;  // mtime ticks from the anchor to the timer edge
  const uintptr_t reg = in::kBase + ats_intc::kernel::kFree;
  bsp::irq::enable(bsp::irq::kMtie);
  bsp::irq::enable_global();
  const uint64_t deadline = bsp::clint::mtime() + kDelay;
  wave::anchor(7);
  bsp::clint::set_mtimecmp(0, deadline);
  // Sixteen dependent-free loads from a device register, back to back.
  asm volatile(
      ".globl wave_loads_begin\nwave_loads_begin:\n"
      ".rept 8\n lw t0, 0(%0)\n lw t1, 0(%0)\n.endr\n"
      ".globl wave_loads_end\nwave_loads_end:\n" ::"r"(reg)
      : "t0", "t1", "memory");
  bsp::irq::disable_global();
  const uint32_t mepc = g_mepc;
  wave::expect(g_irqs == 1, "one timer interrupt", g_irqs);
  wave::expect(mepc > reinterpret_cast<uintptr_t>(wave_loads_begin) &&
                   mepc < reinterpret_cast<uintptr_t>(wave_loads_end),
               "the interrupt was taken inside the load sequence", mepc);
  bsp::puts("wave_irq_load: PASS");
  return 0;
}
