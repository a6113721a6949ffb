// Boot ROM images for soc_sim --rom (see rom_image.h).
#include "rom_image.h"

#include <cctype>
#include <cstdio>

#include "rv_iss/elf_loader.h"
#include "rv_iss/hex.h"

using rv::hex32;

namespace socsim {
namespace {

bool read_rom_elf(const std::string& path, const std::vector<uint8_t>& bytes, uint32_t rom_base,
                  uint32_t rom_bytes, std::vector<uint32_t>& words, std::string& error) {
  rv::ElfImage image;
  if (!rv::parse_elf(path, bytes.data(), bytes.size(), image, error)) return false;
  if (image.entry != rom_base) {
    error = path + ": entry point " + hex32(image.entry) + " is not the boot ROM's start " +
            hex32(rom_base);
    return false;
  }
  std::vector<uint32_t> out(rom_bytes / 4, 0);
  for (const auto& s : image.segments) {
    if (s.file_size == 0) continue;  // .bss of the ROM program: lives in RAM, nothing to load
    const uint64_t end = uint64_t(s.addr) + s.file_size;
    if (s.addr < rom_base || end > uint64_t(rom_base) + rom_bytes) {
      error = path + ": segment at " + hex32(s.addr) + " (" + std::to_string(s.file_size) +
              " bytes) does not fit the " + std::to_string(rom_bytes / 1024) + " KiB boot ROM " +
              hex32(rom_base) + ".." + hex32(rom_base + rom_bytes - 1);
      return false;
    }
    for (uint32_t i = 0; i < s.file_size; ++i) {
      const uint32_t off = s.addr - rom_base + i;
      out[off / 4] |= uint32_t(s.bytes[i]) << (8 * (off % 4));
    }
  }
  words = std::move(out);
  return true;
}

bool read_rom_hex(const std::string& path, const std::vector<uint8_t>& bytes, uint32_t rom_bytes,
                  std::vector<uint32_t>& words, std::string& error) {
  std::vector<uint32_t> out;
  const std::string text(bytes.begin(), bytes.end());
  size_t line_no = 0;
  for (size_t p = 0; p < text.size();) {
    size_t q = text.find('\n', p);
    if (q == std::string::npos) q = text.size();
    std::string line = text.substr(p, q - p);
    p = q + 1;
    ++line_no;
    if (const size_t c = line.find("//"); c != std::string::npos) line.resize(c);
    size_t b = 0, e = line.size();
    while (b < e && std::isspace(static_cast<unsigned char>(line[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(line[e - 1]))) --e;
    if (b == e) continue;
    const std::string tok = line.substr(b, e - b);
    bool ok = tok.size() <= 8;
    uint32_t v = 0;
    for (char ch : tok) {
      if (!std::isxdigit(static_cast<unsigned char>(ch))) ok = false;
      v = v << 4 | uint32_t(std::isdigit(static_cast<unsigned char>(ch))
                                ? ch - '0'
                                : std::tolower(static_cast<unsigned char>(ch)) - 'a' + 10);
    }
    if (!ok) {
      error = path + ":" + std::to_string(line_no) + ": '" + tok.substr(0, 40) +
              "' is not a 32-bit hex word (a ROM image is an ELF or one hex word per line)";
      return false;
    }
    if (out.size() == rom_bytes / 4) {
      error = path + ":" + std::to_string(line_no) + ": image larger than the " +
              std::to_string(rom_bytes / 1024) + " KiB boot ROM (more than " +
              std::to_string(rom_bytes / 4) + " words)";
      return false;
    }
    out.push_back(v);
  }
  if (out.empty()) {
    error = path + ": no words (an empty ROM image)";
    return false;
  }
  words = std::move(out);
  return true;
}

}  // namespace

bool read_rom_image(const std::string& path, uint32_t rom_base, uint32_t rom_bytes,
                    std::vector<uint32_t>& words, std::string& error) {
  std::vector<uint8_t> bytes;
  if (!rv::read_file_bytes(path, bytes, error)) return false;
  if (bytes.size() >= 4 && bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' &&
      bytes[3] == 'F') {
    return read_rom_elf(path, bytes, rom_base, rom_bytes, words, error);
  }
  return read_rom_hex(path, bytes, rom_bytes, words, error);
}

}  // namespace socsim
