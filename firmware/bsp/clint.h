// CLINT (SiFive layout, docs/soc.md §3.5) at 0x0200_0000: per-hart software
// interrupt (msip) and timer compare (mtimecmp), one shared mtime.
//
// mtip[h] = (mtime >= mtimecmp[h]) is a register: it rises one cycle after
// mtime reaches mtimecmp and falls one cycle after a larger mtimecmp is
// written. mtimecmp resets to all ones (never). The timer of hart h is also
// ATS-INTC irq 3 + h (bsp/ats_intc.h).
#pragma once

#include <stdint.h>

#include "bsp/mmio.h"

namespace bsp::clint {

inline constexpr uintptr_t kBase = 0x02000000u;
inline constexpr uint32_t kMsip = 0x0000;      // + 4 * hart
inline constexpr uint32_t kMtimecmp = 0x4000;  // + 8 * hart (low, high at + 4)
inline constexpr uint32_t kMtime = 0xBFF8;     // low, high at + 4

inline uint64_t mtime() {
  uint32_t hi, lo, hi2;
  do {
    hi = mmio::read32(kBase + kMtime + 4);
    lo = mmio::read32(kBase + kMtime);
    hi2 = mmio::read32(kBase + kMtime + 4);
  } while (hi != hi2);
  return (uint64_t(hi) << 32) | lo;
}

// Low word of mtime: for intervals below 2^32 ticks.
inline uint32_t mtime32() { return mmio::read32(kBase + kMtime); }

inline uint64_t mtimecmp(unsigned hart) {
  const uintptr_t a = kBase + kMtimecmp + 8u * hart;
  return (uint64_t(mmio::read32(a + 4)) << 32) | mmio::read32(a);
}

// Writes a 64-bit compare value without a transient smaller value: high word
// to all ones first, then low, then high.
inline void set_mtimecmp(unsigned hart, uint64_t t) {
  const uintptr_t a = kBase + kMtimecmp + 8u * hart;
  mmio::write32(a + 4, 0xFFFFFFFFu);
  mmio::write32(a, static_cast<uint32_t>(t));
  mmio::write32(a + 4, static_cast<uint32_t>(t >> 32));
}

// Timer of `hart` off (mtimecmp = all ones, its reset value).
inline void disarm(unsigned hart) {
  const uintptr_t a = kBase + kMtimecmp + 8u * hart;
  mmio::write32(a, 0xFFFFFFFFu);
  mmio::write32(a + 4, 0xFFFFFFFFu);
}

inline void set_msip(unsigned hart, bool on) {
  mmio::write32(kBase + kMsip + 4u * hart, on ? 1u : 0u);
}
inline bool msip(unsigned hart) { return (mmio::read32(kBase + kMsip + 4u * hart) & 1u) != 0; }

}  // namespace bsp::clint
