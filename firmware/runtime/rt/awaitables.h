// What a task can wait for (docs/runtime.md "Awaitables"):
//
//   co_await rt::yield_now();      back to the end of its priority level
//   co_await rt::wait_irq(n);      until device interrupt source n fires
//   co_await rt::wait_event(s);    any event source (IRQ or channel)
//   co_await rt::sleep(cycles);    at least `cycles` clock cycles
//   (channels: rt::Channel<T, N>::recv() / send(), in rt/channel.h)
//
// Every suspension is a cancellation point: a cancelled task ends there.
// Each await_suspend hands the hart straight to the next ready frame
// (symmetric transfer), so a switch never returns through the executor loop.
#pragma once

#include <coroutine>
#include <stdint.h>

#include "rt/executor.h"
#include "rt/task.h"
#include "rt/tcb.h"

namespace rt {

struct YieldAwaiter {
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) const noexcept {
    Tcb* me = tcb_of_frame(h.address());
    std::coroutine_handle<> next;
    if (detail::cancelled_at_suspend(me->root, next)) return next;
    return switch_from(me->word);
  }
  void await_resume() const noexcept {}
};
inline YieldAwaiter yield_now() { return {}; }

// Waits for one event of `source`: a device IRQ edge (source < 32) or a
// channel doorbell (32 + c). An event that came while nobody waited is
// pending and ends the wait at once (through the ready queue).
struct EventAwaiter {
  uint32_t source;
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) const noexcept {
    Tcb* me = tcb_of_frame(h.address());
    Tcb* root = me->root;
    std::coroutine_handle<> next;
    if (detail::cancelled_at_suspend(root, next)) return next;
    root->wait_word = me->word;
    root->wait_source = static_cast<uint8_t>(source);
    wait_source(source, me->word);  // from here another hart may resume it
    return next_ready();
  }
  void await_resume() const noexcept {}
};
inline EventAwaiter wait_event(uint32_t source) { return EventAwaiter{source}; }
inline EventAwaiter wait_irq(uint32_t irq) { return EventAwaiter{irq}; }

// Sleep: the timer service (rt/timer.h) makes the task ready once mtime
// has passed the deadline.
struct SleepAwaiter {
  uint32_t cycles;
  bool await_ready() const noexcept { return cycles == 0; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) const noexcept;
  void await_resume() const noexcept {}
};
inline SleepAwaiter sleep(uint32_t cycles) { return SleepAwaiter{cycles}; }

}  // namespace rt
