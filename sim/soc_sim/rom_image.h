// Boot ROM images for soc_sim --rom: an ELF linked in the ROM window
// (0x0000_1000, 4 KiB) or the $readmemh file soc_bootrom's ROM_INIT takes
// (firmware/bootrom/*.hex: one 32-bit hex word per line).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace socsim {

// Reads `path` into ROM words (word 0 = 0x0000_1000). An ELF (recognised by
// its magic number) must have its entry at rom_base and every segment that
// holds file bytes inside [rom_base, rom_base + rom_bytes); segments without
// file bytes (the loader's .bss in RAM) are skipped. A hex file has at most
// rom_bytes / 4 words, one per line; blank lines and // comments are allowed.
// False and `error` = one line starting with the path on failure.
bool read_rom_image(const std::string& path, uint32_t rom_base, uint32_t rom_bytes,
                    std::vector<uint32_t>& words, std::string& error);

}  // namespace socsim
