// The task control block and the task word (ARCHITECTURE.md §5).
//
// Each coroutine frame comes from the frame pool with a 32-byte control block
// right below it: [Tcb (32 B)][frame ...]. Blocks are 32-byte aligned, so the
// frame address is too and its low 5 bits carry the priority in the task
// word the controller queues: word = frame | prio, 0 = nothing. The executor
// resumes the frame address directly (frame word 0 is the compiler's resume
// function); the Tcb is found at frame - 32 without any table.
//
// The Tcb holds what the thesis (seed 004) calls the coroutine control block:
// an id (cid), a type (ctype: what the runtime does with the task) and the
// priority, plus the link for software queues and the join/cancel state.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "rt/config.h"

namespace rt {

inline constexpr uint32_t kFrameAlign = 32;
inline constexpr uint32_t kPrioMask = kFrameAlign - 1;

// Normal tasks keep rt::run() going; daemons (the timer task, servers that
// loop forever) do not: run() returns when the last normal task ends.
enum class TaskType : uint8_t { kNormal = 0, kDaemon = 1 };

enum class TaskState : uint8_t {
  kFree = 0,    // block not in use
  kCreated,     // frame exists, not spawned (or awaited inline by a parent)
  kReady,       // in a ready queue
  kRunning,     // being resumed on some hart
  kWaiting,     // in a wait queue (source), sleeping or joining
  kDone,
};

// A task waiting in join() registers one of these (it lives in its frame).
struct JoinWaiter {
  uint32_t word;  // the joiner's task word
  Status status;  // written by the finishing task before it wakes the joiner
};

inline constexpr uint8_t kNoSource = 0xFF;
inline constexpr uint8_t kSleeping = 0xFE;

struct alignas(kFrameAlign) Tcb {
  Tcb* next;               // link in a software ready/wait/timer queue
  uint32_t word;           // frame | prio (the word this frame is queued with)
  JoinWaiter* joiner;      // the one task waiting in join(); kJoinClosed when done
  Tcb* root;               // the spawned task this frame runs for (itself, or the
                           // parent chain's root for a Task awaited inline)
  uint32_t wait_word;      // root only: the word of the frame that waits now
  uint32_t wake_at;        // sleep deadline (mtime ticks, low word)
  uint16_t cid;            // task id (unique among live tasks; wraps)
  uint16_t gen;            // generation of this block: a TaskRef to a finished task is stale
  volatile TaskState state;
  volatile uint8_t cancel;  // root only: cancel requested, ends at the next suspension
  volatile uint8_t wait_source;  // root only: source waited on (kNoSource, kSleeping)
  TaskType type : 2;
  uint8_t proc : 2;        // hw, RT_HW_PROCESSES > 1: the process (controller slot
                           // RT_INTC_SLOT + proc) whose queues hold this frame
  uint8_t size_class : 4;  // frame pool class of this block
};
#if defined(RT_HOST)
// 64-bit pointers: on the host the Tcb takes two slots; the frame stays 32-byte aligned.
static_assert(sizeof(Tcb) == 2 * kFrameAlign, "the Tcb is two 32-byte slots below the frame");
#else
static_assert(sizeof(Tcb) == kFrameAlign, "the Tcb is one 32-byte slot below the frame");
#endif

inline JoinWaiter* const kJoinClosed = reinterpret_cast<JoinWaiter*>(uintptr_t(1));

inline Tcb* tcb_of_frame(void* frame) { return static_cast<Tcb*>(frame) - 1; }
inline void* frame_of(const Tcb* t) { return const_cast<Tcb*>(t + 1); }
inline void* frame_of_word(uint32_t word) {
  return reinterpret_cast<void*>(static_cast<uintptr_t>(word & ~kPrioMask));
}
inline Tcb* tcb_of_word(uint32_t word) { return tcb_of_frame(frame_of_word(word)); }
inline uint32_t make_word(const void* frame, uint32_t prio) {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(frame)) | (prio & kPrioMask);
}
inline uint32_t word_prio(uint32_t word) { return word & kPrioMask; }

}  // namespace rt
