// rt_selftest: the runtime's behaviour on the SoC, the same source built for
// every executor (rt_selftest_hw / _sw / _swp / _poll) and run on 1..4 harts
// by tests/runtime. Prints "rt_selftest: PASS" and exits 0, or a FAIL line.
//
//   order     priorities first, FIFO within a level, yield goes to the back
//             (1 hart: the exact order; more harts: every step ran once)
//   inline    co_await of a Task<int> returns its value, at the caller's priority
//   channel   messages arrive in order; a full ring refuses with kFull
//   join      join() reports kOk; joining an ended task reports kNotFound
//   cancel    a waiting task ends at once (kCancelled to its joiner); its frame
//             and its controller entry come back
//   sleep     sleep(n) lasts at least n cycles
//   memory    frames exhaust the pool with kNoMemory, never undefined; all return
//   harts     tasks on all harts: yields and cross-hart messages, nothing lost
#include "bsp/boot.h"
#include "bsp/hart.h"
#include "bsp/print.h"
#include "bsp/simctrl.h"
#include "rt/awaitables.h"
#include "rt/channel.h"
#include "rt/executor.h"
#include "rt/frame_pool.h"
#include "rt/task.h"

namespace {

uint32_t g_failures;
#define EXPECT(cond, ...)                                        \
  do {                                                           \
    if (!(cond)) {                                               \
      ++g_failures;                                              \
      bsp::printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      bsp::printf(__VA_ARGS__);                                  \
      bsp::puts("");                                             \
    }                                                            \
  } while (0)

// ---------------------------------------------------------------- order
char g_log[32];
uint32_t g_log_n;
void log_step(char c) {
  const uint32_t i = bsp::atomic_fetch_add(&g_log_n, 1u);
  if (i < sizeof(g_log) - 1) g_log[i] = c;
}

rt::Task<void> stepper(char name, uint32_t steps) {
  for (uint32_t i = 0; i < steps; ++i) {
    log_step(name);
    co_await rt::yield_now();
  }
}

// ---------------------------------------------------------------- inline
rt::Task<int> add_later(int a, int b) {
  co_await rt::yield_now();
  co_return a + b;
}
int g_inline_result;
rt::Task<void> inline_parent() { g_inline_result = co_await add_later(40, 2); }

// ---------------------------------------------------------------- channel
rt::Channel<uint32_t, 4> g_ch(0);
uint32_t g_recv[8], g_recv_n;
rt::Status g_fifth_send;
rt::Task<void> consumer(uint32_t n) {
  for (uint32_t i = 0; i < n; ++i) g_recv[g_recv_n++] = co_await g_ch.recv();
}
rt::Task<void> producer() {
  for (uint32_t i = 1; i <= 4; ++i) g_ch.send(i * 11);
  g_fifth_send = g_ch.send(55);  // the ring holds 4
  rt::spawn(consumer(4), 5);     // only now: on more harts it would race the sends
  co_return;
}

// ---------------------------------------------------------------- join / cancel
rt::Channel<uint32_t, 2> g_never(1);  // nobody sends on it
bool g_waiter_resumed;
rt::Task<void> waiter() {
  co_await g_never.recv();
  g_waiter_resumed = true;
}
rt::Status g_join_ok, g_join_cancelled, g_join_stale, g_cancel_status, g_cancel_again;
// Sleeps, so that on several harts it cannot end before its joiner joins.
rt::Task<void> short_job() { co_await rt::sleep(2000); }
rt::Task<void> watch(rt::TaskRef r) { g_join_cancelled = co_await rt::join(r); }
rt::Task<void> joiner() {
  rt::TaskRef a, b;
  rt::spawn(short_job(), 3, rt::TaskType::kNormal, &a);
  g_join_ok = co_await rt::join(a);
  g_join_stale = co_await rt::join(a);  // already ended
  rt::spawn(waiter(), 3, rt::TaskType::kNormal, &b);
  rt::spawn(watch(b), 3);
  // Both reach their waits: wait for b's wait record (on several harts, with
  // a preemptive quantum, b may start late), then give it time to finish the
  // suspension that the record begins.
  while (b.alive() && b.tcb->wait_source != g_never.source()) co_await rt::sleep(200);
  co_await rt::sleep(500);
  g_cancel_status = rt::cancel(b);  // ends it now, wakes watch with kCancelled
  g_cancel_again = rt::cancel(b);
}

// ---------------------------------------------------------------- sleep
uint32_t g_slept;
rt::Task<void> sleeper(uint32_t cycles) {
  const uint32_t t0 = bsp::cycle32();
  co_await rt::sleep(cycles);
  g_slept = bsp::cycle32() - t0;
}

// ---------------------------------------------------------------- memory
rt::Task<void> big_frame(uint32_t seed) {
  volatile uint32_t buf[600];  // ~2.4 KiB: the 4 KiB class
  for (uint32_t i = 0; i < 600; ++i) buf[i] = seed + i;
  co_await rt::yield_now();
  (void)buf[seed % 600];
}

// ---------------------------------------------------------------- harts
constexpr uint32_t kWorkers = 8, kYields = 20, kPings = 16;
uint32_t g_work_count;
rt::Task<void> worker() {
  for (uint32_t i = 0; i < kYields; ++i) {
    bsp::atomic_fetch_add(&g_work_count, 1u);
    co_await rt::yield_now();
  }
}
rt::Channel<uint32_t, 8> g_ping(2), g_pong(3);
uint32_t g_pong_sum;
rt::Task<void> pinger() {
  for (uint32_t i = 1; i <= kPings; ++i) {
    while (g_ping.send(i) == rt::Status::kFull) co_await rt::yield_now();
    g_pong_sum += co_await g_pong.recv();
  }
}
rt::Task<void> ponger() {
  for (uint32_t i = 1; i <= kPings; ++i) {
    const uint32_t v = co_await g_ping.recv();
    while (g_pong.send(v * 2) == rt::Status::kFull) co_await rt::yield_now();
  }
}

bool streq(const char* a, const char* b) {
  while (*a != 0 && *a == *b) ++a, ++b;
  return *a == *b;
}

}  // namespace

extern "C" void secondary_main(unsigned) { rt::run_secondary(); }

int main() {
  const rt::InitInfo info = rt::init();
  bsp::printf("rt_selftest: executor %s, %lu harts, %lu priorities\n", rt::kExecutorName,
              info.harts, info.num_prios);
  const rt::FramePool::Stats before = rt::frame_pool().stats();

  // Phase 1: order, inline, channel, join/cancel, sleep.
  EXPECT(rt::spawn(stepper('a', 2), 2) == rt::Status::kOk, "spawn");
  rt::spawn(stepper('b', 2), 2);
  rt::spawn(stepper('c', 2), 1);
  rt::spawn(inline_parent(), 4);
  rt::spawn(producer(), 6);
  rt::spawn(joiner(), 4);
  rt::spawn(sleeper(3000), 4);
  EXPECT(rt::spawn(stepper('x', 1), info.num_prios) == rt::Status::kBadPrio, "prio check");
  rt::run();

  if (info.harts == 1) {
    EXPECT(streq(g_log, "ccabab"), "order %s", g_log);
  } else {
    EXPECT(g_log_n == 6, "%lu steps", g_log_n);
  }
  EXPECT(g_inline_result == 42, "inline result %d", g_inline_result);
  EXPECT(g_recv_n == 4 && g_recv[0] == 11 && g_recv[1] == 22 && g_recv[2] == 33 &&
             g_recv[3] == 44,
         "received %lu: %lu %lu %lu %lu", g_recv_n, g_recv[0], g_recv[1], g_recv[2], g_recv[3]);
  EXPECT(g_fifth_send == rt::Status::kFull, "fifth send: %s", rt::status_name(g_fifth_send));
  EXPECT(g_ch.lost_count() == 0, "lost %lu", g_ch.lost_count());
  EXPECT(g_join_ok == rt::Status::kOk, "join: %s", rt::status_name(g_join_ok));
  EXPECT(g_join_stale == rt::Status::kNotFound, "join ended: %s", rt::status_name(g_join_stale));
  EXPECT(g_cancel_status == rt::Status::kOk, "cancel: %s", rt::status_name(g_cancel_status));
  EXPECT(g_cancel_again == rt::Status::kNotFound, "cancel again: %s",
         rt::status_name(g_cancel_again));
  EXPECT(g_join_cancelled == rt::Status::kCancelled, "join cancelled: %s",
         rt::status_name(g_join_cancelled));
  EXPECT(!g_waiter_resumed, "cancelled waiter ran on");
  EXPECT(g_slept >= 3000, "slept %lu cycles", g_slept);

  // Phase 2: exhaust the pool with 4 KiB frames.
  uint32_t spawned = 0;
  rt::Status last = rt::Status::kOk;
  for (uint32_t i = 0; i < 64 && last == rt::Status::kOk; ++i) {
    last = rt::spawn(big_frame(i), 3);
    if (last == rt::Status::kOk) ++spawned;
  }
  const rt::FramePool::Stats full = rt::frame_pool().stats();
  EXPECT(last == rt::Status::kNoMemory, "after %lu frames: %s", spawned, rt::status_name(last));
  EXPECT(full.failures == before.failures + 1, "failures %lu", full.failures);
  bsp::printf("rt_selftest: pool of %lu bytes held %lu frames of %lu bytes, then kNoMemory\n",
              full.arena_bytes, spawned, full.last_failed_bytes);
  rt::run();
  const rt::FramePool::Stats after = rt::frame_pool().stats();
  EXPECT(after.in_use_bytes == before.in_use_bytes, "in use %lu, before %lu", after.in_use_bytes,
         before.in_use_bytes);

  // Phase 3: work on every hart.
  for (uint32_t i = 0; i < kWorkers; ++i) rt::spawn(worker(), 2 + (i & 1));
  rt::spawn(pinger(), 1);
  rt::spawn(ponger(), 1);
  rt::run();
  EXPECT(g_work_count == kWorkers * kYields, "work %lu", g_work_count);
  EXPECT(g_pong_sum == kPings * (kPings + 1), "pong sum %lu", g_pong_sum);
  EXPECT(g_ping.lost_count() == 0 && g_pong.lost_count() == 0, "lost messages");

  bsp::printf("rt_selftest: %s (%lu failures)\n", g_failures == 0 ? "PASS" : "FAIL", g_failures);
  return g_failures == 0 ? 0 : 1;
}
