// The hart itself: id, CSR access, WFI, fences, cycle counter and atomics.
//
// CSR numbers are template arguments so `csr_read<csr::kMstatus>()` is one
// csrr. The atomics are the compiler's __atomic builtins, which compile to
// A-extension instructions (amoadd.w, lr.w/sc.w) for 32-bit objects in RAM;
// the SoC faults AMOs and LR/SC to anything but RAM.
#pragma once

#include <stdint.h>

namespace bsp {

namespace csr {
inline constexpr uint32_t kMstatus = 0x300;
inline constexpr uint32_t kMisa = 0x301;
inline constexpr uint32_t kMie = 0x304;
inline constexpr uint32_t kMtvec = 0x305;
inline constexpr uint32_t kMscratch = 0x340;
inline constexpr uint32_t kMepc = 0x341;
inline constexpr uint32_t kMcause = 0x342;
inline constexpr uint32_t kMtval = 0x343;
inline constexpr uint32_t kMip = 0x344;
inline constexpr uint32_t kMcycle = 0xB00;
inline constexpr uint32_t kMinstret = 0xB02;
inline constexpr uint32_t kMcycleh = 0xB80;
inline constexpr uint32_t kMinstreth = 0xB82;
inline constexpr uint32_t kMhartid = 0xF14;
}  // namespace csr

template <uint32_t kCsr>
inline uint32_t csr_read() {
  uint32_t v;
  asm volatile("csrr %0, %1" : "=r"(v) : "i"(kCsr));
  return v;
}

template <uint32_t kCsr>
inline void csr_write(uint32_t v) {
  asm volatile("csrw %0, %1" : : "i"(kCsr), "r"(v) : "memory");
}

// Sets bits; returns the old value.
template <uint32_t kCsr>
inline uint32_t csr_set(uint32_t bits) {
  uint32_t old;
  asm volatile("csrrs %0, %1, %2" : "=r"(old) : "i"(kCsr), "r"(bits) : "memory");
  return old;
}

// Clears bits; returns the old value.
template <uint32_t kCsr>
inline uint32_t csr_clear(uint32_t bits) {
  uint32_t old;
  asm volatile("csrrc %0, %1, %2" : "=r"(old) : "i"(kCsr), "r"(bits) : "memory");
  return old;
}

inline uint32_t hart_id() { return csr_read<csr::kMhartid>(); }

// Harts running this program (1..4): the harts that checked in at boot, up to
// the ATS-INTC's CFG0.NUM_HARTS. The first call on hart 0 may wait a bounded
// time for late harts (see boot.cpp); later calls return the cached value.
unsigned hart_count();

// Low 32 bits of mcycle: enough for intervals below 2^32 cycles (wrap-safe
// with unsigned subtraction).
inline uint32_t cycle32() { return csr_read<csr::kMcycle>(); }

// The full 64-bit mcycle (high, low, high again until the high word is stable).
inline uint64_t cycle64() {
  uint32_t hi, lo, hi2;
  do {
    hi = csr_read<csr::kMcycleh>();
    lo = csr_read<csr::kMcycle>();
    hi2 = csr_read<csr::kMcycleh>();
  } while (hi != hi2);
  return (uint64_t(hi) << 32) | lo;
}

// Busy-waits `cycles` cycles (the service time of a packet, a delay).
inline void spin_cycles(uint32_t cycles) {
  const uint32_t start = cycle32();
  while (cycle32() - start < cycles) {
  }
}

inline void wfi() { asm volatile("wfi" ::: "memory"); }

// Full fence between any earlier and any later memory or device access.
inline void fence() { asm volatile("fence iorw, iorw" ::: "memory"); }
// Memory writes before device writes: publish a descriptor or a message
// before ringing a doorbell (TX_TAIL, ATS-INTC SEND).
inline void fence_w_o() { asm volatile("fence w, o" ::: "memory"); }
// Device reads before memory reads: a status register before the data it covers.
inline void fence_i_r() { asm volatile("fence i, r" ::: "memory"); }
inline void fence_i() { asm volatile("fence.i" ::: "memory"); }
// Compiler-only barrier.
inline void barrier() { asm volatile("" ::: "memory"); }

// Atomics on 32-bit words in RAM (sequentially consistent unless named). The
// value parameter does not take part in deduction, so `atomic_store(&u32, 1u)`
// works although uint32_t is `unsigned long` on this target.
template <typename T>
struct NoDeduce {
  using Type = T;
};

template <typename T>
inline T atomic_load(const T* p) {
  return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}
template <typename T>
inline void atomic_store(T* p, typename NoDeduce<T>::Type v) {
  __atomic_store_n(p, v, __ATOMIC_RELEASE);
}
template <typename T>
inline T atomic_fetch_add(T* p, typename NoDeduce<T>::Type v) {  // amoadd.w
  return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
}
template <typename T>
inline T atomic_fetch_or(T* p, typename NoDeduce<T>::Type v) {  // amoor.w
  return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST);
}
template <typename T>
inline T atomic_exchange(T* p, typename NoDeduce<T>::Type v) {  // amoswap.w
  return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);
}
// lr.w / sc.w loop; on failure `expected` receives the current value.
template <typename T>
inline bool atomic_compare_exchange(T* p, T& expected, typename NoDeduce<T>::Type desired) {
  return __atomic_compare_exchange_n(p, &expected, desired, false, __ATOMIC_SEQ_CST,
                                     __ATOMIC_SEQ_CST);
}

// Load-reserved / store-conditional as single instructions, for code that
// wants to build its own LR/SC sequence. sc_w returns 0 on success.
inline uint32_t lr_w(volatile uint32_t* p) {
  uint32_t v;
  asm volatile("lr.w.aq %0, (%1)" : "=r"(v) : "r"(p) : "memory");
  return v;
}
inline uint32_t sc_w(volatile uint32_t* p, uint32_t v) {
  uint32_t fail;
  asm volatile("sc.w.rl %0, %2, (%1)" : "=&r"(fail) : "r"(p), "r"(v) : "memory");
  return fail;
}

}  // namespace bsp
