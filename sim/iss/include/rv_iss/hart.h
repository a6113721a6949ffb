// RV32IMA + Zicsr + Zifencei instruction-set model with machine and user
// modes, PMP, CLINT and ATS-INTC local interrupts: the reference the RTL core
// (rtl/core/rv_core.sv) is checked against instruction by instruction, and the
// fast --cpu=iss mode of the simulator. docs/core.md lists the CSRs and the
// behaviour both implement.
//
// Usage: construct with a Bus, reset(), then call step() once per instruction.
// Interrupt lines are set with set_irq_lines() in mip bit positions. In
// lockstep the caller sets them to the core's sampled lines before each step.
#pragma once
#include <array>
#include <cstdint>

#include "rv_iss/bus.h"

namespace rv {

enum Priv : uint8_t { kPrivU = 0, kPrivM = 3 };

// mip/mie bits implemented.
constexpr uint32_t kMipMsi = 1u << 3;
constexpr uint32_t kMipMti = 1u << 7;
constexpr uint32_t kMipMei = 1u << 11;
constexpr uint32_t kMipWork = 1u << 16;     // ATS-INTC: ready task for this hart
constexpr uint32_t kMipPreempt = 1u << 17;  // ATS-INTC: more urgent task elsewhere
constexpr uint32_t kMipMask = kMipMsi | kMipMti | kMipMei | kMipWork | kMipPreempt;

// mstatus bits implemented.
constexpr uint32_t kMstatusMie = 1u << 3;
constexpr uint32_t kMstatusMpie = 1u << 7;
constexpr uint32_t kMstatusMpp = 3u << 11;
constexpr uint32_t kMstatusMprv = 1u << 17;
constexpr uint32_t kMstatusTw = 1u << 21;

// Exception causes.
enum Cause : uint32_t {
  kCauseFetchMisaligned = 0,
  kCauseFetchAccess = 1,
  kCauseIllegal = 2,
  kCauseBreakpoint = 3,
  kCauseLoadMisaligned = 4,
  kCauseLoadAccess = 5,
  kCauseStoreMisaligned = 6,
  kCauseStoreAccess = 7,
  kCauseEcallU = 8,
  kCauseEcallM = 11,
};
constexpr uint32_t kCauseInterrupt = 0x80000000u;

struct HartConfig {
  uint32_t hart_id = 0;
  unsigned pmp_entries = 8;  // 0..16
  unsigned pmp_gran = 2;     // log2 bytes of the PMP granule (2 = 4 bytes)
  uint32_t reset_pc = 0x80000000u;
  // true: WFI retires at once (lockstep, where the core decides when it wakes);
  // false: step() returns an invalid record while WFI waits for an interrupt.
  bool wfi_retires = true;
};

// One retired instruction or trap, in the same shape as the core's trace port.
struct Retire {
  bool valid = false;  // false: nothing retired (WFI waiting)
  uint32_t pc = 0;
  uint32_t insn = 0;  // 0 for interrupts and instruction fetch faults
  uint32_t next_pc = 0;
  uint8_t priv = kPrivM;  // mode the instruction ran in
  bool trap = false;
  uint32_t cause = 0;  // mcause when trap
  uint32_t tval = 0;   // mtval when trap
  uint8_t rd = 0;      // 0 when no register is written
  uint32_t rd_wdata = 0;
  uint32_t mem_addr = 0;  // byte address of the access
  uint8_t mem_rmask = 0;  // byte lanes read (of the word)
  uint8_t mem_wmask = 0;  // byte lanes written
  uint32_t mem_rdata = 0;
  uint32_t mem_wdata = 0;
  uint8_t atop = kAtopNone;
};

class Hart {
 public:
  Hart(const HartConfig& config, Bus& bus);

  void reset();
  Retire step();

  void set_irq_lines(uint32_t mip_bits) { mip_ = mip_bits & kMipMask; }
  uint32_t irq_lines() const { return mip_; }
  // True when an enabled interrupt is pending (what ends a WFI).
  bool interrupt_pending() const { return (mip_ & mie_) != 0; }

  uint32_t pc() const { return pc_; }
  void set_pc(uint32_t pc) { pc_ = pc; }
  uint32_t reg(unsigned i) const { return x_[i & 31]; }
  void set_reg(unsigned i, uint32_t v) {
    if ((i & 31) != 0) x_[i & 31] = v;
  }
  Priv priv() const { return priv_; }
  uint64_t mcycle() const { return mcycle_; }
  uint64_t minstret() const { return minstret_; }
  // Lockstep: cycle counts come from the core.
  void set_mcycle_lo(uint32_t v) { mcycle_ = (mcycle_ & ~0xffffffffull) | v; }
  void set_mcycle_hi(uint32_t v) { mcycle_ = (mcycle_ & 0xffffffffull) | (uint64_t(v) << 32); }
  // CSR read without side effects or privilege checks; false if absent.
  bool peek_csr(uint32_t addr, uint32_t& value) const;

  const HartConfig& config() const { return cfg_; }

 private:
  enum Access { kRead, kWrite, kExec };

  void exec(uint32_t insn, Retire& r);
  void raise(Retire& r, uint32_t cause, uint32_t tval);
  void enter_trap(Retire& r, uint32_t cause, uint32_t tval);
  void write_rd(Retire& r, unsigned rd, uint32_t v);
  void exec_load(uint32_t insn, Retire& r);
  void exec_store(uint32_t insn, Retire& r);
  void exec_amo(uint32_t insn, Retire& r);
  void exec_system(uint32_t insn, Retire& r);
  bool csr_access(uint32_t addr, bool write, Retire& r, uint32_t& old_value, uint32_t new_value,
                  bool do_write);
  bool csr_exists(uint32_t addr) const;
  void csr_write(uint32_t addr, uint32_t v);
  bool pmp_ok(uint32_t addr, Access acc, Priv priv) const;
  Priv data_priv() const;
  bool pmp_locked_addr(unsigned i) const;
  uint32_t pmpaddr_read(unsigned i) const;

  HartConfig cfg_;
  Bus& bus_;

  std::array<uint32_t, 32> x_{};
  uint32_t pc_ = 0;
  Priv priv_ = kPrivM;
  uint32_t mstatus_ = 0;
  uint32_t mie_ = 0;
  uint32_t mip_ = 0;
  uint32_t mtvec_ = 0;
  uint32_t mscratch_ = 0;
  uint32_t mepc_ = 0;
  uint32_t mcause_ = 0;
  uint32_t mtval_ = 0;
  uint32_t mcounteren_ = 0;
  uint64_t mcycle_ = 0;
  uint64_t minstret_ = 0;
  bool instret_written_ = false;
  bool wfi_wait_ = false;  // a WFI is waiting (wfi_retires == false)
  std::array<uint8_t, 16> pmpcfg_{};
  std::array<uint32_t, 16> pmpaddr_{};
};

}  // namespace rv
