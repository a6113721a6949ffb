// Random program generator: see progen.h.
#include "progen.h"

#include <random>
#include <vector>

#include "core_tb.h"
#include "rv_encode.h"

namespace isa {
namespace {

using namespace rvenc;

constexpr uint32_t kGp = 3, kScratchA = 27, kLoop = 28, kLogPtr = 29, kRecover = 30,
                   kScratchB = 31;
constexpr uint32_t kHandlerBody = 0x80000180u;
constexpr uint32_t kInit = 0x80000400u;

class Generator {
 public:
  explicit Generator(const GenConfig& c) : cfg_(c), rng_(c.seed * 0x9e3779b97f4a7c15ull + 7) {}

  rv::ElfImage build();

 private:
  uint32_t pc() const { return kGenCode + 4 * uint32_t(code_.size()); }
  void emit(uint32_t w) { code_.push_back(w); }
  void pad_to(uint32_t addr) {
    while (pc() < addr) emit(kNop);
  }
  uint32_t rnd(uint32_t n) { return uint32_t(rng_() % n); }
  bool chance(unsigned percent) { return rnd(100) < percent; }
  uint32_t reg() {  // random destination/source from the free pool
    static const uint32_t kPool[] = {1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                                     15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26};
    return kPool[rnd(sizeof kPool / sizeof kPool[0])];
  }
  uint32_t src() { return chance(10) ? rnd(32) : reg(); }  // sources may be any register
  uint32_t dst() { return chance(3) ? 0 : reg(); }
  void li(uint32_t rd, uint32_t v) {
    uint32_t lo = v & 0xfff;
    uint32_t hi = (v + 0x800) >> 12;
    if (hi != 0 || int32_t(v) < -2048 || int32_t(v) > 2047) {
      emit(lui(rd, hi));
      if (lo) emit(addi(rd, rd, int32_t(lo << 20) >> 20));
    } else {
      emit(addi(rd, 0, int32_t(v)));
    }
  }
  uint32_t interesting() {
    static const uint32_t kVals[] = {0, 1, 0xffffffffu, 0x80000000u, 0x7fffffffu, 2, 0xfffffffeu,
                                     0xffff, 0x8000, 31, 32, 33, 0xff, 0x80};
    switch (rnd(4)) {
      case 0: return kVals[rnd(sizeof kVals / sizeof kVals[0])];
      case 1: return uint32_t(rng_());
      case 2: return rnd(64) - 32;
      default: return kGenData + rnd(kGenDataSize);
    }
  }

  void alu();
  void muldiv();
  void mem_access(bool allow_traps);
  void load_use();
  void branch_fwd();
  void loop();
  void jal_fwd();
  void jalr_fwd();
  void indirect_loop();
  void csr_op();
  void trap_op();
  void amo_op();
  void fence_op() { emit(chance(50) ? kFence : kFenceI); }
  void smc_op();
  void mode_switch();
  void wfi_op();
  void irq_ctl();
  void mmio_op();
  void filler(unsigned n, bool memory);
  void snippet();
  void handler();
  void init();
  void epilogue();

  GenConfig cfg_;
  std::mt19937_64 rng_;
  std::vector<uint32_t> code_;
  bool user_ = false;  // mode of the code being emitted (known statically)
};

void Generator::alu() {
  static const uint32_t kRf3[] = {0, 1, 2, 3, 4, 5, 6, 7};
  uint32_t rd = dst(), a = src(), b = src();
  switch (rnd(4)) {
    case 0: {  // R-type base
      uint32_t f3 = kRf3[rnd(8)];
      uint32_t f7 = ((f3 == 0 || f3 == 5) && chance(50)) ? 0x20 : 0;
      emit(r_type(f7, b, a, f3, rd, 0x33));
      break;
    }
    case 1: {  // I-type
      uint32_t f3 = kRf3[rnd(8)];
      if (f3 == 1) emit(slli(rd, a, rnd(32)));
      else if (f3 == 5) emit(i_type(int32_t(rnd(32) | (chance(50) ? 0x400 : 0)), a, 5, rd, 0x13));
      else emit(i_type(int32_t(rnd(4096)) - 2048, a, f3, rd, 0x13));
      break;
    }
    case 2:
      emit(chance(50) ? lui(rd, uint32_t(rng_())) : auipc(rd, uint32_t(rng_())));
      break;
    default:
      muldiv();
      break;
  }
}

void Generator::muldiv() {
  emit(r_type(1, src(), src(), rnd(8), dst(), 0x33));
}

// Load or store near gp or through a freshly computed pointer.
void Generator::mem_access(bool allow_traps) {
  static const uint32_t kLoadF3[] = {0, 1, 2, 4, 5};
  bool store = chance(40);
  uint32_t f3 = store ? rnd(3) : kLoadF3[rnd(5)];
  uint32_t size = 1u << (f3 & 3);
  int32_t off = int32_t(rnd(kGenDataSize / size) * size) - 1024;
  bool misalign = allow_traps && !cfg_.qemu && size > 1 && chance(8);
  if (misalign) off += int32_t(1 + rnd(size - 1));
  uint32_t base = kGp;
  if (chance(40)) {  // pointer computed just before (forwarding into the address)
    base = reg();
    int32_t split = int32_t(rnd(512)) - 256;
    emit(addi(base, kGp, off - split));
    off = split;
  }
  if (store) emit(s_type(off, src(), base, f3, 0x23));
  else emit(i_type(off, base, f3, dst(), 0x03));
}

void Generator::load_use() {
  uint32_t r = reg();
  emit(lw(r, kGp, int32_t(rnd(512) * 4) - 1024));
  switch (rnd(4)) {
    case 0: emit(add(reg(), r, src())); break;
    case 1: emit(sw(r, kGp, int32_t(rnd(512) * 4) - 1024)); break;
    case 2: emit(r_type(1, r, src(), rnd(4), reg(), 0x33)); break;  // mul uses the load
    default: emit(beq(r, src(), 8)); emit(addi(reg(), r, 1)); break;
  }
}

void Generator::filler(unsigned n, bool memory) {
  for (unsigned i = 0; i < n; ++i) {
    if (memory && chance(30)) mem_access(false);
    else if (chance(80)) alu();
    else emit(r_type(1, src(), src(), rnd(4), dst(), 0x33));
  }
}

void Generator::branch_fwd() {
  static const uint32_t kBf3[] = {0, 1, 4, 5, 6, 7};
  unsigned n = 1 + rnd(4);
  uint32_t a = src(), b = chance(20) ? a : src();
  size_t at = code_.size();
  emit(0);
  filler(n, true);
  int32_t off = int32_t(code_.size() - at) * 4;
  // Misaligned target: traps only when taken. QEMU 7.2 reports a stale pc as
  // mtval for misaligned branch and JAL targets, so not in its subset.
  if (!cfg_.qemu && chance(5)) off += 2;
  code_[at] = b_type(off, b, a, kBf3[rnd(6)]);
}

void Generator::loop() {
  li(kLoop, 1 + rnd(4));
  size_t top = code_.size();
  filler(1 + rnd(5), true);
  emit(addi(kLoop, kLoop, -1));
  emit(bne(kLoop, 0, -int32_t(code_.size() - top) * 4));
}

void Generator::jal_fwd() {
  unsigned n = rnd(4);
  size_t at = code_.size();
  emit(0);
  filler(n, false);
  int32_t off = int32_t(code_.size() - at) * 4;
  if (!cfg_.qemu && chance(5)) off += 2;
  code_[at] = jal(dst(), off);
}

void Generator::jalr_fwd() {
  uint32_t a = reg();
  unsigned n = rnd(3);
  emit(auipc(a, 0));
  int32_t imm = 8 + 4 * int32_t(n);
  if (chance(10)) imm += 1;  // bit 0 is cleared
  else if (chance(5)) imm += 2;  // misaligned: traps
  emit(jalr(chance(30) ? a : dst(), a, imm));
  filler(n, false);
}

// A loop whose body has a JALR with immediate 0 (the form the core predicts)
// to one of two targets chosen by the loop count, and a forward branch on the
// loop count: predictions learnt in one pass and wrong in a later one (the
// core's JALR target table and branch counters, rtl/core/rv_bpred.sv).
void Generator::indirect_loop() {
  const uint32_t a = reg();
  uint32_t t = reg();
  while (t == a) t = reg();
  const int32_t mask = int32_t(rnd(3));  // 0: one target; 1: alternating; 2: every 2 passes
  li(kLoop, 2 + rnd(5));
  const size_t top = code_.size();
  filler(rnd(3), true);
  // a = (address of the JALR) + 4, or + 12 when kLoop & mask != 0.
  emit(auipc(a, 0));
  emit(andi(t, kLoop, mask));
  emit(r_type(0, t, 0, 3, t, 0x33));  // sltu t, x0, t: t = (t != 0)
  emit(slli(t, t, 3));
  emit(add(a, a, t));
  emit(addi(a, a, 28));
  emit(jalr(chance(30) ? a : dst(), a, 0));
  emit(addi(dst(), src(), int32_t(rnd(64)) - 32));  // skipped by the + 12 target
  emit(addi(dst(), src(), int32_t(rnd(64)) - 32));
  // A forward branch taken on every other pass.
  emit(andi(t, kLoop, 1));
  const size_t at = code_.size();
  emit(0);
  filler(1 + rnd(3), true);
  code_[at] = beq(t, 0, int32_t(code_.size() - at) * 4);
  emit(addi(kLoop, kLoop, -1));
  emit(bne(kLoop, 0, -int32_t(code_.size() - top) * 4));
}

void Generator::csr_op() {
  // CSRs both the ISS and QEMU implement alike; the lockstep adds the rest.
  static const uint32_t kReadQemu[] = {0x300, 0x305, 0x340, 0x341, 0x342, 0x343, 0xf14,
                                       0x3a0, 0x3a1, 0x3b0, 0x3b1, 0x3b5, 0x304, 0xf11};
  static const uint32_t kReadAll[] = {0x301, 0x344, 0x306, 0xb00, 0xb02, 0xb80, 0xb82, 0xc00,
                                      0xc02, 0xc80, 0xc82, 0xf12, 0xf13, 0xf15, 0x310, 0x320,
                                      0x323, 0xb03, 0x3a2, 0x3bf, 0x30a};
  uint32_t kind = rnd(10);
  if (kind < 4) {  // mscratch: every access form
    uint32_t f3 = (rnd(2) ? 4 : 0) | (1 + rnd(3));
    emit(csr(f3, dst(), 0x340, (f3 & 4) ? rnd(32) : src()));
  } else if (kind < 7) {  // reads
    uint32_t a = (!cfg_.qemu && chance(40)) ? kReadAll[rnd(sizeof kReadAll / 4)]
                                            : kReadQemu[rnd(sizeof kReadQemu / 4)];
    emit(csrrs(dst(), a, 0));
  } else if (kind < 8) {  // writes with values both models keep the same way
    uint32_t r = reg();
    switch (rnd(4)) {
      case 0: li(r, uint32_t(rng_()) & ~3u); emit(csrrw(dst(), 0x341, r)); break;  // mepc
      case 1: li(r, uint32_t(rng_())); emit(csrrw(dst(), 0x343, r)); break;          // mtval
      case 2: li(r, uint32_t(rng_()) & 0x8000001fu); emit(csrrw(dst(), 0x342, r)); break;
      default:  // mstatus.MPRV / MPP (M or U). QEMU 7.2 does not apply a changed
                // MPRV to pages it has cached: no MPRV in its subset.
        li(r, (!cfg_.qemu && chance(50) ? 0x20000u : 0u) | (chance(50) ? 0x1800u : 0u));
        emit(chance(50) ? csrrs(dst(), 0x300, r) : csrrc(dst(), 0x300, r));
        break;
    }
  } else if (kind < 9) {  // illegal accesses
    static const uint32_t kBad[] = {0x7c0, 0x800, 0xc01, 0x3c0, 0x105, 0x180};
    if (chance(50)) emit(csrrw(dst(), 0xf11, src()));  // write to a read-only CSR
    else emit(csrrs(dst(), kBad[rnd(6)], 0));
  } else if (!cfg_.qemu) {  // lockstep-only writes
    uint32_t r = reg();
    static const uint32_t kW[] = {0x306, 0xb02, 0xb82, 0xb00, 0x310, 0x320, 0x3bf, 0x3a2};
    li(r, uint32_t(rng_()));
    emit(csrrw(dst(), kW[rnd(8)], r));
  } else {
    emit(csrrs(dst(), 0xf14, 0));
  }
}

void Generator::trap_op() {
  switch (rnd(6)) {
    case 0:
      emit(kEcall);
      if (user_) user_ = false;  // the handler returns to M-mode
      break;
    case 1: emit(kEbreak); break;
    case 2: {
      static const uint32_t kIllegal[] = {0x00000000u, 0xffffffffu, 0x0000000bu, 0x0000007fu,
                                          0x00002073u, 0x10200073u};
      emit(kIllegal[rnd(6)]);
      break;
    }
    case 3: {  // access fault on a hole in the memory map
      uint32_t r = reg();
      li(r, 0xf0000000u + (rnd(256) << 4));
      if (chance(50)) emit(lw(dst(), r, 0));
      else emit(sw(src(), r, 4));
      break;
    }
    case 4: {  // instruction fetch fault, resumes at the recovery address
      emit(auipc(kRecover, 0));
      emit(addi(kRecover, kRecover, 16));
      uint32_t r = reg();
      // U-mode: a PMP execute fault on the log page (no entry covers it). QEMU
      // 7.2 mishandles M-mode stores to a page after such a fault: not there.
      emit(lui(r, user_ && !cfg_.qemu && chance(50) ? (kGenLog >> 12) : 0xf0000));
      emit(jalr(dst(), r, 0));
      break;
    }
    default:
      if (user_) emit(kMret);  // illegal in U-mode
      else emit(kEbreak);
      break;
  }
}

void Generator::amo_op() {
  static const uint32_t kF5[] = {0x00, 0x01, 0x04, 0x08, 0x0c, 0x10, 0x14, 0x18, 0x1c};
  uint32_t p = reg();
  int32_t off = int32_t(rnd(kGenDataSize / 4) * 4) - 1024;
  if (!cfg_.qemu && chance(5)) off += 2;
  emit(addi(p, kGp, off));
  uint32_t rs2 = src();
  if (rs2 == p) rs2 = 0;
  if (chance(60)) {
    emit(amo(kF5[rnd(9)], dst(), p, rs2));
  } else {
    uint32_t rd = dst();
    if (rd == p) rd = 0;
    emit(amo(0x02, rd, p, 0));  // LR
    for (unsigned i = rnd(3); i > 0; --i) {
      uint32_t r = dst();
      emit(addi(r == p ? 0 : r, src(), int32_t(rnd(64))));
    }
    emit(amo(0x03, dst(), p, rs2));  // SC
    if (!cfg_.qemu && chance(30)) emit(amo(0x03, dst(), p, rs2));  // SC without reservation
  }
}

void Generator::smc_op() {
  uint32_t a = reg(), b = reg();
  if (b == a) b = a == 1 ? 2 : 1;
  uint32_t target = reg();
  uint32_t replacement = i_type(int32_t(rnd(2048)), target, chance(50) ? 0 : 4, target, 0x13);
  size_t auipc_at = code_.size();
  emit(auipc(a, 0));
  li(b, replacement);
  size_t at = code_.size();
  emit(0);  // sw b, slot(a)
  emit(kFenceI);
  emit(kNop);
  uint32_t slot = pc();
  emit(addi(target, target, 1));
  code_[at] = sw(b, a, int32_t(slot - (kGenCode + 4 * uint32_t(auipc_at))));
}

void Generator::mode_switch() {
  if (user_) {
    emit(kEcall);
    user_ = false;
    return;
  }
  uint32_t a = reg(), b = reg();
  if (b == a) b = a == 1 ? 2 : 1;
  emit(auipc(a, 0));
  emit(addi(a, a, 28));
  emit(csrrw(0, 0x341, a));  // mepc
  // MPP = U. QEMU 7.2 does not clear MPRV on an MRET to U-mode (privileged
  // spec 1.12 does): its subset clears MPRV here explicitly.
  emit(lui(b, cfg_.qemu ? 0x22 : 0x2));
  emit(addi(b, b, -0x800));  // 0x1800 (| 0x20000 MPRV)
  emit(csrrc(0, 0x300, b));
  emit(kMret);
  user_ = true;
}

void Generator::wfi_op() {
  if (user_) return;
  static const uint32_t kLines[] = {rv::kMipMsi, rv::kMipMti, rv::kMipMei, rv::kMipWork,
                                    rv::kMipPreempt};
  uint32_t a = reg(), b = reg();
  if (b == a) b = a == 1 ? 2 : 1;
  // MPRV off (the testbench device must be reachable) and MIE off, so the
  // armed line cannot be taken and cleared before the WFI sees it.
  li(a, (1u << 17) | 8u);
  emit(csrrc(0, 0x300, a));
  li(a, kTbBase);
  li(b, rnd(40));
  emit(sw(b, a, kTbArmDelay));
  li(b, kLines[rnd(5)]);
  emit(sw(b, a, kTbArmMask));
  emit(csrrs(0, 0x304, b));
  emit(kWfi);
  if (chance(70)) emit(csrrsi(0, 0x300, 8));  // taken right after the wake-up
}

void Generator::irq_ctl() {
  switch (rnd(4)) {
    case 0: emit(csrrsi(0, 0x300, 8)); break;  // MIE on
    case 1: emit(csrrci(0, 0x300, 8)); break;  // MIE off
    case 2: {
      uint32_t r = reg();
      li(r, uint32_t(rng_()) & rv::kMipMask);
      emit(csrrw(dst(), 0x304, r));
      break;
    }
    default: {
      if (user_) break;
      uint32_t a = reg(), b = reg();
      if (b == a) b = a == 1 ? 2 : 1;
      li(a, kTbBase);
      li(b, rnd(30));
      emit(sw(b, a, kTbArmDelay));
      li(b, uint32_t(rng_()) & rv::kMipMask);
      emit(sw(b, a, kTbArmMask));
      break;
    }
  }
}

void Generator::mmio_op() {
  if (user_) return;
  uint32_t a = reg();
  li(a, kTbBase);
  emit(lw(dst(), a, kTbCounter));
  if (chance(30)) emit(lw(dst(), a, kTbCycle));
}

void Generator::snippet() {
  unsigned k = rnd(100);
  if (k < 19) alu();
  else if (k < 22) indirect_loop();
  else if (k < 34) mem_access(true);
  else if (k < 40) load_use();
  else if (k < 48) branch_fwd();
  else if (k < 52) loop();
  else if (k < 57) jal_fwd();
  else if (k < 62) jalr_fwd();
  else if (k < 70) csr_op();
  else if (k < 75) trap_op();
  else if (k < 81) amo_op();
  else if (k < 83) fence_op();
  else if (k < 85) smc_op();
  else if (k < 89) mode_switch();
  else if (k < 93) muldiv();
  else if (!cfg_.interrupts) alu();
  else if (k < 95) wfi_op();
  else if (k < 98) irq_ctl();
  else mmio_op();
}

void Generator::handler() {
  // Vector table (direct mode uses entry 0 for everything).
  pad_to(kGenVector);
  for (int i = 0; i < 32; ++i) emit(jal(0, int32_t(kHandlerBody - pc())));
  pad_to(kHandlerBody);
  emit(csrrs(kScratchB, 0x342, 0));  // mcause
  emit(sw(kScratchB, kLogPtr, 0));
  emit(csrrs(kScratchA, 0x341, 0));  // mepc
  emit(sw(kScratchA, kLogPtr, 4));
  emit(csrrs(kScratchA, 0x343, 0));  // mtval
  emit(sw(kScratchA, kLogPtr, 8));
  emit(addi(kLogPtr, kLogPtr, 16));  // ring of 64 entries at kGenLog
  emit(andi(kScratchA, kLogPtr, 0x3f0));
  emit(lui(kLogPtr, kGenLog >> 12));
  emit(or_(kLogPtr, kLogPtr, kScratchA));
  size_t to_irq = code_.size();
  emit(0);  // blt scratchB, x0, irq
  emit(addi(kScratchA, 0, 1));
  size_t to_fetch = code_.size();
  emit(0);  // beq scratchB, scratchA, fetch_fault
  emit(addi(kScratchA, 0, 8));
  size_t to_ecall = code_.size();
  emit(0);  // beq scratchB, scratchA, ecall_u
  // Everything else resumes after the faulting instruction.
  uint32_t skip = pc();
  emit(csrrs(kScratchA, 0x341, 0));
  emit(addi(kScratchA, kScratchA, 4));
  emit(csrrw(0, 0x341, kScratchA));
  emit(kMret);
  uint32_t fetch = pc();
  emit(csrrw(0, 0x341, kRecover));
  emit(kMret);
  uint32_t ecall = pc();
  emit(lui(kScratchA, 2));
  emit(addi(kScratchA, kScratchA, -0x800));
  emit(csrrs(0, 0x300, kScratchA));  // return to M-mode
  emit(jal(0, int32_t(skip - pc())));
  // Interrupt: step over a WFI the interrupt was taken on (its line is cleared
  // below, so returning to it would wait forever), then clear all lines.
  // (Only inside the code region: an interrupt can also be taken on an
  // instruction whose fetch faulted, and a load from there would fault.)
  uint32_t irq = pc();
  emit(csrrs(kScratchA, 0x341, 0));
  emit(srli(kScratchB, kScratchA, 20));
  emit(addi(kScratchB, kScratchB, -2048));  // 0 for 0x800xxxxx
  emit(bne(kScratchB, 0, 32));
  emit(lw(kScratchB, kScratchA, 0));
  emit(addi(kScratchB, kScratchB, -0x73));
  emit(lui(kScratchA, kWfi >> 12));
  emit(bne(kScratchB, kScratchA, 16));
  emit(csrrs(kScratchA, 0x341, 0));
  emit(addi(kScratchA, kScratchA, 4));
  emit(csrrw(0, 0x341, kScratchA));
  emit(lui(kScratchA, kTbBase >> 12));
  emit(addi(kScratchB, 0, -1));
  emit(sw(kScratchB, kScratchA, kTbIrqClr));
  emit(kMret);
  auto at = [&](size_t i) { return kGenCode + 4 * uint32_t(i); };
  code_[to_irq] = blt(kScratchB, 0, int32_t(irq - at(to_irq)));
  code_[to_fetch] = beq(kScratchB, kScratchA, int32_t(fetch - at(to_fetch)));
  code_[to_ecall] = beq(kScratchB, kScratchA, int32_t(ecall - at(to_ecall)));
}

void Generator::init() {
  pad_to(kInit);
  li(kLogPtr, kGenLog);
  li(kGp, kGenData + 1024);
  emit(auipc(kRecover, 0));
  li(kScratchA, kGenVector | (chance(50) ? 1 : 0));
  emit(csrrw(0, 0x305, kScratchA));
  // PMP: entries 0-3 random over the data region, 6 = code (RX), 7 = data (RW).
  uint32_t cfg_lo = 0, cfg_hi = 0;
  uint32_t prev = kGenData >> 2;
  for (unsigned i = 0; i < 4; ++i) {
    uint32_t mode = i == 0 ? 3 : rnd(4), perm = rnd(8);
    // QEMU checks no permission on an SC without reservation (after a denied
    // LR); the core always checks. Keep R in the QEMU subset.
    if (cfg_.qemu) perm |= 1;
    uint32_t addr;
    uint32_t size = 8u << rnd(8);  // 8..1024 bytes
    uint32_t base = kGenData + (rnd(kGenDataSize / size) * size);
    if (mode == 3) addr = (base >> 2) | ((size >> 3) - 1);
    else if (mode == 2) addr = (base >> 2) + rnd(size / 4);
    else addr = prev + rnd(128);
    if (mode == 1) prev = addr;
    uint32_t lock = chance(15) ? 0x80 : 0;
    cfg_lo |= (lock | (mode << 3) | perm) << (8 * i);
    li(kScratchA, addr);
    emit(csrrw(0, 0x3b0 + i, kScratchA));
  }
  li(kScratchA, (kGenCode >> 2) | 0x1fff);  // 64 KiB
  emit(csrrw(0, 0x3b6, kScratchA));
  li(kScratchA, (kGenData >> 2) | 0xff);  // 2 KiB
  emit(csrrw(0, 0x3b7, kScratchA));
  cfg_hi = ((0x18 | 0x5 | (!cfg_.qemu && chance(20) ? 0x80 : 0)) << 16) |
           ((0x18 | 0x3 | (chance(20) ? 0x80 : 0)) << 24);
  li(kScratchA, cfg_lo);
  emit(csrrw(0, 0x3a0, kScratchA));
  li(kScratchA, cfg_hi);
  emit(csrrw(0, 0x3a1, kScratchA));
  if (!cfg_.qemu) {
    li(kScratchA, rnd(8));
    emit(csrrw(0, 0x306, kScratchA));  // mcounteren
    if (chance(30)) {
      li(kScratchA, 1u << 21);  // TW
      emit(csrrs(0, 0x300, kScratchA));
    }
  }
  if (cfg_.interrupts) {
    li(kScratchA, uint32_t(rng_()) & rv::kMipMask);
    emit(csrrw(0, 0x304, kScratchA));
    if (chance(70)) emit(csrrsi(0, 0x300, 8));
  }
  static const uint32_t kPool[] = {1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
                                   15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26};
  for (uint32_t r : kPool) li(r, interesting());
  li(kScratchA, 0);
  li(kScratchB, 0);
  li(kLoop, 0);
}

void Generator::epilogue() {
  if (user_) {
    emit(kEcall);
    user_ = false;
  }
  li(5, 1u << 17);
  emit(csrrc(0, 0x300, 5));  // MPRV off
  emit(csrrci(0, 0x300, 8));  // interrupts off
  emit(csrrw(0, 0x304, 0));
  emit(csrrw(0, 0x340, kScratchB));
  li(kScratchB, kGenSig);
  for (uint32_t r = 1; r < 31; ++r) emit(sw(r, kScratchB, int32_t(4 * r)));
  emit(csrrs(1, 0x340, 0));
  emit(sw(1, kScratchB, 124));
  if (cfg_.signature) {
    // Print sig, data and log words as hex through the HTIF console.
    struct Range { uint32_t from, to; } ranges[] = {{kGenSig, kGenSig + 128},
                                                    {kGenData, kGenData + kGenDataSize},
                                                    {kGenLog, kGenLog + 1024}};
    li(6, kGenTohost);
    li(7, 0x01010000u);
    for (const auto& rg : ranges) {
      li(10, rg.from);
      li(11, rg.to);
      uint32_t loop_top = pc();
      emit(lw(12, 10, 0));
      emit(addi(13, 0, 8));
      uint32_t inner = pc();
      emit(srli(14, 12, 28));
      emit(slli(12, 12, 4));
      emit(addi(14, 14, '0'));
      emit(addi(15, 0, '9' + 1));
      emit(blt(14, 15, 8));
      emit(addi(14, 14, 'a' - '0' - 10));
      emit(sw(14, 6, 0));
      emit(sw(7, 6, 4));
      emit(addi(13, 13, -1));
      emit(bne(13, 0, int32_t(inner - pc())));
      emit(addi(14, 0, '\n'));
      emit(sw(14, 6, 0));
      emit(sw(7, 6, 4));
      emit(addi(10, 10, 4));
      emit(bne(10, 11, int32_t(loop_top - pc())));
    }
  }
  li(6, kGenTohost);
  emit(addi(7, 0, 1));
  emit(sw(7, 6, 0));
  emit(sw(0, 6, 4));
  emit(jal(0, 0));
}

rv::ElfImage Generator::build() {
  emit(jal(0, int32_t(kInit - kGenCode)));
  handler();
  init();
  for (unsigned i = 0; i < cfg_.blocks; ++i) snippet();
  epilogue();

  rv::ElfImage img;
  img.entry = kGenCode;
  rv::ElfImage::Segment text{kGenCode, std::vector<uint8_t>(code_.size() * 4)};
  for (size_t i = 0; i < code_.size(); ++i)
    for (int k = 0; k < 4; ++k) text.bytes[4 * i + k] = uint8_t(code_[i] >> (8 * k));
  img.segments.push_back(std::move(text));
  rv::ElfImage::Segment data{kGenData, std::vector<uint8_t>(kGenFromhost + 8 - kGenData, 0)};
  for (uint32_t i = 0; i < kGenDataSize; ++i) data.bytes[i] = uint8_t(rng_());
  img.segments.push_back(std::move(data));
  img.symbols["tohost"] = kGenTohost;
  img.symbols["fromhost"] = kGenFromhost;
  return img;
}

}  // namespace

rv::ElfImage generate_program(const GenConfig& config) { return Generator(config).build(); }

}  // namespace isa
