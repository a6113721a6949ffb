// intc_wake: the ATS-INTC schedules and wakes tasks in hardware (hart 0).
//
// Task words point at 32-byte aligned frames; the priority is in bits 4:0.
// Steps, each checked exactly:
//  1. ready queues: ENQ of mixed priorities, DEQ returns the most urgent
//     level first and FIFO order inside a level, then 0; the work line
//     (mip bit 16) follows "has a ready task"; RUN_PRIO[0] follows DEQ.
//  2. rejected words (frame 0, priority >= NUM_PRIOS) set ERR.BAD_WORD and
//     enqueue nothing.
//  3. device wake-up: a task WAITs on the machine timer of hart 0 (ATS-INTC
//     irq 3); the hart sleeps in WFI (MIE off, mie = work) until the timer
//     fires; DEQ returns the task, never before mtime reached mtimecmp.
//  4. no event is lost: a timer edge and a FIRE with no waiter count in
//     PENDING; a later WAIT makes the task ready at once.
//  5. IPC: process 1 SENDs on channel 0 owned by process 0 and wakes the
//     waiting task; a SEND by a non-sender is rejected (ERR.PERM); wake-one
//     wakes the oldest waiter only; CANCEL removes a waiter once.
//  6. broadcast channel: one SEND wakes every waiter; DEQ by priority.
//  7. the work line as an interrupt (MIE on): the handler DEQs and runs the
//     task woken by the timer.
//  8. the preempt line (mip bit 17): process 1 has a task more urgent than
//     hart 0's idle RUN_PRIO.
// At the end no entry is held, the pool is full and no error bit is set.
#include "ats_intc_regs.h"
#include "bsp/ats_intc.h"
#include "bsp/boot.h"
#include "bsp/clint.h"
#include "bsp/hart.h"
#include "bsp/print.h"
#include "bsp/trap.h"
#include "check.h"

namespace {

namespace in = bsp::intc;
namespace k = ats_intc::kernel;

struct alignas(32) Task {
  uint32_t id;
  volatile uint32_t runs;
};

constexpr uint32_t kTasks = 8;
Task g_tasks[kTasks];

const in::Process kP0(0);
const in::Process kP1(1);
constexpr uint32_t kTimerSrc = in::timer_source(0);
constexpr uint32_t kChan0 = in::channel_source(0);
constexpr uint32_t kChan1 = in::channel_source(1);

uint32_t g_prios;

uint32_t word(uint32_t task, uint32_t prio) { return in::task_word(&g_tasks[task], prio); }

// Polls mip until `bit` has `level` (the lines are registered: a few cycles).
bool mip_becomes(uint32_t bit, bool level) {
  for (int i = 0; i < 50; ++i) {
    if (((bsp::irq::pending() & bit) != 0) == level) return true;
  }
  return false;
}

// Sleeps until the work line is up (MIE off, mie = work only); returns mtime then.
uint64_t sleep_until_work(uint32_t max_ticks) {
  const uint64_t end = bsp::clint::mtime() + max_ticks;
  while ((bsp::irq::pending() & bsp::irq::kWork) == 0) {
    bsp::wfi();
    if (bsp::clint::mtime() > end) systest::timeout("work line");
  }
  return bsp::clint::mtime();
}

void step_ready_queues() {
  bsp::puts("intc_wake: 1. ready queues");
  const uint32_t last = g_prios - 1;
  const uint32_t enq[][2] = {{0, 3}, {1, 1}, {2, 3}, {3, 0}, {4, 1}, {5, last}};
  CHECK(kP0.deq() == 0, "queue not empty at start");
  CHECK(in::run_prio(0) == g_prios, "RUN_PRIO %lu", in::run_prio(0));
  CHECK(mip_becomes(bsp::irq::kWork, false), "work line high with nothing ready");
  for (const auto& e : enq) kP0.enq(word(e[0], e[1]));
  CHECK(mip_becomes(bsp::irq::kWork, true), "work line low with 6 ready tasks");
  CHECK(kP0.held() == 6, "HELD %lu", kP0.held());
  const uint32_t expect[][2] = {{3, 0}, {1, 1}, {4, 1}, {0, 3}, {2, 3}, {5, last}};
  bool frame = false;  // every other one through DEQ_FRAME: the word without its priority
  for (const auto& e : expect) {
    const uint32_t w = frame ? kP0.deq_frame() : kP0.deq();
    const uint32_t want = frame ? word(e[0], 0) : word(e[0], e[1]);
    CHECK(w == want, "%s 0x%08lx, expected task %lu prio %lu", frame ? "DEQ_FRAME" : "DEQ", w,
          e[0], e[1]);
    CHECK(in::run_prio(0) == e[1], "RUN_PRIO %lu after DEQ of prio %lu", in::run_prio(0), e[1]);
    frame = !frame;
  }
  CHECK(kP0.deq() == 0, "queue not empty after 6 DEQs");
  CHECK(kP0.deq_frame() == 0, "DEQ_FRAME of an empty queue");
  CHECK(in::run_prio(0) == g_prios, "RUN_PRIO %lu after empty DEQ", in::run_prio(0));
  CHECK(mip_becomes(bsp::irq::kWork, false), "work line high after the queue emptied");
}

void step_rejected_words() {
  bsp::puts("intc_wake: 2. rejected task words");
  kP0.enq(1);  // frame bits zero
  CHECK((kP0.err() & ats_intc::err::kBadWord) != 0, "ERR 0x%08lx after ENQ of 1", kP0.err());
  kP0.clear_err(ats_intc::err::kBadWord);
  if (g_prios < 32) {
    kP0.enq(word(0, g_prios));  // priority out of range
    CHECK((kP0.err() & ats_intc::err::kBadWord) != 0, "ERR 0x%08lx after bad prio", kP0.err());
    kP0.clear_err(ats_intc::err::kBadWord);
  }
  CHECK(kP0.err() == 0, "ERR 0x%08lx not cleared", kP0.err());
  CHECK(kP0.deq() == 0 && kP0.held() == 0, "a rejected word was queued");
}

void step_timer_wake() {
  bsp::puts("intc_wake: 3. timer wakes a waiting task");
  in::set_source(kTimerSrc, 0);
  CHECK(in::pending_count(kTimerSrc) == 0, "PENDING %lu", in::pending_count(kTimerSrc));
  kP0.wait(kTimerSrc, word(6, 2));
  CHECK(kP0.deq() == 0, "waiting task was ready at once");
  CHECK((kP0.pending(kTimerSrc) & ats_intc::kernel::kSrcStatWaitingMask) != 0,
        "SRC_STAT 0x%08lx: no waiter", kP0.pending(kTimerSrc));
  const uint64_t deadline = bsp::clint::mtime() + 3000;
  bsp::clint::set_mtimecmp(0, deadline);
  const uint64_t woke = sleep_until_work(100000);
  const uint32_t w = kP0.deq();
  bsp::clint::disarm(0);
  CHECK(w == word(6, 2), "DEQ 0x%08lx after the timer", w);
  CHECK(woke >= deadline, "woken %lu ticks before the deadline",
        static_cast<uint32_t>(deadline - woke));
  bsp::printf("intc_wake:    timer deadline -> task ready seen by the hart: %lu mtime ticks\n",
              static_cast<uint32_t>(woke - deadline));
  CHECK(in::pending_count(kTimerSrc) == 0, "PENDING %lu", in::pending_count(kTimerSrc));
  CHECK((kP0.pending(kTimerSrc) & k::kSrcStatWaitingMask) == 0, "still a waiter");
}

void step_pending_events() {
  bsp::puts("intc_wake: 4. events without a waiter stay pending");
  const uint64_t deadline = bsp::clint::mtime() + 500;
  bsp::clint::set_mtimecmp(0, deadline);
  while (bsp::clint::mtime() < deadline + 50) {
  }
  bsp::clint::disarm(0);
  CHECK(in::pending_count(kTimerSrc) == 1, "PENDING %lu after a timer edge",
        in::pending_count(kTimerSrc));
  in::fire(kTimerSrc);
  CHECK(in::pending_count(kTimerSrc) == 2, "PENDING %lu after FIRE", in::pending_count(kTimerSrc));
  kP0.wait(kTimerSrc, word(0, 1));
  kP0.wait(kTimerSrc, word(1, 0));
  CHECK(in::pending_count(kTimerSrc) == 0, "PENDING %lu after 2 WAITs",
        in::pending_count(kTimerSrc));
  uint32_t w = kP0.deq();
  CHECK(w == word(1, 0), "DEQ 0x%08lx (expected the prio-0 task)", w);
  w = kP0.deq();
  CHECK(w == word(0, 1), "DEQ 0x%08lx (expected the prio-1 task)", w);
  CHECK(kP0.deq() == 0, "extra task");
}

void step_ipc() {
  bsp::puts("intc_wake: 5. IPC: SEND wakes the waiter of a channel");
  in::set_source(kChan0, 0, false, 1u << 1);  // owner 0, wake-one, sender: process 1
  kP0.wait(kChan0, word(2, 1));
  kP0.send(kChan0);  // process 0 is not a sender
  CHECK((kP0.err() & ats_intc::err::kPerm) != 0, "SEND by a non-sender: ERR 0x%08lx", kP0.err());
  kP0.clear_err(ats_intc::err::kPerm);
  CHECK(kP0.deq() == 0, "a rejected SEND woke the task");
  kP1.send(kChan0);
  sleep_until_work(10000);
  uint32_t w = kP0.deq();
  CHECK(w == word(2, 1), "DEQ 0x%08lx after SEND", w);
  CHECK(kP1.deq() == 0, "the task woke in the sender's queue");
  CHECK(kP1.err() == 0, "sender ERR 0x%08lx", kP1.err());

  // Wake-one: only the oldest of two waiters; CANCEL removes the other once.
  kP0.wait(kChan0, word(3, 4));
  kP0.wait(kChan0, word(4, 0));
  kP1.send(kChan0);
  sleep_until_work(10000);
  w = kP0.deq();
  CHECK(w == word(3, 4), "wake-one woke 0x%08lx, expected the oldest waiter", w);
  CHECK(kP0.deq() == 0, "wake-one woke two waiters");
  CHECK(kP0.cancel(kChan0, word(4, 0)), "CANCEL did not find the waiter");
  CHECK(!kP0.cancel(kChan0, word(4, 0)), "CANCEL found the waiter twice");
  CHECK(kP0.held() == 0, "HELD %lu after CANCEL", kP0.held());
}

void step_broadcast() {
  bsp::puts("intc_wake: 6. broadcast channel wakes every waiter");
  in::set_source(kChan1, 0, true, 1u << 1);
  kP0.wait(kChan1, word(0, 2));
  kP0.wait(kChan1, word(1, 0));
  kP0.wait(kChan1, word(2, 1));
  kP1.send(kChan1);
  sleep_until_work(10000);
  const uint32_t expect[][2] = {{1, 0}, {2, 1}, {0, 2}};
  for (const auto& e : expect) {
    const uint32_t w = kP0.deq();
    CHECK(w == word(e[0], e[1]), "DEQ 0x%08lx, expected task %lu prio %lu", w, e[0], e[1]);
  }
  CHECK(kP0.deq() == 0, "extra task after broadcast");
  CHECK(in::pending_count(kChan1) == 0, "PENDING %lu after broadcast", in::pending_count(kChan1));
}

volatile uint32_t g_work_irqs;
volatile uint32_t g_ran_in_handler;

void step_work_interrupt() {
  bsp::puts("intc_wake: 7. the work line interrupts the hart");
  kP0.wait(kTimerSrc, word(7, 3));
  bsp::clint::set_mtimecmp(0, bsp::clint::mtime() + 2000);
  bsp::irq::enable_global();
  systest::Deadline watchdog(400000);
  while (g_ran_in_handler == 0) {
    bsp::irq::disable_global();
    if (g_ran_in_handler == 0) bsp::wfi();
    bsp::irq::enable_global();
    if (watchdog.expired()) systest::timeout("work interrupt");
  }
  bsp::irq::disable_global();
  bsp::clint::disarm(0);
  CHECK(g_work_irqs == 1, "%lu work interrupts", g_work_irqs);
  CHECK(g_tasks[7].runs == 1, "task ran %lu times", g_tasks[7].runs);
}

void step_preempt_line() {
  bsp::puts("intc_wake: 8. the preempt line");
  CHECK(mip_becomes(bsp::irq::kPreempt, false), "preempt high with nothing ready");
  kP1.enq(word(5, 0));
  CHECK(mip_becomes(bsp::irq::kPreempt, true), "preempt low: process 1 has a prio-0 task");
  CHECK(mip_becomes(bsp::irq::kWork, false), "work high: process 0 has nothing ready");
  const uint32_t w = kP1.deq();
  CHECK(w == word(5, 0), "process 1 DEQ 0x%08lx", w);
  CHECK(mip_becomes(bsp::irq::kPreempt, false), "preempt still high");
}

}  // namespace

extern "C" void trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
  if (mcause != bsp::cause::kIntcWork) bsp::unexpected_trap(mcause, mepc, mtval);
  g_work_irqs = g_work_irqs + 1;
  // Drain: the work line is a level and stays up while a task is ready.
  while (const uint32_t w = kP0.deq()) {
    Task* t = in::task_frame<Task>(w);
    t->runs = t->runs + 1;
    g_ran_in_handler = g_ran_in_handler + 1;
  }
}

int main() {
  const in::Config cfg = in::config();
  g_prios = cfg.num_prios;
  bsp::printf("intc_wake: procs=%lu prios=%lu entries=%lu counters=%u\n", cfg.num_procs,
              cfg.num_prios, cfg.num_entries, cfg.counters ? 1u : 0u);
  CHECK(cfg.num_procs >= 2, "needs 2 process slots");
  for (uint32_t i = 0; i < kTasks; ++i) g_tasks[i].id = i;
  if (cfg.counters) {
    in::kwrite(k::kCntEnq, 0);
    in::kwrite(k::kCntDeq, 0);
    in::kwrite(k::kCntWake, 0);
  }
  in::enable_process(1);
  in::set_hart_proc(0, 0);
  bsp::irq::enable(bsp::irq::kWork);  // MIE stays off: WFI just returns

  step_ready_queues();
  step_rejected_words();
  step_timer_wake();
  step_pending_events();
  step_ipc();
  step_broadcast();
  step_work_interrupt();
  step_preempt_line();

  bsp::irq::disable(bsp::irq::kWork);
  CHECK(kP0.held() == 0 && kP1.held() == 0, "HELD %lu / %lu at the end", kP0.held(), kP1.held());
  CHECK(in::free_entries() == cfg.num_entries, "FREE %lu of %lu", in::free_entries(),
        cfg.num_entries);
  CHECK(kP0.err() == 0 && kP1.err() == 0, "ERR 0x%08lx / 0x%08lx", kP0.err(), kP1.err());
  CHECK(in::global_err() == 0, "GLOBAL_ERR 0x%08lx", in::global_err());
  if (cfg.counters) {
    bsp::printf("intc_wake: counters enq=%lu deq=%lu wake=%lu err=%lu\n", in::kread(k::kCntEnq),
                in::kread(k::kCntDeq), in::kread(k::kCntWake), in::kread(k::kCntErr));
  }
  in::reset_process(1, false);
  bsp::puts("intc_wake: PASS");
  return 0;
}
