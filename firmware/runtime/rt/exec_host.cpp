// The host executor (RT_HOST): the runtime compiled natively for unit tests
// (tests/runtime/host). One hart, no devices, no interrupts: the scheduler is
// rt::SoftQueue (soft_sched.cpp) as in the sw and poll executors, events come
// from rt::host::fire(), time from rt::host::advance() (rt/host.h), and run()
// returns as soon as nothing is ready instead of waiting for an event.
//
// Frames come from an arena mapped below 4 GiB, so a frame address fits the
// 32-bit task word exactly as on the target.
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include <coroutine>

#include "rt/executor.h"
#include "rt/frame_pool.h"
#include "rt/host.h"
#include "rt/soft_sched.h"
#include "rt/timer.h"

#if !defined(RT_HOST)
#error "exec_host.cpp is the executor of the host build (RT_HOST)"
#endif

namespace rt {

namespace detail {
extern uint32_t g_live;             // runtime.cpp
void wake_idle_harts_for_exit() {}  // one hart: nobody to wake
}  // namespace detail

namespace soft {
void after_ready() {}
void before_deq() {}
void armed(uint32_t) {}
}  // namespace soft

namespace {

constexpr uint32_t kArenaBytes = 1u << 20;
uint32_t g_num_prios = host::kDefaultPrios;
uint64_t g_mtime;
uint64_t g_mtimecmp = host::kTimerOff;

// The arena, mapped once for the process and below 4 GiB.
void* arena() {
  static void* base = [] {
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
    void* hint = nullptr;
#if defined(MAP_32BIT)
    flags |= MAP_32BIT;
#else
    hint = reinterpret_cast<void*>(uintptr_t(0x10000000));
#endif
    void* p = mmap(hint, kArenaBytes, PROT_READ | PROT_WRITE, flags, -1, 0);
    if (p == MAP_FAILED || reinterpret_cast<uintptr_t>(p) + kArenaBytes > (uintptr_t(1) << 32)) {
      fprintf(stderr, "rt host: cannot map the %u-byte frame arena below 4 GiB (got %p)\n",
              kArenaBytes, p);
      abort();
    }
    return p;
  }();
  return base;
}

}  // namespace

FramePool& frame_pool() {
  static FramePool pool;
  if (!pool.ready()) pool.init(arena(), kArenaBytes);
  return pool;
}

uint32_t num_prios() { return g_num_prios; }

InitInfo init() {
  (void)frame_pool();
  {
    CriticalSection cs(soft::g_lock);
    soft::g_queue.reset();
  }
  __atomic_store_n(&detail::g_live, 0u, __ATOMIC_SEQ_CST);
  timer::reset();
  timer::init();
  return InitInfo{g_num_prios, kMaxChannels, kFirstChannel, 1};
}

uint32_t run() {
  uint32_t resumed = 0;
  for (;;) {
    std::coroutine_handle<> h = next_ready();
    if (h == std::noop_coroutine()) break;
    ++resumed;
    h.resume();
  }
  return resumed;
}

void run_secondary() {
  fprintf(stderr, "rt host: run_secondary() has no meaning on the host (one hart)\n");
  abort();
}

namespace host {

void reset() {
  detail::g_cancel_window_hook = nullptr;
  g_num_prios = kDefaultPrios;
  g_mtime = 0;
  frame_pool().init(arena(), kArenaBytes);
  init();
}

void set_num_prios(uint32_t n) {
  if (n == 0 || n > kMaxPrios) {
    fprintf(stderr, "rt host: %u priority levels (1..%u)\n", n, kMaxPrios);
    abort();
  }
  g_num_prios = n;
}

uint32_t fire(uint32_t source) { return soft::fire(source); }

uint64_t now() { return g_mtime; }

void advance(uint64_t ticks) {
  g_mtime += ticks;
  timer::service();
}

uint64_t timer_deadline() { return g_mtimecmp; }
void set_timer_deadline(uint64_t t) { g_mtimecmp = t; }

SoftQueue& queue() { return soft::g_queue; }

}  // namespace host

}  // namespace rt
