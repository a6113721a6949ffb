// The sw executor: the baseline of a PLIC and a software scheduler.
//
// Ready and wait queues are rt::SoftQueue under one lock. Device interrupts
// go through the PLIC to hart 0 (context 0): the handler claims the source,
// masks it and moves the waiting task to the ready queue; the task that waits
// again unmasks and completes it (one-shot, as Linux's threaded handlers do
// with IRQF_ONESHOT). The PLIC ignores a completion for a source the context
// does not enable, so unmask comes before complete. Sleeps: the CLINT timer interrupt of hart 0 runs the
// timer service. A hart with nothing ready sleeps in WFI; a task made ready
// for it (a doorbell from another hart, an interrupt handled on hart 0)
// wakes it with a CLINT software interrupt.
//
// With RT_PREEMPT_QUANTUM (sw-preempt) hart 0's timer also ticks every
// quantum; the tick handler runs every ready task at least as urgent as the
// interrupted one on the interrupted stack (a preempting dispatch, nested at
// most kMaxNest deep), then returns to it.
#include "bsp/ats_intc.h"
#include "bsp/plic.h"
#include "bsp/trap.h"
#include "rt/exec_common.h"
#include "rt/soft_sched.h"
#include "rt/task.h"
#include "rt/timer.h"

namespace rt {
namespace soft {

namespace {
uint32_t g_idle_mask;  // bit h: hart h sleeps (or is about to) in WFI
uint32_t g_claimed;    // PLIC sources claimed and masked, not yet completed
}


void after_ready() {
  if (detail::g_harts == 1) return;  // nobody else to wake
  const uint32_t idle = __atomic_load_n(&g_idle_mask, __ATOMIC_ACQUIRE) & ~(1u << this_hart());
  if (idle == 0) return;
  for (uint32_t h = 0; h < detail::g_harts; ++h) {
    if ((idle >> h) & 1u) bsp::clint::set_msip(h, true);
  }
}

void before_deq() {}

// PLIC source of an event source (device IRQ i is PLIC source i + 1).
void armed(uint32_t source) {
  if (source < 3) {
    const uint32_t s = source + 1;  // g_lock is held: enable word RMW, g_claimed
    bsp::plic::enable(0, s);
    if ((g_claimed >> s) & 1u) {
      g_claimed &= ~(1u << s);
      bsp::plic::complete(0, s);
    }
  }
}

void claimed(uint32_t s) {
  CriticalSection cs(g_lock);
  bsp::plic::disable(0, s);
  g_claimed |= 1u << s;
}

}  // namespace soft

namespace {

constexpr uint32_t kMaxNest = 3;
uint32_t g_nest;     // hart 0: depth of preempting dispatches
uint32_t g_in_task;  // hart 0: a task runs (not the executor loop or its idle path)

void preempting_dispatch() {
  const uint32_t hart = 0;
  // Only a running task is preempted: in the executor loop g_running_prio is
  // the priority of a task that has already suspended.
  if (g_in_task == 0) return;
  const uint32_t floor = soft::g_running_prio[hart];
  {
    CriticalSection cs(soft::g_lock);
    if (soft::g_queue.best_prio() > floor || g_nest >= kMaxNest) return;
  }
  // mepc / mstatus belong to the interrupted task: nested traps overwrite them.
  const uint32_t mepc = bsp::csr_read<bsp::csr::kMepc>();
  const uint32_t mstatus = bsp::csr_read<bsp::csr::kMstatus>();
  const uint32_t saved_floor = soft::g_floor[hart];
  ++g_nest;
  soft::g_floor[hart] = floor;
  bsp::irq::enable_global();
  for (;;) {
    std::coroutine_handle<> h = next_ready();
    if (h == std::noop_coroutine()) break;
    h.resume();
    g_in_task = 1;  // back in the preempted task's dispatch
  }
  bsp::irq::disable_global();
  soft::g_floor[hart] = saved_floor;
  soft::g_running_prio[hart] = floor;
  --g_nest;
  bsp::csr_write<bsp::csr::kMepc>(mepc);
  bsp::csr_write<bsp::csr::kMstatus>(mstatus);
}

}  // namespace

InitInfo init() {
  namespace pl = bsp::plic;
  InitInfo info = detail::init_common();
  soft::g_queue.reset();
  for (uint32_t s = 1; s <= 3; ++s) {
    pl::set_priority(s, 1);
    pl::disable(0, s);
  }
  pl::set_threshold(0, 0);
  timer::service();  // programs the timer (sw-preempt: starts the tick)
  return info;
}

namespace detail {
uint32_t run_loop(uint32_t hart) {
  const uint32_t bit = 1u << hart;
  bsp::irq::disable_global();
  uint32_t mie = bsp::irq::kMsie;
  if (hart == 0) mie |= bsp::irq::kMeie | bsp::irq::kMtie;
  bsp::irq::enable(mie);
  uint32_t resumed = 0;
  for (;;) {
    std::coroutine_handle<> h = next_ready();  // MIE is off here
    if (h != std::noop_coroutine()) {
      ++resumed;
      g_in_task = 1;
      bsp::irq::enable_global();
      h.resume();
      bsp::irq::disable_global();
      g_in_task = 0;
      continue;
    }
    if (live_tasks() == 0) break;
    __atomic_fetch_or(&soft::g_idle_mask, bit, __ATOMIC_SEQ_CST);
    bool empty;
    {
      CriticalSection cs(soft::g_lock);
      empty = soft::g_queue.empty();
    }
    if (empty && live_tasks() != 0) bsp::wfi();
    __atomic_fetch_and(&soft::g_idle_mask, ~bit, __ATOMIC_SEQ_CST);
    bsp::irq::enable_global();  // the pending interrupt is taken here
    bsp::irq::disable_global();
  }
  bsp::irq::disable(mie);
  bsp::clint::set_msip(hart, false);
  bsp::irq::enable_global();
  return resumed;
}
}  // namespace detail

}  // namespace rt

extern "C" void trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
  namespace pl = bsp::plic;
  switch (mcause) {
    case bsp::cause::kMachineExternal: {
      while (const uint32_t s = pl::claim(0)) {
        if (s <= 3) {
          rt::soft::claimed(s);  // masked until the task waits again
          rt::soft::fire(s - 1);
        } else {
          pl::complete(0, s);  // not ours (the ATS-INTC error line)
        }
      }
      return;
    }
    case bsp::cause::kMachineTimer:
      rt::timer::service();
      if constexpr (rt::kPreemptQuantum != 0) rt::preempting_dispatch();
      return;
    case bsp::cause::kMachineSoftware:
      bsp::clint::set_msip(bsp::hart_id(), false);
      return;
    default:
      bsp::unexpected_trap(mcause, mepc, mtval);
  }
}
