// Volatile word access to memory-mapped registers.
//
// Every SoC device register is a 32-bit word (docs/soc.md); the ATS-INTC
// rejects sub-word accesses, so all device accesses go through these helpers,
// which the compiler turns into exactly one lw / sw each.
#pragma once

#include <stdint.h>

namespace bsp::mmio {

inline uint32_t read32(uintptr_t addr) { return *reinterpret_cast<volatile uint32_t*>(addr); }

inline void write32(uintptr_t addr, uint32_t value) {
  *reinterpret_cast<volatile uint32_t*>(addr) = value;
}

// Read-modify-write helpers (not atomic: one hart owns the register).
inline void set_bits32(uintptr_t addr, uint32_t bits) { write32(addr, read32(addr) | bits); }
inline void clear_bits32(uintptr_t addr, uint32_t bits) { write32(addr, read32(addr) & ~bits); }

}  // namespace bsp::mmio
