// RV32IMA + Zicsr + Zifencei instruction-set model: see rv_iss/hart.h.
#include "rv_iss/hart.h"

namespace rv {
namespace {

constexpr uint32_t kMisa = (1u << 30) | (1u << 0) | (1u << 8) | (1u << 12) | (1u << 20);
constexpr uint32_t kMstatusWritable = kMstatusMie | kMstatusMpie | kMstatusMpp | kMstatusMprv |
                                      kMstatusTw;
constexpr uint32_t kMcounterenWritable = 0x5;  // CY and IR; no time CSR

inline uint32_t bits(uint32_t v, int hi, int lo) { return (v >> lo) & ((1u << (hi - lo + 1)) - 1); }
inline int32_t sext(uint32_t v, int width) {
  return int32_t(v << (32 - width)) >> (32 - width);
}
inline uint32_t imm_i(uint32_t i) { return uint32_t(int32_t(i) >> 20); }
inline uint32_t imm_s(uint32_t i) {
  return uint32_t(sext((bits(i, 31, 25) << 5) | bits(i, 11, 7), 12));
}
inline uint32_t imm_b(uint32_t i) {
  return uint32_t(sext((bits(i, 31, 31) << 12) | (bits(i, 7, 7) << 11) | (bits(i, 30, 25) << 5) |
                           (bits(i, 11, 8) << 1),
                       13));
}
inline uint32_t imm_j(uint32_t i) {
  return uint32_t(sext((bits(i, 31, 31) << 20) | (bits(i, 19, 12) << 12) | (bits(i, 20, 20) << 11) |
                           (bits(i, 30, 21) << 1),
                       21));
}

// Highest-priority pending interrupt: preempt, work, MEI, MSI, MTI.
uint32_t irq_code(uint32_t pending) {
  static const uint32_t kOrder[] = {17, 16, 11, 3, 7};
  for (uint32_t c : kOrder)
    if (pending & (1u << c)) return c;
  return 0;
}

uint32_t mul_op(unsigned f3, uint32_t a, uint32_t b) {
  int64_t sa = int32_t(a), sb = int32_t(b);
  uint64_t ua = a, ub = b;
  switch (f3) {
    case 0: return uint32_t(ua * ub);
    case 1: return uint32_t(uint64_t(sa * sb) >> 32);
    case 2: return uint32_t(uint64_t(sa * int64_t(ub)) >> 32);
    case 3: return uint32_t((ua * ub) >> 32);
    case 4:
      if (b == 0) return 0xffffffffu;
      if (a == 0x80000000u && b == 0xffffffffu) return a;
      return uint32_t(int32_t(a) / int32_t(b));
    case 5: return b == 0 ? 0xffffffffu : a / b;
    case 6:
      if (b == 0) return a;
      if (a == 0x80000000u && b == 0xffffffffu) return 0;
      return uint32_t(int32_t(a) % int32_t(b));
    default: return b == 0 ? a : a % b;
  }
}

}  // namespace

uint32_t amo_apply(uint8_t atop, uint32_t old_value, uint32_t operand) {
  switch (atop) {
    case kAtopAmoAdd: return old_value + operand;
    case kAtopAmoSwap: return operand;
    case kAtopAmoXor: return old_value ^ operand;
    case kAtopAmoOr: return old_value | operand;
    case kAtopAmoAnd: return old_value & operand;
    case kAtopAmoMin: return int32_t(old_value) < int32_t(operand) ? old_value : operand;
    case kAtopAmoMax: return int32_t(old_value) > int32_t(operand) ? old_value : operand;
    case kAtopAmoMinu: return old_value < operand ? old_value : operand;
    case kAtopAmoMaxu: return old_value > operand ? old_value : operand;
    default: return old_value;
  }
}

Hart::Hart(const HartConfig& config, Bus& bus) : cfg_(config), bus_(bus) {
  if (cfg_.pmp_entries > 16) cfg_.pmp_entries = 16;
  if (cfg_.pmp_gran < 2) cfg_.pmp_gran = 2;
  reset();
}

void Hart::reset() {
  x_.fill(0);
  pc_ = cfg_.reset_pc;
  priv_ = kPrivM;
  mstatus_ = 0;
  mie_ = 0;
  mtvec_ = 0;
  mscratch_ = 0;
  mepc_ = 0;
  mcause_ = 0;
  mtval_ = 0;
  mcounteren_ = 0;
  wfi_wait_ = false;
  mcycle_ = 0;
  minstret_ = 0;
  pmpcfg_.fill(0);
  pmpaddr_.fill(0);
}

void Hart::write_rd(Retire& r, unsigned rd, uint32_t v) {
  if (rd == 0) return;
  x_[rd] = v;
  r.rd = uint8_t(rd);
  r.rd_wdata = v;
}

void Hart::enter_trap(Retire& r, uint32_t cause, uint32_t tval) {
  r.trap = true;
  r.cause = cause;
  r.tval = tval;
  r.rd = 0;
  r.rd_wdata = 0;
  mepc_ = r.pc & ~3u;
  mcause_ = cause & 0x8000001fu;
  mtval_ = tval;
  uint32_t mie = (mstatus_ & kMstatusMie) ? kMstatusMpie : 0;
  mstatus_ = (mstatus_ & ~(kMstatusMie | kMstatusMpie | kMstatusMpp)) | mie |
             (uint32_t(priv_) << 11);
  priv_ = kPrivM;
  uint32_t base = mtvec_ & ~3u;
  pc_ = ((mtvec_ & 1) && (cause & kCauseInterrupt)) ? (base | (4 * (cause & 31))) : base;
  r.next_pc = pc_;
}

void Hart::raise(Retire& r, uint32_t cause, uint32_t tval) { enter_trap(r, cause, tval); }

Priv Hart::data_priv() const {
  if (mstatus_ & kMstatusMprv) return Priv((mstatus_ >> 11) & 3);
  return priv_;
}

bool Hart::pmp_ok(uint32_t addr, Access acc, Priv priv) const {
  const unsigned g = cfg_.pmp_gran - 2;
  const uint64_t word = addr >> 2;
  uint64_t prev = 0;
  for (unsigned i = 0; i < cfg_.pmp_entries; ++i) {
    const uint8_t cfg = pmpcfg_[i];
    const unsigned a = (cfg >> 3) & 3;
    const uint64_t stored = pmpaddr_[i];
    const uint64_t tor_bound = g ? (stored & ~((uint64_t(1) << g) - 1)) : stored;
    bool match = false;
    if (a == 1) {
      match = prev <= word && word < tor_bound;
    } else if (a == 2) {
      match = word == stored;
    } else if (a == 3) {
      uint64_t napot = g >= 1 ? (stored | ((uint64_t(1) << (g - 1)) - 1)) : stored;
      uint64_t dont_care = napot ^ (napot + 1);  // trailing ones plus the next bit
      match = ((word ^ napot) & ~dont_care) == 0;
    }
    prev = tor_bound;
    if (!match) continue;
    if (priv == kPrivM && !(cfg & 0x80)) return true;
    switch (acc) {
      case kRead: return cfg & 1;
      case kWrite: return cfg & 2;
      default: return cfg & 4;
    }
  }
  return priv == kPrivM;
}

bool Hart::pmp_locked_addr(unsigned i) const {
  if (pmpcfg_[i] & 0x80) return true;
  if (i + 1 < cfg_.pmp_entries) {
    uint8_t next = pmpcfg_[i + 1];
    if ((next & 0x80) && ((next >> 3) & 3) == 1) return true;
  }
  return false;
}

uint32_t Hart::pmpaddr_read(unsigned i) const {
  const unsigned g = cfg_.pmp_gran - 2;
  uint32_t v = pmpaddr_[i];
  if (g == 0) return v;
  if (pmpcfg_[i] & 0x10) return g >= 2 ? (v | ((1u << (g - 1)) - 1)) : v;  // NAPOT
  return v & ~((1u << g) - 1);
}

bool Hart::csr_exists(uint32_t a) const {
  switch (a) {
    case 0x300: case 0x301: case 0x304: case 0x305: case 0x306: case 0x310: case 0x30a:
    case 0x31a: case 0x320: case 0x340: case 0x341: case 0x342: case 0x343: case 0x344:
    case 0xb00: case 0xb02: case 0xb80: case 0xb82: case 0xc00: case 0xc02: case 0xc80:
    case 0xc82: case 0xf11: case 0xf12: case 0xf13: case 0xf14: case 0xf15:
      return true;
    default:
      break;
  }
  if (a >= 0x3a0 && a <= 0x3a3) return true;
  if (a >= 0x3b0 && a <= 0x3bf) return true;
  if (a >= 0x323 && a <= 0x33f) return true;  // mhpmevent3..31: read-only zero
  if (a >= 0xb03 && a <= 0xb1f) return true;  // mhpmcounter3..31
  if (a >= 0xb83 && a <= 0xb9f) return true;  // mhpmcounter3h..31h
  return false;
}

bool Hart::peek_csr(uint32_t a, uint32_t& v) const {
  if (!csr_exists(a)) return false;
  v = 0;
  switch (a) {
    case 0x300: v = mstatus_; break;
    case 0x301: v = kMisa; break;
    case 0x304: v = mie_; break;
    case 0x305: v = mtvec_; break;
    case 0x306: v = mcounteren_; break;
    case 0x340: v = mscratch_; break;
    case 0x341: v = mepc_; break;
    case 0x342: v = mcause_; break;
    case 0x343: v = mtval_; break;
    case 0x344: v = mip_; break;
    case 0xb00: case 0xc00: v = uint32_t(mcycle_); break;
    case 0xb02: case 0xc02: v = uint32_t(minstret_); break;
    case 0xb80: case 0xc80: v = uint32_t(mcycle_ >> 32); break;
    case 0xb82: case 0xc82: v = uint32_t(minstret_ >> 32); break;
    case 0xf14: v = cfg_.hart_id; break;
    default:
      if (a >= 0x3a0 && a <= 0x3a3) {
        unsigned base = (a - 0x3a0) * 4;
        for (unsigned k = 0; k < 4; ++k)
          if (base + k < cfg_.pmp_entries) v |= uint32_t(pmpcfg_[base + k]) << (8 * k);
      } else if (a >= 0x3b0 && a <= 0x3bf) {
        unsigned i = a - 0x3b0;
        if (i < cfg_.pmp_entries) v = pmpaddr_read(i);
      }
      break;
  }
  return true;
}

void Hart::csr_write(uint32_t a, uint32_t v) {
  switch (a) {
    case 0x300: {
      uint32_t mpp = (v >> 11) & 3;
      if (mpp != kPrivM && mpp != kPrivU) v = (v & ~kMstatusMpp) | (mstatus_ & kMstatusMpp);
      mstatus_ = v & kMstatusWritable;
      break;
    }
    case 0x304: mie_ = v & kMipMask; break;
    case 0x305: mtvec_ = (v & 1) ? (v & ~0x7eu) : (v & ~2u); break;  // vectored: 128-byte base
    case 0x306: mcounteren_ = v & kMcounterenWritable; break;
    case 0x340: mscratch_ = v; break;
    case 0x341: mepc_ = v & ~3u; break;
    case 0x342: mcause_ = v & 0x8000001fu; break;
    case 0x343: mtval_ = v; break;
    case 0xb00: mcycle_ = (mcycle_ & ~0xffffffffull) | v; break;
    case 0xb80: mcycle_ = (mcycle_ & 0xffffffffull) | (uint64_t(v) << 32); break;
    case 0xb02:
      minstret_ = (minstret_ & ~0xffffffffull) | v;
      instret_written_ = true;
      break;
    case 0xb82:
      minstret_ = (minstret_ & 0xffffffffull) | (uint64_t(v) << 32);
      instret_written_ = true;
      break;
    default:
      if (a >= 0x3a0 && a <= 0x3a3) {
        unsigned base = (a - 0x3a0) * 4;
        for (unsigned k = 0; k < 4; ++k) {
          unsigned i = base + k;
          if (i >= cfg_.pmp_entries || (pmpcfg_[i] & 0x80)) continue;
          uint8_t c = uint8_t(v >> (8 * k)) & 0x9f;
          if ((c & 3) == 2) c &= uint8_t(~3u);  // W without R is reserved: drop both
          if (cfg_.pmp_gran > 2 && ((c >> 3) & 3) == 2) c &= uint8_t(~0x18u);  // no NA4
          pmpcfg_[i] = c;
        }
      } else if (a >= 0x3b0 && a <= 0x3bf) {
        unsigned i = a - 0x3b0;
        const unsigned g = cfg_.pmp_gran - 2;
        if (i < cfg_.pmp_entries && !pmp_locked_addr(i))
          pmpaddr_[i] = g >= 1 ? (v & ~((1u << (g - 1)) - 1)) : v;
      }
      break;  // read-only zero registers ignore writes
  }
}

// Performs the access checks of a CSR instruction and, when legal, the write.
bool Hart::csr_access(uint32_t a, bool write, Retire& r, uint32_t& old_value, uint32_t new_value,
                      bool do_write) {
  (void)r;
  if (!csr_exists(a)) return false;
  if (priv_ < ((a >> 8) & 3)) return false;
  if (write && ((a >> 10) & 3) == 3) return false;
  if (priv_ == kPrivU) {
    bool cy = a == 0xc00 || a == 0xc80, ir = a == 0xc02 || a == 0xc82;
    if ((cy && !(mcounteren_ & 1)) || (ir && !(mcounteren_ & 4))) return false;
  }
  peek_csr(a, old_value);
  if (do_write) csr_write(a, new_value);
  return true;
}

void Hart::exec_system(uint32_t insn, Retire& r) {
  const unsigned f3 = bits(insn, 14, 12), rd = bits(insn, 11, 7), rs1 = bits(insn, 19, 15);
  if (f3 == 0) {
    switch (insn) {
      case 0x00000073:
        raise(r, priv_ == kPrivU ? kCauseEcallU : kCauseEcallM, 0);
        return;
      case 0x00100073:
        raise(r, kCauseBreakpoint, 0);
        return;
      case 0x30200073: {
        if (priv_ != kPrivM) break;
        Priv next = Priv((mstatus_ >> 11) & 3);
        uint32_t mie = (mstatus_ & kMstatusMpie) ? kMstatusMie : 0;
        mstatus_ = (mstatus_ & ~(kMstatusMie | kMstatusMpp)) | mie | kMstatusMpie;
        if (next != kPrivM) mstatus_ &= ~kMstatusMprv;
        priv_ = next;
        r.next_pc = mepc_;
        return;
      }
      case 0x10500073:
        if (priv_ == kPrivU && (mstatus_ & kMstatusTw)) break;
        if (!cfg_.wfi_retires && !interrupt_pending()) {
          r.valid = false;
          wfi_wait_ = true;
        }
        return;
      default:
        break;
    }
    raise(r, kCauseIllegal, insn);
    return;
  }
  if (f3 == 4) {
    raise(r, kCauseIllegal, insn);
    return;
  }
  const uint32_t src = (f3 & 4) ? rs1 : x_[rs1];
  const unsigned op = f3 & 3;
  const bool write = op == 1 || rs1 != 0;
  const uint32_t a = bits(insn, 31, 20);
  uint32_t old_value = 0;
  uint32_t probe = 0;
  if (!csr_access(a, write, r, probe, 0, false)) {
    raise(r, kCauseIllegal, insn);
    return;
  }
  old_value = probe;
  uint32_t new_value = op == 1 ? src : op == 2 ? (old_value | src) : (old_value & ~src);
  if (write) csr_write(a, new_value);
  write_rd(r, rd, old_value);
}

void Hart::exec_load(uint32_t insn, Retire& r) {
  const unsigned f3 = bits(insn, 14, 12);
  const uint32_t addr = x_[bits(insn, 19, 15)] + imm_i(insn);
  unsigned size;
  switch (f3) {
    case 0: case 4: size = 1; break;
    case 1: case 5: size = 2; break;
    case 2: size = 4; break;
    default: raise(r, kCauseIllegal, insn); return;
  }
  if (addr & (size - 1)) return raise(r, kCauseLoadMisaligned, addr);
  if (!pmp_ok(addr, kRead, data_priv())) return raise(r, kCauseLoadAccess, addr);
  BusReq req;
  req.addr = addr;
  req.be = uint8_t(((1u << size) - 1) << (addr & 3));
  req.hart = cfg_.hart_id;
  BusResp resp = bus_.data(req);
  r.mem_addr = addr;
  r.mem_rmask = req.be;
  r.mem_rdata = resp.rdata;
  if (resp.err) return raise(r, kCauseLoadAccess, addr);
  uint32_t v = resp.rdata >> (8 * (addr & 3));
  switch (f3) {
    case 0: v = uint32_t(int32_t(int8_t(v))); break;
    case 1: v = uint32_t(int32_t(int16_t(v))); break;
    case 4: v &= 0xff; break;
    case 5: v &= 0xffff; break;
    default: break;
  }
  write_rd(r, bits(insn, 11, 7), v);
}

void Hart::exec_store(uint32_t insn, Retire& r) {
  const unsigned f3 = bits(insn, 14, 12);
  const uint32_t addr = x_[bits(insn, 19, 15)] + imm_s(insn);
  if (f3 > 2) return raise(r, kCauseIllegal, insn);
  const unsigned size = 1u << f3;
  if (addr & (size - 1)) return raise(r, kCauseStoreMisaligned, addr);
  if (!pmp_ok(addr, kWrite, data_priv())) return raise(r, kCauseStoreAccess, addr);
  uint32_t data = x_[bits(insn, 24, 20)];
  if (size == 1) data = (data & 0xff) * 0x01010101u;
  if (size == 2) data = (data & 0xffff) * 0x00010001u;
  BusReq req;
  req.addr = addr;
  req.we = true;
  req.be = uint8_t(((1u << size) - 1) << (addr & 3));
  req.wdata = data;
  req.hart = cfg_.hart_id;
  r.mem_addr = addr;
  r.mem_wmask = req.be;
  r.mem_wdata = data;
  BusResp resp = bus_.data(req);
  if (resp.err) return raise(r, kCauseStoreAccess, addr);
}

void Hart::exec_amo(uint32_t insn, Retire& r) {
  const unsigned f5 = bits(insn, 31, 27), rs2 = bits(insn, 24, 20);
  bool ok = bits(insn, 14, 12) == 2;
  switch (f5) {
    case 0x00: case 0x01: case 0x03: case 0x04: case 0x08: case 0x0c: case 0x10: case 0x14:
    case 0x18: case 0x1c: break;
    case 0x02: ok = ok && rs2 == 0; break;
    default: ok = false; break;
  }
  if (!ok) return raise(r, kCauseIllegal, insn);
  const bool lr = f5 == 0x02, sc = f5 == 0x03;
  const uint32_t addr = x_[bits(insn, 19, 15)];
  if (addr & 3) return raise(r, lr ? kCauseLoadMisaligned : kCauseStoreMisaligned, addr);
  const Priv p = data_priv();
  bool allowed = lr ? pmp_ok(addr, kRead, p)
                    : sc ? pmp_ok(addr, kWrite, p)
                         : (pmp_ok(addr, kRead, p) && pmp_ok(addr, kWrite, p));
  if (!allowed) return raise(r, lr ? kCauseLoadAccess : kCauseStoreAccess, addr);
  BusReq req;
  req.addr = addr;
  req.we = !lr;
  req.be = 0xf;
  req.wdata = x_[rs2];
  req.atop = uint8_t(0x20 | f5);
  req.hart = cfg_.hart_id;
  r.mem_addr = addr;
  r.mem_rmask = sc ? 0 : 0xf;
  r.mem_wmask = lr ? 0 : 0xf;
  r.mem_wdata = lr ? 0 : req.wdata;
  r.atop = req.atop;
  BusResp resp = bus_.data(req);
  r.mem_rdata = resp.rdata;
  if (resp.err) return raise(r, lr ? kCauseLoadAccess : kCauseStoreAccess, addr);
  write_rd(r, bits(insn, 11, 7), resp.rdata);
}

void Hart::exec(uint32_t insn, Retire& r) {
  const unsigned opcode = bits(insn, 6, 0), rd = bits(insn, 11, 7), f3 = bits(insn, 14, 12);
  const uint32_t a = x_[bits(insn, 19, 15)], b = x_[bits(insn, 24, 20)];
  const unsigned f7 = bits(insn, 31, 25);
  switch (opcode) {
    case 0x37: write_rd(r, rd, insn & 0xfffff000u); return;
    case 0x17: write_rd(r, rd, r.pc + (insn & 0xfffff000u)); return;
    case 0x6f: {
      uint32_t t = r.pc + imm_j(insn);
      if (t & 3) return raise(r, kCauseFetchMisaligned, t);
      write_rd(r, rd, r.pc + 4);
      r.next_pc = t;
      return;
    }
    case 0x67: {
      if (f3 != 0) break;
      uint32_t t = (a + imm_i(insn)) & ~1u;
      if (t & 3) return raise(r, kCauseFetchMisaligned, t);
      write_rd(r, rd, r.pc + 4);
      r.next_pc = t;
      return;
    }
    case 0x63: {
      bool take;
      switch (f3) {
        case 0: take = a == b; break;
        case 1: take = a != b; break;
        case 4: take = int32_t(a) < int32_t(b); break;
        case 5: take = int32_t(a) >= int32_t(b); break;
        case 6: take = a < b; break;
        case 7: take = a >= b; break;
        default: return raise(r, kCauseIllegal, insn);
      }
      if (take) {
        uint32_t t = r.pc + imm_b(insn);
        if (t & 3) return raise(r, kCauseFetchMisaligned, t);
        r.next_pc = t;
      }
      return;
    }
    case 0x03: return exec_load(insn, r);
    case 0x23: return exec_store(insn, r);
    case 0x2f: return exec_amo(insn, r);
    case 0x13: {
      const uint32_t imm = imm_i(insn);
      const unsigned sh = bits(insn, 24, 20);
      uint32_t v;
      switch (f3) {
        case 0: v = a + imm; break;
        case 1:
          if (f7 != 0) return raise(r, kCauseIllegal, insn);
          v = a << sh;
          break;
        case 2: v = int32_t(a) < int32_t(imm); break;
        case 3: v = a < imm; break;
        case 4: v = a ^ imm; break;
        case 5:
          if (f7 == 0) v = a >> sh;
          else if (f7 == 0x20) v = uint32_t(int32_t(a) >> sh);
          else return raise(r, kCauseIllegal, insn);
          break;
        case 6: v = a | imm; break;
        default: v = a & imm; break;
      }
      write_rd(r, rd, v);
      return;
    }
    case 0x33: {
      uint32_t v;
      if (f7 == 1) {
        v = mul_op(f3, a, b);
      } else if (f7 == 0) {
        switch (f3) {
          case 0: v = a + b; break;
          case 1: v = a << (b & 31); break;
          case 2: v = int32_t(a) < int32_t(b); break;
          case 3: v = a < b; break;
          case 4: v = a ^ b; break;
          case 5: v = a >> (b & 31); break;
          case 6: v = a | b; break;
          default: v = a & b; break;
        }
      } else if (f7 == 0x20 && (f3 == 0 || f3 == 5)) {
        v = f3 == 0 ? a - b : uint32_t(int32_t(a) >> (b & 31));
      } else {
        return raise(r, kCauseIllegal, insn);
      }
      write_rd(r, rd, v);
      return;
    }
    case 0x0f:
      if (f3 > 1) break;
      return;  // FENCE and FENCE.I: in-order, cacheless
    case 0x73: return exec_system(insn, r);
    default: break;
  }
  raise(r, kCauseIllegal, insn);
}

Retire Hart::step() {
  Retire r;
  r.valid = true;
  r.pc = pc_;
  r.next_pc = pc_ + 4;
  r.priv = priv_;
  instret_written_ = false;
  // A waiting WFI completes first when an interrupt becomes pending; the
  // interrupt is then taken before the next instruction (mepc = WFI + 4).
  const bool wfi_wake = wfi_wait_;
  if (wfi_wait_) {
    if (!interrupt_pending()) {
      r.valid = false;
      return r;
    }
    wfi_wait_ = false;
  }
  const uint32_t pending = mip_ & mie_;
  if (!wfi_wake && pending && (priv_ == kPrivU || (mstatus_ & kMstatusMie))) {
    enter_trap(r, kCauseInterrupt | irq_code(pending), 0);
    ++mcycle_;
    return r;
  }
  if (!pmp_ok(pc_, kExec, priv_)) {
    enter_trap(r, kCauseFetchAccess, pc_);
    ++mcycle_;
    return r;
  }
  BusResp f = bus_.fetch(pc_);
  if (f.err) {
    enter_trap(r, kCauseFetchAccess, pc_);
    ++mcycle_;
    return r;
  }
  r.insn = f.rdata;
  exec(f.rdata, r);
  if (!r.valid) return r;  // WFI waiting: nothing happened
  ++mcycle_;
  if (!r.trap) {
    pc_ = r.next_pc;
    if (!instret_written_) ++minstret_;
  }
  return r;
}

}  // namespace rv
