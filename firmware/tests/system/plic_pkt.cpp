// plic_pkt: packet RX and TX-completion interrupts routed through the PLIC.
//
// Run with e.g. `--pkt-count 8 --pkt-rate 1`. RX ring of kRing descriptors
// (more than the packets the test expects, so none may drop), TX ring of
// kRing; packet device IRQ_ENABLE = RX | TX; PLIC sources 2 (RX) and 3 (TX)
// at priority 1, enabled for context 0, threshold 0; mie.MEIE.
//
// The RX handler acknowledges IRQ_STATUS.RX first and then drains the ring
// into a software queue; main replies to each packet after its service time
// (payload word 0) with a TX descriptor carrying the packet's tag. The TX
// handler acknowledges IRQ_STATUS.TX and reaps completed descriptors. Exit 0
// when every packet (payload word 2 = total) was received (or dropped before
// RX was enabled: the generator may start at cycle 0) and replied to, and
// every reply completed. Checks: claims name only sources 2 and 3; payload
// word 1 (sequence) equals the descriptor tag; sequence numbers arrive in
// order without gaps once RX is on; RX_PKTS = TX_PKTS = received; no drops
// with RX on; no DMA errors.
#include "bsp/boot.h"
#include "bsp/hart.h"
#include "bsp/pktdev.h"
#include "bsp/plic.h"
#include "bsp/print.h"
#include "bsp/trap.h"
#include "check.h"

namespace {

namespace pk = bsp::pktdev;

constexpr uint32_t kRing = 16;
constexpr uint32_t kBufBytes = 512;

alignas(16) pk::Desc g_rx_desc[kRing] BSP_NOINIT;  // written by RxRing::init
alignas(16) pk::Desc g_tx_desc[kRing] BSP_NOINIT;  // written by TxRing::init
alignas(16) uint8_t g_rx_buf[kRing * kBufBytes] BSP_NOINIT;
alignas(16) uint32_t g_tx_buf[kRing][4] BSP_NOINIT;  // written before each send
pk::RxRing g_rx;
pk::TxRing g_tx;

struct Request {
  uint32_t service;
  uint32_t tag;
};
Request g_queue[kRing];  // received, not yet replied (filled by the RX handler)
volatile uint32_t g_q_head, g_q_tail;

volatile uint32_t g_total;     // from payload word 2 (0 until the first packet)
volatile uint32_t g_received;
volatile uint32_t g_next_seq;  // expected sequence number
volatile uint32_t g_seq_errors;
volatile uint32_t g_tx_done;
volatile uint32_t g_rx_irqs, g_tx_irqs, g_bad_claims, g_truncated;

// Moves filled RX descriptors into the software queue while it has room
// (called with interrupts off: from the handler, or from main).
void rx_drain() {
  while (g_q_tail - g_q_head < kRing) {
    pk::Desc* d = g_rx.peek();
    if (d == nullptr) break;
    const uint32_t st = d->status;
    const uint32_t len = st & pk::kStLenMask;
    const uint32_t* p = g_rx.payload(d);
    if (len < 12) {
      bsp::printf("FAIL packet of %lu bytes: the payload must hold 3 words (--pkt-size >= 12)\n",
                  len);
      bsp::simctrl::exit(bsp::simctrl::kExitFail);
    }
    if ((st & pk::kStTrunc) != 0) g_truncated = g_truncated + 1;
    const uint32_t service = p[0], seq = p[1], total = p[2];
    // The first packet may follow early drops; after it, no gaps.
    if (seq != d->tag || (g_received != 0 && seq != g_next_seq)) g_seq_errors = g_seq_errors + 1;
    g_next_seq = seq + 1;
    if (g_total == 0) g_total = total;
    g_queue[g_q_tail % kRing] = Request{service, d->tag};
    g_q_tail = g_q_tail + 1;
    g_received = g_received + 1;
    g_rx.pop();
  }
}

void rx_irq() {
  pk::ack(pk::kIrqRx);  // first: a packet arriving during the drain re-raises the line
  g_rx_irqs = g_rx_irqs + 1;
  rx_drain();
}

void tx_irq() {
  pk::ack(pk::kIrqTx);
  g_tx_irqs = g_tx_irqs + 1;
  g_tx_done = g_tx_done + g_tx.reap();
}

}  // namespace

extern "C" void trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
  if (mcause != bsp::cause::kMachineExternal) bsp::unexpected_trap(mcause, mepc, mtval);
  for (;;) {
    const uint32_t src = bsp::plic::claim(0);
    if (src == 0) return;
    if (src == bsp::plic::kSrcPktRx) {
      rx_irq();
    } else if (src == bsp::plic::kSrcPktTx) {
      tx_irq();
    } else {
      g_bad_claims = g_bad_claims + 1;
    }
    bsp::plic::complete(0, src);
  }
}

int main() {
  // Set up before printing anything: the traffic generator may start at
  // cycle 0, and packets that arrive while RX is off are dropped.
  const uint32_t id = pk::read(pk::kId);
  g_rx.init(g_rx_desc, kRing, g_rx_buf, kBufBytes);
  g_tx.init(g_tx_desc, kRing);
  bsp::plic::set_priority(bsp::plic::kSrcPktRx, 1);
  bsp::plic::set_priority(bsp::plic::kSrcPktTx, 1);
  bsp::plic::set_threshold(0, 0);
  bsp::plic::enable(0, bsp::plic::kSrcPktRx);
  bsp::plic::enable(0, bsp::plic::kSrcPktTx);
  pk::set_irq_enable(pk::kIrqRx | pk::kIrqTx | pk::kIrqErr);
  pk::enable(pk::kCtrlRxEn | pk::kCtrlTxEn);
  // Packets that arrived before RX was on were dropped by the device.
  const uint32_t early_drops = pk::rx_drops();
  bsp::irq::enable(bsp::irq::kMeie);
  bsp::irq::enable_global();
  bsp::printf("plic_pkt: packet device id 0x%08lx, RX on\n", id);
  CHECK(id == pk::kIdValue, "packet device id 0x%08lx", id);

  uint32_t replied = 0;
  systest::Deadline watchdog(4000000);
  for (;;) {
    // Reply to everything received so far, with interrupts on: the handlers
    // only append to the queue and reap the TX ring.
    while (g_q_head != g_q_tail) {
      const Request r = g_queue[g_q_head % kRing];
      bsp::spin_cycles(r.service);
      for (;;) {
        bsp::irq::disable_global();
        const uint32_t slot = g_tx.next_slot();
        g_tx_buf[slot][0] = r.tag;
        const bool ok = g_tx.send(reinterpret_cast<uintptr_t>(g_tx_buf[slot]), 16, r.tag);
        if (!ok) bsp::wfi();  // ring full: sleep until a TX completion is pending
        bsp::irq::enable_global();
        if (ok) break;
      }
      g_q_head = g_q_head + 1;
      ++replied;
    }
    // Sleep until an interrupt is pending; MIE off around the check so a
    // completion between the check and the WFI cannot be missed.
    bsp::irq::disable_global();
    rx_drain();  // descriptors left behind while the queue was full
    const uint32_t total = g_total;
    const bool done = total != 0 && g_received + pk::rx_drops() >= total &&
                      replied == g_received && g_tx_done == replied;
    if (!done && g_q_head == g_q_tail) bsp::wfi();
    bsp::irq::enable_global();
    if (done) break;
    if (watchdog.expired()) {
      bsp::printf("plic_pkt: received=%lu replied=%lu tx_done=%lu total=%lu drops=%lu\n",
                  g_received, replied, g_tx_done, total, pk::rx_drops());
      systest::timeout("packets");
    }
  }
  bsp::irq::disable_global();

  const uint32_t drops = pk::rx_drops() - early_drops;
  const uint32_t rx_pkts = pk::rx_pkts();
  const uint32_t tx_pkts = pk::tx_pkts();
  bsp::printf("plic_pkt: total=%lu received=%lu replied=%lu tx_done=%lu drops=%lu "
              "early_drops=%lu\n",
              g_total, g_received, replied, g_tx_done, drops, early_drops);
  bsp::printf("plic_pkt: rx_irqs=%lu tx_irqs=%lu\n", g_rx_irqs, g_tx_irqs);
  CHECK(g_bad_claims == 0, "%lu claims of other sources", g_bad_claims);
  CHECK(g_seq_errors == 0, "%lu sequence errors", g_seq_errors);
  CHECK(drops == 0, "%lu drops with RX on", drops);
  CHECK(g_received + early_drops == g_total, "received %lu + early drops %lu of %lu", g_received,
        early_drops, g_total);
  CHECK(g_tx_done == g_received, "%lu TX completions for %lu replies", g_tx_done, g_received);
  CHECK(rx_pkts == g_received && tx_pkts == g_received, "RX_PKTS %lu TX_PKTS %lu", rx_pkts,
        tx_pkts);
  CHECK(g_tx.errors() == 0, "%lu TX descriptors with ERR", g_tx.errors());
  CHECK((pk::irq_status() & pk::kIrqErr) == 0, "IRQ_STATUS.ERR set");
  CHECK(g_rx_irqs >= 1 && g_tx_irqs >= 1, "rx_irqs %lu tx_irqs %lu", g_rx_irqs, g_tx_irqs);
  bsp::puts("plic_pkt: PASS");
  return 0;
}
