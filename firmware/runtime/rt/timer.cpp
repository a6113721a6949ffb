#include "rt/timer.h"

#include "rt/executor.h"
#include "rt/sync.h"

#if defined(RT_HOST)
#include "rt/host.h"
#else
#include "bsp/clint.h"
#include "bsp/hart.h"
#endif

namespace rt::timer {
namespace {

// The clock: hart 0's CLINT timer on the target. On the host, the virtual
// mtime of rt/host.h (one cycle per tick); its "timer interrupt" is
// rt::host::advance(), which calls service().
namespace clock {
#if defined(RT_HOST)
uint64_t mtime() { return host::now(); }
uint32_t mtime32() { return static_cast<uint32_t>(host::now()); }
void set_mtimecmp(uint64_t t) { host::set_timer_deadline(t); }
void disarm() { host::set_timer_deadline(host::kTimerOff); }
uint32_t measure_cycles_per_tick() { return 1; }
#else
constexpr unsigned kTimerHart = 0;
inline uint64_t mtime() { return bsp::clint::mtime(); }
inline uint32_t mtime32() { return bsp::clint::mtime32(); }
inline void set_mtimecmp(uint64_t t) { bsp::clint::set_mtimecmp(kTimerHart, t); }
inline void disarm() { bsp::clint::disarm(kTimerHart); }
// Cycles per mtime tick: count cycles over 64 ticks (CLINT prescaler).
uint32_t measure_cycles_per_tick() {
  const uint32_t t0 = bsp::clint::mtime32();
  uint32_t t;
  while ((t = bsp::clint::mtime32()) == t0) {
  }
  const uint32_t c0 = bsp::cycle32();
  while (bsp::clint::mtime32() - t < 64) {
  }
  return (bsp::cycle32() - c0 + 32) / 64;
}
#endif
}  // namespace clock

SpinLock g_lock;
Tcb* g_head;  // sorted by wake_at (wrap-aware)
uint32_t g_count;
uint32_t g_cycles_per_tick = 1;

bool due(uint32_t wake_at, uint32_t now) { return static_cast<int32_t>(wake_at - now) <= 0; }

// Programs hart 0's mtimecmp for the first sleeper (or off; sw-preempt: at
// most one quantum ahead, the preemption tick). Caller holds the lock.
void arm(uint64_t now) {
  if constexpr (kExecutor == ExecutorKind::kPoll) return;  // polled, no interrupt
  uint64_t deadline = ~uint64_t(0);
  if (g_head != nullptr) {
    const int32_t ahead = static_cast<int32_t>(g_head->wake_at - static_cast<uint32_t>(now));
    deadline = now + static_cast<uint64_t>(ahead > 0 ? ahead : 0);
  }
  if constexpr (kPreemptQuantum != 0) {
    const uint64_t tick = now + ticks_for(kPreemptQuantum);
    if (tick < deadline) deadline = tick;
  }
  if (deadline == ~uint64_t(0)) clock::disarm();
  else clock::set_mtimecmp(deadline);
}

}  // namespace

void init() {
  const uint32_t cpt = clock::measure_cycles_per_tick();
  g_cycles_per_tick = cpt == 0 ? 1 : cpt;
}

uint32_t cycles_per_tick() { return g_cycles_per_tick; }

uint32_t ticks_for(uint32_t cycles) {
  const uint32_t t = (cycles + g_cycles_per_tick - 1) / g_cycles_per_tick;
  return t == 0 ? 1 : t;
}

void add(Tcb* t, uint32_t ticks) {
  CriticalSection cs(g_lock);
  const uint64_t now = clock::mtime();
  t->wake_at = static_cast<uint32_t>(now) + ticks;
  Tcb** p = &g_head;
  while (*p != nullptr && due((*p)->wake_at, t->wake_at)) p = &(*p)->next;
  t->next = *p;
  *p = t;
  ++g_count;
  if (g_head == t) arm(now);
}

bool remove(Tcb* t, const Tcb* root) {
  CriticalSection cs(g_lock);
  for (Tcb** p = &g_head; *p != nullptr; p = &(*p)->next) {
    if (*p != t) continue;
    if (t->root != root) return false;  // the block now sleeps for another task
    *p = t->next;
    t->next = nullptr;
    --g_count;
    if (p == &g_head) arm(clock::mtime());
    return true;
  }
  return false;
}

void service() {
  CriticalSection cs(g_lock);
  for (;;) {
    const uint64_t now = clock::mtime();
    while (g_head != nullptr && due(g_head->wake_at, static_cast<uint32_t>(now))) {
      Tcb* t = g_head;
      g_head = t->next;
      t->next = nullptr;
      --g_count;
      make_ready(t->word);
    }
    arm(now);
    // A deadline that passed while arming may never make an edge: go again.
    if (g_head == nullptr || !due(g_head->wake_at, clock::mtime32())) return;
  }
}

bool poll() {
  Tcb* head = __atomic_load_n(&g_head, __ATOMIC_ACQUIRE);
  if (head == nullptr || !due(head->wake_at, clock::mtime32())) return false;
  service();
  return true;
}

uint32_t sleepers() { return g_count; }

#if defined(RT_HOST)
void reset() {
  CriticalSection cs(g_lock);
  g_head = nullptr;
  g_count = 0;
  clock::disarm();
}
#endif

}  // namespace rt::timer
