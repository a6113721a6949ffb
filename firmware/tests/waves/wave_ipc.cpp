// Waveform scenarios ipc_send_waiter and ipc_send_no_waiter
// (tests/waves/scenarios/): process 1 SENDs on channel 0, owned by process 0.
// Anchor 4: a task of process 0 waits on the channel; the SEND moves it to
// process 0's ready queue and raises the work line. Anchor 5: nobody waits;
// the SEND increments the channel's pending counter, and the WAIT that
// follows makes the task ready at once and consumes the event.
#include "bsp/ats_intc.h"
#include "bsp/trap.h"
#include "wave.h"

namespace in = bsp::intc;

struct alignas(32) Frame {
  uint32_t pad[8];
};
Frame g_frames[2];

int main() {
  const in::Process p0(0), p1(1);
  constexpr uint32_t kChan = in::channel_source(0);
  in::enable_process(1);
  in::set_hart_proc(0, 0);
  in::set_source(kChan, 0, false, 1u << 1);  // owner 0, wake-one, sender: process 1
  bsp::irq::enable(bsp::irq::kWork);

  const uint32_t wa = in::task_word(&g_frames[0], 1);
  p0.wait(kChan, wa);
  wave::anchor(4);
  p1.send(kChan);
  while ((bsp::irq::pending() & bsp::irq::kWork) == 0) {
  }
  const uint32_t da = p0.deq();
  wave::expect(da == wa, "SEND with a waiter: the waiter is ready", da);

  const uint32_t wb = in::task_word(&g_frames[1], 2);
  wave::anchor(5);
  p1.send(kChan);
  const uint32_t pend = in::pending_count(kChan);
  p0.wait(kChan, wb);
  const uint32_t db = p0.deq();
  wave::expect(pend == 1, "SEND without a waiter: PENDING = 1", pend);
  wave::expect(db == wb, "WAIT on a pending event: the task is ready at once", db);
  wave::expect(in::pending_count(kChan) == 0, "the WAIT consumed the event", 0);
  bsp::puts("wave_ipc: PASS");
  return 0;
}
