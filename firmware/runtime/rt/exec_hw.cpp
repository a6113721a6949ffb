// The hw executor: ready queues and wait queues live in the ATS-INTC.
//
// A hart's loop is DEQ -> resume; with nothing ready it sleeps in WFI with
// only the work line (mie bit 16) and MSIE enabled and MIE off: the line
// ends the WFI, no trap is taken, and the next DEQ returns the task the
// controller made ready. Device interrupts and doorbells never interrupt the
// hart: the controller moves the waiting task to the ready queue in hardware.
// Sleeps: a daemon task waits on hart 0's timer source (irq 3).
#include "bsp/ats_intc.h"
#include "bsp/trap.h"
#include "rt/awaitables.h"
#include "rt/exec_common.h"
#include "rt/task.h"
#include "rt/timer.h"

namespace rt {
namespace {

Task<void> timer_daemon() {
  for (;;) {
    co_await wait_irq(bsp::intc::timer_source(0));
    timer::service();
  }
}

}  // namespace

bool cancel_wait(uint32_t source, uint32_t word) {
  const bsp::intc::Process p(RT_INTC_SLOT);
  return p.cancel(source, word);
}

InitInfo init() {
  namespace in = bsp::intc;
  InitInfo info = detail::init_common();
  const uint32_t slot = RT_INTC_SLOT;
  if (slot != 0) in::enable_process(slot);
  in::set_affinity(slot, (1u << info.harts) - 1);
  for (uint32_t h = 0; h < info.harts; ++h) in::set_hart_proc(h, slot);
  for (uint32_t i = 0; i < info.num_irqs; ++i) in::set_source(i, slot);
  for (uint32_t c = 0; c < info.num_channels; ++c) {
    in::set_source(in::channel_source(c), slot, false, 1u << slot);
  }
  spawn(timer_daemon(), 0, TaskType::kDaemon);
  return info;
}

namespace detail {
uint32_t run_loop(uint32_t hart) {
  bsp::irq::disable_global();
  bsp::irq::enable(bsp::irq::kWork | bsp::irq::kMsie);
  uint32_t resumed = 0;
  for (;;) {
    const uint32_t w = bsp::mmio::read32(hw::kPage + ats_intc::process::kDeq);
    if (w != 0) {
      ++resumed;
      std::coroutine_handle<>::from_address(frame_of_word(w)).resume();
      continue;
    }
    if (live_tasks() == 0) break;
    bsp::wfi();  // the work line (or the exit kick) ends it
  }
  bsp::irq::disable(bsp::irq::kWork | bsp::irq::kMsie);
  bsp::clint::set_msip(hart, false);
  return resumed;
}
}  // namespace detail

}  // namespace rt
