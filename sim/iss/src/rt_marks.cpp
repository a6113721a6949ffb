// The .rt_marks section of an ELF: see rv_iss/rt_marks.h.
#include "rv_iss/rt_marks.h"
#include "elf_bytes.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include "rv_iss/elf_loader.h"

namespace rv {
namespace {

using namespace elf_bytes;  // shared with the other ELF reader

constexpr uint32_t kShfCompressed = 0x800;
constexpr const char* kSectionNames[] = {".rt_marks", ".debug_rt_marks"};

// The entries of one section's bytes [p, p + len), appended to marks.
bool parse_entries(const std::string& name, const char* section, const uint8_t* p, uint32_t len,
                   std::vector<RtMark>& marks, std::string& error) {
  uint32_t off = 0;
  while (off < len) {
    bool padding = true;  // zero bytes to the end: alignment padding, no entry
    for (uint32_t i = off; i < len && padding; ++i) padding = p[i] == 0;
    if (padding) break;
    if (len - off < 5) {
      return fail(error, name,
                  "%s: entry at offset %u is cut short (%u bytes left; need a 4-byte pc and a "
                  "NUL-terminated name)",
                  section, off, len - off);
    }
    const uint32_t pc = le32(p + off);
    const char* text = reinterpret_cast<const char*>(p + off + 4);
    const size_t n = strnlen(text, len - off - 4);
    if (n == len - off - 4) {
      return fail(error, name, "%s: name of the entry at offset %u (pc 0x%08x) has no NUL", section,
                  off, pc);
    }
    if (n == 0) {
      return fail(error, name, "%s: entry at offset %u (pc 0x%08x) has an empty name", section, off,
                  pc);
    }
    for (size_t i = 0; i < n; ++i) {
      if (uint8_t(text[i]) < 0x20 || text[i] == 0x7f) {
        return fail(error, name,
                    "%s: name of the entry at offset %u (pc 0x%08x) has control character 0x%02x",
                    section, off, pc, unsigned(uint8_t(text[i])));
      }
    }
    if (pc != 0) marks.push_back({pc, std::string(text, n)});
    // The next entry starts at the next multiple of 4 (its .balign 4).
    off = uint32_t((uint64_t(off) + 4 + n + 1 + 3) & ~uint64_t(3));
  }
  return true;
}

}  // namespace

bool parse_rt_marks(const std::string& name, const uint8_t* f, size_t size,
                    std::vector<RtMark>& marks, std::string& error) {
  if (size < kEhdrSize ||
      std::memcmp(f,
                  "\x7f"
                  "ELF",
                  4) != 0 ||
      f[4] != 1 || f[5] != 1) {
    return fail(error, name, "not a 32-bit little-endian ELF file (looking for .rt_marks)");
  }
  uint32_t shoff;
  uint16_t shnum;
  if (!section_table(name, f, size, shoff, shnum, error)) return false;
  const uint16_t shstrndx = le16(f + 50);
  std::vector<RtMark> out;
  if (shnum == 0) {  // no section headers: no marks
    marks = std::move(out);
    return true;
  }
  if (shstrndx == 0) {  // SHN_UNDEF: sections without names, so none is .rt_marks
    marks = std::move(out);
    return true;
  }
  if (shstrndx >= shnum) {
    return fail(error, name, "section name string table index %u is not a section (of %u)",
                unsigned(shstrndx), unsigned(shnum));
  }
  const uint8_t* str_sh = f + shoff + size_t(shstrndx) * kShdrSize;
  const uint32_t str_off = le32(str_sh + 16), str_len = le32(str_sh + 20);
  if (le32(str_sh + 4) != kShtStrtab) {
    return fail(error, name, "section name string table (section %u) is not a string table",
                unsigned(shstrndx));
  }
  if (!in_file(str_off, str_len, size)) {
    return fail(error, name,
                "section name string table (offset 0x%x, %u bytes) runs past the end of the "
                "file (%zu bytes): truncated file?",
                str_off, str_len, size);
  }
  const char* strtab = reinterpret_cast<const char*>(f + str_off);
  bool found = false;
  for (const char* wanted : kSectionNames) {
    if (found) break;  // .debug_rt_marks only stands in for a missing .rt_marks
    const size_t wanted_len = std::strlen(wanted);
    for (unsigned i = 1; i < shnum; ++i) {
      const uint8_t* sh = f + shoff + size_t(i) * kShdrSize;
      const uint32_t sh_name = le32(sh);
      if (sh_name >= str_len || str_len - sh_name <= wanted_len ||
          std::memcmp(strtab + sh_name, wanted, wanted_len + 1) != 0)
        continue;
      found = true;
      const uint32_t type = le32(sh + 4), flags = le32(sh + 8), off = le32(sh + 16),
                     len = le32(sh + 20);
      if (type != kShtProgbits) {
        return fail(error, name, "section %s (section %u) has type %u, expected PROGBITS (1)",
                    wanted, i, type);
      }
      if (flags & kShfCompressed) {
        return fail(error, name, "section %s (section %u) is compressed (SHF_COMPRESSED)", wanted,
                    i);
      }
      if (!in_file(off, len, size)) {
        return fail(error, name,
                    "section %s (offset 0x%x, %u bytes) runs past the end of the file (%zu "
                    "bytes): truncated file?",
                    wanted, off, len, size);
      }
      if (!parse_entries(name, wanted, f + off, len, out, error)) return false;
    }
  }
  marks = std::move(out);
  return true;
}

bool read_rt_marks(const std::string& path, std::vector<RtMark>& marks, std::string& error) {
  std::vector<uint8_t> f;
  if (!read_file_bytes(path, f, error)) return false;
  return parse_rt_marks(path, f.data(), f.size(), marks, error);
}

}  // namespace rv
