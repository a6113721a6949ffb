// Locks for runtime data shared between harts and interrupt handlers.
//
// SpinLock: amoswap.w on the target (test-and-test-and-set), std::atomic on
// the host. CriticalSection: the spin lock plus, in the sw executor (whose
// interrupt handlers touch the same queues), mstatus.MIE off while held, so a
// handler never spins on a lock its own hart holds. The hw and poll executors
// take no interrupts and need no masking.
#pragma once

#include <stdint.h>

#include "rt/config.h"

#if defined(RT_HOST)
#include <atomic>
#else
#include "bsp/hart.h"
#include "bsp/trap.h"
#endif

namespace rt {

class SpinLock {
 public:
  void lock() {
#if defined(RT_HOST)
    while (flag_.exchange(1, std::memory_order_acquire) != 0) {
      while (flag_.load(std::memory_order_relaxed) != 0) {
      }
    }
#else
    while (__atomic_exchange_n(&flag_, 1u, __ATOMIC_ACQUIRE) != 0) {
      while (__atomic_load_n(&flag_, __ATOMIC_RELAXED) != 0) {
      }
    }
#endif
  }
  void unlock() {
#if defined(RT_HOST)
    flag_.store(0, std::memory_order_release);
#else
    // The RVWMO store-release mapping (ISA manual, table A.6): GCC 12 emits
    // fence + amoswap, an AMO the core waits for; a plain store is not waited for.
    asm volatile("fence rw, w\n\tsw zero, %0" : "=m"(flag_) : : "memory");
#endif
  }

 private:
#if defined(RT_HOST)
  std::atomic<uint32_t> flag_{0};
#else
  uint32_t flag_ = 0;
#endif
};

// Interrupts off (sw executor only) for the lifetime of the object.
class IrqOff {
 public:
#if defined(RT_EXEC_SW)
  IrqOff() : was_(bsp::irq::save_disable()) {}
  ~IrqOff() { bsp::irq::restore(was_); }

 private:
  bool was_;
#else
  IrqOff() {}
#endif
  IrqOff(const IrqOff&) = delete;
  IrqOff& operator=(const IrqOff&) = delete;
};

// Lock + interrupts off, released in reverse order.
class CriticalSection {
 public:
  explicit CriticalSection(SpinLock& l) : lock_(l) { lock_.lock(); }
  ~CriticalSection() { lock_.unlock(); }
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;

 private:
  IrqOff irq_;  // constructed first, destroyed last
  SpinLock& lock_;
};

}  // namespace rt
