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

// The section header table of an ELF32 image whose file header was checked:
// shoff and shnum (shnum 0: no section headers). False + error when the
// entry size is wrong or the table runs past the end of the file.
inline bool section_table(const std::string& name, const uint8_t* f, size_t size,
                          uint32_t& shoff, uint16_t& shnum, std::string& error) {
  shoff = le32(f + 32);
  shnum = le16(f + 48);
  if (shoff == 0 || shnum == 0) {
    shnum = 0;
    return true;
  }
  const uint16_t shentsize = le16(f + 46);
  if (shentsize != kShdrSize) {
    return fail(error, name, "section header entry size %u, expected %zu", unsigned(shentsize),
                kShdrSize);
  }
  if (!in_file(shoff, uint64_t(shnum) * kShdrSize, size)) {
    return fail(error, name,
                "section header table (offset 0x%x, %u entries) runs past the end of the file "
                "(%zu bytes): truncated file?",
                shoff, unsigned(shnum), size);
  }
  return true;
}

}  // namespace rv::elf_bytes
