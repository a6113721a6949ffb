// rt_bench: the runtime micro-benchmarks of docs/evaluation.md, one source
// built for every executor (rt_bench_hw / _sw / _poll). scripts/rt_bench.sh
// runs it on the simulator with --events and turns marks into figures
// (scripts/rt_intervals.py); the firmware itself only prints what it can
// measure without the simulator (queue operations, memory).
//
// Phases (1 hart unless said otherwise):
//   queue      rt.enqueue / rt.dequeue: make_ready() and next_ready() in
//              cycles (mcycle around the call, minus the empty measurement)
//   switch     two tasks at one priority yield to each other kRounds times:
//              mark "switch.from" (before the co_await) -> "switch.to" (the
//              first instruction after it, in the other task)
//   ipc        a receiver (prio 1) waits on a channel, a sender (prio 2)
//              sends and yields: "ipc.send" -> "ipc.recv". On 2 harts (the
//              cross-hart run) the sender spins after each send instead, so
//              the message is taken by the other, idle hart.
//   irq        a task waits on packet RX (ATS-INTC irq 1 / PLIC source 2):
//              the device line's rising edge (irq1 in the event log) ->
//              "irq.task"; first kIrqIdle packets on an idle hart, then
//              kIrqLoaded with a background task that computes in slices of
//              kSliceCycles and yields between them.
//   memory     bytes per task: Tcb + frame (pool block) of the irq task, the
//              controller entry (hw), vs a stackful thread (context + the
//              stack the same code uses as a plain function, measured).
// Traffic for the irq phase: fixed-rate packets from --pkt-start, see
// scripts/rt_bench.sh. Ends with "rt_bench: done".
#include "bsp/boot.h"
#include "bsp/hart.h"
#include "bsp/mark.h"
#include "bsp/pktdev.h"
#include "bsp/print.h"
#include "bsp/simctrl.h"
#include "rt/awaitables.h"
#include "rt/channel.h"
#include "rt/executor.h"
#include "rt/frame_pool.h"
#include "rt/task.h"

namespace {

namespace pk = bsp::pktdev;

constexpr uint32_t kRounds = 64;
constexpr uint32_t kMessages = 32;
constexpr uint32_t kIrqIdle = 16, kIrqLoaded = 32;
constexpr uint32_t kSliceCycles = 400;

// ---------------------------------------------------------------- queue
rt::Task<void> idle_task() { co_return; }

// Runs as the only task (the hw timer daemon waits), so the queue holds
// exactly the words it enqueues.
rt::Task<void> measure_queue_ops() {
  constexpr uint32_t kN = 8;
  rt::Task<void> tasks[kN];
  uint32_t words[kN];
  for (uint32_t i = 0; i < kN; ++i) {
    tasks[i] = idle_task();
    words[i] = rt::make_word(tasks[i].tcb() + 1, 3);
    tasks[i].tcb()->word = words[i];
  }
  uint32_t t0 = bsp::cycle32();
  uint32_t t1 = bsp::cycle32();
  const uint32_t empty = t1 - t0;
  uint32_t enq = 0, deq = 0;
  for (uint32_t i = 0; i < kN; ++i) {
    t0 = bsp::cycle32();
    rt::make_ready(words[i]);
    t1 = bsp::cycle32();
    enq += t1 - t0 - empty;
  }
  uint32_t got = 0;
  for (uint32_t i = 0; i < kN; ++i) {
    t0 = bsp::cycle32();
    std::coroutine_handle<> h = rt::next_ready();
    t1 = bsp::cycle32();
    deq += t1 - t0 - empty;
    got += h.address() == rt::frame_of_word(words[i]) ? 1 : 0;
  }
  bsp::printf("rt_bench: rt.enqueue %lu.%02lu cycles (mean of %lu)\n", enq / kN,
              (enq % kN) * 100 / kN, kN);
  bsp::printf("rt_bench: rt.dequeue %lu.%02lu cycles (mean of %lu, %lu in FIFO order)\n",
              deq / kN, (deq % kN) * 100 / kN, kN, got);
  co_return;
}

// ---------------------------------------------------------------- switch
rt::Task<void> switcher() {
  for (uint32_t i = 0; i < kRounds; ++i) {
    RT_MARK("switch.from");
    co_await rt::yield_now();
    RT_MARK("switch.to");
  }
}

// ---------------------------------------------------------------- ipc
rt::Channel<uint32_t, 8> g_ipc(0);
uint32_t g_ipc_sum;
bool g_cross;

rt::Task<void> ipc_receiver() {
  for (uint32_t i = 0; i < kMessages; ++i) {
    const uint32_t v = co_await g_ipc.recv();
    RT_MARK("ipc.recv");
    g_ipc_sum += v;
  }
}

rt::Task<void> ipc_sender() {
  for (uint32_t i = 1; i <= kMessages; ++i) {
    RT_MARK("ipc.send");
    g_ipc.send(i);
    if (g_cross) bsp::spin_cycles(3000);  // keep this hart: the other takes the message
    else co_await rt::yield_now();
  }
}

// ---------------------------------------------------------------- irq
constexpr uint32_t kRing = 8;
constexpr uint32_t kBufBytes = 64;
alignas(16) pk::Desc g_rx_desc[kRing] BSP_NOINIT;
alignas(16) uint8_t g_rx_buf[kRing * kBufBytes] BSP_NOINIT;
pk::RxRing g_rx;
uint32_t g_packets;
volatile bool g_irq_done;

uint32_t drain_rx() {
  uint32_t n = 0;
  do {
    pk::ack(pk::kIrqRx);
    while (g_rx.peek() != nullptr) {
      g_rx.pop();
      ++n;
    }
  } while ((pk::irq_status() & pk::kIrqRx) != 0);
  return n;
}

rt::Task<void> irq_task(uint32_t packets) {
  while (g_packets < packets) {
    co_await rt::wait_irq(1);  // ATS-INTC irq 1 = packet RX
    RT_MARK("irq.task");
    g_packets += drain_rx();
  }
  g_irq_done = true;
}

uint32_t g_slices;
rt::Task<void> background() {
  while (!g_irq_done) {
    bsp::spin_cycles(kSliceCycles);
    ++g_slices;
    co_await rt::yield_now();
  }
}

// ---------------------------------------------------------------- memory
// The irq task's work as a plain function, for the stack a thread would need.
__attribute__((noinline)) uint32_t irq_work_plain() {
  bsp::barrier();
  return drain_rx();
}

uint32_t stack_bytes_used_by(uint32_t (*fn)()) {
  constexpr uint32_t kPaint = 1024;  // words below sp
  uint32_t* sp;
  asm volatile("mv %0, sp" : "=r"(sp));
  volatile uint32_t* low = sp - kPaint;  // everything below sp is free
  for (uint32_t i = 0; i < kPaint; ++i) low[i] = 0xA5A5A5A5u;
  fn();
  uint32_t i = 0;
  while (i < kPaint && low[i] == 0xA5A5A5A5u) ++i;
  return (kPaint - i) * 4;
}

void report_memory() {
  const rt::FramePool::Stats s0 = rt::frame_pool().stats();
  rt::Task<void> t = irq_task(0);
  const rt::FramePool::Stats s1 = rt::frame_pool().stats();
  const uint32_t block = s1.in_use_bytes - s0.in_use_bytes;
  const uint32_t entry = rt::kExecutor == rt::ExecutorKind::kHw ? 5 : 0;  // 32-bit word + 8-bit link
  const uint32_t stack = stack_bytes_used_by(irq_work_plain);
  bsp::printf("rt_bench: rt.frame_bytes %lu (Tcb %u + frame %lu, pool block %lu)\n",
              sizeof(rt::Tcb) + s1.last_frame, static_cast<unsigned>(sizeof(rt::Tcb)),
              s1.last_frame, block);
  bsp::printf("rt_bench: rt.bytes_per_task %lu (pool block %lu + controller entry %lu)\n",
              block + entry, block, entry);
  bsp::printf("rt_bench: rt.bytes_per_thread %lu (context 128 + stack %lu measured)\n",
              128 + stack, stack);
}

}  // namespace

extern "C" void secondary_main(unsigned) { rt::run_secondary(); }

int main() {
  g_rx.init(g_rx_desc, kRing, g_rx_buf, kBufBytes);
  pk::set_irq_enable(pk::kIrqRx);
  pk::enable(pk::kCtrlRxEn);
  const rt::InitInfo info = rt::init();
  g_cross = info.harts > 1;
  bsp::printf("rt_bench: executor %s, %lu harts\n", rt::kExecutorName, info.harts);

  if (!g_cross) {
    rt::spawn(measure_queue_ops(), 0);
    rt::run();
    report_memory();
    rt::spawn(switcher(), 3);
    rt::spawn(switcher(), 3);
    rt::run();
    bsp::puts("rt_bench: switch done");
  }

  rt::spawn(ipc_receiver(), 1);
  rt::spawn(ipc_sender(), 2);
  rt::run();
  bsp::printf("rt_bench: ipc done (sum %lu, lost %lu)\n", g_ipc_sum, g_ipc.lost_count());
  if (g_cross) {
    bsp::puts("rt_bench: done");
    return g_ipc_sum == kMessages * (kMessages + 1) / 2 ? 0 : 1;
  }

  bsp::simctrl::marker(1);  // the irq phase starts: the simulator's traffic is due now
  rt::spawn(irq_task(kIrqIdle), 0);
  rt::run();
  bsp::simctrl::marker(2);
  g_irq_done = false;
  rt::spawn(irq_task(kIrqIdle + kIrqLoaded), 0);
  rt::spawn(background(), info.num_prios - 1);
  rt::run();
  bsp::simctrl::marker(3);
  bsp::printf("rt_bench: irq done (%lu packets, %lu background slices, %lu drops)\n", g_packets,
              g_slices, pk::rx_drops());
  bsp::puts("rt_bench: done");
  return 0;
}
