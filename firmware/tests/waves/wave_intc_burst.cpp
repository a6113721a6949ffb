// Waveform scenario intc_enq_deq_burst (tests/waves/scenarios/): four ENQ
// stores back to back, then five DEQ loads back to back (the last finds the
// queue empty). Shows the controller's pipelining (gnt, rvalid one cycle
// after the accepting edge), the free-list length, the ready-list bitmap and
// the work line rising with the first task and falling after the last DEQ.
#include "bsp/ats_intc.h"
#include "wave.h"

namespace in = bsp::intc;

struct alignas(32) Frame {
  uint32_t pad[8];
};
Frame g_frames[4];

int main() {
  const in::Process p0(0);
  in::set_hart_proc(0, 0);
  const uint32_t w0 = in::task_word(&g_frames[0], 2), w1 = in::task_word(&g_frames[1], 0),
                 w2 = in::task_word(&g_frames[2], 2), w3 = in::task_word(&g_frames[3], 1);
  wave::anchor(1);
  p0.enq(w0);
  p0.enq(w1);
  p0.enq(w2);
  p0.enq(w3);
  const uint32_t d0 = p0.deq(), d1 = p0.deq(), d2 = p0.deq(), d3 = p0.deq(), d4 = p0.deq();
  wave::expect(d0 == w1, "1st DEQ is the prio-0 task", d0);
  wave::expect(d1 == w3, "2nd DEQ is the prio-1 task", d1);
  wave::expect(d2 == w0, "3rd DEQ is the older prio-2 task", d2);
  wave::expect(d3 == w2, "4th DEQ is the younger prio-2 task", d3);
  wave::expect(d4 == 0, "5th DEQ finds the queue empty", d4);
  bsp::puts("wave_intc_burst: PASS");
  return 0;
}
