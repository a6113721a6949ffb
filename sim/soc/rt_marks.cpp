#include "rt_marks.h"

#include <cstring>
#include <fstream>
#include <iterator>

namespace socsim {
namespace {

uint32_t rd32(const std::vector<uint8_t>& b, size_t off) {
  return uint32_t(b[off]) | uint32_t(b[off + 1]) << 8 | uint32_t(b[off + 2]) << 16 |
         uint32_t(b[off + 3]) << 24;
}
uint16_t rd16(const std::vector<uint8_t>& b, size_t off) {
  return uint16_t(b[off] | b[off + 1] << 8);
}

}  // namespace

bool read_rt_marks(const std::string& path, std::vector<RtMark>& marks, std::string& error) {
  marks.clear();
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    error = path + ": cannot open";
    return false;
  }
  const std::vector<uint8_t> b((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  auto fail = [&](const std::string& what) {
    error = path + ": .rt_marks: " + what;
    return false;
  };
  if (b.size() < 52 || std::memcmp(b.data(), "\x7f" "ELF", 4) != 0 || b[4] != 1)
    return fail("not an ELF32 file");
  const uint32_t shoff = rd32(b, 32);
  const uint16_t shentsize = rd16(b, 46), shnum = rd16(b, 48), shstrndx = rd16(b, 50);
  if (shoff == 0 || shnum == 0) return true;  // no sections: no marks
  if (shentsize < 40 || uint64_t(shoff) + uint64_t(shnum) * shentsize > b.size())
    return fail("section header table outside the file");
  if (shstrndx >= shnum) return fail("bad section name table index");
  auto sh = [&](unsigned i, unsigned field) { return rd32(b, shoff + i * shentsize + field); };
  const uint32_t str_off = sh(shstrndx, 16), str_size = sh(shstrndx, 20);
  if (uint64_t(str_off) + str_size > b.size()) return fail("section name table outside the file");
  for (unsigned i = 0; i < shnum; ++i) {
    const uint32_t name = sh(i, 0);
    if (name >= str_size) continue;
    const char* n = reinterpret_cast<const char*>(b.data() + str_off + name);
    if (std::strncmp(n, ".rt_marks", str_size - name) != 0) continue;
    const uint32_t off = sh(i, 16), size = sh(i, 20);
    if (uint64_t(off) + size > b.size()) return fail("section outside the file");
    size_t p = off;
    const size_t end = size_t(off) + size;
    while (p < end) {
      if (p + 4 > end) return fail("truncated entry at offset " + std::to_string(p - off));
      const uint32_t pc = rd32(b, p);
      p += 4;
      const size_t s = p;
      while (p < end && b[p] != 0) ++p;
      if (p == end) return fail("name without NUL at offset " + std::to_string(s - off));
      std::string mark(reinterpret_cast<const char*>(b.data() + s), p - s);
      ++p;
      p = off + ((p - off + 3) & ~size_t(3));
      if (pc != 0) marks.push_back({pc, std::move(mark)});
    }
  }
  return true;
}

}  // namespace socsim
