// The controller's scheduling semantics in software (ARCHITECTURE.md §5):
// one process's ready queues (kMaxPrios FIFO levels; DEQ = oldest task of the
// most urgent non-empty level) and its event sources (a FIFO wait queue and a
// saturating 8-bit pending counter each; wake-one or broadcast).
//
// It is the sw and poll executors' scheduler and the host tests' model of
// the controller, so all three executors keep the same priorities and FIFO
// order. Queues are intrusive lists through Tcb::next: no allocation, O(1)
// enqueue/dequeue (a bitmap of non-empty levels, count-trailing-zeros). Not
// locked: the caller holds the lock (rt::CriticalSection) around each call.
#pragma once

#include <stdint.h>

#include "rt/config.h"
#include "rt/tcb.h"

namespace rt {

namespace detail {

// Index of the lowest set bit of a non-zero word: de Bruijn multiply and a
// table (one mul, no libgcc __ctzsi2 loop on a core without Zbb).
inline constexpr uint8_t kDeBruijn[32] = {0,  1,  28, 2,  29, 14, 24, 3,  30, 22, 20, 15, 25, 17, 4,  8,
                                   31, 27, 13, 23, 21, 19, 16, 7,  26, 12, 18, 6,  11, 5,  10, 9};
inline uint32_t lowest_bit(uint32_t v) {
  return kDeBruijn[((v & (0u - v)) * 0x077CB531u) >> 27];
}

}  // namespace detail

class SoftQueue {
 public:
  struct Source {
    Tcb* head = nullptr;
    Tcb* tail = nullptr;
    uint8_t pending = 0;
    bool overflow = false;  // pending saturated at 255 (sticky)
    bool broadcast = false;
  };

  void reset();

  // ENQ: the task joins the ready queue of its priority (word_prio(word)).
  void enq(uint32_t word);
  // DEQ: most urgent, oldest ready task; 0 when none.
  uint32_t deq() { return deq_upto(kMaxPrios - 1); }
  // The same, but only from levels 0..max_prio (a preempting dispatch).
  uint32_t deq_upto(uint32_t max_prio);
  bool empty() const { return ready_bits_ == 0; }
  // Most urgent non-empty level, kMaxPrios when empty.
  uint32_t best_prio() const;

  // WAIT: with an event pending, consume it and make the task ready; else the
  // task joins the source's wait queue. Returns true when it went to ready.
  bool wait(uint32_t source, uint32_t word);
  // An event (device edge, SEND, FIRE): wake one waiter (all in broadcast
  // mode) into the ready queue; with none waiting, pending++ (saturating).
  // Returns the number of tasks made ready.
  uint32_t fire(uint32_t source);
  // CANCEL: removes `word` from the source's wait queue; true if it was there.
  bool cancel(uint32_t source, uint32_t word);

  void set_broadcast(uint32_t source, bool on) { src_[source].broadcast = on; }
  const Source& source(uint32_t s) const { return src_[s]; }
  bool has_waiters(uint32_t source) const { return src_[source].head != nullptr; }
  // Tasks queued (ready + waiting).
  uint32_t held() const { return held_; }

 private:
  void push_ready(Tcb* t, uint32_t prio);

  Tcb* head_[kMaxPrios] = {};
  Tcb* tail_[kMaxPrios] = {};
  uint32_t ready_bits_ = 0;
  uint32_t held_ = 0;
  Source src_[kMaxSources];
};

// The hot operations are inline: every executor call goes through them.
inline void SoftQueue::push_ready(Tcb* t, uint32_t prio) {
  t->next = nullptr;
  if (tail_[prio] != nullptr) tail_[prio]->next = t;
  else head_[prio] = t;
  tail_[prio] = t;
  ready_bits_ |= 1u << prio;
}

inline void SoftQueue::enq(uint32_t word) {
  ++held_;
  push_ready(tcb_of_word(word), word_prio(word));
}

inline uint32_t SoftQueue::deq_upto(uint32_t max_prio) {
  if (ready_bits_ == 0) return 0;
  const uint32_t prio = detail::lowest_bit(ready_bits_);
  if (prio > max_prio) return 0;
  Tcb* t = head_[prio];
  head_[prio] = t->next;
  if (head_[prio] == nullptr) {
    tail_[prio] = nullptr;
    ready_bits_ &= ~(1u << prio);
  }
  t->next = nullptr;
  --held_;
  return make_word(frame_of(t), prio);
}

inline uint32_t SoftQueue::best_prio() const {
  return ready_bits_ == 0 ? kMaxPrios : detail::lowest_bit(ready_bits_);
}

}  // namespace rt
