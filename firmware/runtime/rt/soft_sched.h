// The software scheduler shared by the sw, poll and host executors: one
// rt::SoftQueue under one lock, and the hooks each executor supplies.
// Internal to the runtime (exec_sw.cpp, exec_poll.cpp, exec_host.cpp).
#pragma once

#include <stdint.h>

#include "rt/soft_queue.h"
#include "rt/sync.h"

#if !defined(RT_HOST)
#include "bsp/hart.h"
#endif

namespace rt::soft {

extern SoftQueue g_queue;
extern SpinLock g_lock;
// Per hart: the least urgent priority next_ready() may hand out (kMaxPrios - 1
// normally; the preempted task's priority inside a preempting dispatch).
extern uint32_t g_floor[kMaxHarts];
// Per hart: priority of the task it resumed last (sw-preempt's test).
extern uint32_t g_running_prio[kMaxHarts];

// Hooks, one definition per executor.
void after_ready();              // something became ready (sw: kick idle harts)
void before_deq();               // poll: poll the devices
void armed(uint32_t source);     // a task now waits on `source` (sw: unmask its IRQ);
                                 // called with g_lock held

inline uint32_t this_hart() {
#if defined(RT_HOST)
  return 0;
#else
  return bsp::hart_id();
#endif
}

// An event from a device or a doorbell, for executors that detect events in
// software (sw interrupt handlers, the poll loop, host tests).
uint32_t fire(uint32_t source);

}  // namespace rt::soft
