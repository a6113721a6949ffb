// Waveform scenario rt_irq_to_task (tests/waves/scenarios/): the whole path
// device IRQ -> controller -> hart -> coroutine resumed, with the runtime's
// hw executor (docs/runtime.md). A coroutine awaits the packet-RX source
// (ATS-INTC irq 1); the executor finds nothing ready and sleeps in WFI. The
// simulator delivers one packet (--pkt-start); the device raises rx_irq, the
// controller moves the coroutine to the ready queue, the work line wakes the
// hart, the executor DEQs the task word and resumes the frame, and the
// coroutine's first store after the await is the anchor MARKER. The window
// looks back from that anchor to the device's interrupt edge, so neither
// boot code nor the packet's arrival cycle moves a golden line.
#include "bsp/ats_intc.h"
#include "bsp/pktdev.h"
#include "rt/awaitables.h"
#include "rt/executor.h"
#include "wave.h"

namespace pk = bsp::pktdev;

namespace {

constexpr uint32_t kRxIrq = bsp::intc::kSrcPktRx;
constexpr uint32_t kDescs = 2;
constexpr uint32_t kBufBytes = 64;

alignas(16) pk::Desc g_ring[kDescs];
alignas(4) uint8_t g_buf[kDescs * kBufBytes];
pk::RxRing g_rx;
volatile uint32_t g_resumed;
volatile uint32_t g_status;

rt::Task<void> waiter() {
  wave::anchor(9);  // about to wait (not the golden's anchor: the hart then idles)
  co_await rt::wait_irq(kRxIrq);
  wave::anchor(10);  // the first store after the resume: the golden's anchor
  pk::ack(pk::kIrqRx);
  const pk::Desc* d = g_rx.peek();
  g_status = d != nullptr ? d->status : 0;
  g_resumed = 1;
}

}  // namespace

int main() {
  rt::init();
  g_rx.init(g_ring, kDescs, g_buf, kBufBytes);
  pk::set_irq_enable(pk::kIrqRx);
  pk::enable(pk::kCtrlRxEn);
  rt::spawn(waiter(), 1);
  rt::run();
  wave::expect(g_resumed == 1, "the coroutine resumed after the packet", g_resumed);
  wave::expect((g_status & pk::kStDone) != 0, "the packet was delivered", g_status);
  bsp::puts("wave_rt_irq_task: PASS");
  return 0;
}
