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
#include "bsp/trap.h"
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
constexpr uintptr_t page_of_slot(uint32_t slot) { return 0x40000000u + ats_intc::process_page(slot); }
inline constexpr uintptr_t kPage = page_of_slot(RT_INTC_SLOT);
#if RT_HW_PROCESSES > 1
// Several processes (RT_HW_PROCESSES): process i is controller slot
// RT_INTC_SLOT + i. A frame's queue operations go to its own process's page
// (the Tcb says which); SEND and DEQ to the page of the process the hart runs.
extern uint8_t g_hart_proc[kMaxHarts];      // the process each hart runs
extern uint32_t g_process_switches[kMaxHarts];  // times each hart changed process
inline constexpr uintptr_t kPageStride = page_of_slot(1) - page_of_slot(0);
inline uintptr_t page_of_proc(uint32_t p) { return kPage + kPageStride * p; }
inline uintptr_t page_of_word(uint32_t word) {
  return page_of_proc(tcb_of_frame(frame_of_word(word))->proc);
}
inline uintptr_t current_page() { return page_of_proc(g_hart_proc[bsp::hart_id()]); }
#else
inline uintptr_t page_of_word(uint32_t) { return kPage; }
inline uintptr_t current_page() { return kPage; }
#endif
// One load of DEQ_FRAME on the hart's process page: the next ready frame
// (the task word without its priority bits), nullptr when none is ready.
inline void* deq_frame() {
  return reinterpret_cast<void*>(
      static_cast<uintptr_t>(bsp::mmio::read32(current_page() + ats_intc::process::kDeqFrame)));
}
}  // namespace hw
inline void make_ready(uint32_t word) {
  bsp::mmio::write32(hw::page_of_word(word) + ats_intc::process::kEnq, word);
}
inline std::coroutine_handle<> next_ready() {
#if RT_HW_PROCESSES > 1
  // Another process has a more urgent task (the controller's preempt line):
  // back to the executor loop, which switches to it.
  if ((bsp::irq::pending() & bsp::irq::kPreempt) != 0) return std::noop_coroutine();
#endif
  if (void* f = hw::deq_frame()) return std::coroutine_handle<>::from_address(f);
  return std::noop_coroutine();
}
// yield: ENQ the current task, DEQ the next (maybe the same one).
inline std::coroutine_handle<> switch_from(uint32_t word) {
  make_ready(word);
  return next_ready();
}
inline void wait_source(uint32_t source, uint32_t word) {
  bsp::mmio::write32(hw::page_of_word(word) + ats_intc::process::wait(source), word);
}
inline void doorbell(uint32_t source) {
  bsp::fence_w_o();  // the message is in memory before the doorbell
  bsp::mmio::write32(hw::current_page() + ats_intc::process::send(source), 1);
}
#if RT_HW_PROCESSES > 1
// Frames created (tasks called, spawned) while an InProcess is alive belong
// to process p (0 .. RT_HW_PROCESSES - 1); otherwise to the process the hart
// runs. Meant for main() before run(), or a task that starts work for another
// process (destroy the scope before the task's next co_await).
class InProcess {
 public:
  explicit InProcess(uint32_t p) : hart_(bsp::hart_id()), saved_(hw::g_hart_proc[hart_]) {
    hw::g_hart_proc[hart_] = static_cast<uint8_t>(p < kProcesses ? p : 0);
  }
  ~InProcess() { hw::g_hart_proc[hart_] = saved_; }
  InProcess(const InProcess&) = delete;
  InProcess& operator=(const InProcess&) = delete;

 private:
  uint32_t hart_;
  uint8_t saved_;
};
#endif
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
