// Marked instructions of a firmware ELF (firmware/bsp/mark.h): the entries of
// the non-allocated section .rt_marks, { uint32 pc; name NUL-terminated;
// padding to 4 bytes } each. soc_sim --events logs a `mark` event whenever
// one of these pcs retires.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace socsim {

struct RtMark {
  uint32_t pc;
  std::string name;
};

// Reads the marks of the ELF32 file `path`. No .rt_marks section: true and
// an empty list. A malformed file or section: false and a one-line `error`.
// Entries with pc 0 (code removed by the linker) are skipped.
bool read_rt_marks(const std::string& path, std::vector<RtMark>& marks, std::string& error);

}  // namespace socsim
