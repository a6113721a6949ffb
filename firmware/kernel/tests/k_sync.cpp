// k_sync: threads, mutexes and condition variables under a randomized
// preemption quantum (200..900 cycles, seeded from the UART input: soc_sim
// --uart-input "<seed>\n"), so system calls are interrupted and restarted at
// different points on every seed. Process 1 runs 3 counting threads (100
// increments each of one counter, a mutex around a read-spin-write), a
// producer and a consumer over a 4-slot buffer (two condition variables,
// 60 items) and a main thread that waits for all of them on a third
// condition variable. Process 2 meanwhile prints 256 bytes with one
// interruptible write. Checked in M-mode at the end: no lost increment, every
// item consumed once in order, the text whole, no thread left asleep.
//
// Built with K_CHECKPOINT (k_checkpoint): at a preemption chosen from the seed
// the kernel exports everything (thread registers, objects, region memory),
// the run goes on to the end, then the kernel is rebuilt from that snapshot
// and runs again from there: the second ending must equal the first --
// same results, and the same console bytes (CRC) written after the snapshot.
#include "bsp/hart.h"
#include "bsp/print.h"
#include "bsp/uart.h"
#include "kernel/kernel.h"
#include "kernel/user.h"
#include "kernel/tests/seed.h"

namespace {

constexpr uint32_t kCounters = 3, kIncrements = 100;
#if defined(K_MANY_ITEMS)
// k_condvar: 2,000 items through a 1-slot buffer, so nearly every item makes
// the producer and the consumer wait: thousands of cond_waits, each turned
// into mutex_lock by the kernel and restarted from the registers alone.
constexpr uint32_t kItems = 2000, kSlots = 1;
#else
constexpr uint32_t kItems = 60, kSlots = 4;
#endif

USER_DATA(1) int32_t g_mutex, g_not_full, g_not_empty, g_done_cv;
USER_DATA(1) volatile uint32_t g_counter;
USER_DATA(1) uint32_t g_buf[kSlots];
USER_DATA(1) uint32_t g_count, g_head, g_tail;
USER_DATA(1) uint32_t g_consumed_sum, g_consumed_n, g_order_errors;
USER_DATA(1) uint32_t g_done;
USER_DATA(1) int32_t g_errors;
USER_DATA(1) uint32_t g_stacks[5][256] __attribute__((aligned(16)));

USER_TEXT(1) void finish_one() {
  sys::mutex_lock(g_mutex);
  ++g_done;
  sys::cond_signal(g_done_cv);
  sys::mutex_unlock(g_mutex);
  sys::thread_exit();
}

USER_TEXT(1) void counter_thread() {
  for (uint32_t i = 0; i < kIncrements; ++i) {
    if (sys::mutex_lock(g_mutex) != 0) ++g_errors;
    const uint32_t v = g_counter;
    for (uint32_t k = 0; k < 20; ++k) asm volatile("");  // widen the window for a preemption
    g_counter = v + 1;
    if (sys::mutex_unlock(g_mutex) != 0) ++g_errors;
  }
  finish_one();
}

USER_TEXT(1) void producer_thread() {
  for (uint32_t i = 1; i <= kItems; ++i) {
    sys::mutex_lock(g_mutex);
    while (g_count == kSlots) sys::cond_wait(g_not_full, g_mutex);
    g_buf[g_tail] = i;
    g_tail = (g_tail + 1) % kSlots;
    ++g_count;
    sys::cond_signal(g_not_empty);
    sys::mutex_unlock(g_mutex);
  }
  finish_one();
}

USER_TEXT(1) void consumer_thread() {
  for (uint32_t i = 1; i <= kItems; ++i) {
    sys::mutex_lock(g_mutex);
    while (g_count == 0) sys::cond_wait(g_not_empty, g_mutex);
    const uint32_t v = g_buf[g_head];
    g_head = (g_head + 1) % kSlots;
    --g_count;
    sys::cond_signal(g_not_full);
    sys::mutex_unlock(g_mutex);
    if (v != i) ++g_order_errors;
    g_consumed_sum += v;
    ++g_consumed_n;
  }
  finish_one();
}

// A table in the region: a local array initializer would be copied from the
// kernel's .rodata, which U-mode may not read.
USER_RODATA(1) void (*const kEntries[5])() = {counter_thread, counter_thread, counter_thread,
                                              producer_thread, consumer_thread};

USER_TEXT(1) void p1_main() {
  g_mutex = sys::mutex_create();
  g_not_full = sys::cond_create();
  g_not_empty = sys::cond_create();
  g_done_cv = sys::cond_create();
  if (g_mutex <= 0 || g_not_full <= 0 || g_not_empty <= 0 || g_done_cv <= 0) sys::exit(10);
  for (uint32_t i = 0; i < 5; ++i) {
    if (sys::thread_create(kEntries[i], &g_stacks[i][256]) <= 0) sys::exit(11);
  }
  sys::mutex_lock(g_mutex);
  while (g_done < 5) sys::cond_wait(g_done_cv, g_mutex);
  sys::mutex_unlock(g_mutex);
  sys::exit(0);
}

constexpr uint32_t kTextLen = 256;
USER_DATA(2) char g_text[kTextLen];
USER_TEXT(2) void p2_main() {
  for (uint32_t i = 0; i < kTextLen; ++i) {
    g_text[i] = (i % 64 == 63) ? '\n' : static_cast<char>('A' + (i / 64));
  }
  sys::write(g_text, kTextLen);
  sys::exit(0);
}

uint32_t g_seed;

#if defined(K_CHECKPOINT)
kernel::Snapshot g_snapshot __attribute__((section(".noinit")));
bool g_snapshot_taken;
uint32_t g_pass;
struct Ending {
  uint32_t counter, consumed_n, consumed_sum, order_errors, crc, bytes;
  int32_t errors, p1_exit, p2_exit;
  bool operator==(const Ending& o) const {
    return counter == o.counter && consumed_n == o.consumed_n && consumed_sum == o.consumed_sum &&
           order_errors == o.order_errors && crc == o.crc && bytes == o.bytes &&
           errors == o.errors && p1_exit == o.p1_exit && p2_exit == o.p2_exit;
  }
};
Ending g_first;

void checkpoint() {
  kernel::take_snapshot(g_snapshot);
  g_snapshot_taken = true;
  bsp::printf("\nk_checkpoint: snapshot at preemption %lu\n", kernel::counters().preemptions);
}

Ending ending() {
  return Ending{g_counter, g_consumed_n, g_consumed_sum, g_order_errors, kernel::console_crc(),
                kernel::console_bytes(), g_errors, kernel::process(1).exit_code,
                kernel::process(2).exit_code};
}
#endif

}  // namespace

int kernel_finished() {
#if defined(K_CHECKPOINT)
  if (g_pass++ == 0) {
    g_first = ending();
    bsp::printf("k_checkpoint: first ending: counter %lu, consumed %lu, %lu console bytes after "
                "the snapshot (crc 0x%08lx); rebuilding from the snapshot\n",
                g_first.counter, g_first.consumed_n, g_first.bytes, g_first.crc);
    if (!g_snapshot_taken) {
      bsp::puts("k_checkpoint: FAIL (no snapshot was taken)");
      return 1;
    }
    kernel::resume_from(g_snapshot);
  }
  const Ending second = ending();
  bsp::printf("k_checkpoint: second ending: counter %lu, consumed %lu, %lu console bytes "
              "(crc 0x%08lx)\n",
              second.counter, second.consumed_n, second.bytes, second.crc);
  if (!(second == g_first)) {
    bsp::puts("k_checkpoint: FAIL (the endings differ)");
    return 1;
  }
#endif
  const kernel::Counters& k = kernel::counters();
  const uint32_t want_sum = kItems * (kItems + 1) / 2;
  const bool ok = kernel::process(1).exit_code == 0 && !kernel::process(1).killed &&
                  kernel::process(2).exit_code == 0 && g_counter == kCounters * kIncrements &&
                  g_consumed_n == kItems && g_consumed_sum == want_sum && g_order_errors == 0 &&
                  g_errors == 0 && k.deadlocked == 0 && k.cond_waits > 0 && k.blocks > 0;
  bsp::printf("k_sync: seed %lu: counter %lu/%lu, consumed %lu (sum %lu/%lu, order errors %lu), "
              "errors %ld\n",
              g_seed, g_counter, kCounters * kIncrements, g_consumed_n, g_consumed_sum, want_sum,
              g_order_errors, g_errors);
  bsp::printf("k_sync: %lu system calls, %lu preemptions, %lu restarts of write, %lu sleeps, "
              "%lu cond waits turned into mutex_lock\n",
              k.syscalls, k.preemptions, k.restarts, k.blocks, k.cond_waits);
  bsp::printf("k_sync: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

int main() {
  g_seed = ktest::read_seed();
  kernel::set_quantum(200, 900, g_seed);
#if defined(K_CHECKPOINT)
  kernel::set_checkpoint_hook(20 + (g_seed * 37) % 400, checkpoint);
#endif
  kernel::create_process(1, p1_main);
  kernel::create_process(2, p2_main);
  kernel::run();
}
