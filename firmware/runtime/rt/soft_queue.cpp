#include "rt/soft_queue.h"

namespace rt {

void SoftQueue::reset() {
  for (uint32_t p = 0; p < kMaxPrios; ++p) head_[p] = tail_[p] = nullptr;
  for (auto& s : src_) s = Source{};
  ready_bits_ = 0;
  held_ = 0;
}

bool SoftQueue::wait(uint32_t source, uint32_t word) {
  Source& s = src_[source];
  ++held_;
  Tcb* t = tcb_of_word(word);
  if (s.pending > 0) {
    --s.pending;
    push_ready(t, word_prio(word));
    return true;
  }
  t->next = nullptr;
  if (s.tail != nullptr) s.tail->next = t;
  else s.head = t;
  s.tail = t;
  return false;
}

uint32_t SoftQueue::fire(uint32_t source) {
  Source& s = src_[source];
  if (s.head == nullptr) {
    if (s.pending == 0xFF) s.overflow = true;
    else ++s.pending;
    return 0;
  }
  uint32_t woken = 0;
  do {
    Tcb* t = s.head;
    s.head = t->next;
    if (s.head == nullptr) s.tail = nullptr;
    push_ready(t, word_prio(t->word));
    ++woken;
  } while (s.broadcast && s.head != nullptr);
  return woken;
}

bool SoftQueue::cancel(uint32_t source, uint32_t word) {
  Source& s = src_[source];
  Tcb* prev = nullptr;
  for (Tcb* t = s.head; t != nullptr; prev = t, t = t->next) {
    if (make_word(frame_of(t), word_prio(t->word)) != word) continue;
    if (prev != nullptr) prev->next = t->next;
    else s.head = t->next;
    if (s.tail == t) s.tail = prev;
    t->next = nullptr;
    --held_;
    return true;
  }
  return false;
}

}  // namespace rt
