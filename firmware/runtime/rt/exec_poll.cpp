// The poll executor: no interrupts at all. Between tasks (every next_ready)
// it reads the level of each device line a task has waited on and, while a
// line is high and a task waits on it, wakes the task; it expires sleepers
// by comparing mtime. Idle harts keep polling (no WFI).
//
// Levels, not edges: a sampled line can fall and rise again between two
// samples (the driver acknowledges, the next packet arrives), and an edge
// detector would miss that rise for good. A device line stays high until
// its driver acknowledges it, so "high while someone waits" loses nothing;
// drivers acknowledge before they drain (as they must for the ATS-INTC).
#include "bsp/ats_intc.h"
#include "bsp/pktdev.h"
#include "bsp/uart.h"
#include "rt/exec_common.h"
#include "rt/soft_sched.h"
#include "rt/timer.h"

namespace rt {
namespace soft {

namespace {
uint32_t g_watched;  // device sources some task has waited on (bit i: irq i)
}  // namespace

void after_ready() {}

void armed(uint32_t source) {
  if (source < 32 && ((g_watched >> source) & 1u) == 0) {
    __atomic_fetch_or(&g_watched, 1u << source, __ATOMIC_SEQ_CST);
  }
}

// Device lines as the ATS-INTC sees them: irq 0 UART (receive data with
// IER.RX), 1 packet RX, 2 packet TX (IRQ_STATUS & IRQ_ENABLE).
void before_deq() {
  namespace pk = bsp::pktdev;
  const uint32_t watched = __atomic_load_n(&g_watched, __ATOMIC_ACQUIRE);
  if (watched != 0) {
    uint32_t level = 0;
    if ((watched & 0x6u) != 0) level |= (pk::irq_status() & pk::read(pk::kIrqEnable) & 0x3u) << 1;
    if ((watched & 0x1u) != 0 && (bsp::uart::read(bsp::uart::kIer) & bsp::uart::kIerRx) != 0 &&
        bsp::uart::rx_ready()) {
      level |= 1u;
    }
    level &= watched;
    if (level != 0) {
      CriticalSection cs(g_lock);
      while (level != 0) {
        const uint32_t i = detail::lowest_bit(level);
        level &= level - 1;
        if (g_queue.has_waiters(i)) g_queue.fire(i);
      }
    }
  }
  timer::poll();
}

}  // namespace soft

InitInfo init() {
  InitInfo info = detail::init_common();
  soft::g_queue.reset();
  return info;
}

namespace detail {
uint32_t run_loop(uint32_t hart) {
  uint32_t resumed = 0;
  for (;;) {
    std::coroutine_handle<> h = next_ready();
    if (h != std::noop_coroutine()) {
      ++resumed;
      h.resume();
      continue;
    }
    if (live_tasks() == 0) break;
  }
  bsp::clint::set_msip(hart, false);  // the exit kick (no interrupt is enabled)
  return resumed;
}
}  // namespace detail

}  // namespace rt
