// The hw executor: ready queues and wait queues live in the ATS-INTC.
//
// A hart's loop is DEQ -> resume; with nothing ready it sleeps in WFI with
// only the work line (mie bit 16) and MSIE enabled and MIE off: the line
// ends the WFI, no trap is taken, and the next DEQ returns the task the
// controller made ready. Device interrupts and doorbells never interrupt the
// hart: the controller moves the waiting task to the ready queue in hardware.
// Sleeps: a daemon task waits on hart 0's timer source (irq 3).
//
// With RT_HW_PROCESSES > 1 the tasks belong to several processes, slots
// RT_INTC_SLOT.. of the controller. The loop reads BEST (the process with the
// most urgent ready task), makes it the hart's process (HART_PROC, so that
// its DEQ sets RUN_PRIO and the preempt line watches the others) and DEQs
// from its page. A task that suspends while the preempt line is up returns to
// the loop instead of taking the next task of its own process: a more urgent
// task of another process runs at the next suspension point, not after the
// whole process has drained. Event sources belong to the first process; every
// process may SEND on every channel.
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

#if RT_HW_PROCESSES > 1
namespace hw {
uint8_t g_hart_proc[kMaxHarts];
uint32_t g_process_switches[kMaxHarts];
}  // namespace hw
#endif

bool cancel_wait(uint32_t source, uint32_t word) {
#if RT_HW_PROCESSES > 1
  const bsp::intc::Process p(RT_INTC_SLOT + tcb_of_frame(frame_of_word(word))->proc);
#else
  const bsp::intc::Process p(RT_INTC_SLOT);
#endif
  return p.cancel(source, word);
}

InitInfo init() {
  namespace in = bsp::intc;
  InitInfo info = detail::init_common();
  const uint32_t slot = RT_INTC_SLOT;
  uint32_t senders = 0;
  for (uint32_t p = 0; p < kProcesses; ++p) {
    if (slot + p != 0) in::enable_process(slot + p);
    in::set_affinity(slot + p, (1u << info.harts) - 1);
    senders |= 1u << (slot + p);
  }
  for (uint32_t h = 0; h < info.harts; ++h) in::set_hart_proc(h, slot);
  for (uint32_t i = 0; i < info.num_irqs; ++i) in::set_source(i, slot);
  for (uint32_t c = 0; c < info.num_channels; ++c) {
    in::set_source(in::channel_source(c), slot, false, senders);
  }
  spawn(timer_daemon(), 0, TaskType::kDaemon);
  return info;
}

namespace detail {
#if RT_HW_PROCESSES > 1
// The process with the most urgent ready task becomes the hart's process.
// False when no process has one.
bool switch_to_best(uint32_t hart) {
  namespace k = ats_intc::kernel;
  const uint32_t best = bsp::intc::kread(k::kBest);
  if ((best & k::kBestValidMask) == 0) return false;
  const uint32_t p = ((best & k::kBestProcMask) >> k::kBestProcShift) - RT_INTC_SLOT;
  // A slot the runtime did not enable (another program's) is not ours to run.
  if (p >= kProcesses) return false;
  if (p != hw::g_hart_proc[hart]) {
    hw::g_hart_proc[hart] = static_cast<uint8_t>(p);
    bsp::intc::set_hart_proc(hart, RT_INTC_SLOT + p);
    ++hw::g_process_switches[hart];
  }
  return true;
}
#endif

uint32_t run_loop(uint32_t hart) {
  bsp::irq::disable_global();
#if RT_HW_PROCESSES > 1
  bsp::irq::enable(bsp::irq::kWork | bsp::irq::kPreempt | bsp::irq::kMsie);
#else
  bsp::irq::enable(bsp::irq::kWork | bsp::irq::kMsie);
#endif
  uint32_t resumed = 0;
  for (;;) {
#if RT_HW_PROCESSES > 1
    if (!switch_to_best(hart)) {
      if (live_tasks() == 0) break;
      bsp::wfi();  // work or preempt (or the exit kick) ends it
      continue;
    }
#endif
    if (void* f = hw::deq_frame()) {
      ++resumed;
      std::coroutine_handle<>::from_address(f).resume();
      continue;
    }
    if (live_tasks() == 0) break;
    bsp::wfi();  // the work line (or the exit kick) ends it
  }
  bsp::irq::disable(bsp::irq::kWork | bsp::irq::kPreempt | bsp::irq::kMsie);
  bsp::clint::set_msip(hart, false);
  return resumed;
}
}  // namespace detail

}  // namespace rt
