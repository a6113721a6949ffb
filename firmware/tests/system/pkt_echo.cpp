// pkt_echo: packet echo under load, polling (no interrupts).
//
// RX ring of kRing descriptors with kBufBytes buffers, TX ring of kRing. For
// each received packet (payload words: 0 service cycles, 1 sequence number =
// descriptor tag, 2 total packets of the run) the hart busy-waits the service
// time, then posts a TX reply with the same tag and returns the RX buffer.
// Packets the device could not place (ring full) count in RX_DROPS. When
// replies + RX_DROPS >= total and every reply completed, prints
// "echo: replied=R drops=D early_drops=E" and exits 0: D counts drops while
// the server ran, E those before it enabled RX (the generator may start at
// cycle 0). The test checks D: 0 at low load, > 0 in overload. Also checked:
// sequence numbers increase, replies + drops = total, RX_PKTS = replies,
// TX_PKTS = replies, no DMA errors.
#include "bsp/boot.h"
#include "bsp/hart.h"
#include "bsp/pktdev.h"
#include "bsp/print.h"
#include "bsp/simctrl.h"
#include "check.h"

namespace {

namespace pk = bsp::pktdev;

constexpr uint32_t kRing = 16;
constexpr uint32_t kBufBytes = 512;

alignas(16) pk::Desc g_rx_desc[kRing] BSP_NOINIT;  // written by RxRing::init
alignas(16) pk::Desc g_tx_desc[kRing] BSP_NOINIT;  // written by TxRing::init
alignas(16) uint8_t g_rx_buf[kRing * kBufBytes] BSP_NOINIT;
alignas(16) uint32_t g_tx_buf[kRing][4] BSP_NOINIT;  // written before each send

}  // namespace

int main() {
  pk::RxRing rx;
  pk::TxRing tx;
  rx.init(g_rx_desc, kRing, g_rx_buf, kBufBytes);
  tx.init(g_tx_desc, kRing);
  pk::enable(pk::kCtrlRxEn | pk::kCtrlTxEn);
  // Packets that arrived before RX was enabled were dropped by the device;
  // they are reported apart (the server cannot be blamed for them).
  const uint32_t early_drops = pk::rx_drops();
  const uint32_t enabled_at = bsp::simctrl::cycles32();
  bsp::printf("pkt_echo: polling (RX enabled at cycle %lu)\n", enabled_at);

  uint32_t total = 0, replied = 0, tx_done = 0, order_errors = 0, truncated = 0;
  uint32_t last_seq = 0;
  bool first = true;
  uint64_t busy_cycles = 0;
  systest::Deadline watchdog(40000000);
  for (;;) {
    tx_done += tx.reap();
    if (pk::Desc* d = rx.peek()) {
      const uint32_t st = d->status;
      const uint32_t* p = rx.payload(d);
      const uint32_t tag = d->tag;
      uint32_t service = 0, seq = tag;
      if ((st & pk::kStTrunc) != 0) ++truncated;
      if ((st & pk::kStLenMask) < 12) {
        bsp::printf("FAIL packet of %lu bytes: the payload must hold 3 words (--pkt-size >= 12)\n",
                    st & pk::kStLenMask);
        bsp::simctrl::exit(bsp::simctrl::kExitFail);
      }
      service = p[0];
      seq = p[1];
      if (total == 0) total = p[2];
      if (seq != tag || (!first && seq <= last_seq)) ++order_errors;
      last_seq = seq;
      first = false;
      const uint32_t t0 = bsp::cycle32();
      bsp::spin_cycles(service);
      busy_cycles += bsp::cycle32() - t0;
      while (tx.space() == 0) tx_done += tx.reap();
      const uint32_t slot = tx.next_slot();
      g_tx_buf[slot][0] = tag;
      g_tx_buf[slot][1] = seq;
      tx.send(reinterpret_cast<uintptr_t>(g_tx_buf[slot]), 16, tag);
      rx.pop();
      ++replied;
      continue;
    }
    const uint32_t all_drops = pk::rx_drops();
    if (total != 0 && replied + all_drops >= total && tx.idle()) break;
    if (watchdog.expired()) {
      bsp::printf("pkt_echo: replied=%lu drops=%lu total=%lu tx_done=%lu\n", replied,
                  all_drops, total, tx_done);
      systest::timeout("packets");
    }
  }
  const uint32_t all_drops = pk::rx_drops();
  const uint32_t drops = all_drops - early_drops;
  const uint32_t rx_pkts = pk::rx_pkts();
  const uint32_t tx_pkts = pk::tx_pkts();
  bsp::printf("echo: replied=%lu drops=%lu early_drops=%lu\n", replied, drops, early_drops);
  bsp::printf("pkt_echo: total=%lu rx_pkts=%lu tx_pkts=%lu busy=%lu cycles truncated=%lu\n",
              total, rx_pkts, tx_pkts, static_cast<uint32_t>(busy_cycles), truncated);
  CHECK(order_errors == 0, "%lu sequence errors", order_errors);
  CHECK(replied + all_drops == total, "replied %lu + drops %lu != total %lu", replied, all_drops,
        total);
  CHECK(rx_pkts == replied, "RX_PKTS %lu, replied %lu", rx_pkts, replied);
  CHECK(tx_pkts == replied && tx_done == replied, "TX_PKTS %lu, reaped %lu, replied %lu",
        tx_pkts, tx_done, replied);
  CHECK(tx.errors() == 0, "%lu TX errors", tx.errors());
  bsp::puts("pkt_echo: PASS");
  return 0;
}
