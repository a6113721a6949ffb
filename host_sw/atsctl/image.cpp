// Program images for the loader (see image.h).
#include "image.h"

#include <cstdio>

#include "failure.h"
#include "protocol.h"
#include "rv_iss/elf_loader.h"
#include "rv_iss/hex.h"

using rv::hex32;

namespace atsctl {

uint64_t LoadImage::bytes() const {
  uint64_t n = 0;
  for (const auto& r : ranges) n += r.bytes.size();
  return n;
}

uint32_t LoadImage::crc() const {
  uint32_t c = 0;
  for (const auto& r : ranges) c = crc32(r.bytes.data(), r.bytes.size(), c);
  return c;
}

LoadImage read_load_image(const std::string& path) {
  rv::ElfImage elf;
  std::string err;
  if (!rv::read_elf(path, elf, err)) throw Failure(kExitBadElf, err);
  LoadImage img;
  img.path = path;
  img.entry = elf.entry;
  for (auto& s : elf.segments) {
    LoadRange r;
    r.addr = s.addr;
    r.mem_size = uint32_t(s.bytes.size());
    s.bytes.resize(s.file_size);
    r.bytes = std::move(s.bytes);
    img.ranges.push_back(std::move(r));
  }
  bool entry_ok = false;
  uint64_t file_bytes = 0;
  for (const auto& r : img.ranges) {
    file_bytes += r.bytes.size();
    entry_ok = entry_ok || (img.entry >= r.addr && img.entry - r.addr < r.bytes.size());
  }
  if (file_bytes == 0) throw Failure(kExitBadElf, path + ": no segment holds any bytes to load");
  if (!entry_ok) {
    throw Failure(kExitBadElf,
                  path + ": entry point " + hex32(img.entry) + " is not in a loaded segment");
  }
  return img;
}

void check_fits(const LoadImage& image, const LoaderInfo& info) {
  const uint64_t ram_end = uint64_t(info.ram_base) + info.ram_bytes;
  const std::string ram = hex32(info.ram_base) + ".." + hex32(uint32_t(ram_end - 1)) + " (" +
                          std::to_string(info.ram_bytes / 1024) + " KiB)";
  uint32_t sent_ranges = 0;
  for (const auto& r : image.ranges) {
    if (r.addr < info.ram_base || r.addr + uint64_t(r.mem_size) > ram_end) {
      throw Failure(kExitNoFit, image.path + ": segment at " + hex32(r.addr) + " (" +
                                    std::to_string(r.mem_size) +
                                    " bytes with .bss/stack) does not fit the board's RAM " + ram +
                                    " reported by the loader");
    }
    if (r.bytes.empty()) continue;
    ++sent_ranges;
    if (r.addr + uint64_t(r.bytes.size()) > info.loader_base) {
      throw Failure(kExitNoFit, image.path + ": segment at " + hex32(r.addr) + " (" +
                                    std::to_string(r.bytes.size()) +
                                    " bytes to load) overlaps the loader's reserved RAM " +
                                    hex32(info.loader_base) + ".." + hex32(uint32_t(ram_end - 1)));
    }
  }
  if (sent_ranges > info.max_ranges) {
    throw Failure(kExitNoFit, image.path + ": " + std::to_string(sent_ranges) +
                                  " loadable segments; the loader takes at most " +
                                  std::to_string(info.max_ranges));
  }
}

}  // namespace atsctl
