// Waveform scenario wfi_exit_work (tests/waves/scenarios/): a task waits on
// hart 0's timer source, the hart executes WFI with only the work line
// enabled in mie and MIE off; the timer edge makes the task ready, the work
// line rises, the core leaves WFI without a trap and DEQs the task.
#include "bsp/ats_intc.h"
#include "bsp/clint.h"
#include "bsp/trap.h"
#include "wave.h"

namespace in = bsp::intc;

struct alignas(32) Frame {
  uint32_t pad[8];
};
Frame g_frame;

int main() {
  constexpr uint32_t kTimer = in::timer_source(0);
  constexpr uint32_t kDelay = 40;  // mtime ticks from the anchor to the timer edge
  const in::Process p0(0);
  in::set_hart_proc(0, 0);
  in::set_source(kTimer, 0);
  bsp::irq::enable(bsp::irq::kWork);  // WFI wakes on work; MIE off, so no trap
  const uint32_t w = in::task_word(&g_frame, 2);
  p0.wait(kTimer, w);
  const uint64_t deadline = bsp::clint::mtime() + kDelay;
  wave::anchor(8);
  bsp::clint::set_mtimecmp(0, deadline);
  bsp::wfi();
  const uint32_t d = p0.deq();
  bsp::clint::disarm(0);
  wave::expect(d == w, "the task woken by the timer is ready after WFI", d);
  bsp::puts("wave_wfi_work: PASS");
  return 0;
}
