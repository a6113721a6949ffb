// The host build of the runtime (RT_HOST, exec_host.cpp): what a unit test
// drives in place of devices, the controller and the clock.
//
//   rt::host::reset();                 // before each test: nothing queued, a fresh pool
//   rt::spawn(worker(), 2);
//   rt::run();                         // resumes ready tasks until none is ready
//   rt::host::fire(3);                 // an IRQ edge / doorbell on source 3
//   rt::host::advance(100);            // mtime += 100; expired sleepers become ready
//   rt::run();
//
// The scheduler is rt::SoftQueue (the controller's semantics in software),
// one hart, no interrupts: nothing happens unless the test fires an event,
// advances the clock or runs the tasks. Frames come from an arena below
// 4 GiB, so task words are 32 bits as on the target.
#pragma once

#include <stdint.h>

#include "rt/soft_queue.h"

#if !defined(RT_HOST)
#error "rt/host.h is for the host build (RT_HOST) only"
#endif

namespace rt::host {

inline constexpr uint64_t kTimerOff = ~uint64_t(0);
inline constexpr uint32_t kDefaultPrios = 8;

// Between tests: empties the ready and wait queues, forgets every sleeper,
// binds a fresh frame pool (the blocks of tasks left behind are abandoned,
// their destructors do not run), zeroes the live count and the clock,
// restores kDefaultPrios levels, and calls rt::init().
void reset();
// Priority levels rt::num_prios() reports, so spawn() rejects prio >= n
// (1..kMaxPrios).
void set_num_prios(uint32_t n);

// An event on `source` (a device IRQ edge, source < 32, or a channel
// doorbell, 32 + c): wakes one waiter (all in broadcast mode), else counts
// pending. Returns the number of tasks made ready.
uint32_t fire(uint32_t source);

// The virtual mtime (one cycle per tick, so sleep(n) lasts n ticks).
uint64_t now();
// mtime += ticks, then the timer service: every expired sleeper becomes ready.
void advance(uint64_t ticks);
// The timer compare value the runtime last programmed (kTimerOff: none).
uint64_t timer_deadline();
// For timer.cpp: programs (or with kTimerOff, disarms) the virtual timer.
void set_timer_deadline(uint64_t t);

// The scheduler, for inspection (held(), source(s).pending, ...).
SoftQueue& queue();

}  // namespace rt::host

namespace rt::detail {
// Called by rt::cancel() between its check that the recorded wait is the
// task's own and the removal of that wait: a test runs there what another
// hart could run in that window (nullptr: nothing). reset() clears it.
extern void (*g_cancel_window_hook)();
}  // namespace rt::detail
