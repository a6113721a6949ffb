// PLIC (standard layout, docs/soc.md §3.6) at 0x0C00_0000: the baseline
// interrupt controller. One M-mode context per hart (context c = hart c),
// level-triggered gateways, claim/complete.
//
// Sources: 1 UART, 2 packet RX, 3 packet TX (device line + 1). A claim that
// returns 0 means nothing to do; a complete for a source the context does not
// enable is ignored.
#pragma once

#include <stdint.h>

#include "bsp/mmio.h"

namespace bsp::plic {

inline constexpr uintptr_t kBase = 0x0C000000u;
inline constexpr uint32_t kPriority = 0x000000;   // + 4 * source
inline constexpr uint32_t kPending = 0x001000;    // + 4 * word
inline constexpr uint32_t kEnable = 0x002000;     // + 0x80 * context + 4 * word
inline constexpr uint32_t kContext = 0x200000;    // + 0x1000 * context
inline constexpr uint32_t kThreshold = 0x000;     // inside a context page
inline constexpr uint32_t kClaim = 0x004;         // claim (r) / complete (w)

inline constexpr uint32_t kSrcUart = 1;
inline constexpr uint32_t kSrcPktRx = 2;
inline constexpr uint32_t kSrcPktTx = 3;

inline void set_priority(uint32_t source, uint32_t prio) {
  mmio::write32(kBase + kPriority + 4u * source, prio);
}
inline uint32_t priority(uint32_t source) { return mmio::read32(kBase + kPriority + 4u * source); }

inline bool is_pending(uint32_t source) {
  return ((mmio::read32(kBase + kPending + 4u * (source / 32)) >> (source % 32)) & 1u) != 0;
}

inline uintptr_t enable_word(uint32_t context, uint32_t source) {
  return kBase + kEnable + 0x80u * context + 4u * (source / 32);
}
inline void enable(uint32_t context, uint32_t source) {
  mmio::set_bits32(enable_word(context, source), 1u << (source % 32));
}
inline void disable(uint32_t context, uint32_t source) {
  mmio::clear_bits32(enable_word(context, source), 1u << (source % 32));
}

// Sources with a priority greater than the threshold interrupt.
inline void set_threshold(uint32_t context, uint32_t t) {
  mmio::write32(kBase + kContext + 0x1000u * context + kThreshold, t);
}

// The most urgent pending enabled source (0 if none); clears its pending bit.
inline uint32_t claim(uint32_t context) {
  return mmio::read32(kBase + kContext + 0x1000u * context + kClaim);
}
// Ends the source's in-flight state; a line still high is pending again.
inline void complete(uint32_t context, uint32_t source) {
  mmio::write32(kBase + kContext + 0x1000u * context + kClaim, source);
}

}  // namespace bsp::plic
