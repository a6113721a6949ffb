// The bus an instruction-set model or a testbench memory speaks: the same
// transaction the core's OBI-like ports carry (word address + byte enables,
// atomic opcode on the data side), answered with read data or an error.
#pragma once
#include <cstdint>

namespace rv {

// Atomic opcode on the data port: 0 = plain access, otherwise 0x20 | funct5
// of the A-extension instruction (PULP OBI / AXI ATOP convention).
enum AtomicOp : uint8_t {
  kAtopNone = 0x00,
  kAtopAmoAdd = 0x20,
  kAtopAmoSwap = 0x21,
  kAtopLr = 0x22,
  kAtopSc = 0x23,
  kAtopAmoXor = 0x24,
  kAtopAmoOr = 0x28,
  kAtopAmoAnd = 0x2C,
  kAtopAmoMin = 0x30,
  kAtopAmoMax = 0x34,
  kAtopAmoMinu = 0x38,
  kAtopAmoMaxu = 0x3C,
};

struct BusReq {
  uint32_t addr = 0;   // byte address; the access covers the word addr & ~3
  bool we = false;     // store, SC or AMO
  uint8_t be = 0;      // byte enables within the word
  uint32_t wdata = 0;  // word-lane data (already shifted to the byte lanes)
  uint8_t atop = kAtopNone;
  uint32_t hart = 0;
};

struct BusResp {
  uint32_t rdata = 0;  // whole word; SC: 0 = success, 1 = failure
  bool err = false;
};

class Bus {
 public:
  virtual ~Bus() = default;
  virtual BusResp fetch(uint32_t addr) = 0;
  virtual BusResp data(const BusReq& req) = 0;
};

// Applies an AMO's operation (not LR/SC) to the old memory word.
uint32_t amo_apply(uint8_t atop, uint32_t old_value, uint32_t operand);

}  // namespace rv
