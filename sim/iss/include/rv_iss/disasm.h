// One-line disassembly of an RV32IMA + Zicsr + Zifencei instruction, for
// mismatch reports and traces.
#pragma once
#include <cstdint>
#include <string>

namespace rv {
std::string disasm(uint32_t insn, uint32_t pc);
}  // namespace rv
