#include "rt/frame_pool.h"

#include "rt/executor.h"

#include <string.h>

namespace rt {

void FramePool::init(void* arena, uint32_t bytes) {
  CriticalSection cs(lock_);
  base_ = static_cast<uint8_t*>(arena);
  next_ = base_;
  end_ = base_ + (bytes & ~(kFrameAlign - 1));
  for (auto& f : free_) f = nullptr;
  stats_ = Stats{};
  stats_.arena_bytes = static_cast<uint32_t>(end_ - base_);
}

int FramePool::class_of(size_t frame_bytes) {
  const size_t need = frame_bytes + sizeof(Tcb);
  for (uint32_t c = 0; c < kClasses; ++c) {
    if (need <= kClassBytes[c]) return static_cast<int>(c);
  }
  return -1;
}

uint32_t FramePool::block_bytes(size_t frame_bytes) {
  const int c = class_of(frame_bytes);
  return c < 0 ? 0 : kClassBytes[c];
}

void* FramePool::alloc_frame(size_t frame_bytes) {
  const int c = class_of(frame_bytes);
  CriticalSection cs(lock_);
  Tcb* t = nullptr;
  if (c >= 0) {
    if (free_[c] != nullptr) {
      t = free_[c];
      free_[c] = t->next;
    } else if (static_cast<size_t>(end_ - next_) >= kClassBytes[c]) {
      t = reinterpret_cast<Tcb*>(next_);
      next_ += kClassBytes[c];
      stats_.carved_bytes += kClassBytes[c];
      t->gen = 0;
    }
  }
  if (t == nullptr) {
    ++stats_.failures;
    stats_.last_failed_bytes = static_cast<uint32_t>(frame_bytes);
    return nullptr;
  }
  const uint16_t gen = static_cast<uint16_t>(t->gen + 1);
  memset(t, 0, sizeof(Tcb));
  t->gen = gen;
  t->cid = next_cid_++;
  if (next_cid_ == 0) next_cid_ = 1;
  t->state = TaskState::kCreated;
  t->type = TaskType::kNormal;
#if RT_HW_PROCESSES > 1
  t->proc = hw::g_hart_proc[bsp::hart_id()] & 3u;
#endif
  t->wait_source = kNoSource;
  t->size_class = static_cast<uint8_t>(c);
  t->word = make_word(frame_of(t), 0);
  t->root = t;
  ++stats_.allocs;
  ++stats_.in_use[c];
  stats_.in_use_bytes += kClassBytes[c];
  if (stats_.in_use_bytes > stats_.high_water_bytes) stats_.high_water_bytes = stats_.in_use_bytes;
  stats_.last_frame = static_cast<uint32_t>(frame_bytes);
  if (frame_bytes > stats_.largest_frame) stats_.largest_frame = static_cast<uint32_t>(frame_bytes);
  return frame_of(t);
}

void FramePool::free_frame(void* frame) {
  Tcb* t = tcb_of_frame(frame);
  const uint32_t c = t->size_class;
  CriticalSection cs(lock_);
  t->state = TaskState::kFree;
  t->gen = static_cast<uint16_t>(t->gen + 1);  // TaskRefs to it are stale from now
  t->next = free_[c];
  free_[c] = t;
  ++stats_.frees;
  --stats_.in_use[c];
  stats_.in_use_bytes -= kClassBytes[c];
}

FramePool::Stats FramePool::stats() const {
  CriticalSection cs(lock_);
  return stats_;
}

}  // namespace rt
