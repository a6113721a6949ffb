// HLS-style SystemC model of the ATS-INTC (see ats_intc_model.h and
// docs/ats_intc.md). Section numbers in comments refer to the contract.
#include "ats_intc_model.h"

#include "ats_intc_regs.h"

namespace k = ats_intc::kernel;
namespace pr = ats_intc::process;
namespace er = ats_intc::err;

using sc_dt::sc_uint;

namespace {

constexpr uint32_t kFrameMask = 0xFFFFFFE0u;
constexpr uint32_t kPrioMask = 0x1Fu;
constexpr uint32_t kPendingMax = 255;
constexpr uint32_t kNumLists = AtsIntcModel::kMaxPrios + AtsIntcModel::kMaxSources;

// Register decode. rw1c registers are readable and writable: kRw.
enum class Dir : uint8_t { kRo, kWo, kRw };
enum class Idx : uint8_t { kNone, kProc, kHart, kSource };

enum class KReg : uint8_t {
  kNone,
  kId,
  kVersion,
  kCfg0,
  kCfg1,
  kGlobalErr,
  kCtrl,
  kFree,
  kBest,
  kIterCtrl,
  kIterNext,
  kIterWhere,
  kErrProcs,
  kProcCtrl,
  kQuota,
  kHeld,
  kAffinity,
  kHartProc,
  kRunPrio,
  kSrcCfg,
  kFire,
  kSrcStat,
  kCntEnq,
  kCntDeq,
  kCntWake,
  kCntOvf,
  kCntErr,
  kMaxOcc
};

enum class PReg : uint8_t {
  kNone,
  kEnq,
  kDeq,
  kDeqFrame,  // a DEQ that returns the frame bits of the word (DEQ_FRAME)
  kErr,
  kCancelSt,
  kHeld,
  kWait,
  kSend,
  kCancel,
  kPending
};

template <class Reg>
struct Decoded {
  Reg reg;
  Dir dir;
  Idx idx;
  uint32_t index;
};

bool in_array(uint32_t off, uint32_t base, uint32_t count, uint32_t& index) {
  if (off >= base && off < base + 4u * count) {
    index = (off - base) / 4u;
    return true;
  }
  return false;
}

Decoded<KReg> decode_kernel(uint32_t off) {
  uint32_t i = 0;
  switch (off) {
    case k::kId:
      return {KReg::kId, Dir::kRo, Idx::kNone, 0};
    case k::kVersion:
      return {KReg::kVersion, Dir::kRo, Idx::kNone, 0};
    case k::kCfg0:
      return {KReg::kCfg0, Dir::kRo, Idx::kNone, 0};
    case k::kCfg1:
      return {KReg::kCfg1, Dir::kRo, Idx::kNone, 0};
    case k::kGlobalErr:
      return {KReg::kGlobalErr, Dir::kRw, Idx::kNone, 0};
    case k::kCtrl:
      return {KReg::kCtrl, Dir::kRw, Idx::kNone, 0};
    case k::kFree:
      return {KReg::kFree, Dir::kRo, Idx::kNone, 0};
    case k::kBest:
      return {KReg::kBest, Dir::kRo, Idx::kNone, 0};
    case k::kIterCtrl:
      return {KReg::kIterCtrl, Dir::kWo, Idx::kNone, 0};
    case k::kIterNext:
      return {KReg::kIterNext, Dir::kRo, Idx::kNone, 0};
    case k::kIterWhere:
      return {KReg::kIterWhere, Dir::kRo, Idx::kNone, 0};
    case k::kErrProcs:
      return {KReg::kErrProcs, Dir::kRo, Idx::kNone, 0};
    case k::kCntEnq:
      return {KReg::kCntEnq, Dir::kRw, Idx::kNone, 0};
    case k::kCntDeq:
      return {KReg::kCntDeq, Dir::kRw, Idx::kNone, 0};
    case k::kCntWake:
      return {KReg::kCntWake, Dir::kRw, Idx::kNone, 0};
    case k::kCntOvf:
      return {KReg::kCntOvf, Dir::kRw, Idx::kNone, 0};
    case k::kCntErr:
      return {KReg::kCntErr, Dir::kRw, Idx::kNone, 0};
    case k::kMaxOcc:
      return {KReg::kMaxOcc, Dir::kRw, Idx::kNone, 0};
    default:
      break;
  }
  if (in_array(off, k::kProcCtrl, k::kProcCtrlCount, i)) {
    return {KReg::kProcCtrl, Dir::kRw, Idx::kProc, i};
  }
  if (in_array(off, k::kQuota, k::kQuotaCount, i)) return {KReg::kQuota, Dir::kRw, Idx::kProc, i};
  if (in_array(off, k::kHeld, k::kHeldCount, i)) return {KReg::kHeld, Dir::kRo, Idx::kProc, i};
  if (in_array(off, k::kAffinity, k::kAffinityCount, i)) {
    return {KReg::kAffinity, Dir::kRw, Idx::kProc, i};
  }
  if (in_array(off, k::kHartProc, k::kHartProcCount, i)) {
    return {KReg::kHartProc, Dir::kRw, Idx::kHart, i};
  }
  if (in_array(off, k::kRunPrio, k::kRunPrioCount, i)) {
    return {KReg::kRunPrio, Dir::kRw, Idx::kHart, i};
  }
  if (in_array(off, k::kSrcCfg, k::kSrcCfgCount, i)) {
    return {KReg::kSrcCfg, Dir::kRw, Idx::kSource, i};
  }
  if (in_array(off, k::kFire, k::kFireCount, i)) return {KReg::kFire, Dir::kWo, Idx::kSource, i};
  if (in_array(off, k::kSrcStat, k::kSrcStatCount, i)) {
    return {KReg::kSrcStat, Dir::kRw, Idx::kSource, i};
  }
  return {KReg::kNone, Dir::kRw, Idx::kNone, 0};
}

Decoded<PReg> decode_process(uint32_t off) {
  uint32_t i = 0;
  switch (off) {
    case pr::kEnq:
      return {PReg::kEnq, Dir::kWo, Idx::kNone, 0};
    case pr::kDeq:
      return {PReg::kDeq, Dir::kRo, Idx::kNone, 0};
    case pr::kDeqFrame:
      return {PReg::kDeqFrame, Dir::kRo, Idx::kNone, 0};
    case pr::kErr:
      return {PReg::kErr, Dir::kRw, Idx::kNone, 0};
    case pr::kCancelSt:
      return {PReg::kCancelSt, Dir::kRo, Idx::kNone, 0};
    case pr::kHeld:
      return {PReg::kHeld, Dir::kRo, Idx::kNone, 0};
    default:
      break;
  }
  if (in_array(off, pr::kWait, pr::kWaitCount, i)) return {PReg::kWait, Dir::kWo, Idx::kSource, i};
  if (in_array(off, pr::kSend, pr::kSendCount, i)) return {PReg::kSend, Dir::kWo, Idx::kSource, i};
  if (in_array(off, pr::kCancel, pr::kCancelCount, i)) {
    return {PReg::kCancel, Dir::kWo, Idx::kSource, i};
  }
  if (in_array(off, pr::kPending, pr::kPendingCount, i)) {
    return {PReg::kPending, Dir::kRo, Idx::kSource, i};
  }
  return {PReg::kNone, Dir::kRw, Idx::kNone, 0};
}

bool is_power_of_two(uint32_t v) { return v != 0 && (v & (v - 1u)) == 0; }

}  // namespace

// ---------------------------------------------------------------------------
// Configuration

AtsIntcConfig AtsIntcConfig::default_config() { return AtsIntcConfig{4, 8, 256, 8, 8, 1, true}; }

AtsIntcConfig AtsIntcConfig::small_config() { return AtsIntcConfig{2, 8, 32, 8, 8, 1, false}; }

const char* AtsIntcConfig::invalid_reason() const {
  if (num_procs < 1 || num_procs > AtsIntcModel::kMaxProcs) return "NUM_PROCS must be 1..15";
  if (num_prios < 8 || num_prios > AtsIntcModel::kMaxPrios) return "NUM_PRIOS must be 8..32";
  if (num_entries < 4 || num_entries > AtsIntcModel::kMaxEntries || !is_power_of_two(num_entries)) {
    return "NUM_ENTRIES must be a power of two in 4..1024";
  }
  if (num_irqs < 8 || num_irqs > AtsIntcModel::kMaxIrqs) return "NUM_IRQS must be 8..32";
  if (num_channels < 8 || num_channels > 32) return "NUM_CHANNELS must be 8..32";
  if (num_harts < 1 || num_harts > AtsIntcModel::kMaxHarts) return "NUM_HARTS must be 1..4";
  return nullptr;
}

// ---------------------------------------------------------------------------
// Construction

namespace {
const AtsIntcConfig& checked(const AtsIntcConfig& cfg) {
  if (const char* why = cfg.invalid_reason()) SC_REPORT_ERROR("AtsIntcModel", why);
  return cfg;
}
uint32_t low_mask(uint32_t bits) { return bits >= 32 ? 0xFFFFFFFFu : (1u << bits) - 1u; }
}  // namespace

AtsIntcModel::AtsIntcModel(sc_core::sc_module_name name, const AtsIntcConfig& cfg)
    : sc_module(name),
      cfg_(checked(cfg)),
      irq_mask_(low_mask(cfg.num_irqs)),
      proc_mask_(low_mask(cfg.num_procs)),
      hart_mask_(low_mask(cfg.num_harts)) {
  reset_state();
  irq_prev_ = 0;
  gnt_q_ = false;
  resp_valid_ = false;
  resp_rdata_ = 0;
  resp_err_ = false;
  SC_CTHREAD(run, clk_i.pos());
  reset_signal_is(rst_ni, false);
}

// ---------------------------------------------------------------------------
// The clocked thread

void AtsIntcModel::run() {
  // Reset (runs at every rising edge while rst_ni is low, and at the first edge).
  reset_state();
  irq_prev_ = irq_i.read() & irq_mask_;
  gnt_q_ = false;
  resp_valid_ = false;
  resp_rdata_ = 0;
  resp_err_ = false;
  gnt_o.write(false);
  rvalid_o.write(false);
  rdata_o.write(0);
  err_o.write(false);
  work_o.write(0);
  preempt_o.write(0);
  err_irq_o.write(false);
  wait();
  for (;;) {
    clock_edge();
    wait();
  }
}

// One rising edge of the reference machine (§3.1). Inputs read here are the
// values of the cycle that just ended; outputs written here show in the next.
void AtsIntcModel::clock_edge() {
  // (a) IRQ rising edges, ascending.
  const sc_uint<32> irq = irq_i.read() & irq_mask_;
  for (uint32_t i = 0; i < kMaxIrqs; ++i) {
    if (irq[i] && !irq_prev_[i]) event(i);
  }
  irq_prev_ = irq;

  // (b) The granted bus request goes first, else the most urgent internal step.
  const Work work = choose_work();
  const bool bus = req_i.read() && gnt_q_;
  const bool we = we_i.read();
  const uint32_t be = be_i.read().to_uint();
  const uint32_t addr = addr_i.read().to_uint();
  const Word wdata = wdata_i.read();
  const uint32_t hart = hart_i.read().to_uint();

  // (c) Registered outputs from the state as it is now.
  rvalid_o.write(resp_valid_);
  rdata_o.write(resp_rdata_);
  err_o.write(resp_err_);
  gnt_q_ = work.kind == WorkKind::kNone;
  gnt_o.write(gnt_q_);
  work_o.write(work_lines());
  preempt_o.write(preempt_lines());
  err_irq_o.write(err_irq_line());

  // (d) Execute; the response shows after the next edge.
  resp_valid_ = false;
  resp_rdata_ = 0;
  resp_err_ = false;
  if (bus) {
    bus_access(we, be, addr, wdata, hart);
  } else if (work.kind != WorkKind::kNone) {
    internal_step(work);
  }
}

void AtsIntcModel::reset_state() {  // §4.8
  for (uint32_t e = 0; e < kMaxEntries; ++e) {
    word_[e] = 0;
    next_[e] = 0;
  }
  free_head_ = 0;
  free_len_ = 0;
  bump_ = 0;
  for (uint32_t p = 0; p < kMaxProcs; ++p) {
    for (uint32_t l = 0; l < kMaxPrios; ++l) {
      r_head_[p][l] = 0;
      r_tail_[p][l] = 0;
    }
    r_nonempty_[p] = 0;
    enable_[p] = p == 0;
    bus_err_en_[p] = false;
    quota_[p] = 0;
    held_[p] = 0;
    affinity_[p] = hart_mask_;
    err_[p] = 0;
    cancel_st_[p] = false;
    resetting_[p] = false;
  }
  for (uint32_t h = 0; h < kMaxHarts; ++h) {
    hart_proc_[h] = 0;
    run_prio_[h] = cfg_.num_prios;
  }
  for (uint32_t s = 0; s < kMaxSources; ++s) {
    w_head_[s] = 0;
    w_tail_[s] = 0;
    w_nonempty_[s] = false;
    owner_[s] = 0;
    broadcast_[s] = false;
    senders_[s] = 0;
    pending_[s] = 0;
    overflow_[s] = false;
  }
  global_err_ = 0;
  ctrl_ = 0;
  cnt_enq_ = 0;
  cnt_deq_ = 0;
  cnt_wake_ = 0;
  cnt_ovf_ = 0;
  cnt_err_ = 0;
  max_occ_ = 0;
  cancel_active_ = false;
  cancel_free_phase_ = false;
  cancel_proc_ = 0;
  cancel_src_ = 0;
  cancel_word_ = 0;
  cancel_cur_ = 0;
  cancel_prev_ = 0;
  cancel_has_prev_ = false;
  deferred_valid_ = false;
  deferred_proc_ = 0;
  deferred_src_ = 0;
  deferred_word_ = 0;
  iter_started_ = false;
  iter_stale_ = false;
  iter_done_ = false;
  iter_proc_ = 0;
  iter_list_ = 0;
  iter_have_cur_ = false;
  iter_cur_ = 0;
  iter_where_index_ = 0;
  iter_where_waiting_ = false;
}

// ---------------------------------------------------------------------------
// Internal work (§3.2)

AtsIntcModel::Work AtsIntcModel::choose_work() const {
  Work w;
  if (cancel_active_) {
    w.kind = WorkKind::kCancelStep;
    return w;
  }
  if (deferred_valid_) {
    w.kind = WorkKind::kCancelStart;
    return w;
  }
  for (uint32_t p = 0; p < kMaxProcs; ++p) {
    if (p < cfg_.num_procs && resetting_[p] && held_[p] != 0) {
      w.kind = WorkKind::kResetStep;
      w.index = p;
      return w;
    }
  }
  for (uint32_t s = 0; s < kMaxSources; ++s) {
    if (source_exists(s) && pending_[s] != 0 && w_nonempty_[s]) {
      w.kind = WorkKind::kWakeStep;
      w.index = s;
      return w;
    }
  }
  return w;
}

void AtsIntcModel::internal_step(const Work& w) {
  switch (w.kind) {
    case WorkKind::kCancelStep:
      cancel_step();
      break;
    case WorkKind::kCancelStart:
      deferred_valid_ = false;
      cancel_start(deferred_proc_.to_uint(), deferred_src_.to_uint(), deferred_word_);
      break;
    case WorkKind::kResetStep:
      reset_step(w.index);
      break;
    case WorkKind::kWakeStep:
      wake_step(w.index);
      break;
    case WorkKind::kNone:
      break;
  }
}

// event(s), §4.3.
void AtsIntcModel::event(uint32_t s) {
  if (pending_[s] == kPendingMax) {
    overflow_[s] = true;
    if (cfg_.counters) ++cnt_ovf_;
  } else {
    ++pending_[s];
  }
}

// The effect of a CANCEL store (4.4): no step, just start the walk.
void AtsIntcModel::cancel_start(uint32_t p, uint32_t s, const Word& w) {
  if (!w_nonempty_[s]) {
    cancel_st_[p] = false;
    return;
  }
  cancel_active_ = true;
  cancel_free_phase_ = false;
  cancel_proc_ = p;
  cancel_src_ = s;
  cancel_word_ = w;
  cancel_cur_ = w_head_[s];
  cancel_has_prev_ = false;
  cancel_prev_ = 0;
}

// One cancel walk step (4.4): search or free.
void AtsIntcModel::cancel_step() {
  const uint32_t p = cancel_proc_.to_uint();
  const uint32_t s = cancel_src_.to_uint();
  const Entry e = cancel_cur_;
  if (cancel_free_phase_) {
    free_entry(e);
    drop_held(p);
    cancel_st_[p] = true;
    cancel_active_ = false;
    touch(p);
    return;
  }
  const bool is_tail = e == w_tail_[s];
  if (word_[e] == cancel_word_) {
    // Unlink e: it may be the head, the tail or in the middle.
    if (!cancel_has_prev_) {
      w_head_[s] = next_[e];
    } else {
      next_[cancel_prev_] = next_[e];
    }
    if (is_tail) {
      if (cancel_has_prev_) {
        w_tail_[s] = cancel_prev_;
      } else {
        w_nonempty_[s] = false;
      }
    }
    cancel_free_phase_ = true;
    touch(p);
  } else if (is_tail) {
    cancel_st_[p] = false;
    cancel_active_ = false;
  } else {
    cancel_prev_ = e;
    cancel_has_prev_ = true;
    cancel_cur_ = next_[e];
  }
}

// One process reset step (4.5): free the head of p's first non-empty list.
void AtsIntcModel::reset_step(uint32_t p) {
  bool found = false;
  Entry e = 0;
  for (uint32_t l = 0; l < kMaxPrios; ++l) {
    if (!found && l < cfg_.num_prios && r_nonempty_[p][l]) {
      e = ready_pop(p, l);
      found = true;
    }
  }
  for (uint32_t s = 0; s < kMaxSources; ++s) {
    if (!found && source_exists(s) && owner_[s] == p && w_nonempty_[s]) {
      e = wait_pop(s);
      found = true;
    }
  }
  if (!found) {  // HELD and the lists disagree: cannot happen; stop the walk.
    resetting_[p] = false;
    return;
  }
  free_entry(e);
  drop_held(p);
  touch(p);
}

// One wake step for source s (4.3).
void AtsIntcModel::wake_step(uint32_t s) {
  const uint32_t o = owner_[s].to_uint();
  const Entry e = wait_pop(s);
  ready_append(o, static_cast<uint32_t>(word_[e] & kPrioMask), e);
  if (cfg_.counters) ++cnt_wake_;
  if (!broadcast_[s] || !w_nonempty_[s]) --pending_[s];
  touch(o);
}

// ---------------------------------------------------------------------------
// Bus operations (§4.1, §4.2, §4.3, §4.7)

void AtsIntcModel::bus_access(bool we, uint32_t be, uint32_t addr, const Word& wdata,
                              uint32_t hart) {
  const uint32_t page = (addr >> 12) & 0xFu;
  const uint32_t off = addr & 0xFFFu;
  const bool kernel = page == 0;
  const bool absent = page >= 1u + cfg_.num_procs;
  const uint32_t p = kernel ? 0u : page - 1u;
  Word rdata = 0;
  ErrBits error = 0;
  if (be != 0xFu || (addr & 3u) != 0) {
    error = er::kAlign;
  } else if (absent) {
    error = er::kAbsent;
  } else if (kernel) {
    error = kernel_access(we, off, wdata, rdata);
  } else {
    error = process_access(p, we, off, wdata, hart, rdata);
  }
  bool err_resp = false;
  if (error != 0) {
    if (kernel || absent) {
      global_err_ |= error;
      err_resp = ctrl_[0];
    } else {
      err_[p] |= error;
      err_resp = bus_err_en_[p];
    }
    if (cfg_.counters) ++cnt_err_;
    rdata = 0;
  }
  resp_valid_ = true;
  resp_rdata_ = rdata;
  resp_err_ = err_resp;
}

AtsIntcModel::ErrBits AtsIntcModel::kernel_access(bool we, uint32_t off, const Word& wdata,
                                                  Word& rdata) {
  const Decoded<KReg> d = decode_kernel(off);
  const uint32_t i = d.index;
  // 3. BAD_OFF
  if (d.reg == KReg::kNone || (we && d.dir == Dir::kRo) || (!we && d.dir == Dir::kWo)) {
    return er::kBadOff;
  }
  if (d.idx == Idx::kProc && i >= cfg_.num_procs) return er::kBadOff;
  if (d.idx == Idx::kHart && i >= cfg_.num_harts) return er::kBadOff;
  // 5. BAD_SRC
  if (d.idx == Idx::kSource && !source_exists(i)) return er::kBadSrc;
  // 10. BAD_VALUE (field bits only)
  const uint32_t v = wdata.to_uint();
  if (we) {
    const uint32_t owner = (v & k::kSrcCfgOwnerMask) >> k::kSrcCfgOwnerShift;
    switch (d.reg) {
      case KReg::kSrcCfg:
        if (owner >= cfg_.num_procs) return er::kBadValue;
        break;
      case KReg::kHartProc: {
        const uint32_t hp = (v & k::kHartProcProcMask) >> k::kHartProcProcShift;
        if (hp >= cfg_.num_procs && hp != ats_intc::kHartNone) return er::kBadValue;
        break;
      }
      case KReg::kRunPrio:
        if (((v & k::kRunPrioPrioMask) >> k::kRunPrioPrioShift) > cfg_.num_prios) {
          return er::kBadValue;
        }
        break;
      case KReg::kIterCtrl:
        if (((v & k::kIterCtrlProcMask) >> k::kIterCtrlProcShift) >= cfg_.num_procs) {
          return er::kBadValue;
        }
        break;
      default:
        break;
    }
    // 11. OWNER_BUSY
    if (d.reg == KReg::kSrcCfg && owner != owner_[i] && w_nonempty_[i]) return er::kOwnerBusy;
  }

  // Accepted.
  const bool cnt = cfg_.counters;
  if (!we) {
    uint32_t r = 0;
    switch (d.reg) {
      case KReg::kId:
        r = ats_intc::kIpId;
        break;
      case KReg::kVersion:
        r = ats_intc::kVersion;
        break;
      case KReg::kCfg0:
        r = (cfg_.num_procs << k::kCfg0NumProcsShift) | (cfg_.num_prios << k::kCfg0NumPriosShift) |
            (cfg_.num_harts << k::kCfg0NumHartsShift) |
            ((cfg_.counters ? 1u : 0u) << k::kCfg0CountersShift);
        break;
      case KReg::kCfg1:
        r = (cfg_.num_entries << k::kCfg1NumEntriesShift) |
            (cfg_.num_irqs << k::kCfg1NumIrqsShift) |
            (cfg_.num_channels << k::kCfg1NumChannelsShift);
        break;
      case KReg::kGlobalErr:
        r = global_err_.to_uint();
        break;
      case KReg::kCtrl:
        r = ctrl_.to_uint();
        break;
      case KReg::kFree:
        r = free_count().to_uint();
        break;
      case KReg::kBest:
        r = best().to_uint();
        break;
      case KReg::kIterNext:
        r = iter_next().to_uint();
        break;
      case KReg::kIterWhere:
        r = (iter_where_index_.to_uint() << k::kIterWhereIndexShift) |
            ((iter_where_waiting_ ? 1u : 0u) << k::kIterWhereWaitingShift) |
            ((iter_stale_ ? 1u : 0u) << k::kIterWhereStaleShift);
        break;
      case KReg::kErrProcs:
        for (uint32_t p = 0; p < kMaxProcs; ++p) {
          if (p < cfg_.num_procs && err_[p] != 0) r |= 1u << p;
        }
        break;
      case KReg::kProcCtrl:
        r = ((enable_[i] ? 1u : 0u) << k::kProcCtrlEnableShift) |
            ((bus_err_en_[i] ? 1u : 0u) << k::kProcCtrlBusErrEnShift);
        break;
      case KReg::kQuota:
        r = quota_[i].to_uint();
        break;
      case KReg::kHeld:
        r = held_[i].to_uint();
        break;
      case KReg::kAffinity:
        r = affinity_[i].to_uint();
        break;
      case KReg::kHartProc:
        r = hart_proc_[i].to_uint();
        break;
      case KReg::kRunPrio:
        r = run_prio_[i].to_uint();
        break;
      case KReg::kSrcCfg:
        r = (owner_[i].to_uint() << k::kSrcCfgOwnerShift) |
            ((broadcast_[i] ? 1u : 0u) << k::kSrcCfgBroadcastShift) |
            (senders_[i].to_uint() << k::kSrcCfgSendersShift);
        break;
      case KReg::kSrcStat:
        r = (pending_[i].to_uint() << k::kSrcStatPendingShift) |
            ((overflow_[i] ? 1u : 0u) << k::kSrcStatOverflowShift) |
            ((w_nonempty_[i] ? 1u : 0u) << k::kSrcStatWaitingShift);
        break;
      case KReg::kCntEnq:
        r = cnt ? cnt_enq_.to_uint() : 0u;
        break;
      case KReg::kCntDeq:
        r = cnt ? cnt_deq_.to_uint() : 0u;
        break;
      case KReg::kCntWake:
        r = cnt ? cnt_wake_.to_uint() : 0u;
        break;
      case KReg::kCntOvf:
        r = cnt ? cnt_ovf_.to_uint() : 0u;
        break;
      case KReg::kCntErr:
        r = cnt ? cnt_err_.to_uint() : 0u;
        break;
      case KReg::kMaxOcc:
        r = cnt ? max_occ_.to_uint() : 0u;
        break;
      default:
        break;
    }
    rdata = r;
    return 0;
  }

  switch (d.reg) {
    case KReg::kGlobalErr:
      global_err_ &= ~sc_uint<11>(v & 0x7FFu);
      break;
    case KReg::kCtrl:
      ctrl_ = v & (k::kCtrlBusErrEnMask | k::kCtrlErrIrqEnMask);
      break;
    case KReg::kIterCtrl:
      iter_started_ = true;
      iter_stale_ = false;
      iter_done_ = false;
      iter_proc_ = (v & k::kIterCtrlProcMask) >> k::kIterCtrlProcShift;
      iter_list_ = 0;
      iter_have_cur_ = false;
      iter_cur_ = 0;
      iter_where_index_ = 0;
      iter_where_waiting_ = false;
      break;
    case KReg::kProcCtrl:
      enable_[i] = (v & k::kProcCtrlEnableMask) != 0;
      bus_err_en_[i] = (v & k::kProcCtrlBusErrEnMask) != 0;
      if ((v & k::kProcCtrlResetMask) != 0) {  // 4.5
        err_[i] = 0;
        cancel_st_[i] = false;
        for (uint32_t s = 0; s < kMaxSources; ++s) {
          if (source_exists(s) && owner_[s] == i) {
            pending_[s] = 0;
            overflow_[s] = false;
          }
        }
        resetting_[i] = held_[i] != 0;
      }
      break;
    case KReg::kQuota:
      quota_[i] = (v & k::kQuotaLimitMask) >> k::kQuotaLimitShift;
      break;
    case KReg::kAffinity:
      affinity_[i] = ((v & k::kAffinityHartsMask) >> k::kAffinityHartsShift) & hart_mask_;
      break;
    case KReg::kHartProc:
      hart_proc_[i] = (v & k::kHartProcProcMask) >> k::kHartProcProcShift;
      break;
    case KReg::kRunPrio:
      run_prio_[i] = (v & k::kRunPrioPrioMask) >> k::kRunPrioPrioShift;
      break;
    case KReg::kSrcCfg:
      owner_[i] = (v & k::kSrcCfgOwnerMask) >> k::kSrcCfgOwnerShift;
      broadcast_[i] = (v & k::kSrcCfgBroadcastMask) != 0;
      senders_[i] = ((v & k::kSrcCfgSendersMask) >> k::kSrcCfgSendersShift) & proc_mask_;
      break;
    case KReg::kFire:
      event(i);
      break;
    case KReg::kSrcStat:
      if ((v & k::kSrcStatOverflowMask) != 0) overflow_[i] = false;
      break;
    case KReg::kCntEnq:
      if (cnt) cnt_enq_ = 0;
      break;
    case KReg::kCntDeq:
      if (cnt) cnt_deq_ = 0;
      break;
    case KReg::kCntWake:
      if (cnt) cnt_wake_ = 0;
      break;
    case KReg::kCntOvf:
      if (cnt) cnt_ovf_ = 0;
      break;
    case KReg::kCntErr:
      if (cnt) cnt_err_ = 0;
      break;
    case KReg::kMaxOcc:
      if (cnt) max_occ_ = cfg_.num_entries - free_count();
      break;
    default:
      break;
  }
  return 0;
}

AtsIntcModel::ErrBits AtsIntcModel::process_access(uint32_t p, bool we, uint32_t off,
                                                   const Word& wdata, uint32_t hart, Word& rdata) {
  const Decoded<PReg> d = decode_process(off);
  const uint32_t s = d.index;
  const PReg r = d.reg;
  // 3. BAD_OFF
  if (r == PReg::kNone || (we && d.dir == Dir::kRo) || (!we && d.dir == Dir::kWo)) {
    return er::kBadOff;
  }
  // 4. DISABLED
  const bool queue_op = r == PReg::kEnq || r == PReg::kDeq || r == PReg::kDeqFrame ||
                        r == PReg::kWait || r == PReg::kSend || r == PReg::kCancel;
  if (queue_op && !enable_[p]) return er::kDisabled;
  // 5. BAD_SRC
  if (d.idx == Idx::kSource && !source_exists(s)) return er::kBadSrc;
  if (r == PReg::kSend && s < ats_intc::kFirstChannel) return er::kBadSrc;
  // 6. PERM
  if (r == PReg::kSend && !senders_[s][p]) return er::kPerm;
  if ((r == PReg::kWait || r == PReg::kCancel || r == PReg::kPending) && owner_[s] != p) {
    return er::kPerm;
  }
  // 7.-9. BAD_WORD, QUOTA, FULL
  if (r == PReg::kEnq || r == PReg::kWait) {
    if (bad_word(wdata)) return er::kBadWord;
    if (quota_[p] != 0 && held_[p] >= quota_[p]) return er::kQuota;
    if (free_count() == 0) return er::kFull;
  }

  // Accepted.
  const uint32_t prio = static_cast<uint32_t>(wdata & kPrioMask);
  switch (r) {
    case PReg::kEnq: {  // 4.2
      const Entry e = alloc_entry();
      word_[e] = wdata;
      ready_append(p, prio, e);
      ++held_[p];
      if (cfg_.counters) ++cnt_enq_;
      note_allocation();
      touch(p);
      break;
    }
    case PReg::kDeq:
    case PReg::kDeqFrame: {  // 4.2
      uint32_t level = 0;
      uint32_t run = cfg_.num_prios;
      if (lowest_ready(p, level)) {
        const Entry e = ready_pop(p, level);
        rdata = word_[e];
        free_entry(e);
        drop_held(p);
        if (cfg_.counters) ++cnt_deq_;
        touch(p);
        run = static_cast<uint32_t>(rdata & kPrioMask);
        if (r == PReg::kDeqFrame) rdata = rdata & kFrameMask;
      }
      if (hart < cfg_.num_harts && hart_proc_[hart] == p) run_prio_[hart] = run;
      break;
    }
    case PReg::kErr:
      if (we) {
        err_[p] &= ~sc_uint<11>(wdata.to_uint() & 0x7FFu);
      } else {
        rdata = err_[p];
      }
      break;
    case PReg::kCancelSt:
      rdata = cancel_st_[p] ? 1u : 0u;
      break;
    case PReg::kHeld:
      rdata = held_[p];
      break;
    case PReg::kWait: {  // 4.3
      const Entry e = alloc_entry();
      word_[e] = wdata;
      ++held_[p];
      note_allocation();
      if (pending_[s] != 0) {
        --pending_[s];
        ready_append(p, prio, e);
        if (cfg_.counters) ++cnt_wake_;
      } else {
        wait_append(s, e);
      }
      touch(p);
      break;
    }
    case PReg::kSend:
      event(s);
      break;
    case PReg::kCancel:  // 4.4; deferred behind an outstanding walk (§6)
      if (cancel_active_) {
        deferred_valid_ = true;
        deferred_proc_ = p;
        deferred_src_ = s;
        deferred_word_ = wdata;
      } else {
        cancel_start(p, s, wdata);
      }
      break;
    case PReg::kPending:
      rdata = (pending_[s].to_uint() << k::kSrcStatPendingShift) |
              ((overflow_[s] ? 1u : 0u) << k::kSrcStatOverflowShift) |
              ((w_nonempty_[s] ? 1u : 0u) << k::kSrcStatWaitingShift);
      break;
    case PReg::kNone:
      break;
  }
  return 0;
}

// ITER_NEXT read (4.6): the next word of the iterated process in reset-walk order.
AtsIntcModel::Word AtsIntcModel::iter_next() {
  if (!iter_started_ || iter_stale_ || iter_done_) return 0;
  const uint32_t p = iter_proc_.to_uint();
  if (!iter_have_cur_) {
    bool found = false;
    for (uint32_t l = 0; l < kNumLists; ++l) {
      if (found || l < iter_list_) continue;
      if (l < kMaxPrios) {
        if (l < cfg_.num_prios && r_nonempty_[p][l]) {
          found = true;
          iter_list_ = l;
          iter_cur_ = r_head_[p][l];
        }
      } else {
        const uint32_t s = l - kMaxPrios;
        if (source_exists(s) && owner_[s] == p && w_nonempty_[s]) {
          found = true;
          iter_list_ = l;
          iter_cur_ = w_head_[s];
        }
      }
    }
    if (!found) {
      iter_done_ = true;
      return 0;
    }
    iter_have_cur_ = true;
  }
  const uint32_t l = iter_list_.to_uint();
  const bool waiting = l >= kMaxPrios;
  const Entry tail = waiting ? w_tail_[l - kMaxPrios] : r_tail_[p][l];
  const Word w = word_[iter_cur_];
  iter_where_index_ = waiting ? l - kMaxPrios : l;
  iter_where_waiting_ = waiting;
  if (iter_cur_ == tail) {
    iter_have_cur_ = false;
    iter_list_ = l + 1;
  } else {
    iter_cur_ = next_[iter_cur_];
  }
  return w;
}

// ---------------------------------------------------------------------------
// Pool and lists

// From the free list if it is not empty, else the next never-used entry.
AtsIntcModel::Entry AtsIntcModel::alloc_entry() {
  Entry e;
  if (free_len_ != 0) {
    e = free_head_;
    free_head_ = next_[e];
    --free_len_;
  } else {
    e = bump_;
    ++bump_;
  }
  return e;
}

// Freed entries go to the head of the free list.
void AtsIntcModel::free_entry(const Entry& e) {
  next_[e] = free_head_;
  free_head_ = e;
  ++free_len_;
}

AtsIntcModel::Count AtsIntcModel::free_count() const {
  return free_len_ + (cfg_.num_entries - bump_);
}

void AtsIntcModel::note_allocation() {
  if (!cfg_.counters) return;
  const Count occ = cfg_.num_entries - free_count();
  if (occ > max_occ_) max_occ_ = occ;
}

void AtsIntcModel::drop_held(uint32_t p) {
  --held_[p];
  if (held_[p] == 0) resetting_[p] = false;
}

void AtsIntcModel::ready_append(uint32_t p, uint32_t prio, const Entry& e) {
  if (r_nonempty_[p][prio]) {
    next_[r_tail_[p][prio]] = e;
  } else {
    r_head_[p][prio] = e;
    r_nonempty_[p][prio] = 1;
  }
  r_tail_[p][prio] = e;
}

AtsIntcModel::Entry AtsIntcModel::ready_pop(uint32_t p, uint32_t prio) {
  const Entry e = r_head_[p][prio];
  if (e == r_tail_[p][prio]) {
    r_nonempty_[p][prio] = 0;
  } else {
    r_head_[p][prio] = next_[e];
  }
  return e;
}

void AtsIntcModel::wait_append(uint32_t s, const Entry& e) {
  if (w_nonempty_[s]) {
    next_[w_tail_[s]] = e;
  } else {
    w_head_[s] = e;
    w_nonempty_[s] = true;
  }
  w_tail_[s] = e;
}

AtsIntcModel::Entry AtsIntcModel::wait_pop(uint32_t s) {
  const Entry e = w_head_[s];
  if (e == w_tail_[s]) {
    w_nonempty_[s] = false;
  } else {
    w_head_[s] = next_[e];
  }
  return e;
}

void AtsIntcModel::touch(uint32_t p) {
  if (iter_started_ && iter_proc_ == p) iter_stale_ = true;
}

// ---------------------------------------------------------------------------
// Combinational views

bool AtsIntcModel::source_exists(uint32_t s) const {
  if (s < ats_intc::kFirstChannel) return s < cfg_.num_irqs;
  return s - ats_intc::kFirstChannel < cfg_.num_channels && s < kMaxSources;
}

bool AtsIntcModel::lowest_ready(uint32_t p, uint32_t& prio) const {
  bool found = false;
  for (uint32_t l = 0; l < kMaxPrios; ++l) {
    if (!found && l < cfg_.num_prios && r_nonempty_[p][l]) {
      found = true;
      prio = l;
    }
  }
  return found;
}

AtsIntcModel::Word AtsIntcModel::best() const {
  bool valid = false;
  uint32_t best_prio = 0;
  uint32_t best_proc = 0;
  for (uint32_t p = 0; p < kMaxProcs; ++p) {
    uint32_t prio = 0;
    if (p < cfg_.num_procs && enable_[p] && lowest_ready(p, prio) && (!valid || prio < best_prio)) {
      valid = true;
      best_prio = prio;
      best_proc = p;
    }
  }
  if (!valid) return 0;
  return k::kBestValidMask | (best_proc << k::kBestProcShift) | (best_prio << k::kBestPrioShift);
}

sc_uint<4> AtsIntcModel::work_lines() const {
  sc_uint<4> lines = 0;
  for (uint32_t h = 0; h < kMaxHarts; ++h) {
    const uint32_t hp = hart_proc_[h].to_uint();
    if (h < cfg_.num_harts && hp < cfg_.num_procs && enable_[hp] && r_nonempty_[hp] != 0) {
      lines[h] = 1;
    }
  }
  return lines;
}

sc_uint<4> AtsIntcModel::preempt_lines() const {
  bool ready[kMaxProcs];
  uint32_t top[kMaxProcs];
  for (uint32_t q = 0; q < kMaxProcs; ++q) {
    top[q] = 0;
    ready[q] = q < cfg_.num_procs && enable_[q] && lowest_ready(q, top[q]);
  }
  sc_uint<4> lines = 0;
  for (uint32_t h = 0; h < kMaxHarts; ++h) {
    if (h >= cfg_.num_harts) continue;
    for (uint32_t q = 0; q < kMaxProcs; ++q) {
      if (ready[q] && q != hart_proc_[h] && affinity_[q][h] && top[q] < run_prio_[h]) {
        lines[h] = 1;
      }
    }
  }
  return lines;
}

bool AtsIntcModel::err_irq_line() const {
  bool any = global_err_ != 0;
  for (uint32_t p = 0; p < kMaxProcs; ++p) {
    if (p < cfg_.num_procs && err_[p] != 0) any = true;
  }
  return ctrl_[1] && any;
}

bool AtsIntcModel::bad_word(const Word& w) const {
  return (w & kFrameMask) == 0 || (w & kPrioMask) >= cfg_.num_prios;
}

// ---------------------------------------------------------------------------
// Inspection

uint32_t AtsIntcModel::free_entries() const { return free_count().to_uint(); }
uint32_t AtsIntcModel::held(uint32_t p) const { return p < kMaxProcs ? held_[p].to_uint() : 0u; }
uint32_t AtsIntcModel::quota(uint32_t p) const { return p < kMaxProcs ? quota_[p].to_uint() : 0u; }
bool AtsIntcModel::enabled(uint32_t p) const { return p < kMaxProcs && enable_[p]; }
uint32_t AtsIntcModel::err(uint32_t p) const { return p < kMaxProcs ? err_[p].to_uint() : 0u; }
uint32_t AtsIntcModel::global_err() const { return global_err_.to_uint(); }
bool AtsIntcModel::cancel_st(uint32_t p) const { return p < kMaxProcs && cancel_st_[p]; }
uint32_t AtsIntcModel::pending(uint32_t s) const {
  return s < kMaxSources ? pending_[s].to_uint() : 0u;
}
bool AtsIntcModel::overflow(uint32_t s) const { return s < kMaxSources && overflow_[s]; }
uint32_t AtsIntcModel::owner(uint32_t s) const {
  return s < kMaxSources ? owner_[s].to_uint() : 0u;
}
uint32_t AtsIntcModel::hart_proc(uint32_t h) const {
  return h < kMaxHarts ? hart_proc_[h].to_uint() : 0u;
}
uint32_t AtsIntcModel::run_prio(uint32_t h) const {
  return h < kMaxHarts ? run_prio_[h].to_uint() : 0u;
}
uint32_t AtsIntcModel::max_occ() const { return cfg_.counters ? max_occ_.to_uint() : 0u; }

uint32_t AtsIntcModel::ready_count(uint32_t p, uint32_t prio) const {
  if (p >= kMaxProcs || prio >= kMaxPrios || !r_nonempty_[p][prio]) return 0;
  uint32_t n = 1;
  Entry e = r_head_[p][prio];
  while (e != r_tail_[p][prio] && n <= kMaxEntries) {
    e = next_[e];
    ++n;
  }
  return n;
}

uint32_t AtsIntcModel::ready_count(uint32_t p) const {
  uint32_t n = 0;
  for (uint32_t l = 0; l < kMaxPrios; ++l) n += ready_count(p, l);
  return n;
}

uint32_t AtsIntcModel::wait_count(uint32_t s) const {
  if (s >= kMaxSources || !w_nonempty_[s]) return 0;
  uint32_t n = 1;
  Entry e = w_head_[s];
  while (e != w_tail_[s] && n <= kMaxEntries) {
    e = next_[e];
    ++n;
  }
  return n;
}

bool AtsIntcModel::cancel_busy() const { return cancel_active_ || deferred_valid_; }

bool AtsIntcModel::reset_busy() const {
  for (uint32_t p = 0; p < kMaxProcs; ++p) {
    if (resetting_[p] && held_[p] != 0) return true;
  }
  return false;
}

bool AtsIntcModel::internal_work() const { return choose_work().kind != WorkKind::kNone; }

const char* AtsIntcModel::check_consistency() const {
  // Marks every entry reachable from a list; each must be seen exactly once.
  bool seen[kMaxEntries] = {};
  const uint32_t n = cfg_.num_entries;
  uint32_t total = 0;
  auto walk = [&](Entry head, Entry tail, uint32_t& count) -> bool {
    Entry e = head;
    for (;;) {
      const uint32_t i = e.to_uint();
      if (i >= n || i >= bump_ || seen[i]) return false;
      seen[i] = true;
      ++count;
      if (e == tail) return true;
      e = next_[e];
    }
  };
  uint32_t in_use = 0;
  for (uint32_t p = 0; p < kMaxProcs; ++p) {
    uint32_t count = 0;
    for (uint32_t l = 0; l < kMaxPrios; ++l) {
      if (!r_nonempty_[p][l]) continue;
      if (p >= cfg_.num_procs || l >= cfg_.num_prios) return "ready list outside the build";
      if (!walk(r_head_[p][l], r_tail_[p][l], count)) return "ready list corrupt or shared";
      Entry e = r_head_[p][l];
      for (;;) {
        if ((word_[e] & kPrioMask) != l) return "ready entry at the wrong priority";
        if (e == r_tail_[p][l]) break;
        e = next_[e];
      }
    }
    for (uint32_t s = 0; s < kMaxSources; ++s) {
      if (!w_nonempty_[s] || owner_[s] != p) continue;
      if (!source_exists(s)) return "wait list of an absent source";
      if (!walk(w_head_[s], w_tail_[s], count)) return "wait list corrupt or shared";
    }
    // An entry unlinked by a cancel search step is still held until its free step.
    const bool unlinked = cancel_active_ && cancel_free_phase_ && cancel_proc_ == p;
    if (unlinked) {
      const uint32_t i = cancel_cur_.to_uint();
      if (seen[i]) return "cancelled entry still in a list";
      seen[i] = true;
      ++count;
    }
    if (count != held_[p]) return "HELD does not match the lists";
    in_use += count;
  }
  // The free list.
  uint32_t free_seen = 0;
  Entry e = free_head_;
  for (uint32_t i = 0; i < free_len_; ++i) {
    const uint32_t x = e.to_uint();
    if (x >= n || x >= bump_ || seen[x]) return "free list corrupt";
    seen[x] = true;
    ++free_seen;
    e = next_[e];
  }
  total = in_use + free_seen + (n - bump_.to_uint());
  if (bump_ > n) return "bump pointer past the pool";
  if (total != n) return "entries lost (not in a list, the free list or never used)";
  return nullptr;
}
