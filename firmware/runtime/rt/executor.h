// The executor interface: what tasks and awaitables call to schedule, and
// rt::init / rt::run for the program (docs/runtime.md "Executors").
//
// The same five primitives exist in every executor; the hw versions are
// single controller accesses, inline here, so a switch is an ENQ store, a DEQ
// load and a jump into the next frame:
//   make_ready(word)        ENQ
//   next_ready()            DEQ -> the frame to resume (noop handle: nothing
//                           ready, control goes back to the executor loop)
//   wait_source(src, word)  WAIT
//   doorbell(src)           SEND
//   cancel_wait(src, word)  CANCEL
// The sw and poll versions (exec_sw.cpp, exec_poll.cpp) run the same
// semantics in software (rt::SoftQueue) under a lock.
#pragma once

#include <coroutine>
#include <stdint.h>

#include "rt/config.h"
#include "rt/tcb.h"

#if defined(RT_EXEC_HW)
#include "ats_intc_regs.h"
#include "bsp/hart.h"
#include "bsp/mmio.h"
#endif

#ifndef RT_INTC_SLOT
#define RT_INTC_SLOT 0  // the controller's process slot the runtime uses (hw)
#endif

namespace rt {

struct InitInfo {
  uint32_t num_prios;     // priority levels tasks may use (the controller's NUM_PRIOS)
  uint32_t num_channels;  // channels (sources 32 ..)
  uint32_t num_irqs;      // device IRQ sources
  uint32_t harts;         // harts that run the executor
};

// Once, on hart 0, before anything is spawned: binds the frame pool, sets
// up the controller (hw: process slot, source owners and senders, HART_PROC)
// or the interrupt controllers (sw), and starts the timer service.
InitInfo init();
// Hart 0: runs tasks until no normal task is left, with every other hart
// helping; returns how many tasks this hart resumed from its loop (switches
// between tasks do not pass through the loop). May be called again after
// spawning more tasks.
uint32_t run();
// Every other hart (from secondary_main): joins each run() of hart 0; never
// returns.
[[noreturn]] void run_secondary();

// Normal tasks alive (spawned, not finished); run() returns when it is 0.
uint32_t live_tasks();
uint32_t num_prios();

namespace detail {
void task_started(TaskType type);
void task_finished(TaskType type);
}  // namespace detail

#if defined(RT_EXEC_HW)
namespace hw {
inline constexpr uintptr_t kPage = 0x40000000u + ats_intc::process_page(RT_INTC_SLOT);
}
inline void make_ready(uint32_t word) { bsp::mmio::write32(hw::kPage + ats_intc::process::kEnq, word); }
inline std::coroutine_handle<> next_ready() {
  const uint32_t w = bsp::mmio::read32(hw::kPage + ats_intc::process::kDeq);
  if (w != 0) return std::coroutine_handle<>::from_address(frame_of_word(w));
  return std::noop_coroutine();
}
// yield: ENQ the current task, DEQ the next (maybe the same one).
inline std::coroutine_handle<> switch_from(uint32_t word) {
  make_ready(word);
  return next_ready();
}
inline void wait_source(uint32_t source, uint32_t word) {
  bsp::mmio::write32(hw::kPage + ats_intc::process::wait(source), word);
}
inline void doorbell(uint32_t source) {
  bsp::fence_w_o();  // the message is in memory before the doorbell
  bsp::mmio::write32(hw::kPage + ats_intc::process::send(source), 1);
}
bool cancel_wait(uint32_t source, uint32_t word);
#else
void make_ready(uint32_t word);
std::coroutine_handle<> next_ready();
std::coroutine_handle<> switch_from(uint32_t word);
void wait_source(uint32_t source, uint32_t word);
void doorbell(uint32_t source);
bool cancel_wait(uint32_t source, uint32_t word);
#endif

}  // namespace rt
