// A program as the loader receives it: the file bytes of each loadable
// segment (the ranges BEGIN declares, in order) and the entry point. Read
// with the project's ELF reader (sim/iss rv::read_elf); the zero fill past a
// segment's file bytes (.bss, stacks) is not sent: the program's start-up
// code clears its .bss.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "client.h"

namespace atsctl {

struct LoadRange {
  uint32_t addr = 0;
  std::vector<uint8_t> bytes;  // sent
  uint32_t mem_size = 0;       // with the zero fill: must fit the board's RAM
};

struct LoadImage {
  std::string path;
  uint32_t entry = 0;
  std::vector<LoadRange> ranges;
  uint64_t bytes() const;
  uint32_t crc() const;  // CRC-32 of all ranges' bytes in order: what VERIFY checks
};

// Failure kExitBadElf: unreadable or malformed ELF (rv::read_elf's message),
// nothing to load, or an entry point outside the loaded bytes.
LoadImage read_load_image(const std::string& path);

// Failure kExitNoFit when the image does not fit the board the loader
// describes: a segment outside its RAM, file bytes in the loader's reserved
// RAM, or more ranges than it takes. Checked before anything is sent.
void check_fits(const LoadImage& image, const LoaderInfo& info);

}  // namespace atsctl
