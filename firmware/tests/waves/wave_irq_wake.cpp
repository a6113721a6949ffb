// Waveform scenarios irq_wake_one and irq_broadcast (tests/waves/scenarios/):
// three tasks WAIT on hart 0's machine-timer source (ATS-INTC irq 3), the
// timer fires, and the controller moves the oldest waiter (wake-one, anchor
// 2) or all three, one per cycle (broadcast, anchor 3), to the ready queue;
// the hart polls mip for the work line and DEQs. The same program runs both
// modes, one after the other, each with its own anchor.
#include "bsp/ats_intc.h"
#include "bsp/clint.h"
#include "bsp/trap.h"
#include "wave.h"

namespace in = bsp::intc;

struct alignas(32) Frame {
  uint32_t pad[8];
};
Frame g_frames[3];

namespace {

constexpr uint32_t kTimer = in::timer_source(0);
constexpr uint32_t kTimerDelay = 24;  // mtime ticks from the anchor to the timer edge

void wait_for_work() {
  while ((bsp::irq::pending() & bsp::irq::kWork) == 0) {
  }
}

void run(bool broadcast, uint32_t anchor_id) {
  const in::Process p0(0);
  in::set_source(kTimer, 0, broadcast);
  const uint32_t w[3] = {in::task_word(&g_frames[0], 3), in::task_word(&g_frames[1], 1),
                         in::task_word(&g_frames[2], 3)};
  for (uint32_t x : w) p0.wait(kTimer, x);
  const uint64_t deadline = bsp::clint::mtime() + kTimerDelay;
  wave::anchor(anchor_id);
  bsp::clint::set_mtimecmp(0, deadline);
  wait_for_work();
  const uint32_t d0 = p0.deq();
  const uint32_t d1 = p0.deq();
  bsp::clint::disarm(0);
  if (broadcast) {
    const uint32_t d2 = p0.deq();
    wave::expect(d0 == w[1], "broadcast: 1st DEQ is the prio-1 task", d0);
    wave::expect(d1 == w[0], "broadcast: 2nd DEQ is the oldest prio-3 task", d1);
    wave::expect(d2 == w[2], "broadcast: 3rd DEQ is the younger prio-3 task", d2);
    wave::expect(p0.deq() == 0, "broadcast: nothing else ready", 0);
  } else {
    wave::expect(d0 == w[0], "wake-one: the oldest waiter is ready", d0);
    wave::expect(d1 == 0, "wake-one: only one waiter woke", d1);
    // Clean up: the two other waiters leave the wait queue.
    wave::expect(p0.cancel(kTimer, w[1]) && p0.cancel(kTimer, w[2]), "wake-one: CANCEL", 0);
  }
}

}  // namespace

int main() {
  in::set_hart_proc(0, 0);
  bsp::irq::enable(bsp::irq::kWork);  // visible in mip; MIE stays off
  run(false, 2);
  run(true, 3);
  bsp::puts("wave_irq_wake: PASS");
  return 0;
}
