// Directed self-test of the HLS-style ATS-INTC model (sim/models/ats_intc)
// against docs/ats_intc.md, through its ports only (the inspection getters are
// used for pool-consistency checks).
//
// A bus-driver SC_THREAD acts at every falling clock edge: it reads the outputs
// of the current cycle and drives the inputs of the current cycle, which the
// model samples at the next rising edge. Cycle c is the time between rising
// edges c and c+1. Every cycle's outputs are recorded; a response must appear
// exactly in cycle accept_edge + 1, and outside responses rvalid_o, rdata_o and
// err_o must be 0 (checked for every cycle of every scenario).
//
//   intc_model_test --config default|small|wide [--only NAME]
// Exit: 0 all scenarios passed, 1 a check failed, 2 bad arguments.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <systemc>
#include <vector>

#include "ats_intc_model.h"
#include "ats_intc_regs.h"

namespace k = ats_intc::kernel;
namespace pr = ats_intc::process;
namespace er = ats_intc::err;

using sc_dt::sc_uint;

namespace {

constexpr uint64_t kMaxWaitCycles = 20000;

struct Req {
  bool we = false;
  uint32_t addr = 0;
  uint32_t wdata = 0;
  uint32_t hart = 0;
  uint32_t be = 0xF;
};

struct Resp {
  uint32_t rdata = 0;
  bool err = false;
  uint64_t accept_edge = 0;
  uint64_t resp_cycle = 0;
};

struct Outputs {
  bool gnt = false;
  bool rvalid = false;
  bool err = false;
  bool err_irq = false;
  uint32_t rdata = 0;
  uint32_t work = 0;
  uint32_t preempt = 0;
  bool in_reset = false;
};

Req rd_req(uint32_t addr, uint32_t hart = 0) { return Req{false, addr, 0, hart, 0xF}; }
Req wr_req(uint32_t addr, uint32_t data, uint32_t hart = 0) {
  return Req{true, addr, data, hart, 0xF};
}

uint32_t pp(uint32_t p, uint32_t off) { return ats_intc::process_page(p) + off; }

// A task word: a distinct 32-byte aligned frame and a priority.
uint32_t task(uint32_t n, uint32_t prio) { return 0x10000000u + (n << 5) + prio; }

class Bench : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(Bench);

  Bench(sc_core::sc_module_name name, const AtsIntcConfig& cfg, std::string only)
      : sc_module(name),
        clk_("clk", sc_core::sc_time(10, sc_core::SC_NS)),
        model_("model", cfg),
        cfg_(cfg),
        only_(std::move(only)) {
    model_.clk_i(clk_);
    model_.rst_ni(rst_n_);
    model_.req_i(req_);
    model_.we_i(we_);
    model_.be_i(be_);
    model_.addr_i(addr_);
    model_.wdata_i(wdata_);
    model_.hart_i(hart_);
    model_.irq_i(irq_);
    model_.gnt_o(gnt_);
    model_.rvalid_o(rvalid_);
    model_.rdata_o(rdata_);
    model_.err_o(err_);
    model_.work_o(work_);
    model_.preempt_o(preempt_);
    model_.err_irq_o(err_irq_);
    SC_METHOD(count_edge);
    sensitive << clk_.posedge_event();
    dont_initialize();
    SC_THREAD(driver);
  }

  int failures() const { return failures_; }
  int scenarios_failed() const { return scenarios_failed_; }
  int scenarios_run() const { return scenarios_run_; }

 private:
  // ---- clock, recording and checking -----------------------------------

  void count_edge() { ++edges_; }
  uint64_t cycle() const { return edges_; }

  void fail(const std::string& what) {
    ++failures_;
    ++scenario_failures_;
    if (scenario_failures_ <= 20) {
      std::printf("  FAIL [%s] cycle %llu: %s\n", scenario_.c_str(),
                  static_cast<unsigned long long>(cycle()), what.c_str());
    }
  }
  void expect(bool cond, const std::string& what) {
    if (!cond) fail(what);
  }
  void expect_eq(uint64_t actual, uint64_t expected, const std::string& what) {
    if (actual != expected) {
      char buf[96];
      std::snprintf(buf, sizeof buf, ": got 0x%llx, expected 0x%llx",
                    static_cast<unsigned long long>(actual),
                    static_cast<unsigned long long>(expected));
      fail(what + buf);
    }
  }
  void expect_consistent(const std::string& where) {
    if (const char* why = model_.check_consistency()) fail(where + ": pool inconsistent: " + why);
  }

  // Waits for the falling edge of the next cycle and records its outputs.
  void tick() {
    wait(clk_.negedge_event());
    const uint64_t c = cycle();
    Outputs o;
    o.gnt = gnt_.read();
    o.rvalid = rvalid_.read();
    o.err = err_.read();
    o.err_irq = err_irq_.read();
    o.rdata = rdata_.read().to_uint();
    o.work = work_.read().to_uint();
    o.preempt = preempt_.read().to_uint();
    o.in_reset = reset_cycle_.count(c) != 0;
    hist_[c] = o;
    const bool expected = expected_resp_.erase(c) != 0;
    if (o.in_reset) {
      expect(!o.gnt && !o.rvalid && !o.err && !o.err_irq && o.rdata == 0 && o.work == 0 &&
                 o.preempt == 0,
             "an output is not 0 in a reset cycle");
    } else if (o.rvalid != expected) {
      fail(expected ? "no response one cycle after acceptance" : "rvalid_o without a request");
    } else if (!o.rvalid && (o.rdata != 0 || o.err)) {
      fail("rdata_o/err_o not 0 outside a response");
    }
    const uint32_t harts = (1u << cfg_.num_harts) - 1u;
    expect((o.work & ~harts) == 0 && (o.preempt & ~harts) == 0,
           "work_o/preempt_o bit of an absent hart");
  }
  void idle(uint32_t n) {
    req_.write(false);
    for (uint32_t i = 0; i < n; ++i) tick();
  }
  const Outputs& out(uint64_t c) { return hist_[c]; }

  // Idles (request low) until the outputs of cycle c are recorded.
  void advance_to(uint64_t c) {
    req_.write(false);
    while (cycle() < c) tick();
  }
  // Cycles in [from, to] with gnt_o low.
  uint32_t gnt_low(uint64_t from, uint64_t to) {
    advance_to(to);
    uint32_t n = 0;
    for (uint64_t c = from; c <= to; ++c) n += hist_.count(c) && !hist_[c].gnt ? 1u : 0u;
    return n;
  }
  // Checks that gnt_o is low exactly in cycles [from, from + n) and high at from + n.
  void expect_gnt_low_run(uint64_t from, uint32_t n, const std::string& what) {
    const uint32_t low = gnt_low(from, from + n + 8);
    expect_eq(low, n, what + ": cycles with gnt_o low");
    for (uint64_t c = from; c < from + n; ++c) {
      if (out(c).gnt) fail(what + ": gnt_o high in the middle of the internal work");
    }
    expect(out(from + n).gnt, what + ": gnt_o not back high after the internal work");
  }

  // ---- bus driving --------------------------------------------------------

  void drive(const Req& r) {
    req_.write(true);
    we_.write(r.we);
    be_.write(r.be);
    addr_.write(r.addr & 0xFFFFu);
    wdata_.write(r.wdata);
    hart_.write(r.hart);
  }

  // Presents r in the current cycle; gnt_o must be high now. Returns the accept edge.
  uint64_t present(const Req& r) {
    drive(r);
    expect(gnt_.read(), "present(): gnt_o is low");
    expected_resp_.insert(cycle() + 2);
    return cycle() + 1;
  }

  // Presents the requests back to back (each held until granted) and returns
  // at the falling edge of the last response's cycle.
  std::vector<Resp> burst(const std::vector<Req>& reqs) {
    std::vector<Resp> out(reqs.size());
    size_t next = 0;
    for (uint64_t guard = 0;; ++guard) {
      const uint64_t c = cycle();
      if (next < reqs.size()) {
        drive(reqs[next]);
        if (gnt_.read()) {
          out[next].accept_edge = c + 1;
          out[next].resp_cycle = c + 2;
          expected_resp_.insert(c + 2);
          ++next;
        }
      } else {
        req_.write(false);
        if (reqs.empty() || c >= out.back().resp_cycle) break;
      }
      if (guard > kMaxWaitCycles) {
        fail("the bus never granted");
        req_.write(false);
        return out;
      }
      tick();
    }
    for (Resp& r : out) {
      r.rdata = hist_[r.resp_cycle].rdata;
      r.err = hist_[r.resp_cycle].err;
    }
    return out;
  }

  Resp access(const Req& r) { return burst({r})[0]; }

  // A read or write that must not be rejected (every page has BUS_ERR_EN after prepare()).
  uint32_t rd(uint32_t addr, uint32_t hart = 0) {
    const Resp r = access(rd_req(addr, hart));
    if (r.err) fail(hex_addr("read rejected", addr));
    return r.rdata;
  }
  void wr(uint32_t addr, uint32_t data, uint32_t hart = 0) {
    const Resp r = access(wr_req(addr, data, hart));
    if (r.err) fail(hex_addr("write rejected", addr));
  }
  static std::string hex_addr(const char* what, uint32_t addr) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s at 0x%04x", what, addr);
    return buf;
  }

  // The error register of the page an address belongs to.
  uint32_t err_reg_of(uint32_t addr) const {
    const uint32_t page = (addr >> 12) & 0xFu;
    if (page == 0 || page >= 1 + cfg_.num_procs) return k::kGlobalErr;
    return pp(page - 1, pr::kErr);
  }

  // The access must be rejected with exactly error bit `bit` (first failing check),
  // answer err_o (BUS_ERR_EN is set) and rdata 0, and change nothing else.
  void expect_error(const std::string& what, Req r, uint32_t bit) {
    const uint32_t reg = err_reg_of(r.addr);
    wr(reg, 0x7FFu);
    const uint32_t free_before = model_.free_entries();
    const Resp resp = access(r);
    expect(resp.err, what + ": no err_o");
    expect_eq(resp.rdata, 0, what + ": rejected access returned data");
    expect_eq(rd(reg), bit, what + ": error bits");
    expect_eq(model_.free_entries(), free_before, what + ": pool changed");
    wr(reg, 0x7FFu);
  }

  void set_irq(uint32_t line, bool level) {
    if (level) {
      irq_levels_ |= 1u << line;
    } else {
      irq_levels_ &= ~(1u << line);
    }
    irq_.write(irq_levels_);
  }

  // rst_ni low for `cycles` cycles; returns at the falling edge of the first
  // cycle after reset (gnt_o must be high there).
  // With hold_req a request is presented during reset (it must not be granted).
  void hard_reset(uint32_t cycles = 2, bool hold_req = false) {
    req_.write(hold_req);
    rst_n_.write(false);
    for (uint32_t i = 0; i < cycles; ++i) {
      reset_cycle_.insert(cycle() + 1);
      tick();
    }
    expected_resp_.clear();
    req_.write(false);
    rst_n_.write(true);
    tick();
    expect(out(cycle()).gnt, "gnt_o not high in the first cycle after reset");
  }

  // Reset, then: bus errors answered on every page, every process enabled.
  void prepare() {
    irq_levels_ = 0;
    irq_.write(0);
    hard_reset();
    wr(k::kCtrl, k::kCtrlBusErrEnMask);
    for (uint32_t p = 0; p < cfg_.num_procs; ++p) {
      wr(k::proc_ctrl(p), k::kProcCtrlEnableMask | k::kProcCtrlBusErrEnMask);
    }
  }

  uint32_t src_stat(uint32_t s) { return rd(k::src_stat(s)); }
  uint32_t cnt(uint32_t off) { return rd(off); }
  uint32_t counted(uint32_t n) const { return cfg_.counters ? n : 0u; }

  // ---- scenarios -------------------------------------------------------------

  void reset_state_matches_the_contract() {
    // Requests and IRQ levels during reset: never granted, no events.
    drive(rd_req(k::kId));
    set_irq(0, true);
    hard_reset(3, true);
    expect_eq(model_.pending(0), 0, "IRQ line high through reset made an event");
    const uint32_t np = cfg_.num_prios;
    expect_eq(rd(k::kId), ats_intc::kIpId, "ID");
    expect_eq(rd(k::kVersion), ats_intc::kVersion, "VERSION");
    expect_eq(
        rd(k::kCfg0),
        cfg_.num_procs | (np << 8) | (cfg_.num_harts << 16) | ((cfg_.counters ? 1u : 0u) << 24),
        "CFG0");
    expect_eq(rd(k::kCfg1), cfg_.num_entries | (cfg_.num_irqs << 16) | (cfg_.num_channels << 24),
              "CFG1");
    expect_eq(rd(k::kFree), cfg_.num_entries, "FREE");
    expect_eq(rd(k::kBest), 0, "BEST");
    expect_eq(rd(k::kCtrl), 0, "CTRL");
    expect_eq(rd(k::kGlobalErr), 0, "GLOBAL_ERR");
    expect_eq(rd(k::kErrProcs), 0, "ERR_PROCS");
    expect_eq(rd(k::kIterNext), 0, "ITER_NEXT before any ITER_CTRL");
    expect_eq(rd(k::kIterWhere), 0, "ITER_WHERE before any ITER_CTRL");
    for (uint32_t p = 0; p < cfg_.num_procs; ++p) {
      expect_eq(rd(k::proc_ctrl(p)), p == 0 ? k::kProcCtrlEnableMask : 0u, "PROC_CTRL");
      expect_eq(rd(k::quota(p)), 0, "QUOTA");
      expect_eq(rd(k::held(p)), 0, "HELD");
      expect_eq(rd(k::affinity(p)), (1u << cfg_.num_harts) - 1u, "AFFINITY");
    }
    for (uint32_t h = 0; h < cfg_.num_harts; ++h) {
      expect_eq(rd(k::hart_proc(h)), 0, "HART_PROC");
      expect_eq(rd(k::run_prio(h)), np, "RUN_PRIO");
    }
    for (uint32_t s : {0u, cfg_.num_irqs - 1, ats_intc::kFirstChannel}) {
      expect_eq(rd(k::src_cfg(s)), 0, "SRC_CFG");
      expect_eq(rd(k::src_stat(s)), 0, "SRC_STAT");
    }
    for (uint32_t off = k::kCntEnq; off <= k::kMaxOcc; off += 4) expect_eq(rd(off), 0, "counter");
    expect_eq(rd(pp(0, pr::kCancelSt)), 0, "CANCEL_ST");
    expect_eq(rd(pp(0, pr::kHeld)), 0, "process HELD");
    expect_eq(rd(pp(0, pr::kDeq)), 0, "DEQ of an empty process");
    const Outputs& o = out(cycle());
    expect(o.gnt && o.work == 0 && o.preempt == 0 && !o.err_irq, "idle output lines");

    // State built up is wiped by the next reset.
    wr(pp(0, pr::kEnq), task(1, 1));
    wr(k::kFire, 0);
    wr(k::quota(0), 7);
    wr(k::kCtrl, 3);
    access(rd_req(0x600));  // undefined kernel offset: GLOBAL_ERR
    set_irq(0, false);
    hard_reset();
    expect_eq(rd(k::kFree), cfg_.num_entries, "FREE after reset");
    expect_eq(rd(k::held(0)), 0, "HELD after reset");
    expect_eq(rd(k::quota(0)), 0, "QUOTA after reset");
    expect_eq(rd(k::kCtrl), 0, "CTRL after reset");
    expect_eq(rd(k::kGlobalErr), 0, "GLOBAL_ERR after reset");
    expect_eq(rd(k::src_stat(0)), 0, "SRC_STAT after reset");
    expect_eq(rd(k::kCntEnq), 0, "CNT_ENQ after reset");
  }

  void enq_deq_fifo_within_a_level_most_urgent_first() {
    prepare();
    const uint32_t np = cfg_.num_prios;
    const uint32_t a = task(1, 3), b = task(2, 1), c = task(3, 3), d = task(4, 1), e = task(5, 0),
                   f = task(6, np - 1);
    for (uint32_t w : {a, b, c, d, e, f}) wr(pp(0, pr::kEnq), w);
    expect_eq(rd(k::held(0)), 6, "HELD");
    expect_eq(rd(pp(0, pr::kHeld)), 6, "process HELD");
    expect_eq(rd(k::kFree), cfg_.num_entries - 6, "FREE");
    expect_eq(rd(k::kBest), k::kBestValidMask | (0u << 8) | 0u, "BEST");
    expect((out(cycle()).work & 1u) != 0, "work_o[0]: HART_PROC[0]=0 has a ready task");
    bool frame = false;  // every other one through DEQ_FRAME: the same dequeue, frame bits only
    for (uint32_t w : {e, b, d, a, c, f}) {
      if (frame) expect_eq(rd(pp(0, pr::kDeqFrame), 0), w & ~31u, "DEQ_FRAME order");
      else expect_eq(rd(pp(0, pr::kDeq), 0), w, "DEQ order");
      expect_eq(model_.run_prio(0), w & 31u, "RUN_PRIO after DEQ by hart 0");
      frame = !frame;
    }
    expect_eq(rd(pp(0, pr::kDeqFrame)), 0, "DEQ_FRAME of an empty process");
    expect_eq(rd(pp(0, pr::kDeq)), 0, "DEQ of an empty process");
    expect_eq(rd(k::run_prio(0)), np, "RUN_PRIO idle after an empty DEQ");
    expect_eq(rd(k::kFree), cfg_.num_entries, "FREE after draining");
    expect_eq(rd(k::kCntEnq), counted(6), "CNT_ENQ");
    expect_eq(rd(k::kCntDeq), counted(6), "CNT_DEQ (empty DEQs do not count)");
    expect_eq(rd(k::kMaxOcc), counted(6), "MAX_OCC");
    expect((out(cycle()).work & 1u) == 0, "work_o[0] after draining");
    // A DEQ by a hart whose HART_PROC is another process leaves RUN_PRIO alone.
    wr(k::run_prio(0), 5);
    wr(k::hart_proc(0), 1);
    wr(pp(0, pr::kEnq), task(7, 2));
    expect_eq(rd(pp(0, pr::kDeq), 0), task(7, 2), "DEQ");
    expect_eq(rd(k::run_prio(0)), 5, "RUN_PRIO untouched by a DEQ on another page");
    // hart_i beyond NUM_HARTS: no RUN_PRIO update either.
    if (cfg_.num_harts < 4) {
      wr(k::hart_proc(0), 0);
      wr(pp(0, pr::kEnq), task(8, 2));
      expect_eq(rd(pp(0, pr::kDeq), 3), task(8, 2), "DEQ by hart 3");
      expect_eq(rd(k::run_prio(0)), 5, "RUN_PRIO untouched by an absent hart");
    }
    // Counters clear on any write; MAX_OCC takes the current occupancy.
    wr(pp(0, pr::kEnq), task(9, 4));
    wr(k::kCntEnq, 0x1234);
    wr(k::kMaxOcc, 0);
    expect_eq(rd(k::kCntEnq), 0, "CNT_ENQ after a write");
    expect_eq(rd(k::kMaxOcc), counted(1), "MAX_OCC after a write");
    expect_consistent("after ENQ/DEQ");
  }

  void wake_one_moves_the_oldest_waiter() {
    prepare();
    const uint32_t s = 2;
    wr(k::src_cfg(s), 1);  // owner 1, wake-one
    const uint32_t w1 = task(1, 2), w2 = task(2, 2), w3 = task(3, 1);
    for (uint32_t w : {w1, w2, w3}) wr(pp(1, pr::wait(s)), w);
    expect_eq(rd(k::held(1)), 3, "HELD of the waiting process");
    expect_eq(src_stat(s), k::kSrcStatWaitingMask, "SRC_STAT: waiting, nothing pending");
    expect_eq(rd(pp(1, pr::kDeq)), 0, "waiters are not ready");
    const Resp f = access(wr_req(k::fire(s), 0xDEAD));
    expect_gnt_low_run(f.accept_edge + 1, 1, "one wake step");
    expect_eq(rd(pp(1, pr::kDeq)), w1, "the oldest waiter woke");
    expect_eq(rd(pp(1, pr::kDeq)), 0, "only one waiter woke");
    expect_eq(src_stat(s), k::kSrcStatWaitingMask, "PENDING consumed by the wake");
    wr(k::fire(s), 0);
    expect_eq(rd(pp(1, pr::kDeq)), w2, "next oldest");
    wr(k::fire(s), 0);
    expect_eq(rd(pp(1, pr::kDeq)), w3, "last waiter");
    expect_eq(src_stat(s), 0, "queue empty, nothing pending");
    expect_eq(rd(k::kCntWake), counted(3), "CNT_WAKE");
    expect_eq(rd(k::held(1)), 0, "HELD after the DEQs");
    expect_consistent("after wake-one");
  }

  void broadcast_moves_every_waiter_one_per_cycle() {
    prepare();
    const uint32_t ch = ats_intc::kFirstChannel + 1;
    wr(k::src_cfg(ch), 1u | k::kSrcCfgBroadcastMask | (0x3u << k::kSrcCfgSendersShift));
    const uint32_t w1 = task(1, 4), w2 = task(2, 4), w3 = task(3, 2);
    for (uint32_t w : {w1, w2, w3}) wr(pp(1, pr::wait(ch)), w);
    const Resp r = access(wr_req(pp(0, pr::send(ch)), 0x5555));  // proc 0 is a sender
    expect(!r.err, "SEND by a permitted sender");
    expect_gnt_low_run(r.accept_edge + 1, 3, "broadcast: one waiter per cycle");
    expect_eq(src_stat(ch), 0, "PENDING decremented once, queue empty");
    expect_eq(rd(k::held(1)), 3, "HELD unchanged by wakes");
    expect_eq(rd(pp(1, pr::kDeq)), w3, "most urgent woken task");
    expect_eq(rd(pp(1, pr::kDeq)), w1, "FIFO among equals");
    expect_eq(rd(pp(1, pr::kDeq)), w2, "FIFO among equals");
    // With no waiter a SEND only counts; the next WAIT consumes it.
    wr(pp(1, pr::send(ch)), 0);
    wr(pp(1, pr::send(ch)), 0);
    expect_eq(src_stat(ch), 2, "PENDING counts unmatched events");
    wr(pp(1, pr::wait(ch)), w1);
    expect_eq(src_stat(ch), 1, "WAIT consumed one pending event");
    expect_eq(rd(pp(1, pr::kDeq)), w1, "WAIT with a pending event is ready at once");
    expect_eq(rd(k::kCntWake), counted(4), "CNT_WAKE counts wakes and consuming WAITs");
    expect_consistent("after broadcast");
  }

  void pending_counts_irq_edges_and_saturates() {
    prepare();
    // Rising edges of a level line count; a held level does not.
    for (int i = 0; i < 3; ++i) {
      set_irq(3, true);
      idle(2);
      set_irq(3, false);
      idle(1);
    }
    set_irq(3, true);
    idle(5);
    expect_eq(src_stat(3), 4, "PENDING after four rising edges");
    // Lines >= NUM_IRQS are ignored (all 32 bits toggled).
    if (cfg_.num_irqs < 32) {
      for (uint32_t i = cfg_.num_irqs; i < 32; ++i) set_irq(i, true);
      idle(2);
      expect_consistent("absent IRQ lines");
      for (uint32_t i = cfg_.num_irqs; i < 32; ++i) set_irq(i, false);
    }
    // Two sources rising in the same cycle: both count.
    set_irq(1, true);
    set_irq(2, true);
    idle(2);
    expect_eq(src_stat(1), 1, "PENDING[1]");
    expect_eq(src_stat(2), 1, "PENDING[2]");
    // Saturation at 255, sticky OVERFLOW, CNT_OVF.
    std::vector<Req> fires(300, wr_req(k::fire(5), 0));
    for (const Resp& r : burst(fires)) expect(!r.err, "FIRE");
    expect_eq(src_stat(5), 255u | k::kSrcStatOverflowMask, "saturated PENDING and OVERFLOW");
    expect_eq(rd(k::kCntOvf), counted(45), "CNT_OVF");
    expect_eq(rd(pp(0, pr::pending(5))), 255u | k::kSrcStatOverflowMask,
              "PENDING read by the owner");
    expect_error("PENDING read by a non-owner", rd_req(pp(1, pr::pending(5))), er::kPerm);
    wr(k::src_stat(5), k::kSrcStatPendingMask);  // other bits are ignored
    expect_eq(src_stat(5), 255u | k::kSrcStatOverflowMask, "SRC_STAT write without bit 8");
    wr(k::src_stat(5), k::kSrcStatOverflowMask);
    expect_eq(src_stat(5), 255u, "OVERFLOW cleared by writing 1");
    // A WAIT takes one pending event: no waiter, straight to ready.
    wr(pp(0, pr::wait(5)), task(1, 6));
    expect_eq(src_stat(5), 254u, "WAIT consumed one event");
    expect_eq(rd(pp(0, pr::kDeq)), task(1, 6), "task ready at once");
    expect_consistent("after pending");
  }

  void quota_full_and_every_error_check() {
    prepare();
    const uint32_t n = cfg_.num_entries;
    const uint32_t np = cfg_.num_prios;
    // QUOTA.
    wr(k::quota(1), 2);
    wr(pp(1, pr::kEnq), task(1, 1));
    wr(pp(1, pr::kEnq), task(2, 1));
    expect_error("ENQ over quota", wr_req(pp(1, pr::kEnq), task(3, 1)), er::kQuota);
    wr(k::src_cfg(0), 1);
    expect_error("WAIT over quota", wr_req(pp(1, pr::wait(0)), task(3, 1)), er::kQuota);
    expect_error("BAD_WORD before QUOTA", wr_req(pp(1, pr::kEnq), 0x7u), er::kBadWord);
    expect_eq(rd(k::held(1)), 2, "HELD unchanged by rejected ENQs");
    wr(k::quota(1), 0);
    // BAD_WORD.
    expect_error("frame bits zero", wr_req(pp(0, pr::kEnq), 3u), er::kBadWord);
    if (np < 32) {
      expect_error("priority >= NUM_PRIOS", wr_req(pp(0, pr::kEnq), task(1, np)), er::kBadWord);
    }
    expect_error("WAIT with a bad word", wr_req(pp(0, pr::wait(1)), 0u), er::kBadWord);
    // FULL: fill the pool.
    const uint32_t room = rd(k::kFree);
    std::vector<Req> fill;
    for (uint32_t i = 0; i < room; ++i)
      fill.push_back(wr_req(pp(0, pr::kEnq), task(10 + i, i % np)));
    for (const Resp& r : burst(fill)) expect(!r.err, "ENQ while the pool has room");
    expect_eq(rd(k::kFree), 0, "FREE when full");
    expect_eq(rd(k::kMaxOcc), counted(n), "MAX_OCC when full");
    expect_error("ENQ into a full pool", wr_req(pp(0, pr::kEnq), task(1, 1)), er::kFull);
    expect_error("WAIT into a full pool", wr_req(pp(0, pr::wait(1)), task(1, 1)), er::kFull);
    expect_error("no quota: FULL", wr_req(pp(1, pr::kEnq), task(1, 1)), er::kFull);
    wr(k::quota(1), 1);
    expect_error("QUOTA before FULL", wr_req(pp(1, pr::kEnq), task(1, 1)), er::kQuota);
    wr(k::quota(1), 0);
    // Drain p0 and reuse the freed entries.
    std::vector<Req> drain(room, rd_req(pp(0, pr::kDeq)));
    uint32_t got = 0;
    for (const Resp& r : burst(drain)) got += r.rdata != 0 ? 1u : 0u;
    expect_eq(got, room, "every ENQ came back");
    expect_eq(rd(k::kFree), n - 2, "FREE after draining");
    wr(pp(0, pr::kEnq), task(2, 2));
    expect_eq(rd(pp(0, pr::kDeq)), task(2, 2), "entry from the free list");
    expect_consistent("after fill and drain");

    // ALIGN first of all (even on an absent page).
    expect_error("sub-word store", Req{true, pp(0, pr::kEnq), task(1, 1), 0, 0x3}, er::kAlign);
    expect_error("misaligned load", rd_req(pp(1, pr::kDeq) + 2), er::kAlign);
    expect_error("misaligned on the kernel page", rd_req(k::kFree + 1), er::kAlign);
    if (cfg_.num_procs < ats_intc::kMaxProcs) {  // with 15 slots every page exists
      const uint32_t absent = ats_intc::process_page(cfg_.num_procs);
      expect_error("sub-word on an absent page", Req{false, absent, 0, 0, 0x1}, er::kAlign);
      // ABSENT.
      expect_error("absent process page", rd_req(absent + pr::kDeq), er::kAbsent);
      expect_error("page 15", wr_req(0xF000u, 1), er::kAbsent);
    }
    // BAD_OFF.
    expect_error("read of ENQ (wo)", rd_req(pp(0, pr::kEnq)), er::kBadOff);
    expect_error("write of DEQ (ro)", wr_req(pp(0, pr::kDeq), 0), er::kBadOff);
    expect_error("undefined process offset", rd_req(pp(0, 0x018)), er::kBadOff);
    expect_error("process offset 0x800", wr_req(pp(0, 0x800), 0), er::kBadOff);
    expect_error("write of ID", wr_req(k::kId, 0), er::kBadOff);
    expect_error("read of FIRE", rd_req(k::fire(0)), er::kBadOff);
    expect_error("read of ITER_CTRL", rd_req(k::kIterCtrl), er::kBadOff);
    expect_error("kernel gap 0x030", rd_req(0x030), er::kBadOff);
    expect_error("kernel 0x518", rd_req(0x518), er::kBadOff);
    expect_error("PROC_CTRL[15] (no such register)", rd_req(k::kProcCtrl + 4 * 15), er::kBadOff);
    if (cfg_.num_procs < ats_intc::kMaxProcs) {
      expect_error("HELD of an absent process", rd_req(k::held(cfg_.num_procs)), er::kBadOff);
      expect_error("QUOTA of an absent process", wr_req(k::quota(cfg_.num_procs), 1), er::kBadOff);
    }
    if (cfg_.num_harts < ats_intc::kMaxHarts) {
      expect_error("HART_PROC of an absent hart", rd_req(k::hart_proc(cfg_.num_harts)),
                   er::kBadOff);
      expect_error("RUN_PRIO of an absent hart", wr_req(k::run_prio(cfg_.num_harts), 0),
                   er::kBadOff);
    }
    // DISABLED (before BAD_SRC and BAD_WORD); other registers still work.
    wr(k::proc_ctrl(1), k::kProcCtrlBusErrEnMask);
    expect_error("ENQ on a disabled process", wr_req(pp(1, pr::kEnq), 0), er::kDisabled);
    expect_error("DEQ on a disabled process", rd_req(pp(1, pr::kDeq)), er::kDisabled);
    expect_error("WAIT on a disabled process", wr_req(pp(1, pr::wait(63)), 0), er::kDisabled);
    expect_error("SEND on a disabled process", wr_req(pp(1, pr::send(2)), 0), er::kDisabled);
    expect_error("CANCEL on a disabled process", wr_req(pp(1, pr::cancel(0)), 0), er::kDisabled);
    expect_error("BAD_OFF before DISABLED", rd_req(pp(1, pr::kEnq)), er::kBadOff);
    expect_eq(rd(pp(1, pr::kHeld)), 2, "HELD of a disabled process is readable");
    wr(k::proc_ctrl(1), k::kProcCtrlEnableMask | k::kProcCtrlBusErrEnMask);
    // BAD_SRC.
    if (cfg_.num_irqs < 32) {
      expect_error("WAIT on an absent IRQ", wr_req(pp(0, pr::wait(31)), task(1, 1)), er::kBadSrc);
    }
    expect_error("SEND to a device IRQ", wr_req(pp(0, pr::send(0)), 0), er::kBadSrc);
    if (cfg_.num_channels < 32) {
      const uint32_t s = ats_intc::kFirstChannel + cfg_.num_channels;
      expect_error("SRC_CFG of an absent channel", wr_req(k::src_cfg(s), 0), er::kBadSrc);
      expect_error("FIRE of an absent channel", wr_req(k::fire(s), 0), er::kBadSrc);
      expect_error("SRC_STAT of an absent channel", rd_req(k::src_stat(s)), er::kBadSrc);
      expect_error("PENDING of an absent channel", rd_req(pp(0, pr::pending(s))), er::kBadSrc);
    }
    if (cfg_.num_irqs < 32) {
      expect_error("BAD_SRC before PERM", wr_req(pp(1, pr::cancel(cfg_.num_irqs)), 0), er::kBadSrc);
    }
    // PERM.
    const uint32_t ch = ats_intc::kFirstChannel;
    wr(k::src_cfg(ch), 0u | (0x2u << k::kSrcCfgSendersShift));  // owner 0, sender 1 only
    expect_error("SEND by a non-sender", wr_req(pp(0, pr::send(ch)), 0), er::kPerm);
    wr(pp(1, pr::send(ch)), 0);
    expect_eq(src_stat(ch), 1, "SEND by the sender counted");
    expect_error("WAIT by a non-owner", wr_req(pp(1, pr::wait(ch)), task(1, 1)), er::kPerm);
    expect_error("CANCEL by a non-owner", wr_req(pp(1, pr::cancel(ch)), task(1, 1)), er::kPerm);
    expect_error("PERM before BAD_WORD", wr_req(pp(1, pr::wait(ch)), 0), er::kPerm);
    // BAD_VALUE (field bits only).
    expect_error("SRC_CFG owner >= NUM_PROCS", wr_req(k::src_cfg(1), cfg_.num_procs),
                 er::kBadValue);
    if (cfg_.num_procs < 15) {
      expect_error("HART_PROC absent process", wr_req(k::hart_proc(0), cfg_.num_procs),
                   er::kBadValue);
      expect_error("HART_PROC 14", wr_req(k::hart_proc(0), 14), er::kBadValue);
    }
    wr(k::hart_proc(0), 15 | 0xFFF0u);  // none; reserved bits dropped
    expect_eq(rd(k::hart_proc(0)), 15, "HART_PROC none");
    expect_error("RUN_PRIO > NUM_PRIOS", wr_req(k::run_prio(0), np + 1), er::kBadValue);
    wr(k::run_prio(0), np | 0x40u);
    expect_eq(rd(k::run_prio(0)), np, "RUN_PRIO = NUM_PRIOS is allowed");
    expect_error("ITER_CTRL absent process", wr_req(k::kIterCtrl, cfg_.num_procs), er::kBadValue);
    // OWNER_BUSY.
    wr(k::src_cfg(3), 1);
    wr(pp(1, pr::wait(3)), task(4, 4));
    expect_error("owner change with waiters", wr_req(k::src_cfg(3), 0), er::kOwnerBusy);
    expect_error("BAD_VALUE before OWNER_BUSY", wr_req(k::src_cfg(3), 15), er::kBadValue);
    wr(k::src_cfg(3), 1u | k::kSrcCfgBroadcastMask);  // same owner: allowed
    expect_eq(rd(k::src_cfg(3)), 1u | k::kSrcCfgBroadcastMask, "SRC_CFG mode change");
    // Fields: reserved bits dropped, SENDERS/AFFINITY masked to the build.
    wr(k::src_cfg(4), 0xFFFF0000u);
    expect_eq(rd(k::src_cfg(4)), ((1u << cfg_.num_procs) - 1u) << 16, "SENDERS masked");
    wr(k::affinity(0), 0xFFFFFFFFu);
    expect_eq(rd(k::affinity(0)), (1u << cfg_.num_harts) - 1u, "AFFINITY masked");
    wr(k::quota(0), 0xFFFFFFFFu);
    expect_eq(rd(k::quota(0)), 0xFFFFu, "QUOTA 16 bits");
    wr(k::quota(0), 0);
    wr(k::proc_ctrl(1), 0xFFFFFFFFu & ~k::kProcCtrlResetMask);
    expect_eq(rd(k::proc_ctrl(1)), 3u, "PROC_CTRL fields");

    // Responses without BUS_ERR_EN: no err_o, but the error is still recorded.
    wr(k::proc_ctrl(1), k::kProcCtrlEnableMask);
    wr(pp(1, pr::kErr), 0x7FF);
    Resp r = access(rd_req(pp(1, pr::kEnq)));
    expect(!r.err && r.rdata == 0, "rejected read without BUS_ERR_EN: no err_o, data 0");
    expect_eq(model_.err(1), er::kBadOff, "error recorded without BUS_ERR_EN");
    wr(k::kCtrl, 0);
    wr(k::kGlobalErr, 0x7FF);
    r = access(rd_req(0x600));
    expect(!r.err, "kernel page without CTRL.BUS_ERR_EN: no err_o");
    wr(k::kCtrl, k::kCtrlBusErrEnMask);
    expect_eq(rd(k::kGlobalErr), er::kBadOff, "GLOBAL_ERR recorded");
    expect_eq(rd(k::kErrProcs), 1u << 1, "ERR_PROCS");
    // err_irq_o = CTRL.ERR_IRQ_EN and any error bit.
    expect(!out(cycle()).err_irq, "err_irq_o while ERR_IRQ_EN is 0");
    const Resp en = access(wr_req(k::kCtrl, k::kCtrlBusErrEnMask | k::kCtrlErrIrqEnMask));
    expect(!out(en.accept_edge).err_irq && out(en.accept_edge + 1).err_irq,
           "err_irq_o rises in the cycle after the CTRL write");
    wr(k::kGlobalErr, 0x7FF);
    expect(out(cycle()).err_irq, "err_irq_o while ERR[1] is set");
    const Resp clr = access(wr_req(pp(1, pr::kErr), 0x7FF));
    expect(!out(clr.accept_edge + 1).err_irq, "err_irq_o falls once every bit is clear");
    expect_eq(rd(k::kErrProcs), 0, "ERR_PROCS clear");
    if (cfg_.counters) expect(rd(k::kCntErr) > 20, "CNT_ERR counted the rejections");
    if (!cfg_.counters) expect_eq(rd(k::kCntErr), 0, "CNT_ERR reads 0 without COUNTERS");
    expect_consistent("after the error checks");
  }

  void cancel_removes_a_waiter_in_i_plus_2_steps() {
    prepare();
    const uint32_t s = 4;
    wr(k::src_cfg(s), 1);
    const uint32_t w[4] = {task(1, 1), task(2, 2), task(3, 3), task(4, 1)};
    for (uint32_t x : w) wr(pp(1, pr::wait(s)), x);
    // Middle (position 2): 4 steps.
    Resp r = access(wr_req(pp(1, pr::cancel(s)), w[2]));
    expect_gnt_low_run(r.accept_edge + 1, 4, "cancel at position 2");
    expect_eq(rd(pp(1, pr::kCancelSt)), 1, "CANCEL_ST after a hit");
    expect_eq(rd(k::held(1)), 3, "HELD after cancel");
    expect_eq(rd(k::kFree), cfg_.num_entries - 3, "FREE after cancel");
    // Miss in a queue of 3: 3 steps.
    r = access(wr_req(pp(1, pr::cancel(s)), task(9, 1)));
    expect_gnt_low_run(r.accept_edge + 1, 3, "cancel miss");
    expect_eq(rd(pp(1, pr::kCancelSt)), 0, "CANCEL_ST after a miss");
    // Tail (position 2 of 3): 4 steps; head: 2 steps.
    r = access(wr_req(pp(1, pr::cancel(s)), w[3]));
    expect_gnt_low_run(r.accept_edge + 1, 4, "cancel of the tail");
    r = access(wr_req(pp(1, pr::cancel(s)), w[0]));
    expect_gnt_low_run(r.accept_edge + 1, 2, "cancel of the head");
    expect_eq(rd(pp(1, pr::kCancelSt)), 1, "CANCEL_ST after the head");
    // The remaining waiter still wakes; the queue is intact.
    wr(k::fire(s), 0);
    expect_eq(rd(pp(1, pr::kDeq)), w[1], "remaining waiter");
    expect_eq(src_stat(s), 0, "queue empty");
    // Empty queue: no walk at all, CANCEL_ST = 0.
    r = access(wr_req(pp(1, pr::cancel(s)), w[1]));
    expect_eq(gnt_low(r.accept_edge, r.accept_edge + 6), 0, "cancel on an empty queue");
    expect_eq(rd(pp(1, pr::kCancelSt)), 0, "CANCEL_ST on an empty queue");
    // Duplicates: only the first equal entry goes; a single waiter (head and tail).
    wr(pp(1, pr::wait(s)), w[0]);
    wr(pp(1, pr::wait(s)), w[0]);
    r = access(wr_req(pp(1, pr::cancel(s)), w[0]));
    expect_gnt_low_run(r.accept_edge + 1, 2, "cancel of one duplicate");
    expect_eq(src_stat(s), k::kSrcStatWaitingMask, "the other duplicate still waits");
    r = access(wr_req(pp(1, pr::cancel(s)), w[0]));
    expect_gnt_low_run(r.accept_edge + 1, 2, "cancel of the only waiter");
    expect_eq(src_stat(s), 0, "queue empty after cancelling the only waiter");
    expect_eq(rd(k::held(1)), 0, "HELD back to 0");
    expect_eq(rd(k::kFree), cfg_.num_entries, "every entry back in the pool");
    // Pending events are untouched by cancel.
    expect_consistent("after cancel");
  }

  void back_to_back_requests_after_a_walk_start() {
    prepare();
    // A CANCEL_ST read right behind the CANCEL runs before the walk (old value),
    // and a second CANCEL right behind is deferred, not lost (§6 clarification).
    wr(k::src_cfg(3), 0);
    wr(k::src_cfg(4), 0);
    const uint32_t a = task(1, 1), b = task(2, 1), c = task(3, 1), d = task(4, 1);
    for (uint32_t w : {a, b, c}) wr(pp(0, pr::wait(3)), w);
    wr(pp(0, pr::wait(4)), d);
    std::vector<Resp> r = burst({wr_req(pp(0, pr::cancel(3)), c), rd_req(pp(0, pr::kCancelSt))});
    expect_eq(r[1].accept_edge, r[0].accept_edge + 1, "read accepted right behind the CANCEL");
    expect_eq(r[1].rdata, 0, "CANCEL_ST read before the walk's first step");
    idle(8);
    expect_eq(rd(pp(0, pr::kCancelSt)), 1, "CANCEL_ST after the walk");
    wr(pp(0, pr::wait(3)), c);
    r = burst({wr_req(pp(0, pr::cancel(3)), c), wr_req(pp(0, pr::cancel(4)), d)});
    expect_eq(r[1].accept_edge, r[0].accept_edge + 1, "second CANCEL accepted back to back");
    // 1 cycle for the second store, 4 steps, 1 deferred start, 2 steps.
    expect_gnt_low_run(r[0].accept_edge + 1, 8, "two cancels back to back");
    expect_eq(src_stat(4), 0, "the deferred CANCEL removed its waiter");
    expect_eq(rd(k::held(0)), 2, "both cancelled entries freed");
    expect_eq(rd(pp(0, pr::kCancelSt)), 1, "CANCEL_ST of the deferred cancel");
    // Deferred CANCEL on an empty queue: 1 step that only writes CANCEL_ST.
    wr(pp(0, pr::wait(3)), c);
    r = burst({wr_req(pp(0, pr::cancel(3)), a), wr_req(pp(0, pr::cancel(4)), d)});
    expect_gnt_low_run(r[0].accept_edge + 1, 1 + 2 + 1, "cancel then deferred empty cancel");
    expect_eq(rd(pp(0, pr::kCancelSt)), 0, "deferred cancel on an empty queue");
    expect_eq(rd(k::held(0)), 2, "HELD");
    // Two process resets back to back: both processes are emptied.
    wr(pp(1, pr::kEnq), task(5, 5));
    wr(pp(1, pr::kEnq), task(6, 6));
    wr(pp(1, pr::kEnq), task(7, 0));
    r = burst({wr_req(k::proc_ctrl(0), k::kProcCtrlEnableMask | k::kProcCtrlResetMask),
               wr_req(k::proc_ctrl(1), k::kProcCtrlEnableMask | k::kProcCtrlResetMask)});
    expect_gnt_low_run(r[0].accept_edge + 1, 1 + 2 + 3, "two resets back to back");
    expect_eq(rd(k::held(0)), 0, "HELD[0] after reset");
    expect_eq(rd(k::held(1)), 0, "HELD[1] after reset");
    expect_eq(rd(k::kFree), cfg_.num_entries, "pool full again");
    // A WAIT right behind a CANCEL on the same queue is searched too.
    wr(pp(0, pr::wait(3)), a);
    r = burst({wr_req(pp(0, pr::cancel(3)), b), wr_req(pp(0, pr::wait(3)), b)});
    expect_gnt_low_run(r[0].accept_edge + 1, 1 + 3, "cancel finds a WAIT stored behind it");
    expect_eq(rd(pp(0, pr::kCancelSt)), 1, "found the late waiter");
    expect_eq(rd(k::held(0)), 1, "HELD");
    expect_consistent("after back-to-back walks");
  }

  void process_reset_returns_every_entry() {
    prepare();
    const uint32_t ch = ats_intc::kFirstChannel + 2;
    wr(k::src_cfg(5), 1);
    wr(k::src_cfg(6), 1);
    wr(k::src_cfg(ch), 1);
    wr(pp(1, pr::kEnq), task(1, 3));
    wr(pp(1, pr::kEnq), task(2, 0));
    wr(pp(1, pr::kEnq), task(3, 3));
    wr(pp(1, pr::wait(5)), task(4, 1));
    wr(pp(1, pr::wait(5)), task(5, 1));
    wr(pp(1, pr::wait(ch)), task(6, 2));
    wr(pp(0, pr::kEnq), task(7, 2));  // another process keeps its entry
    for (int i = 0; i < 3; ++i) wr(k::fire(6), 0);
    std::vector<Req> ovf(260, wr_req(k::fire(6), 0));
    burst(ovf);
    expect_eq(src_stat(6), 255u | k::kSrcStatOverflowMask, "overflowed source of p1");
    wr(k::fire(7), 0);                // source 7 is owned by 0
    access(rd_req(pp(1, pr::kEnq)));  // an error in ERR[1]
    wr(pp(1, pr::wait(5)), task(8, 1));
    wr(pp(1, pr::cancel(5)), task(8, 1));  // CANCEL_ST[1] = 1
    expect_eq(rd(pp(1, pr::kCancelSt)), 1, "CANCEL_ST set");
    const uint32_t held = rd(k::held(1));
    expect_eq(held, 6, "HELD before reset");
    wr(k::kIterCtrl, 1);
    expect_eq(rd(k::kIterNext), task(2, 0), "iterator before reset");
    const Resp r = access(wr_req(k::proc_ctrl(1), k::kProcCtrlEnableMask | k::kProcCtrlResetMask));
    expect_gnt_low_run(r.accept_edge + 1, held, "one reset step per held entry");
    expect_eq(rd(k::held(1)), 0, "HELD after reset");
    expect_eq(rd(k::kFree), cfg_.num_entries - 1, "entries back in the pool");
    expect_eq(rd(k::proc_ctrl(1)), k::kProcCtrlEnableMask,
              "PROC_CTRL: fields written, RESET reads 0");
    expect_eq(rd(pp(1, pr::kErr)), 0, "ERR cleared");
    expect_eq(rd(pp(1, pr::kCancelSt)), 0, "CANCEL_ST cleared");
    expect_eq(src_stat(6), 0, "PENDING and OVERFLOW of an owned source cleared");
    expect_eq(src_stat(5), 0, "wait queue emptied");
    expect_eq(src_stat(ch), 0, "channel wait queue emptied");
    expect_eq(src_stat(7), 1, "a source of another process keeps its PENDING");
    expect_eq(rd(pp(1, pr::kDeq)), 0, "no ready task left");
    expect_eq(rd(pp(0, pr::kDeq)), task(7, 2), "the other process kept its task");
    expect(rd(k::kIterWhere) & k::kIterWhereStaleMask, "iterator stale after a reset step");
    expect_eq(rd(k::kIterNext), 0, "stale iterator returns 0");
    // Reset with nothing held: no walk.
    const Resp r2 = access(wr_req(k::proc_ctrl(1), k::kProcCtrlResetMask));
    expect_eq(gnt_low(r2.accept_edge, r2.accept_edge + 5), 0, "reset of an empty process");
    expect_eq(rd(k::proc_ctrl(1)), 0, "process disabled by the write");
    // The reset process works again afterwards.
    wr(k::proc_ctrl(1), k::kProcCtrlEnableMask | k::kProcCtrlBusErrEnMask);
    wr(pp(1, pr::wait(5)), task(9, 2));
    wr(k::fire(5), 0);
    expect_eq(rd(pp(1, pr::kDeq)), task(9, 2), "process usable after reset");
    expect_consistent("after process reset");
  }

  void iterator_exports_every_task_word_in_order() {
    prepare();
    const uint32_t ch = ats_intc::kFirstChannel + 2;
    wr(k::src_cfg(7), 1);
    wr(k::src_cfg(2), 1);
    wr(k::src_cfg(ch), 1);
    const uint32_t a = task(1, 3), b = task(2, 3), c = task(3, 0), d = task(4, 1), e = task(5, 2),
                   f = task(6, 4), g = task(7, 5);
    wr(pp(1, pr::kEnq), a);
    wr(pp(1, pr::wait(7)), d);
    wr(pp(1, pr::kEnq), b);
    wr(pp(1, pr::wait(ch)), f);
    wr(pp(1, pr::kEnq), c);
    wr(pp(1, pr::wait(7)), e);
    wr(pp(1, pr::wait(2)), g);
    wr(pp(0, pr::kEnq), task(8, 0));  // another process: not exported
    wr(k::kIterCtrl, 1);
    expect_eq(rd(k::kIterWhere), 0, "ITER_WHERE after ITER_CTRL");
    struct Item {
      uint32_t word, where;
    };
    const Item items[] = {{c, 0},
                          {a, 3},
                          {b, 3},
                          {g, k::kIterWhereWaitingMask | 2},
                          {d, k::kIterWhereWaitingMask | 7},
                          {e, k::kIterWhereWaitingMask | 7},
                          {f, k::kIterWhereWaitingMask | ch}};
    for (const Item& it : items) {
      expect_eq(rd(k::kIterNext), it.word, "ITER_NEXT order");
      expect_eq(rd(k::kIterWhere), it.where, "ITER_WHERE");
    }
    expect_eq(rd(k::kIterNext), 0, "ITER_NEXT at the end");
    expect_eq(rd(k::kIterWhere), k::kIterWhereWaitingMask | ch, "ITER_WHERE kept at the end");
    expect_eq(rd(k::kIterNext), 0, "ITER_NEXT stays 0");
    expect_eq(rd(k::held(1)), 7, "reading changed no queue");
    // Changes to another process do not make it stale.
    wr(k::kIterCtrl, 1);
    expect_eq(rd(k::kIterNext), c, "fresh after ITER_CTRL");
    wr(pp(0, pr::kEnq), task(9, 1));
    expect_eq(rd(pp(0, pr::kDeq)), task(8, 0), "DEQ of process 0");
    expect_eq(rd(k::kIterWhere), 0, "not stale after changes to another process");
    expect_eq(rd(k::kIterNext), a, "continues");
    // A DEQ that returns a task makes it stale; a DEQ that returns 0 would not.
    expect_eq(rd(pp(1, pr::kDeq)), c, "DEQ");
    expect_eq(rd(k::kIterNext), 0, "stale iterator returns 0");
    expect_eq(rd(k::kIterWhere), k::kIterWhereStaleMask | 3, "STALE with the last place");
    wr(k::kIterCtrl, 1);
    expect_eq(rd(k::kIterNext), a, "fresh again, c is gone");
    // A wake step of a source the process owns makes it stale.
    wr(k::fire(7), 0);
    expect_eq(rd(k::kIterNext), 0, "stale after a wake");
    wr(k::kIterCtrl, 1);
    for (uint32_t w : {d, a, b, g, e, f}) expect_eq(rd(k::kIterNext), w, "order after the wake");
    // Failed ENQ: not stale.
    wr(k::kIterCtrl, 1);
    access(wr_req(pp(1, pr::kEnq), 0));
    expect_eq(rd(k::kIterNext), d, "a rejected ENQ changes nothing");
    // ENQ, WAIT and cancel make it stale.
    wr(pp(1, pr::kEnq), task(10, 7));
    expect_eq(rd(k::kIterNext), 0, "stale after ENQ");
    wr(k::kIterCtrl, 1);
    wr(pp(1, pr::wait(2)), task(11, 7));
    expect_eq(rd(k::kIterNext), 0, "stale after WAIT");
    wr(k::kIterCtrl, 1);
    wr(pp(1, pr::cancel(2)), task(99, 1));  // miss: no unlink, no free
    expect_eq(rd(k::kIterNext), d, "a cancel miss changes nothing");
    wr(pp(1, pr::cancel(2)), task(11, 7));
    expect_eq(rd(k::kIterNext), 0, "stale after a cancel hit");
    // An empty process: 0 at once.
    wr(k::kIterCtrl, 0);
    expect_eq(rd(k::kIterNext), task(9, 1), "process 0");
    expect_eq(rd(k::kIterNext), 0, "process 0 end");
    expect_consistent("after the iterator");
  }

  void irq_edge_to_deq_in_two_cycles() {
    prepare();
    const uint32_t w = task(1, 2);
    wr(pp(0, pr::wait(0)), w);  // source 0 is owned by process 0, HART_PROC[0] = 0
    idle(2);
    const uint64_t k = cycle() + 1;  // the edge that samples the rising line
    set_irq(0, true);
    tick();  // cycle k
    expect(!out(k).gnt, "gnt_o low in cycle k (wake outstanding)");
    expect((out(k).work & 1u) == 0, "work_o still low in cycle k");
    tick();  // cycle k+1
    expect(out(k + 1).gnt, "gnt_o high again in cycle k+1");
    expect((out(k + 1).work & 1u) != 0, "work_o rises in cycle k+1");
    const Resp r = access(rd_req(pp(0, pr::kDeq)));
    expect_eq(r.accept_edge, k + 2, "DEQ accepted at edge k+2");
    expect_eq(r.rdata, w, "DEQ at edge k+2 returns the woken task");
    expect_eq(src_stat(0), 0, "event matched");

    // A request granted at edge k goes first; the wake runs at edge k+1.
    set_irq(0, false);
    wr(pp(0, pr::wait(0)), w);
    idle(1);
    const uint64_t k2 = cycle() + 1;
    set_irq(0, true);
    present(rd_req(k::kId));
    tick();  // cycle k2
    req_.write(false);
    expect(!out(k2).gnt, "gnt_o low in cycle k (wake outstanding)");
    tick();  // cycle k2+1
    expect(!out(k2 + 1).gnt, "gnt_o still low in cycle k+1 (wake runs at edge k+1)");
    expect_eq(out(k2 + 1).rdata, ats_intc::kIpId, "the granted read was served first");
    expect((out(k2 + 1).work & 1u) == 0, "work_o low until the wake ran");
    tick();  // cycle k2+2
    expect(out(k2 + 2).gnt && (out(k2 + 2).work & 1u), "gnt_o and work_o high in cycle k+2");
    const Resp r2 = access(rd_req(pp(0, pr::kDeq)));
    expect_eq(r2.accept_edge, k2 + 3, "DEQ accepted at edge k+3");
    expect_eq(r2.rdata, w, "woken task");
  }

  void send_to_ready_in_two_cycles() {
    prepare();
    const uint32_t ch = ats_intc::kFirstChannel;
    wr(k::src_cfg(ch), 0u | (1u << k::kSrcCfgSendersShift));
    const uint32_t w = task(1, 1);
    wr(pp(0, pr::wait(ch)), w);
    const Resp s = access(wr_req(pp(0, pr::send(ch)), 0));
    const uint64_t k = s.accept_edge;
    // access() returns in cycle k+1; the DEQ presented now waits for gnt_o.
    expect(out(k).gnt, "gnt_o high in cycle k (decided before the SEND ran)");
    expect(!out(k + 1).gnt, "gnt_o low in cycle k+1");
    const Resp d = access(rd_req(pp(0, pr::kDeq)));
    expect_eq(d.accept_edge, k + 3, "DEQ accepted at edge k+3");
    expect_eq(d.rdata, w, "DEQ returns the woken task");
    // A DEQ presented right behind the SEND is accepted at k+1, before the wake.
    wr(pp(0, pr::wait(ch)), w);
    std::vector<Resp> r = burst({wr_req(pp(0, pr::send(ch)), 0), rd_req(pp(0, pr::kDeq))});
    expect_eq(r[1].accept_edge, r[0].accept_edge + 1, "back to back");
    expect_eq(r[1].rdata, 0, "DEQ right behind the SEND runs before the wake");
    expect_gnt_low_run(r[0].accept_edge + 1, 2, "gnt_o low for the DEQ and the wake");
    expect_eq(rd(pp(0, pr::kDeq)), w, "then the task is there");
    // FIRE behaves the same.
    wr(pp(0, pr::wait(ch)), w);
    const Resp f = access(wr_req(k::fire(ch), 0));
    const Resp d2 = access(rd_req(pp(0, pr::kDeq)));
    expect_eq(d2.accept_edge, f.accept_edge + 3, "FIRE: DEQ accepted at k+3");
    expect_eq(d2.rdata, w, "FIRE: woken task");
  }

  void back_to_back_one_operation_per_cycle() {
    prepare();
    std::vector<Req> reqs;
    for (uint32_t i = 0; i < 16; ++i) reqs.push_back(wr_req(pp(0, pr::kEnq), task(i + 1, i % 4)));
    for (uint32_t i = 0; i < 16; ++i) reqs.push_back(rd_req(pp(0, pr::kDeq)));
    reqs.push_back(rd_req(pp(0, pr::kDeq)));
    reqs.push_back(rd_req(k::kFree));
    const std::vector<Resp> r = burst(reqs);
    for (size_t i = 1; i < r.size(); ++i) {
      expect_eq(r[i].accept_edge, r[0].accept_edge + i, "accepted on consecutive edges");
    }
    for (size_t i = 0; i < r.size(); ++i) {
      expect_eq(r[i].resp_cycle, r[i].accept_edge + 1, "response one cycle after acceptance");
      expect(!r[i].err, "no error");
    }
    uint32_t idx = 16;
    for (uint32_t prio = 0; prio < 4; ++prio) {
      for (uint32_t i = prio; i < 16; i += 4) expect_eq(r[idx++].rdata, task(i + 1, prio), "DEQ");
    }
    expect_eq(r[32].rdata, 0, "empty");
    expect_eq(r[33].rdata, cfg_.num_entries, "FREE");
    // Mixed reads and writes, one per cycle, every response in order.
    std::vector<Req> mix = {wr_req(k::quota(0), 9), rd_req(k::quota(0)), wr_req(k::quota(0), 3),
                            rd_req(k::quota(0)), rd_req(k::kId)};
    const std::vector<Resp> m = burst(mix);
    expect_eq(m[1].rdata, 9, "read sees the write accepted just before");
    expect_eq(m[3].rdata, 3, "read sees the write accepted just before");
    expect_eq(m[4].rdata, ats_intc::kIpId, "ID");
    expect_eq(m[4].accept_edge, m[0].accept_edge + 4, "five operations in five cycles");
  }

  void work_and_preempt_lines_follow_the_queues() {
    prepare();
    const uint32_t np = cfg_.num_prios;
    // hart 0 runs process 0 (idle); process 1 may run on hart 0.
    const Resp e = access(wr_req(pp(1, pr::kEnq), task(1, 2)));
    expect((out(e.accept_edge).preempt & 1u) == 0, "preempt_o low before the ENQ ran");
    expect((out(e.accept_edge + 1).preempt & 1u) != 0, "preempt_o high the cycle after");
    expect((out(cycle()).work & 1u) == 0, "work_o: process 0 has nothing");
    wr(k::run_prio(0), 2);
    expect((out(cycle()).preempt & 1u) == 0, "preempt_o needs a strictly more urgent task");
    wr(k::run_prio(0), 3);
    expect((out(cycle()).preempt & 1u) != 0, "preempt_o with RUN_PRIO 3");
    wr(k::affinity(1), 0);
    expect((out(cycle()).preempt & 1u) == 0, "preempt_o needs the affinity bit");
    wr(k::affinity(1), 1);
    wr(k::proc_ctrl(1), 0);
    expect((out(cycle()).preempt & 1u) == 0, "preempt_o needs an enabled process");
    expect_eq(rd(k::kBest), 0, "BEST ignores disabled processes");
    wr(k::proc_ctrl(1), k::kProcCtrlEnableMask | k::kProcCtrlBusErrEnMask);
    expect_eq(rd(k::kBest), k::kBestValidMask | (1u << 8) | 2u, "BEST");
    // HART_PROC[0] = 1: work for hart 0, no preempt by its own process.
    wr(k::hart_proc(0), 1);
    expect((out(cycle()).work & 1u) != 0, "work_o: process 1 has a ready task");
    expect((out(cycle()).preempt & 1u) == 0, "no preempt by the running process");
    // BEST prefers the lower priority value, then the lower process.
    wr(pp(0, pr::kEnq), task(2, 2));
    expect_eq(rd(k::kBest), k::kBestValidMask | 2u, "BEST tie goes to process 0");
    expect((out(cycle()).preempt & 1u) != 0, "process 0 prio 2 preempts RUN_PRIO 3");
    wr(pp(0, pr::kEnq), task(3, 1));
    expect_eq(rd(k::kBest), k::kBestValidMask | 1u, "BEST");
    // DEQ by hart 0 on process 1 sets RUN_PRIO.
    expect_eq(rd(pp(1, pr::kDeq), 0), task(1, 2), "DEQ");
    expect_eq(rd(k::run_prio(0)), 2, "RUN_PRIO from the DEQ");
    expect((out(cycle()).work & 1u) == 0, "work_o: process 1 empty");
    expect((out(cycle()).preempt & 1u) != 0, "process 0 prio 1 preempts RUN_PRIO 2");
    wr(k::hart_proc(0), 15);
    expect((out(cycle()).work & 1u) == 0, "no work without a process");
    expect_eq(rd(pp(0, pr::kDeq), 0), task(3, 1), "DEQ");
    expect_eq(rd(pp(0, pr::kDeq), 0), task(2, 2), "DEQ");
    expect_eq(rd(k::run_prio(0)), 2, "RUN_PRIO untouched when HART_PROC is none");
    wr(k::run_prio(0), np);
    expect(out(cycle()).preempt == 0 && out(cycle()).work == 0, "lines idle");
    // Every hart of the build.
    if (cfg_.num_harts > 1) {
      for (uint32_t h = 0; h < cfg_.num_harts; ++h) wr(k::hart_proc(h), 0);
      wr(k::affinity(1), 1u << (cfg_.num_harts - 1));
      wr(pp(1, pr::kEnq), task(4, 0));
      expect_eq(out(cycle()).preempt, 1u << (cfg_.num_harts - 1),
                "preempt only on the affine hart");
      wr(k::hart_proc(1), 1);
      expect_eq(out(cycle()).work, 1u << 1, "work only on the hart running process 1");
      expect_eq(rd(pp(1, pr::kDeq), 1), task(4, 0), "DEQ by hart 1");
      expect_eq(rd(k::run_prio(1)), 0, "RUN_PRIO[1] from a DEQ by hart 1");
      expect_eq(rd(k::run_prio(0)), np, "RUN_PRIO[0] untouched");
    }
  }

  // ---- runner -------------------------------------------------------------

  void driver() {
    wait(clk_.negedge_event());
    const std::vector<std::pair<const char*, void (Bench::*)()>> scenarios = {
        {"reset_state_matches_the_contract", &Bench::reset_state_matches_the_contract},
        {"enq_deq_fifo_within_a_level_most_urgent_first",
         &Bench::enq_deq_fifo_within_a_level_most_urgent_first},
        {"wake_one_moves_the_oldest_waiter", &Bench::wake_one_moves_the_oldest_waiter},
        {"broadcast_moves_every_waiter_one_per_cycle",
         &Bench::broadcast_moves_every_waiter_one_per_cycle},
        {"pending_counts_irq_edges_and_saturates", &Bench::pending_counts_irq_edges_and_saturates},
        {"quota_full_and_every_error_check", &Bench::quota_full_and_every_error_check},
        {"cancel_removes_a_waiter_in_i_plus_2_steps",
         &Bench::cancel_removes_a_waiter_in_i_plus_2_steps},
        {"back_to_back_requests_after_a_walk_start",
         &Bench::back_to_back_requests_after_a_walk_start},
        {"process_reset_returns_every_entry", &Bench::process_reset_returns_every_entry},
        {"iterator_exports_every_task_word_in_order",
         &Bench::iterator_exports_every_task_word_in_order},
        {"irq_edge_to_deq_in_two_cycles", &Bench::irq_edge_to_deq_in_two_cycles},
        {"send_to_ready_in_two_cycles", &Bench::send_to_ready_in_two_cycles},
        {"back_to_back_one_operation_per_cycle", &Bench::back_to_back_one_operation_per_cycle},
        {"work_and_preempt_lines_follow_the_queues",
         &Bench::work_and_preempt_lines_follow_the_queues},
    };
    for (const auto& [name, fn] : scenarios) {
      if (!only_.empty() && only_ != name) continue;
      scenario_ = name;
      scenario_failures_ = 0;
      ++scenarios_run_;
      (this->*fn)();
      idle(4);
      expect_consistent("end of scenario");
      if (scenario_failures_ == 0) {
        std::printf("  ok   %s\n", name);
      } else {
        ++scenarios_failed_;
        std::printf("  FAILED %s (%d checks)\n", name, scenario_failures_);
      }
    }
    sc_core::sc_stop();
  }

  sc_core::sc_clock clk_;
  sc_core::sc_signal<bool> rst_n_{"rst_n", false}, req_{"req"}, we_{"we"};
  sc_core::sc_signal<sc_uint<4>> be_{"be"};
  sc_core::sc_signal<sc_uint<16>> addr_{"addr"};
  sc_core::sc_signal<sc_uint<32>> wdata_{"wdata"};
  sc_core::sc_signal<sc_uint<2>> hart_{"hart"};
  sc_core::sc_signal<sc_uint<32>> irq_{"irq"};
  sc_core::sc_signal<bool> gnt_{"gnt"}, rvalid_{"rvalid"}, err_{"err"}, err_irq_{"err_irq"};
  sc_core::sc_signal<sc_uint<32>> rdata_{"rdata"};
  sc_core::sc_signal<sc_uint<4>> work_{"work"}, preempt_{"preempt"};

  AtsIntcModel model_;
  AtsIntcConfig cfg_;
  std::string only_;
  uint64_t edges_ = 0;
  uint32_t irq_levels_ = 0;
  std::map<uint64_t, Outputs> hist_;
  std::set<uint64_t> expected_resp_;
  std::set<uint64_t> reset_cycle_;
  std::string scenario_;
  int failures_ = 0;
  int scenario_failures_ = 0;
  int scenarios_failed_ = 0;
  int scenarios_run_ = 0;
};

int usage(const char* why) {
  std::fprintf(stderr,
               "intc_model_test: %s\nusage: intc_model_test --config default|small|wide "
               "[--only SCENARIO]\n",
               why);
  return 2;
}

}  // namespace

int sc_main(int argc, char** argv) {
  std::string config = "default";
  std::string only;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
    const std::string v = argv[++i];
    if (a == "--config") {
      config = v;
    } else if (a == "--only") {
      only = v;
    } else {
      return usage(("unknown option " + a).c_str());
    }
  }
  AtsIntcConfig cfg;
  if (config == "default") {
    cfg = AtsIntcConfig::default_config();
  } else if (config == "small") {
    cfg = AtsIntcConfig::small_config();
  } else if (config == "wide") {  // the architectural maxima, several harts
    cfg = AtsIntcConfig{15, 32, 1024, 32, 32, 4, true};
  } else {
    return usage(("unknown config '" + config + "'").c_str());
  }
  std::printf(
      "intc_model_test: config %s (%u procs, %u prios, %u entries, %u irqs, "
      "%u channels, %u harts, counters %d)\n",
      config.c_str(), cfg.num_procs, cfg.num_prios, cfg.num_entries, cfg.num_irqs, cfg.num_channels,
      cfg.num_harts, cfg.counters ? 1 : 0);
  // Silences the kernel's "Simulation stopped by user." note (INFO only).
  sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO,
                                          sc_core::SC_DO_NOTHING);
  Bench bench("bench", cfg, only);
  sc_core::sc_start();
  if (bench.scenarios_run() == 0) return usage(("no scenario named " + only).c_str());
  std::printf("intc_model_test: %d of %d scenarios passed, %d failed checks\n",
              bench.scenarios_run() - bench.scenarios_failed(), bench.scenarios_run(),
              bench.failures());
  return bench.failures() == 0 ? 0 : 1;
}
