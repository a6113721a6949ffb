// RV32IMA instruction encoders for the random program generator.
#pragma once
#include <cstdint>

namespace rvenc {

inline uint32_t r_type(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd,
                       uint32_t op) {
  return (f7 << 25) | ((rs2 & 31) << 20) | ((rs1 & 31) << 15) | (f3 << 12) | ((rd & 31) << 7) | op;
}
inline uint32_t i_type(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op) {
  return (uint32_t(imm & 0xfff) << 20) | ((rs1 & 31) << 15) | (f3 << 12) | ((rd & 31) << 7) | op;
}
inline uint32_t s_type(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t op) {
  uint32_t u = uint32_t(imm);
  return (((u >> 5) & 0x7f) << 25) | ((rs2 & 31) << 20) | ((rs1 & 31) << 15) | (f3 << 12) |
         ((u & 31) << 7) | op;
}
inline uint32_t b_type(int32_t off, uint32_t rs2, uint32_t rs1, uint32_t f3) {
  uint32_t u = uint32_t(off);
  return (((u >> 12) & 1) << 31) | (((u >> 5) & 0x3f) << 25) | ((rs2 & 31) << 20) |
         ((rs1 & 31) << 15) | (f3 << 12) | (((u >> 1) & 0xf) << 8) | (((u >> 11) & 1) << 7) |
         0x63;
}
inline uint32_t u_type(uint32_t imm20, uint32_t rd, uint32_t op) {
  return (imm20 << 12) | ((rd & 31) << 7) | op;
}
inline uint32_t j_type(int32_t off, uint32_t rd) {
  uint32_t u = uint32_t(off);
  return (((u >> 20) & 1) << 31) | (((u >> 1) & 0x3ff) << 21) | (((u >> 11) & 1) << 20) |
         (((u >> 12) & 0xff) << 12) | ((rd & 31) << 7) | 0x6f;
}

// Common instructions.
inline uint32_t addi(uint32_t rd, uint32_t rs1, int32_t imm) { return i_type(imm, rs1, 0, rd, 0x13); }
inline uint32_t andi(uint32_t rd, uint32_t rs1, int32_t imm) { return i_type(imm, rs1, 7, rd, 0x13); }
inline uint32_t ori(uint32_t rd, uint32_t rs1, int32_t imm) { return i_type(imm, rs1, 6, rd, 0x13); }
inline uint32_t slli(uint32_t rd, uint32_t rs1, uint32_t sh) { return i_type(int32_t(sh), rs1, 1, rd, 0x13); }
inline uint32_t srli(uint32_t rd, uint32_t rs1, uint32_t sh) { return i_type(int32_t(sh), rs1, 5, rd, 0x13); }
inline uint32_t lui(uint32_t rd, uint32_t imm20) { return u_type(imm20 & 0xfffff, rd, 0x37); }
inline uint32_t auipc(uint32_t rd, uint32_t imm20) { return u_type(imm20 & 0xfffff, rd, 0x17); }
inline uint32_t add(uint32_t rd, uint32_t a, uint32_t b) { return r_type(0, b, a, 0, rd, 0x33); }
inline uint32_t or_(uint32_t rd, uint32_t a, uint32_t b) { return r_type(0, b, a, 6, rd, 0x33); }
inline uint32_t lw(uint32_t rd, uint32_t rs1, int32_t imm) { return i_type(imm, rs1, 2, rd, 0x03); }
inline uint32_t sw(uint32_t rs2, uint32_t rs1, int32_t imm) { return s_type(imm, rs2, rs1, 2, 0x23); }
inline uint32_t jal(uint32_t rd, int32_t off) { return j_type(off, rd); }
inline uint32_t jalr(uint32_t rd, uint32_t rs1, int32_t imm) { return i_type(imm, rs1, 0, rd, 0x67); }
inline uint32_t beq(uint32_t a, uint32_t b, int32_t off) { return b_type(off, b, a, 0); }
inline uint32_t bne(uint32_t a, uint32_t b, int32_t off) { return b_type(off, b, a, 1); }
inline uint32_t blt(uint32_t a, uint32_t b, int32_t off) { return b_type(off, b, a, 4); }
inline uint32_t csr(uint32_t f3, uint32_t rd, uint32_t addr, uint32_t rs1) {
  return ((addr & 0xfff) << 20) | ((rs1 & 31) << 15) | (f3 << 12) | ((rd & 31) << 7) | 0x73;
}
inline uint32_t csrrw(uint32_t rd, uint32_t a, uint32_t rs1) { return csr(1, rd, a, rs1); }
inline uint32_t csrrs(uint32_t rd, uint32_t a, uint32_t rs1) { return csr(2, rd, a, rs1); }
inline uint32_t csrrc(uint32_t rd, uint32_t a, uint32_t rs1) { return csr(3, rd, a, rs1); }
inline uint32_t csrrwi(uint32_t rd, uint32_t a, uint32_t imm) { return csr(5, rd, a, imm); }
inline uint32_t csrrsi(uint32_t rd, uint32_t a, uint32_t imm) { return csr(6, rd, a, imm); }
inline uint32_t csrrci(uint32_t rd, uint32_t a, uint32_t imm) { return csr(7, rd, a, imm); }
inline uint32_t amo(uint32_t f5, uint32_t rd, uint32_t rs1, uint32_t rs2) {
  return r_type(f5 << 2, rs2, rs1, 2, rd, 0x2f);
}
constexpr uint32_t kEcall = 0x00000073, kEbreak = 0x00100073, kMret = 0x30200073,
                   kWfi = 0x10500073, kFence = 0x0ff0000f, kFenceI = 0x0000100f,
                   kNop = 0x00000013;

}  // namespace rvenc
