// Build-time configuration of the coroutine runtime (docs/runtime.md).
//
// Exactly one executor is compiled into a program, chosen by a definition on
// the command line (firmware/runtime/CMakeLists.txt builds every app three
// times):
//   RT_EXEC_HW    ready queues and wait queues in the ATS-INTC: DEQ -> resume
//   RT_EXEC_SW    PLIC / CLINT interrupts, a software priority queue
//   RT_EXEC_POLL  no interrupts: the executor polls the devices between tasks
//   RT_HOST       host unit tests: the software queue, events fired by the test
// RT_PREEMPT_QUANTUM (sw only, cycles): timer-preemptive variant, see exec_sw.cpp.
// RT_HW_PROCESSES (hw only, 1..4, default 1): the program's tasks belong to
// that many processes, each a controller slot with its own ready queues; the
// hart runs the process the controller names best and the preempt line hands
// it to a more urgent one at the next suspension (exec_hw.cpp).
#pragma once

#include <stdint.h>

#if (defined(RT_EXEC_HW) + defined(RT_EXEC_SW) + defined(RT_EXEC_POLL) + defined(RT_HOST)) != 1
#error "define exactly one of RT_EXEC_HW, RT_EXEC_SW, RT_EXEC_POLL, RT_HOST"
#endif

#if defined(RT_PREEMPT_QUANTUM) && !defined(RT_EXEC_SW)
#error "RT_PREEMPT_QUANTUM needs RT_EXEC_SW"
#endif

#ifndef RT_HW_PROCESSES
#define RT_HW_PROCESSES 1
#endif
#if RT_HW_PROCESSES < 1 || RT_HW_PROCESSES > 4 || (RT_HW_PROCESSES > 1 && !defined(RT_EXEC_HW))
#error "RT_HW_PROCESSES is 1..4, and above 1 only with RT_EXEC_HW"
#endif

namespace rt {

enum class ExecutorKind : uint8_t { kHw, kSw, kPoll, kHost };

#if defined(RT_EXEC_HW) && RT_HW_PROCESSES > 1
inline constexpr ExecutorKind kExecutor = ExecutorKind::kHw;
inline constexpr const char* kExecutorName = "hw-processes";
#elif defined(RT_EXEC_HW)
inline constexpr ExecutorKind kExecutor = ExecutorKind::kHw;
inline constexpr const char* kExecutorName = "hw";
#elif defined(RT_EXEC_SW) && defined(RT_PREEMPT_QUANTUM)
inline constexpr ExecutorKind kExecutor = ExecutorKind::kSw;
inline constexpr const char* kExecutorName = "sw-preempt";
#elif defined(RT_EXEC_SW)
inline constexpr ExecutorKind kExecutor = ExecutorKind::kSw;
inline constexpr const char* kExecutorName = "sw";
#elif defined(RT_EXEC_POLL)
inline constexpr ExecutorKind kExecutor = ExecutorKind::kPoll;
inline constexpr const char* kExecutorName = "poll";
#else
inline constexpr ExecutorKind kExecutor = ExecutorKind::kHost;
inline constexpr const char* kExecutorName = "host";
#endif

inline constexpr uint32_t kProcesses = RT_HW_PROCESSES;

#if defined(RT_PREEMPT_QUANTUM)
inline constexpr uint32_t kPreemptQuantum = RT_PREEMPT_QUANTUM;
#else
inline constexpr uint32_t kPreemptQuantum = 0;
#endif

// Event sources, numbered as the ATS-INTC numbers them (ARCHITECTURE.md §5):
// device IRQ i is source i, channel c is source 32 + c.
inline constexpr uint32_t kMaxSources = 64;
inline constexpr uint32_t kFirstChannel = 32;
inline constexpr uint32_t kMaxChannels = 32;
// Priority levels the software queue supports (the controller's NUM_PRIOS
// may be fewer: rt::init reads it and spawn() rejects what it cannot hold).
inline constexpr uint32_t kMaxPrios = 32;
// Harts the runtime supports.
inline constexpr uint32_t kMaxHarts = 4;

// Status of runtime calls that can fail: every failure has a code.
enum class Status : uint8_t {
  kOk = 0,
  kNoMemory,     // frame pool exhausted
  kBadPrio,      // priority >= the number of levels
  kBadSource,    // no such event source, or not a channel
  kFull,         // a channel ring is full: the message was not sent
  kBusy,         // the task already has a joiner
  kNotFound,     // the task has finished (a stale TaskRef)
  kCancelled,    // the task was cancelled
  kHwError,      // the controller rejected an access (its ERR register is kept)
};

const char* status_name(Status s);

}  // namespace rt
