// Byte-level helpers shared by the ELF readers of this library (elf_loader.cpp,
// rt_marks.cpp): little-endian fields, bounds checks and the one-line error.
// Internal to sim/iss/src.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace rv::elf_bytes {

inline constexpr uint32_t kShtProgbits = 1, kShtSymtab = 2, kShtStrtab = 3;
inline constexpr size_t kEhdrSize = 52, kPhdrSize = 32, kShdrSize = 40, kSymSize = 16;

// Little-endian field access; callers check bounds first.
inline uint16_t le16(const uint8_t* p) { return uint16_t(p[0] | p[1] << 8); }
inline uint32_t le32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

// True if [off, off + len) lies inside a file of size bytes (no overflow: all 64-bit).
inline bool in_file(uint64_t off, uint64_t len, size_t size) {
  return off <= size && len <= size - off;
}

// Sets error to "name: <formatted message>" and returns false.
__attribute__((format(printf, 3, 4))) inline bool fail(std::string& error,
                                                       const std::string& name, const char* fmt,
                                                       ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  error = name + ": " + buf;
  return false;
}

}  // namespace rv::elf_bytes
