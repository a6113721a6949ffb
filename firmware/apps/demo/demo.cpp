// demo: a cooperative executor over the ATS-INTC, the `make run` demo until
// the coroutine runtime (firmware/runtime) exists.
//
// Tasks are plain functions whose frames (struct Task, 32-byte aligned) sit
// in RAM; a task word is frame address | priority. Hart 0 runs the executor:
// DEQ the next task word (one load), call the frame's function, and sleep in
// WFI when DEQ returns 0 -- the ATS-INTC work line (mip bit 16, enabled in
// mie with MIE off) ends the WFI as soon as a task is ready. Tasks never
// block: to wait for an event they WAIT their own task word on an event
// source and return; the controller makes them ready in hardware when the
// event fires, with no interrupt handler in the path.
//
//   rx      prio 0  packet RX (ATS-INTC irq 1): echo each packet after its
//                   service time (payload word 0) with the same tag
//   ticker  prio 1  kTicks wake-ups by the machine timer of hart 0 (irq 3)
//   ping    prio 2  ping-pong over two channels (SEND / WAIT), kRounds times
//   pong    prio 2
//   crunch  lowest  CRC-32 in kSlices slices, re-enqueued after each one
//
// At the end it prints what ran, the wake-ups, and two latencies in cycles:
// timer IRQ -> ticker start (split by whether crunch kept the hart busy) and
// SEND -> receiving task start. Without packets, or with the same traffic
// options and seed, every run prints the same numbers.
#include "ats_intc_regs.h"
#include "bsp/ats_intc.h"
#include "bsp/boot.h"
#include "bsp/clint.h"
#include "bsp/hart.h"
#include "bsp/pktdev.h"
#include "bsp/print.h"
#include "bsp/trap.h"

namespace {

namespace in = bsp::intc;
namespace pk = bsp::pktdev;

// ---------------------------------------------------------------- tasks
struct Task;
using TaskFn = void (*)(Task&);

struct alignas(in::kFrameAlign) Task {
  TaskFn run;
  const char* name;
  uint32_t prio;
  uint32_t runs;     // dispatches by the executor
  uint32_t wakeups;  // times an event (IRQ, SEND) made it ready
  uint32_t word() const { return in::task_word(this, prio); }
};

struct Stats {
  uint32_t n = 0, min = 0xFFFFFFFFu, max = 0;
  uint64_t sum = 0;
  void add(uint32_t v) {
    ++n;
    sum += v;
    min = v < min ? v : min;
    max = v > max ? v : max;
  }
  void print(const char* what) const {
    if (n == 0) {
      bsp::printf("demo: %s: no samples\n", what);
      return;
    }
    bsp::printf("demo: %s: n=%lu min=%lu avg=%lu max=%lu cycles\n", what, n, min,
                static_cast<uint32_t>(sum / n), max);
  }
};

const in::Process kProc(0);  // everything runs in the kernel slot
uint32_t g_cycles_per_tick = 1;

// ---------------------------------------------------------------- ticker
constexpr uint32_t kTicks = 8;
constexpr uint32_t kTickPeriod = 20000;  // mtime ticks
constexpr uint32_t kTimerSrc = in::timer_source(0);
uint64_t g_deadline;
uint32_t g_ticks;
Stats g_timer_busy, g_timer_idle;
bool g_crunch_done;

void ticker_run(Task& t) {
  const uint64_t now = bsp::clint::mtime();
  ++t.wakeups;
  const uint32_t lat = static_cast<uint32_t>(now - g_deadline) * g_cycles_per_tick;
  (g_crunch_done ? g_timer_idle : g_timer_busy).add(lat);
  if (++g_ticks == kTicks) {
    bsp::clint::disarm(0);
    return;
  }
  g_deadline += kTickPeriod;
  if (g_deadline < now + 100) g_deadline = now + 100;  // never arm in the past
  bsp::clint::set_mtimecmp(0, g_deadline);
  kProc.wait(kTimerSrc, t.word());
}

// ---------------------------------------------------------------- ping-pong
constexpr uint32_t kRounds = 16;
constexpr uint32_t kChanPing = in::channel_source(0);  // wakes ping
constexpr uint32_t kChanPong = in::channel_source(1);  // wakes pong
uint32_t g_send_cycle;
uint32_t g_ping_rounds, g_pong_rounds;
Stats g_ipc;

void ping_run(Task& t) {
  if (g_ping_rounds > 0) {  // a reply from pong woke us
    g_ipc.add(bsp::cycle32() - g_send_cycle);
    ++t.wakeups;
  }
  if (g_ping_rounds == kRounds) return;
  ++g_ping_rounds;
  g_send_cycle = bsp::cycle32();
  kProc.send(kChanPong);
  kProc.wait(kChanPing, t.word());
}

void pong_run(Task& t) {
  g_ipc.add(bsp::cycle32() - g_send_cycle);
  ++t.wakeups;
  ++g_pong_rounds;
  g_send_cycle = bsp::cycle32();
  kProc.send(kChanPing);
  if (g_pong_rounds < kRounds) kProc.wait(kChanPong, t.word());
}

// ---------------------------------------------------------------- crunch
constexpr uint32_t kSlices = 24;
constexpr uint32_t kSliceBytes = 64;
uint32_t g_crc = 0xFFFFFFFFu;
uint32_t g_slices;

void crunch_run(Task& t) {
  // CRC-32 (reflected, poly 0xEDB88320) of a deterministic byte stream.
  for (uint32_t i = 0; i < kSliceBytes; ++i) {
    g_crc ^= (g_slices * kSliceBytes + i) & 0xFF;
    for (int b = 0; b < 8; ++b) g_crc = (g_crc >> 1) ^ (0xEDB88320u & (0u - (g_crc & 1u)));
  }
  if (++g_slices < kSlices) {
    kProc.enq(t.word());  // yield: back to the end of its level
  } else {
    g_crc = ~g_crc;
    g_crunch_done = true;
  }
}

// ---------------------------------------------------------------- rx
constexpr uint32_t kRing = 16;
constexpr uint32_t kBufBytes = 512;
alignas(16) pk::Desc g_rx_desc[kRing] BSP_NOINIT;  // written by RxRing::init
alignas(16) pk::Desc g_tx_desc[kRing] BSP_NOINIT;  // written by TxRing::init
alignas(16) uint8_t g_rx_buf[kRing * kBufBytes] BSP_NOINIT;
alignas(16) uint32_t g_tx_buf[kRing][4] BSP_NOINIT;  // written before each send
pk::RxRing g_rx;
pk::TxRing g_tx;
uint32_t g_pkt_total, g_replied, g_tx_done, g_empty_wakeups;
uint32_t g_early_drops;  // dropped before RX was enabled

void rx_run(Task& t) {
  ++t.wakeups;
  uint32_t handled = 0;
  // Acknowledge first, then drain, so a packet arriving during the drain
  // raises the line again. The controller fires on rising edges only, and a
  // packet delivered in the very cycle of the acknowledge keeps IRQ_STATUS.RX
  // set (set wins over clear): the line never falls and no edge would ever
  // come again. So repeat until IRQ_STATUS.RX reads 0 after a drain.
  do {
    pk::ack(pk::kIrqRx);
    while (pk::Desc* d = g_rx.peek()) {
      const uint32_t* p = g_rx.payload(d);
      const uint32_t tag = d->tag;
      if ((d->status & pk::kStLenMask) >= 12) {
        bsp::spin_cycles(p[0]);
        if (g_pkt_total == 0) g_pkt_total = p[2];
      }
      while (g_tx.space() == 0) g_tx_done += g_tx.reap();
      const uint32_t slot = g_tx.next_slot();
      g_tx_buf[slot][0] = tag;
      g_tx.send(reinterpret_cast<uintptr_t>(g_tx_buf[slot]), 16, tag);
      g_rx.pop();
      ++g_replied;
      ++handled;
    }
  } while ((pk::irq_status() & pk::kIrqRx) != 0);
  if (handled == 0) ++g_empty_wakeups;  // the event of a packet already drained
  g_tx_done += g_tx.reap();
  kProc.wait(in::kSrcPktRx, t.word());
}

Task g_rx_task{rx_run, "rx", 0, 0, 0};
Task g_ticker{ticker_run, "ticker", 1, 0, 0};
Task g_ping{ping_run, "ping", 2, 0, 0};
Task g_pong{pong_run, "pong", 2, 0, 0};
Task g_crunch{crunch_run, "crunch", 7, 0, 0};  // prio set from NUM_PRIOS at start
Task* const kTaskList[] = {&g_rx_task, &g_ticker, &g_ping, &g_pong, &g_crunch};

// ---------------------------------------------------------------- executor
uint32_t g_dispatches, g_sleeps;

bool all_done() {
  const bool packets_done =
      g_pkt_total == 0 || g_replied + pk::rx_drops() >= g_pkt_total;
  return g_ticks == kTicks && g_pong_rounds == kRounds && g_ping_rounds == kRounds &&
         g_ping.runs == kRounds + 1 && g_crunch_done && packets_done;
}

void run_executor() {
  for (;;) {
    const uint32_t w = kProc.deq();
    if (w == 0) {
      if (all_done()) return;
      ++g_sleeps;
      bsp::wfi();  // the work line (mie bit 16) ends it; MIE is off: no trap
      continue;
    }
    Task* t = in::task_frame<Task>(w);
    ++t->runs;
    ++g_dispatches;
    t->run(*t);
  }
}

uint32_t calibrate_cycles_per_tick() {
  const uint32_t c0 = bsp::cycle32();
  const uint64_t t0 = bsp::clint::mtime();
  while (bsp::clint::mtime() < t0 + 256) {
  }
  const uint32_t cycles = bsp::cycle32() - c0;
  const uint32_t ticks = static_cast<uint32_t>(bsp::clint::mtime() - t0);
  const uint32_t cpt = (cycles + ticks / 2) / ticks;
  return cpt == 0 ? 1 : cpt;
}

}  // namespace

int main() {
  // Packet device first: the traffic generator may start at cycle 0 and the
  // device drops what arrives while RX is off. RX interrupt line on (it is
  // ATS-INTC irq 1; no PLIC involved).
  g_rx.init(g_rx_desc, kRing, g_rx_buf, kBufBytes);
  g_tx.init(g_tx_desc, kRing);
  pk::set_irq_enable(pk::kIrqRx);
  pk::enable(pk::kCtrlRxEn | pk::kCtrlTxEn);
  in::set_source(in::kSrcPktRx, 0);
  kProc.wait(in::kSrcPktRx, g_rx_task.word());
  g_early_drops = pk::rx_drops();

  const in::Config cfg = in::config();
  bsp::printf("demo: cooperative executor over the ATS-INTC on hart 0 "
              "(%lu processes, %lu priorities, %lu entries)\n",
              cfg.num_procs, cfg.num_prios, cfg.num_entries);
  g_crunch.prio = cfg.num_prios - 1;
  g_cycles_per_tick = calibrate_cycles_per_tick();

  // Event sources, all owned by process 0; process 0 may send on its channels.
  in::set_hart_proc(0, 0);
  in::set_source(kTimerSrc, 0);
  in::set_source(kChanPing, 0, false, 1u << 0);
  in::set_source(kChanPong, 0, false, 1u << 0);
  if (cfg.counters) {
    in::kwrite(ats_intc::kernel::kCntEnq, 0);
    in::kwrite(ats_intc::kernel::kCntDeq, 0);
    in::kwrite(ats_intc::kernel::kCntWake, 0);
  }

  // Initial state: rx (above), pong and ticker wait for their events; ping and
  // crunch are ready.
  kProc.wait(kChanPong, g_pong.word());
  g_deadline = bsp::clint::mtime() + kTickPeriod;
  bsp::clint::set_mtimecmp(0, g_deadline);
  kProc.wait(kTimerSrc, g_ticker.word());
  kProc.enq(g_ping.word());
  kProc.enq(g_crunch.word());

  bsp::irq::enable(bsp::irq::kWork);
  const uint64_t start = bsp::cycle64();
  run_executor();
  const uint64_t cycles = bsp::cycle64() - start;
  bsp::irq::disable(bsp::irq::kWork);

  // Tidy up: RX off; rx still waits for packets that will not come (or, with
  // unlimited traffic, may just have been woken: then take it off the ready
  // queue); wait for the last replies.
  pk::disable(pk::kCtrlRxEn);
  const uint32_t drops = pk::rx_drops() - g_early_drops;
  bool rx_cancelled = kProc.cancel(in::kSrcPktRx, g_rx_task.word());
  while (const uint32_t w = kProc.deq()) rx_cancelled |= w == g_rx_task.word();
  while (!g_tx.idle()) g_tx_done += g_tx.reap();

  bsp::printf("demo: ran %lu cycles: %lu dispatches, %lu sleeps in WFI\n",
              static_cast<uint32_t>(cycles), g_dispatches, g_sleeps);
  bsp::puts("demo: task    prio  runs  wake-ups");
  for (const Task* t : kTaskList) {
    bsp::printf("demo: %-7s %4lu %5lu %9lu\n", t->name, t->prio, t->runs, t->wakeups);
  }
  g_timer_busy.print("timer IRQ -> ticker start, hart busy (crunch)");
  g_timer_idle.print("timer IRQ -> ticker start, hart idle (WFI)  ");
  g_ipc.print("SEND -> receiving task start              ");
  bsp::printf("demo: crunch crc32=0x%08lx over %lu bytes\n", g_crc, kSlices * kSliceBytes);
  bsp::printf("demo: packets: total=%lu replied=%lu drops=%lu early_drops=%lu tx_done=%lu "
              "empty_wakeups=%lu\n",
              g_pkt_total, g_replied, drops, g_early_drops, g_tx_done, g_empty_wakeups);
  if (cfg.counters) {
    bsp::printf("demo: ats-intc counters: enq=%lu deq=%lu wake=%lu err=%lu max_occ=%lu\n",
                in::kread(ats_intc::kernel::kCntEnq), in::kread(ats_intc::kernel::kCntDeq),
                in::kread(ats_intc::kernel::kCntWake), in::kread(ats_intc::kernel::kCntErr),
                in::kread(ats_intc::kernel::kMaxOcc));
  }
  const bool ok = rx_cancelled && kProc.held() == 0 && kProc.err() == 0;
  bsp::printf("demo: %s (rx waiter cancelled=%u, entries held=%lu, ERR=0x%lx)\n",
              ok ? "done" : "FAILED", rx_cancelled ? 1u : 0u, kProc.held(), kProc.err());
  return ok ? 0 : 1;
}
