// Disassembler: see rv_iss/disasm.h.
#include "rv_iss/disasm.h"

#include <cstdio>

namespace rv {
namespace {

const char* const kReg[32] = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
                              "a1",   "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5",
                              "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};

inline uint32_t bits(uint32_t v, int hi, int lo) { return (v >> lo) & ((1u << (hi - lo + 1)) - 1); }
inline int32_t sext(uint32_t v, int w) { return int32_t(v << (32 - w)) >> (32 - w); }

}  // namespace

std::string disasm(uint32_t i, uint32_t pc) {
  char b[96];
  const unsigned op = bits(i, 6, 0), rd = bits(i, 11, 7), f3 = bits(i, 14, 12);
  const unsigned rs1 = bits(i, 19, 15), rs2 = bits(i, 24, 20), f7 = bits(i, 31, 25);
  const int32_t ii = int32_t(i) >> 20;
  const int32_t is = sext((f7 << 5) | rd, 12);
  const int32_t ib = sext((bits(i, 31, 31) << 12) | (bits(i, 7, 7) << 11) | (bits(i, 30, 25) << 5) |
                              (bits(i, 11, 8) << 1), 13);
  const int32_t ij = sext((bits(i, 31, 31) << 20) | (bits(i, 19, 12) << 12) |
                              (bits(i, 20, 20) << 11) | (bits(i, 30, 21) << 1), 21);
  static const char* const kAlu[8] = {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
  static const char* const kMul[8] = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
  static const char* const kBr[8] = {"beq", "bne", "?", "?", "blt", "bge", "bltu", "bgeu"};
  static const char* const kLd[8] = {"lb", "lh", "lw", "?", "lbu", "lhu", "?", "?"};
  static const char* const kSt[8] = {"sb", "sh", "sw", "?", "?", "?", "?", "?"};
  static const char* const kCsr[8] = {"?", "csrrw", "csrrs", "csrrc", "?", "csrrwi", "csrrsi",
                                      "csrrci"};
  switch (op) {
    case 0x37: std::snprintf(b, sizeof b, "lui %s, 0x%x", kReg[rd], i >> 12); break;
    case 0x17: std::snprintf(b, sizeof b, "auipc %s, 0x%x", kReg[rd], i >> 12); break;
    case 0x6f: std::snprintf(b, sizeof b, "jal %s, 0x%08x", kReg[rd], pc + ij); break;
    case 0x67: std::snprintf(b, sizeof b, "jalr %s, %d(%s)", kReg[rd], ii, kReg[rs1]); break;
    case 0x63:
      std::snprintf(b, sizeof b, "%s %s, %s, 0x%08x", kBr[f3], kReg[rs1], kReg[rs2], pc + ib);
      break;
    case 0x03: std::snprintf(b, sizeof b, "%s %s, %d(%s)", kLd[f3], kReg[rd], ii, kReg[rs1]); break;
    case 0x23: std::snprintf(b, sizeof b, "%s %s, %d(%s)", kSt[f3], kReg[rs2], is, kReg[rs1]); break;
    case 0x13:
      if (f3 == 1 || f3 == 5)
        std::snprintf(b, sizeof b, "%s%s %s, %s, %u", f3 == 1 ? "sll" : (f7 ? "sra" : "srl"), "i",
                      kReg[rd], kReg[rs1], rs2);
      else
        std::snprintf(b, sizeof b, "%si %s, %s, %d", f3 == 0 ? "add" : kAlu[f3], kReg[rd],
                      kReg[rs1], ii);
      break;
    case 0x33: {
      const char* n = f7 == 1 ? kMul[f3] : (f7 == 0x20 ? (f3 == 0 ? "sub" : "sra") : kAlu[f3]);
      std::snprintf(b, sizeof b, "%s %s, %s, %s", n, kReg[rd], kReg[rs1], kReg[rs2]);
      break;
    }
    case 0x0f: std::snprintf(b, sizeof b, "%s", f3 == 1 ? "fence.i" : "fence"); break;
    case 0x2f: {
      static const char* const kAmo[32] = {"amoadd.w", "amoswap.w", "lr.w", "sc.w", "amoxor.w",
                                           "?", "?", "?", "amoor.w", "?", "?", "?", "amoand.w", "?",
                                           "?", "?", "amomin.w", "?", "?", "?", "amomax.w", "?",
                                           "?", "?", "amominu.w", "?", "?", "?", "amomaxu.w", "?",
                                           "?", "?"};
      std::snprintf(b, sizeof b, "%s %s, %s, (%s)", kAmo[f7 >> 2], kReg[rd], kReg[rs2], kReg[rs1]);
      break;
    }
    case 0x73:
      if (f3 == 0) {
        const char* n = i == 0x73 ? "ecall" : i == 0x100073 ? "ebreak" : i == 0x30200073 ? "mret"
                        : i == 0x10500073 ? "wfi" : "illegal";
        std::snprintf(b, sizeof b, "%s", n);
      } else if (f3 & 4) {
        std::snprintf(b, sizeof b, "%s %s, 0x%03x, %u", kCsr[f3], kReg[rd], i >> 20, rs1);
      } else {
        std::snprintf(b, sizeof b, "%s %s, 0x%03x, %s", kCsr[f3], kReg[rd], i >> 20, kReg[rs1]);
      }
      break;
    default: std::snprintf(b, sizeof b, "illegal 0x%08x", i); break;
  }
  return b;
}

}  // namespace rv
