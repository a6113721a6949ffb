// IPC channels: a message ring in shared memory plus a doorbell through the
// event source of the channel (ARCHITECTURE.md §5: the controller carries
// only doorbells and wake-ups; payloads live in memory).
//
//   rt::Channel<Msg, 16> ch(0);           // channel 0 = event source 32
//   rt::Status s = ch.send(msg);          // kOk, or kFull (nothing sent)
//   Msg m = co_await ch.recv();           // waits for the next message
//
// Every message is published before its doorbell (fence w,o) and every
// doorbell is consumed by exactly one recv(), which then takes exactly one
// message: doorbells == messages, so a receiver never finds the ring empty.
// The ring holds at most N <= 255 messages, below the controller's 8-bit
// pending counter, so no doorbell is ever lost to saturation. Any task on
// any hart may send; receivers are the tasks of the owning process (wake-one).
#pragma once

#include <coroutine>
#include <stdint.h>

#include "rt/awaitables.h"
#include "rt/config.h"
#include "rt/executor.h"
#include "rt/sync.h"

namespace rt {

template <typename T, uint32_t N>
class Channel {
  static_assert(N >= 1 && N <= 255, "a ring deeper than the pending counter could lose doorbells");

 public:
  explicit constexpr Channel(uint32_t index) : source_(kFirstChannel + index) {}

  uint32_t source() const { return source_; }

  Status send(const T& msg) {
    {
      CriticalSection cs(lock_);
      if (count_ == N) {
        ++full_;
        return Status::kFull;
      }
      ring_[tail_] = msg;
      tail_ = tail_ + 1 == N ? 0 : tail_ + 1;
      ++count_;
      ++sent_;
    }
    doorbell(source_);
    return Status::kOk;
  }

  struct RecvAwaiter {
    Channel* ch;
    EventAwaiter event;
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> h) const noexcept {
      return event.await_suspend(h);
    }
    T await_resume() noexcept { return ch->take(); }
  };
  RecvAwaiter recv() { return RecvAwaiter{this, EventAwaiter{source_}}; }

  uint32_t size() const { return count_; }
  uint32_t sent() const { return sent_; }
  uint32_t full_count() const { return full_; }   // sends refused (kFull)
  uint32_t lost_count() const { return lost_; }   // recv found no message (must stay 0)

 private:
  T take() {
    CriticalSection cs(lock_);
    if (count_ == 0) {
      ++lost_;
      return T{};
    }
    T m = ring_[head_];
    head_ = head_ + 1 == N ? 0 : head_ + 1;
    --count_;
    return m;
  }

  uint32_t source_;
  SpinLock lock_;
  uint32_t head_ = 0, tail_ = 0, count_ = 0;
  uint32_t sent_ = 0, full_ = 0, lost_ = 0;
  T ring_[N] = {};
};

}  // namespace rt
