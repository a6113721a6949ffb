// The sleep service behind rt::sleep(cycles) (docs/runtime.md "Timers").
//
// Sleeping frames wait in one list sorted by deadline (mtime ticks; the Tcb
// holds the low word, so a sleep is below 2^31 ticks). Who expires them
// depends on the executor: hw, a daemon task waiting on the ATS-INTC source
// of hart 0's timer (irq 3); sw, the CLINT timer interrupt of hart 0; poll,
// the executor between tasks (rt::timer::poll); host tests, rt::host::advance
// (a virtual clock, rt/host.h). hw and sw program hart 0's mtimecmp to the
// earliest deadline; nothing else may use that timer.
#pragma once

#include <stdint.h>

#include "rt/tcb.h"

namespace rt::timer {

// Measures the clock cycles per mtime tick (once, at rt::init).
void init();
uint32_t cycles_per_tick();
// Ticks for at least `cycles` cycles (rounded up, >= 1).
uint32_t ticks_for(uint32_t cycles);

// `t` (the frame that sleeps) becomes ready after `ticks` ticks.
void add(Tcb* t, uint32_t ticks);
// Takes `t` off the list (cancellation) if it sleeps for the task `root`;
// false when it is not there, or when its block now belongs to another task
// (checked under the list's lock, so a sleep of that task is never taken).
bool remove(Tcb* t, const Tcb* root);
// Makes every expired sleeper ready and programs the timer for the next one.
void service();
// Poll executor: service() when the first deadline has passed. True if it did.
bool poll();
// Sleepers in the list.
uint32_t sleepers();

#if defined(RT_HOST)
// Host tests: forgets every sleeper (rt::host::reset).
void reset();
#endif

}  // namespace rt::timer
