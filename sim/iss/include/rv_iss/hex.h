// "0x%08x" as a std::string, for error messages that name an address or a
// word (ELF loader clients, soc_sim --rom, atsctl, the ISA lockstep report).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace rv {

inline std::string hex32(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", static_cast<unsigned>(v));
  return buf;
}

}  // namespace rv
