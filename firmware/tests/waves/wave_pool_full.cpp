// Waveform scenario pool_exhaustion (tests/waves/scenarios/): process 0, with
// bus errors enabled, fills the controller's entry pool; the anchor precedes
// the last accepted ENQ and the first rejected one. The rejected ENQ is
// answered with err (a precise store access fault in the core), sets
// ERR.FULL and raises the error interrupt line; the trap handler steps over
// the store. Then every entry is dequeued again.
#include "bsp/ats_intc.h"
#include "bsp/trap.h"
#include "wave.h"

namespace in = bsp::intc;

struct alignas(32) Frame {
  uint32_t pad[8];
};
Frame g_frame;

volatile uint32_t g_faults;
volatile uint32_t g_fault_cause;

extern "C" void trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
  if (mcause != bsp::cause::kStoreAccess) bsp::unexpected_trap(mcause, mepc, mtval);
  g_faults = g_faults + 1;
  g_fault_cause = mcause;
  bsp::csr_write<bsp::csr::kMepc>(mepc + 4);  // step over the faulting store
}

int main() {
  const in::Process p0(0);
  in::enable_process(0, true);  // rejected accesses answer with a bus error
  // The error interrupt line (PLIC source 4, not enabled there: only traced).
  in::kwrite(ats_intc::kernel::kCtrl, ats_intc::kernel::kCtrlErrIrqEnMask);
  in::set_hart_proc(0, 0);
  const uint32_t entries = in::config().num_entries;
  const uint32_t w = in::task_word(&g_frame, 4);  // the same word may be queued many times
  for (uint32_t i = 0; i + 1 < entries; ++i) p0.enq(w);
  wave::anchor(6);
  p0.enq(w);  // the last free entry
  p0.enq(w);  // rejected: the pool is empty
  const uint32_t free_after = in::free_entries();
  const uint32_t err = p0.err();
  wave::expect(g_faults == 1, "one store access fault", g_faults);
  wave::expect(free_after == 0, "no free entry left", free_after);
  wave::expect((err & ats_intc::err::kFull) != 0, "ERR.FULL set", err);
  p0.clear_err(err);
  in::kwrite(ats_intc::kernel::kCtrl, 0);
  uint32_t n = 0;
  while (p0.deq() != 0) ++n;
  wave::expect(n == entries, "every accepted entry dequeued", n);
  wave::expect(in::free_entries() == entries, "pool full again", in::free_entries());
  bsp::puts("wave_pool_full: PASS");
  return 0;
}
