// make_ready / next_ready / switch_from / wait_source / doorbell /
// cancel_wait over rt::SoftQueue (see soft_sched.h).
#include "rt/soft_sched.h"

#include <coroutine>

#include "rt/executor.h"

namespace rt {
namespace soft {

SoftQueue g_queue;
SpinLock g_lock;
uint32_t g_floor[kMaxHarts] = {kMaxPrios - 1, kMaxPrios - 1, kMaxPrios - 1, kMaxPrios - 1};
uint32_t g_running_prio[kMaxHarts];

uint32_t fire(uint32_t source) {
  uint32_t n;
  {
    CriticalSection cs(g_lock);
    n = g_queue.fire(source);
  }
  if (n != 0) after_ready();
  return n;
}

namespace {
// The dequeued word's priority is recorded as the hart's running priority
// inside the critical section, before interrupts are on again: a preemption
// tick between the dequeue and the resume must see the task in hand, not the
// one that just suspended (sw-preempt would otherwise run a less urgent task
// above it, or lose it below a dispatch that never ends).
inline uint32_t take(uint32_t hart, bool enqueue_first, uint32_t word) {
  CriticalSection cs(g_lock);
  if (enqueue_first) g_queue.enq(word);
  const uint32_t w = g_queue.deq_upto(g_floor[hart]);
  if (w != 0) g_running_prio[hart] = word_prio(w);
  return w;
}

std::coroutine_handle<> handle_of(uint32_t w) {
  if (w == 0) return std::noop_coroutine();
  return std::coroutine_handle<>::from_address(frame_of_word(w));
}
}  // namespace

}  // namespace soft

void make_ready(uint32_t word) {
  {
    CriticalSection cs(soft::g_lock);
    soft::g_queue.enq(word);
  }
  soft::after_ready();
}

std::coroutine_handle<> next_ready() {
  if constexpr (kExecutor == ExecutorKind::kPoll) soft::before_deq();
  return soft::handle_of(soft::take(soft::this_hart(), false, 0));
}

std::coroutine_handle<> switch_from(uint32_t word) {
  if constexpr (kExecutor == ExecutorKind::kPoll) soft::before_deq();
  const uint32_t w = soft::take(soft::this_hart(), true, word);
  if (w != word) soft::after_ready();  // another hart may take the yielded task
  return soft::handle_of(w);
}

void wait_source(uint32_t source, uint32_t word) {
  bool ready;
  {
    CriticalSection cs(soft::g_lock);  // one lock round trip: queue and unmask together
    ready = soft::g_queue.wait(source, word);
    if (!ready) soft::armed(source);
  }
  if (ready) soft::after_ready();
}

void doorbell(uint32_t source) { soft::fire(source); }

bool cancel_wait(uint32_t source, uint32_t word) {
  CriticalSection cs(soft::g_lock);
  return soft::g_queue.cancel(source, word);
}

}  // namespace rt
