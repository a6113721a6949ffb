// echo: a packet echo server plus a background computation on the coroutine
// runtime, the same source for every executor (echo_hw / _sw / _swp / _poll).
// It is the `make run` demo and the workload of the tail-latency benchmark
// (scripts/rt_latency.sh; docs/evaluation.md).
//
//   rx          prio 0      waits on packet RX (ATS-INTC irq 1 / PLIC source
//                           2), acknowledges and drains the RX ring; each
//                           packet becomes a request {tag, service cycles}
//                           on the work channel (a full channel drops it:
//                           counted as sw_drops)
//   worker x4   prio 1      take a request, compute for its service time,
//                           post the reply (same tag) on the TX ring
//   crunch      lowest      CRC-32 in slices of kSliceBytes, yielding after
//                           each: the background process; its slice count
//                           is the CPU the server left over
//
// echo_hwp (RT_HW_PROCESSES = 2) runs crunch as a process of its own, in the
// controller's second slot at the lowest level: the server's tasks, more
// urgent, take the hart from it through the preempt line at its next yield
// (the controller compares priorities across processes).
//
// The simulator's traffic generator annotates each packet with its service
// time (payload word 0) and the run's packet count (word 2) and measures
// arrival -> reply latency itself. The run ends when every packet was
// replied or dropped (device drops + sw_drops); it prints progress every
// kProgress packets and a summary line.
#include "bsp/boot.h"
#include "bsp/hart.h"
#include "bsp/pktdev.h"
#include "bsp/print.h"
#include "bsp/uart.h"
#include "rt/awaitables.h"
#include "rt/channel.h"
#include "rt/executor.h"
#include "rt/task.h"

namespace {

namespace pk = bsp::pktdev;

constexpr uint32_t kRing = 64;
constexpr uint32_t kBufBytes = 64;
constexpr uint32_t kWorkers = 4;
constexpr uint32_t kProgress = 250;
constexpr uint32_t kSliceBytes = 4;  // ~250 cycles per background slice

alignas(16) pk::Desc g_rx_desc[kRing] BSP_NOINIT;
alignas(16) pk::Desc g_tx_desc[kRing] BSP_NOINIT;
alignas(16) uint8_t g_rx_buf[kRing * kBufBytes] BSP_NOINIT;
alignas(16) uint32_t g_tx_buf[kRing][4] BSP_NOINIT;
pk::RxRing g_rx;
pk::TxRing g_tx;
rt::SpinLock g_tx_lock;

struct Request {
  uint32_t tag;
  uint32_t service;
};
rt::Channel<Request, 128> g_work(0);

uint32_t g_total;        // packets in the run (from the first packet)
uint32_t g_received, g_replied, g_sw_drops, g_empty_wakeups;
volatile bool g_done;
uint32_t g_iters_per_kcycle = 1000;  // busy-loop iterations per 1024 cycles

// Computes for about `cycles` cycles of this task's own time (a loop, not a
// clock: a preempted request still needs its full service).
void compute(uint32_t cycles) {
  uint32_t n = (cycles * g_iters_per_kcycle) >> 10;  // 32-bit: no division routine
  asm volatile("1: beqz %0, 2f\n\taddi %0, %0, -1\n\tj 1b\n2:" : "+r"(n));
}

void calibrate() {
  const uint32_t t0 = bsp::cycle32();
  uint32_t n = 10000;
  asm volatile("1: beqz %0, 2f\n\taddi %0, %0, -1\n\tj 1b\n2:" : "+r"(n));
  const uint32_t cycles = bsp::cycle32() - t0;
  g_iters_per_kcycle = (10000u * 1024u) / (cycles == 0 ? 1 : cycles);
}

bool all_handled() {
  return g_total != 0 && g_replied + g_sw_drops + pk::rx_drops() >= g_total;
}

void reply(uint32_t tag) {
  rt::CriticalSection cs(g_tx_lock);
  while (g_tx.space() == 0) g_tx.reap();
  const uint32_t slot = g_tx.next_slot();
  g_tx_buf[slot][0] = tag;
  g_tx.send(reinterpret_cast<uintptr_t>(g_tx_buf[slot]), 16, tag);
  g_tx.reap();
  ++g_replied;
  if (g_replied % kProgress == 0) {
    bsp::printf("echo: %lu/%lu replied\n", g_replied, g_total);
  }
}

rt::Task<void> rx() {
  for (;;) {
    co_await rt::wait_irq(1);  // ATS-INTC irq 1: packet RX
    uint32_t handled = 0;
    do {
      pk::ack(pk::kIrqRx);
      while (pk::Desc* d = g_rx.peek()) {
        const uint32_t* p = g_rx.payload(d);
        Request r{d->tag, 0};
        if ((d->status & pk::kStLenMask) >= 12) {
          r.service = p[0];
          if (g_total == 0) g_total = p[2];
        }
        g_rx.pop();
        ++g_received;
        ++handled;
        if (g_work.send(r) != rt::Status::kOk) ++g_sw_drops;
      }
    } while ((pk::irq_status() & pk::kIrqRx) != 0);
    if (handled == 0) ++g_empty_wakeups;
  }
}

rt::Task<void> worker() {
  for (;;) {
    const Request r = co_await g_work.recv();
    compute(r.service);
    reply(r.tag);
    if (all_handled()) g_done = true;  // crunch, the last normal task, ends
  }
}

uint32_t g_crc = 0xFFFFFFFFu, g_slices;
rt::Task<void> crunch() {
  while (!g_done) {
    for (uint32_t i = 0; i < kSliceBytes; ++i) {
      g_crc ^= (g_slices * kSliceBytes + i) & 0xFF;
      for (int b = 0; b < 8; ++b) g_crc = (g_crc >> 1) ^ (0xEDB88320u & (0u - (g_crc & 1u)));
    }
    ++g_slices;
    co_await rt::yield_now();
  }
}

}  // namespace

extern "C" void secondary_main(unsigned) { rt::run_secondary(); }

int main() {
  calibrate();
  const rt::InitInfo info = rt::init();
  // The banner before RX is on: the UART is slow, packets would wait for it.
  bsp::printf("echo: executor %s, %lu harts, %lu workers, background compute at prio %lu, "
              "%lu loop iterations per 1024 cycles\n",
              rt::kExecutorName, info.harts, kWorkers, info.num_prios - 1, g_iters_per_kcycle);
  bsp::uart::flush();
  g_rx.init(g_rx_desc, kRing, g_rx_buf, kBufBytes);
  g_tx.init(g_tx_desc, kRing);
  pk::set_irq_enable(pk::kIrqRx);
  pk::enable(pk::kCtrlRxEn | pk::kCtrlTxEn);
  const uint32_t early_drops = pk::rx_drops();

  const uint64_t t0 = bsp::cycle64();
  rt::TaskRef rx_ref;
  rt::Status st = rt::spawn(rx(), 0, rt::TaskType::kDaemon, &rx_ref);
  for (uint32_t i = 0; i < kWorkers && st == rt::Status::kOk; ++i) {
    st = rt::spawn(worker(), 1, rt::TaskType::kDaemon);
  }
#if RT_HW_PROCESSES > 1
  if (st == rt::Status::kOk) {
    const rt::InProcess background(1);
    st = rt::spawn(crunch(), info.num_prios - 1);
  }
#else
  if (st == rt::Status::kOk) st = rt::spawn(crunch(), info.num_prios - 1);
#endif
  if (st != rt::Status::kOk) {
    bsp::printf("FAIL echo: spawn: %s\n", rt::status_name(st));
    return 1;
  }
  rt::run();
  rt::cancel(rx_ref);  // it waits for packets that will not come
  const uint32_t cycles = static_cast<uint32_t>(bsp::cycle64() - t0);
  pk::disable(pk::kCtrlRxEn);
  while (!g_tx.idle()) g_tx.reap();
  const uint32_t drops = pk::rx_drops() - early_drops;
  bsp::printf("echo: replied=%lu drops=%lu sw_drops=%lu early_drops=%lu total=%lu\n", g_replied,
              drops, g_sw_drops, early_drops, g_total);
  bsp::printf("echo: %lu cycles, background slices=%lu (crc 0x%08lx), empty wake-ups=%lu, "
              "lost messages=%lu\n",
              cycles, g_slices, g_crc, g_empty_wakeups, g_work.lost_count());
  const bool ok = g_work.lost_count() == 0 && g_tx.errors() == 0 &&
                  g_replied + g_sw_drops + pk::rx_drops() == g_total;
#if RT_HW_PROCESSES > 1
  bsp::printf("echo: %lu process switches on hart 0\n", rt::hw::g_process_switches[0]);
#endif
  bsp::printf("echo: %s\n", ok ? "done" : "FAILED");
  return ok ? 0 : 1;
}
