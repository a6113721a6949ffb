// Coroutine frames from fixed pools: no heap (docs/runtime.md "Frames").
//
// A block is a 32-byte Tcb followed by the frame the compiler asked for,
// rounded up to one of kClasses power-of-two sizes. Blocks are carved from
// one arena on first use and recycled through a free list per class, so an
// allocation is a few instructions and never fragments the arena. Every block
// is 32-byte aligned (the task word keeps the priority in the low 5 bits).
// Out of memory is a nullptr the caller turns into Status::kNoMemory; the
// pool counts it (stats().failures) and keeps the size that did not fit.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "rt/sync.h"
#include "rt/tcb.h"

namespace rt {

class FramePool {
 public:
  static constexpr uint32_t kClasses = 7;
  static constexpr uint32_t kClassBytes[kClasses] = {64, 128, 256, 512, 1024, 2048, 4096};

  struct Stats {
    uint32_t arena_bytes;       // size of the arena
    uint32_t carved_bytes;      // taken from the arena so far (blocks exist)
    uint32_t in_use_bytes;      // blocks handed out now (Tcb + frame, rounded)
    uint32_t high_water_bytes;  // maximum of in_use_bytes
    uint32_t allocs, frees, failures;
    uint32_t last_failed_bytes;  // frame size of the last failed allocation
    uint32_t largest_frame;      // largest frame the compiler asked for
    uint32_t last_frame;         // frame size of the last successful allocation
    uint32_t in_use[kClasses];   // blocks handed out per class
  };

  // `arena` 32-byte aligned; `bytes` a multiple of 32. Forgets all blocks.
  void init(void* arena, uint32_t bytes);
  bool ready() const { return base_ != nullptr; }

  // A frame of at least `frame_bytes` with its Tcb initialised (state
  // kCreated, prio 0, type kNormal, a new generation and id), or nullptr.
  void* alloc_frame(size_t frame_bytes);
  // Returns the block of a frame from alloc_frame().
  void free_frame(void* frame);

  Stats stats() const;
  // Block size (Tcb + frame) that a frame of `frame_bytes` occupies; 0 = too big.
  static uint32_t block_bytes(size_t frame_bytes);

 private:
  static int class_of(size_t frame_bytes);

  mutable SpinLock lock_;
  uint8_t* base_ = nullptr;
  uint8_t* next_ = nullptr;  // first byte not yet carved
  uint8_t* end_ = nullptr;
  Tcb* free_[kClasses] = {};
  uint16_t next_cid_ = 1;
  Stats stats_ = {};
};

// The program's pool. On the target its arena is RT_FRAME_ARENA_BYTES of RAM
// (default 64 KiB, in .noinit); on the host, memory below 4 GiB (task words
// are 32 bits). Bound to that arena on first use unless init() came first.
FramePool& frame_pool();

}  // namespace rt
