// Marked instructions of a firmware ELF: the .rt_marks section that
// RT_MARK("name") (firmware/bsp/mark.h) fills, read so the simulator can log
// when a marked pc retires (soc_sim --events, docs/simulator.md).
//
// Section layout, one entry after another, each starting 4-byte aligned
// (relative to the section start):
//   uint32 pc (little endian) | name bytes | NUL | zero padding to 4 bytes
// The last entry may end without padding. An entry with pc 0 belongs to a
// function the linker removed (--gc-sections, or a duplicate inline copy) and
// is skipped. The same name may appear at many pcs (inlined copies), and one
// pc may carry several names.
//
// The section is found by name in the section header table: `.rt_marks` (the
// name bsp/link.ld gives it) or `.debug_rt_marks` (the macro's input section,
// in a program linked with a script that does not rename it). No section
// header table or no such section: no marks, not an error. Anything that does
// not fit this layout is an error of one line starting with the file's name,
// like the ELF loader's (rv_iss/elf_loader.h).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rv {

struct RtMark {
  uint32_t pc;
  std::string name;
  bool operator==(const RtMark& o) const { return pc == o.pc && name == o.name; }
};

// Marks of an ELF file in memory, in section order (pc-0 entries left out);
// name stands for the path in errors. marks is only written on success.
bool parse_rt_marks(const std::string& name, const uint8_t* data, size_t size,
                    std::vector<RtMark>& marks, std::string& error);
// The same for a file.
bool read_rt_marks(const std::string& path, std::vector<RtMark>& marks, std::string& error);

}  // namespace rv
