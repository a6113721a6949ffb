// Minimal ELF32 little-endian RISC-V loader and writer: PT_LOAD segments into
// a SimMemory, symbol lookup (tohost, fromhost, begin_signature, ...), and a
// writer for the random program generator so QEMU runs the same image.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rv_iss/sim_memory.h"

namespace rv {

struct ElfImage {
  uint32_t entry = 0;
  struct Segment {
    uint32_t addr;
    std::vector<uint8_t> bytes;  // file bytes followed by zero fill
  };
  std::vector<Segment> segments;
  std::map<std::string, uint32_t> symbols;
};

// Reads an ELF file; returns false and sets error on failure.
bool read_elf(const std::string& path, ElfImage& image, std::string& error);
// Copies every segment into memory; false if a segment lies outside RAM.
bool load_image(const ElfImage& image, SimMemory& mem, std::string& error);
// Writes a static executable with one segment per ElfImage segment and a
// symbol table holding image.symbols.
bool write_elf(const std::string& path, const ElfImage& image, std::string& error);

}  // namespace rv
