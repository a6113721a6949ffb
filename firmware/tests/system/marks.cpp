// marks: the simulator's event log (soc_sim --events, docs/simulator.md
// "Event log") on known code. Run by tests/system (system_marks_*), which
// checks the log with scripts/rt_intervals.py:
//   * "line.start" -> "line.end" around 20 addi (no branch, no load: one
//     cycle each on the cores and on the ISS), three calls: exactly 20 cycles
//     each;
//   * "loop.body" passed 10 times;
//   * MARKER 0x5a written before the first call (marker:0x5a -> line.start);
//   * the UART's irq line (ATS-INTC irq 0) raised by enabling the THR-empty
//     interrupt (always empty in simulation) and lowered by disabling it: one
//     rising and one falling edge, after "irq.raise" and "irq.lower".
#include "bsp/mark.h"
#include "bsp/print.h"
#include "bsp/simctrl.h"
#include "bsp/uart.h"

namespace {

volatile uint32_t g_sink;

__attribute__((noinline)) void straight_line() {
  RT_MARK("line.start");  // the first addi
  asm volatile(".rept 20\n\taddi t0, t0, 1\n\t.endr" ::: "t0");
  RT_MARK("line.end");  // the instruction after the 20th: the ret
}

}  // namespace

int main() {
  bsp::simctrl::marker(0x5a);
  for (int i = 0; i < 3; ++i) straight_line();

  for (uint32_t i = 0; i < 10; ++i) {
    RT_MARK("loop.body");
    g_sink = g_sink + i;
  }

  namespace u = bsp::uart;
  RT_MARK("irq.raise");
  u::write(u::kIer, u::kIerThre);
  for (int i = 0; i < 8; ++i) g_sink = g_sink + 1;
  RT_MARK("irq.lower");
  u::write(u::kIer, 0);
  for (int i = 0; i < 8; ++i) g_sink = g_sink + 1;

  bsp::printf("marks: sink=%lu\n", static_cast<unsigned long>(g_sink));
  return 0;
}
