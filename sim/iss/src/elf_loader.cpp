// ELF32 reader and writer: see rv_iss/elf_loader.h.
#include "rv_iss/elf_loader.h"
#include "elf_bytes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace rv {
namespace {

using namespace elf_bytes;  // shared with the other ELF reader

template <typename T>
void put(std::vector<uint8_t>& f, size_t off, T v) {
  if (f.size() < off + sizeof(T)) f.resize(off + sizeof(T), 0);
  std::memcpy(f.data() + off, &v, sizeof(T));
}

constexpr uint32_t kPtLoad = 1;
constexpr uint16_t kEmRiscv = 243, kEtExec = 2;
constexpr uint8_t kMagic[4] = {0x7f, 'E', 'L', 'F'};
// Files larger than this are not read at all (an ELF for a 16 MiB RAM is far smaller).
constexpr off_t kMaxFileBytes = off_t(1) << 30;

const char* machine_name(uint16_t m) {
  switch (m) {
    case 3:
      return "x86";
    case 8:
      return "MIPS";
    case 20:
      return "PowerPC";
    case 40:
      return "ARM";
    case 62:
      return "x86-64";
    case 183:
      return "AArch64";
    default:
      return "unknown";
  }
}

const char* type_name(uint16_t t) {
  switch (t) {
    case 0:
      return "no file type";
    case 1:
      return "relocatable object; link it first";
    case 3:
      return "shared object or PIE; link with -static -no-pie";
    case 4:
      return "core dump";
    default:
      return "unknown";
  }
}

struct LoadSeg {
  unsigned index;  // program header index, for messages
  uint32_t addr;   // p_paddr
  uint32_t off;    // p_offset
  uint32_t filesz;
  uint32_t memsz;
};

// Reads the symbol table (the first SHT_SYMTAB) into symbols; see the header
// for what is an error and what is skipped.
bool read_symbols(const std::string& name, const uint8_t* f, size_t size,
                  std::map<std::string, uint32_t>& symbols, std::string& error) {
  uint32_t shoff;
  uint16_t shnum;
  if (!section_table(name, f, size, shoff, shnum, error)) return false;
  if (shnum == 0) return true;  // no section headers: no symbols
  for (unsigned i = 0; i < shnum; ++i) {
    const uint8_t* sh = f + shoff + size_t(i) * kShdrSize;
    if (le32(sh + 4) != kShtSymtab) continue;
    const uint32_t off = le32(sh + 16), len = le32(sh + 20), link = le32(sh + 24);
    if (!in_file(off, len, size)) {
      return fail(error, name,
                  "symbol table (offset 0x%x, %u bytes) runs past the end of the file (%zu "
                  "bytes): truncated file?",
                  off, len, size);
    }
    if (link == 0 || link >= shnum) {
      return fail(error, name, "symbol table links to string table section %u of %u", link,
                  unsigned(shnum));
    }
    const uint8_t* str_sh = f + shoff + size_t(link) * kShdrSize;
    const uint32_t str_off = le32(str_sh + 16), str_len = le32(str_sh + 20);
    if (le32(str_sh + 4) != kShtStrtab) {
      return fail(error, name, "symbol table links to section %u, which is not a string table",
                  link);
    }
    if (!in_file(str_off, str_len, size)) {
      return fail(error, name,
                  "symbol string table (offset 0x%x, %u bytes) runs past the end of the file "
                  "(%zu bytes): truncated file?",
                  str_off, str_len, size);
    }
    const char* strtab = reinterpret_cast<const char*>(f + str_off);
    for (uint32_t s = 0; s + kSymSize <= len; s += kSymSize) {
      const uint32_t sym_name = le32(f + off + s), value = le32(f + off + s + 4);
      if (sym_name == 0 || sym_name >= str_len) continue;  // unnamed or unusable name
      symbols[std::string(strtab + sym_name, strnlen(strtab + sym_name, str_len - sym_name))] =
          value;
    }
    break;  // an executable has at most one SHT_SYMTAB
  }
  return true;
}

}  // namespace

bool parse_elf(const std::string& name, const uint8_t* f, size_t size, ElfImage& image,
               std::string& error) {
  // Identification and file header.
  if (size < 4 || std::memcmp(f, kMagic, 4) != 0) {
    if (size == 0) return fail(error, name, "not an ELF file (empty)");
    if (size < 4) return fail(error, name, "not an ELF file (only %zu bytes)", size);
    return fail(error, name, "not an ELF file (bad magic number)");
  }
  if (size > 4 && f[4] != 1) {
    if (f[4] == 2) return fail(error, name, "64-bit ELF (ELFCLASS64); need a 32-bit RISC-V ELF");
    return fail(error, name, "invalid ELF class %u; need ELFCLASS32", unsigned(f[4]));
  }
  if (size > 5 && f[5] != 1) {
    if (f[5] == 2) return fail(error, name, "big-endian ELF; need little-endian (ELFDATA2LSB)");
    return fail(error, name, "invalid ELF data encoding %u; need little-endian", unsigned(f[5]));
  }
  if (size < kEhdrSize) {
    return fail(error, name, "truncated ELF header (%zu of %zu bytes)", size, kEhdrSize);
  }
  const uint16_t type = le16(f + 16), machine = le16(f + 18);
  if (machine != kEmRiscv) {
    return fail(error, name, "machine %u (%s) is not RISC-V (EM_RISCV = 243)", unsigned(machine),
                machine_name(machine));
  }
  if (type != kEtExec) {
    return fail(error, name, "ELF type %u (%s) is not an executable (ET_EXEC)", unsigned(type),
                type_name(type));
  }
  const uint32_t entry = le32(f + 24), phoff = le32(f + 28);
  const uint16_t phentsize = le16(f + 42), phnum = le16(f + 44);

  // Program headers: every PT_LOAD checked before anything is allocated.
  if (phnum == 0) return fail(error, name, "no loadable (PT_LOAD) segment: no program headers");
  if (phentsize != kPhdrSize) {
    return fail(error, name, "program header entry size %u, expected %zu", unsigned(phentsize),
                kPhdrSize);
  }
  if (!in_file(phoff, uint64_t(phnum) * kPhdrSize, size)) {
    return fail(error, name,
                "program header table (offset 0x%x, %u entries) runs past the end of the file "
                "(%zu bytes): truncated file?",
                phoff, unsigned(phnum), size);
  }
  std::vector<LoadSeg> segs;
  uint64_t total = 0;
  for (unsigned i = 0; i < phnum; ++i) {
    const uint8_t* ph = f + phoff + size_t(i) * kPhdrSize;
    if (le32(ph) != kPtLoad) continue;
    const LoadSeg s{i, le32(ph + 12), le32(ph + 4), le32(ph + 16), le32(ph + 20)};
    if (!in_file(s.off, s.filesz, size)) {
      return fail(error, name,
                  "segment %u (file offset 0x%x, %u bytes) runs past the end of the file (%zu "
                  "bytes): truncated file?",
                  i, s.off, s.filesz, size);
    }
    if (s.filesz > s.memsz) {
      return fail(error, name, "segment %u: file size %u exceeds memory size %u", i, s.filesz,
                  s.memsz);
    }
    if (uint64_t(s.addr) + s.memsz > (uint64_t(1) << 32)) {
      return fail(error, name,
                  "segment %u at 0x%08x (%u bytes) wraps past the end of the 32-bit address space",
                  i, s.addr, s.memsz);
    }
    if (s.memsz == 0) continue;
    total += s.memsz;
    if (total > kElfMaxImageBytes) {
      return fail(error, name, "segments need more than %llu MiB of memory",
                  (unsigned long long)(kElfMaxImageBytes >> 20));
    }
    segs.push_back(s);
  }
  if (segs.empty()) return fail(error, name, "no loadable (PT_LOAD) segment with a non-zero size");
  std::vector<LoadSeg> by_addr = segs;
  std::sort(by_addr.begin(), by_addr.end(),
            [](const LoadSeg& a, const LoadSeg& b) { return a.addr < b.addr; });
  for (size_t i = 1; i < by_addr.size(); ++i) {
    const LoadSeg& a = by_addr[i - 1];
    const LoadSeg& b = by_addr[i];
    if (uint64_t(a.addr) + a.memsz > b.addr) {
      return fail(error, name,
                  "segments %u (0x%08x..0x%08x) and %u (0x%08x..0x%08x) overlap in memory", a.index,
                  a.addr, uint32_t(a.addr + a.memsz - 1), b.index, b.addr,
                  uint32_t(b.addr + b.memsz - 1));
    }
  }

  std::map<std::string, uint32_t> symbols;
  if (!read_symbols(name, f, size, symbols, error)) return false;

  ElfImage out;
  out.entry = entry;
  out.source = name;
  out.symbols = std::move(symbols);
  for (const LoadSeg& s : segs) {
    ElfImage::Segment seg{s.addr, std::vector<uint8_t>(s.memsz, 0), s.filesz};
    std::memcpy(seg.bytes.data(), f + s.off, s.filesz);
    out.segments.push_back(std::move(seg));
  }
  image = std::move(out);
  return true;
}

bool read_file_bytes(const std::string& path, std::vector<uint8_t>& bytes, std::string& error) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(error, path, "cannot open: %s", std::strerror(errno));
  struct stat st {};
  std::vector<uint8_t> f;
  std::string why;
  if (::fstat(fd, &st) != 0) {
    why = std::string("cannot stat: ") + std::strerror(errno);
  } else if (S_ISDIR(st.st_mode)) {
    why = "is a directory, not an ELF file";
  } else if (!S_ISREG(st.st_mode)) {
    why = "not a regular file";
  } else if (st.st_size > kMaxFileBytes) {
    why = "file too large for an ELF executable (" + std::to_string(st.st_size) + " bytes)";
  } else {
    f.resize(size_t(st.st_size));
    size_t got = 0;
    while (got < f.size()) {
      const ssize_t n = ::read(fd, f.data() + got, f.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        why = std::string("cannot read: ") + std::strerror(errno);
        break;
      }
      if (n == 0) break;  // shrank while reading: parse what is there
      got += size_t(n);
    }
    f.resize(got);
  }
  ::close(fd);
  if (!why.empty()) return fail(error, path, "%s", why.c_str());
  bytes = std::move(f);
  return true;
}

bool read_elf(const std::string& path, ElfImage& image, std::string& error) {
  std::vector<uint8_t> f;
  if (!read_file_bytes(path, f, error)) return false;
  return parse_elf(path, f.data(), f.size(), image, error);
}

bool check_image_in_ram(const ElfImage& image, uint32_t ram_base, uint32_t ram_bytes,
                        std::string& error) {
  const uint64_t ram_end = std::min<uint64_t>(uint64_t(ram_base) + ram_bytes, 1ull << 32);
  for (const auto& s : image.segments) {
    if (s.bytes.empty()) continue;
    const uint64_t end = uint64_t(s.addr) + s.bytes.size();
    if (s.addr >= ram_base && end <= ram_end) continue;
    char buf[160];
    if (ram_bytes == 0) {
      std::snprintf(buf, sizeof buf, "segment at 0x%08x (%zu bytes) lies outside RAM (no RAM)",
                    s.addr, s.bytes.size());
    } else {
      std::snprintf(buf, sizeof buf,
                    "segment at 0x%08x (%zu bytes) lies outside RAM 0x%08x..0x%08x", s.addr,
                    s.bytes.size(), ram_base, uint32_t(ram_end - 1));
    }
    error = image.source.empty() ? std::string(buf) : image.source + ": " + buf;
    return false;
  }
  return true;
}

bool load_image(const ElfImage& image, SimMemory& mem, std::string& error) {
  if (!check_image_in_ram(image, mem.ram_base(), mem.ram_size(), error)) return false;
  for (const auto& s : image.segments) {
    if (!s.bytes.empty()) mem.write_bytes(s.addr, s.bytes.data(), uint32_t(s.bytes.size()));
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
