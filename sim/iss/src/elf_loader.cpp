// ELF32 reader and writer: see rv_iss/elf_loader.h.
#include "rv_iss/elf_loader.h"

#include <cstring>
#include <fstream>
#include <iterator>

namespace rv {
namespace {

template <typename T>
T get(const std::vector<uint8_t>& f, size_t off) {
  T v{};
  if (off + sizeof(T) <= f.size()) std::memcpy(&v, f.data() + off, sizeof(T));
  return v;
}

template <typename T>
void put(std::vector<uint8_t>& f, size_t off, T v) {
  if (f.size() < off + sizeof(T)) f.resize(off + sizeof(T), 0);
  std::memcpy(f.data() + off, &v, sizeof(T));
}

constexpr uint32_t kPtLoad = 1;
constexpr uint32_t kShtProgbits = 1, kShtSymtab = 2, kShtStrtab = 3;

}  // namespace

bool read_elf(const std::string& path, ElfImage& image, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open " + path;
    return false;
  }
  std::vector<uint8_t> f((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (f.size() < 52 || std::memcmp(f.data(), "\x7f" "ELF", 4) != 0) {
    error = path + ": not an ELF file";
    return false;
  }
  if (f[4] != 1 || f[5] != 1 || get<uint16_t>(f, 18) != 243) {
    error = path + ": not a 32-bit little-endian RISC-V ELF";
    return false;
  }
  image = ElfImage{};
  image.entry = get<uint32_t>(f, 24);
  const uint32_t phoff = get<uint32_t>(f, 28), shoff = get<uint32_t>(f, 32);
  const uint16_t phentsize = get<uint16_t>(f, 42), phnum = get<uint16_t>(f, 44);
  const uint16_t shentsize = get<uint16_t>(f, 46), shnum = get<uint16_t>(f, 48);
  for (unsigned i = 0; i < phnum; ++i) {
    size_t ph = phoff + size_t(i) * phentsize;
    if (get<uint32_t>(f, ph) != kPtLoad) continue;
    uint32_t off = get<uint32_t>(f, ph + 4), paddr = get<uint32_t>(f, ph + 12);
    uint32_t filesz = get<uint32_t>(f, ph + 16), memsz = get<uint32_t>(f, ph + 20);
    if (off + uint64_t(filesz) > f.size() || filesz > memsz) {
      error = path + ": truncated segment";
      return false;
    }
    ElfImage::Segment s{paddr, std::vector<uint8_t>(memsz, 0)};
    std::memcpy(s.bytes.data(), f.data() + off, filesz);
    if (memsz) image.segments.push_back(std::move(s));
  }
  for (unsigned i = 0; i < shnum; ++i) {
    size_t sh = shoff + size_t(i) * shentsize;
    if (get<uint32_t>(f, sh + 4) != kShtSymtab) continue;
    uint32_t off = get<uint32_t>(f, sh + 16), size = get<uint32_t>(f, sh + 20);
    uint32_t link = get<uint32_t>(f, sh + 24);
    size_t strsh = shoff + size_t(link) * shentsize;
    uint32_t stroff = get<uint32_t>(f, strsh + 16), strsize = get<uint32_t>(f, strsh + 20);
    for (uint32_t s = 0; s + 16 <= size; s += 16) {
      uint32_t name = get<uint32_t>(f, off + s), value = get<uint32_t>(f, off + s + 4);
      if (name == 0 || name >= strsize || stroff + name >= f.size()) continue;
      const char* str = reinterpret_cast<const char*>(f.data() + stroff + name);
      size_t maxlen = f.size() - (stroff + name);
      image.symbols[std::string(str, strnlen(str, maxlen))] = value;
    }
  }
  return true;
}

bool load_image(const ElfImage& image, SimMemory& mem, std::string& error) {
  for (const auto& s : image.segments) {
    if (!mem.in_ram(s.addr) || !mem.in_ram(s.addr + uint32_t(s.bytes.size()) - 1)) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "segment at 0x%08x (%zu bytes) lies outside RAM", s.addr,
                    s.bytes.size());
      error = buf;
      return false;
    }
    mem.write_bytes(s.addr, s.bytes.data(), uint32_t(s.bytes.size()));
  }
  return true;
}

bool write_elf(const std::string& path, const ElfImage& image, std::string& error) {
  std::vector<uint8_t> f(52, 0);
  const unsigned nseg = unsigned(image.segments.size());
  const uint32_t phoff = 52;
  f.resize(phoff + 32 * nseg, 0);
  std::vector<uint32_t> seg_off;
  for (const auto& s : image.segments) {
    while (f.size() % 16) f.push_back(0);
    seg_off.push_back(uint32_t(f.size()));
    f.insert(f.end(), s.bytes.begin(), s.bytes.end());
  }
  // String tables and symbol table.
  std::string shstr("\0.text\0.symtab\0.strtab\0.shstrtab\0", 33);
  std::string str(1, '\0');
  std::vector<uint8_t> sym(16, 0);  // null symbol
  for (const auto& [name, value] : image.symbols) {
    uint16_t shndx = 0;
    for (unsigned i = 0; i < nseg; ++i) {
      const auto& s = image.segments[i];
      if (value >= s.addr && value < s.addr + s.bytes.size()) shndx = uint16_t(1 + i);
    }
    size_t o = sym.size();
    sym.resize(o + 16, 0);
    put<uint32_t>(sym, o, uint32_t(str.size()));
    put<uint32_t>(sym, o + 4, value);
    put<uint32_t>(sym, o + 8, 8);
    sym[o + 12] = 0x11;  // global object
    put<uint16_t>(sym, o + 14, shndx ? shndx : uint16_t(0xfff1));
    str += name;
    str.push_back('\0');
  }
  auto append = [&](const void* p, size_t n) {
    while (f.size() % 4) f.push_back(0);
    uint32_t off = uint32_t(f.size());
    const uint8_t* b = static_cast<const uint8_t*>(p);
    f.insert(f.end(), b, b + n);
    return off;
  };
  uint32_t symoff = append(sym.data(), sym.size());
  uint32_t stroff = append(str.data(), str.size());
  uint32_t shstroff = append(shstr.data(), shstr.size());
  while (f.size() % 4) f.push_back(0);
  const uint32_t shoff = uint32_t(f.size());
  const unsigned shnum = nseg + 4;
  f.resize(shoff + 40 * shnum, 0);
  auto section = [&](unsigned idx, uint32_t name, uint32_t type, uint32_t flags, uint32_t addr,
                     uint32_t off, uint32_t size, uint32_t link, uint32_t info, uint32_t align,
                     uint32_t entsize) {
    size_t o = shoff + 40 * idx;
    put(f, o, name); put(f, o + 4, type); put(f, o + 8, flags); put(f, o + 12, addr);
    put(f, o + 16, off); put(f, o + 20, size); put(f, o + 24, link); put(f, o + 28, info);
    put(f, o + 32, align); put(f, o + 36, entsize);
  };
  for (unsigned i = 0; i < nseg; ++i)
    section(1 + i, 1, kShtProgbits, 0x7, image.segments[i].addr, seg_off[i],
            uint32_t(image.segments[i].bytes.size()), 0, 0, 4, 0);
  section(nseg + 1, 7, kShtSymtab, 0, 0, symoff, uint32_t(sym.size()), nseg + 2, 1, 4, 16);
  section(nseg + 2, 15, kShtStrtab, 0, 0, stroff, uint32_t(str.size()), 0, 0, 1, 0);
  section(nseg + 3, 23, kShtStrtab, 0, 0, shstroff, uint32_t(shstr.size()), 0, 0, 1, 0);
  // ELF header.
  const uint8_t ident[16] = {0x7f, 'E', 'L', 'F', 1, 1, 1, 0};
  std::memcpy(f.data(), ident, 16);
  put<uint16_t>(f, 16, 2);    // ET_EXEC
  put<uint16_t>(f, 18, 243);  // EM_RISCV
  put<uint32_t>(f, 20, 1);
  put<uint32_t>(f, 24, image.entry);
  put<uint32_t>(f, 28, phoff);
  put<uint32_t>(f, 32, shoff);
  put<uint32_t>(f, 36, 0);  // no RVC, soft float
  put<uint16_t>(f, 40, 52);
  put<uint16_t>(f, 42, 32);
  put<uint16_t>(f, 44, uint16_t(nseg));
  put<uint16_t>(f, 46, 40);
  put<uint16_t>(f, 48, uint16_t(shnum));
  put<uint16_t>(f, 50, uint16_t(nseg + 3));
  for (unsigned i = 0; i < nseg; ++i) {
    size_t o = phoff + 32 * i;
    const auto& s = image.segments[i];
    put<uint32_t>(f, o, kPtLoad);
    put<uint32_t>(f, o + 4, seg_off[i]);
    put<uint32_t>(f, o + 8, s.addr);
    put<uint32_t>(f, o + 12, s.addr);
    put<uint32_t>(f, o + 16, uint32_t(s.bytes.size()));
    put<uint32_t>(f, o + 20, uint32_t(s.bytes.size()));
    put<uint32_t>(f, o + 24, 0x7);
    put<uint32_t>(f, o + 28, 4);
  }
  std::ofstream out(path, std::ios::binary);
  if (!out.write(reinterpret_cast<const char*>(f.data()), std::streamsize(f.size()))) {
    error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace rv
