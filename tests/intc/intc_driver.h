// IntcDriver: drives a Verilated ATS-INTC (Vintc_default, Vintc_small) through
// its native OBI-like port, cycle by cycle, for the directed GoogleTest suite.
//
// Cycle convention (docs/ats_intc.md §3): tick() performs one rising edge with
// the inputs as they are now; afterwards the outputs are those of the new cycle
// and inputs set now are sampled at the next edge. So "cycle k" is what the
// test sees after the tick() that performed edge k.
//
// write()/read() run the handshake: the request is presented, held until an
// edge with gnt_o high accepts it, and the response is taken from the cycle
// after that edge. They return {rdata, err, cycles} where cycles counts the
// edges from presenting the request to the response (2 when granted at once).
// drive()/release() give raw control for timing tests. Every tick checks the
// port rule "outside a response rvalid_o = 0, rdata_o = 0, err_o = 0".
//
// IntcTest<V> is the typed fixture: a reset driver, the build parameters read
// from CFG0/CFG1, and short helpers for the registers the tests use.
#pragma once

#include <gtest/gtest.h>
#include <verilated.h>

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "Vintc_default.h"
#include "Vintc_small.h"
#include "ats_intc_regs.h"

namespace intc_test {

namespace k = ats_intc::kernel;
namespace pr = ats_intc::process;
namespace er = ats_intc::err;

struct Resp {
  uint32_t rdata = 0;
  bool err = false;
  uint32_t cycles = 0;
};

// Build parameters as the controller reports them in CFG0/CFG1.
struct Config {
  uint32_t procs = 0;
  uint32_t prios = 0;
  uint32_t harts = 0;
  bool counters = false;
  uint32_t entries = 0;
  uint32_t irqs = 0;
  uint32_t channels = 0;
};

template <class V>
class IntcDriver {
 public:
  static constexpr uint32_t kMaxWait = 4096;  // cycles a request may wait for gnt_o

  IntcDriver() : ctx_(std::make_unique<VerilatedContext>()) {
    ctx_->randReset(2);  // registers start random: reset must clear what matters
    dut_ = std::make_unique<V>(ctx_.get(), "dut");
    dut_->clk_i = 0;
    dut_->rst_ni = 0;
    dut_->req_i = 0;
    dut_->we_i = 0;
    dut_->be_i = 0xF;
    dut_->addr_i = 0;
    dut_->wdata_i = 0;
    dut_->hart_i = 0;
    dut_->irq_i = 0;
    dut_->eval();
  }
  ~IntcDriver() { dut_->final(); }
  IntcDriver(const IntcDriver&) = delete;
  IntcDriver& operator=(const IntcDriver&) = delete;

  V& dut() { return *dut_; }
  uint64_t cycle() const { return cycle_; }
  const Config& cfg() const { return cfg_; }

  // One rising edge.
  void tick() {
    dut_->clk_i = 0;
    dut_->eval();
    dut_->clk_i = 1;
    dut_->eval();
    ++cycle_;
    if (out_of_reset_ && !dut_->rvalid_o) {
      EXPECT_EQ(dut_->rdata_o, 0u) << "rdata_o outside a response, cycle " << cycle_;
      EXPECT_FALSE(dut_->err_o) << "err_o outside a response, cycle " << cycle_;
    }
  }
  void idle(unsigned n) {
    release();
    for (unsigned i = 0; i < n; ++i) tick();
  }

  // Synchronous reset for `cycles` edges, then one edge out of reset; reads the
  // build parameters. Afterwards the controller is idle with gnt_o high.
  void reset(unsigned cycles = 2) {
    release();
    dut_->rst_ni = 0;
    for (unsigned i = 0; i < cycles; ++i) tick();
    EXPECT_FALSE(dut_->gnt_o) << "gnt_o during reset";
    EXPECT_FALSE(dut_->rvalid_o);
    dut_->rst_ni = 1;
    out_of_reset_ = true;
    tick();
    EXPECT_TRUE(dut_->gnt_o) << "gnt_o after reset";
    const uint32_t c0 = read(k::kCfg0).rdata;
    const uint32_t c1 = read(k::kCfg1).rdata;
    cfg_.procs = (c0 & k::kCfg0NumProcsMask) >> k::kCfg0NumProcsShift;
    cfg_.prios = (c0 & k::kCfg0NumPriosMask) >> k::kCfg0NumPriosShift;
    cfg_.harts = (c0 & k::kCfg0NumHartsMask) >> k::kCfg0NumHartsShift;
    cfg_.counters = (c0 & k::kCfg0CountersMask) != 0;
    cfg_.entries = (c1 & k::kCfg1NumEntriesMask) >> k::kCfg1NumEntriesShift;
    cfg_.irqs = (c1 & k::kCfg1NumIrqsMask) >> k::kCfg1NumIrqsShift;
    cfg_.channels = (c1 & k::kCfg1NumChannelsMask) >> k::kCfg1NumChannelsShift;
  }

  // Raw request drive: the fields stay until changed.
  void drive(bool we, uint32_t addr, uint32_t wdata = 0, uint32_t hart = 0, uint32_t be = 0xF) {
    dut_->req_i = 1;
    dut_->we_i = we;
    dut_->addr_i = addr & 0xFFFFu;
    dut_->wdata_i = wdata;
    dut_->hart_i = hart;
    dut_->be_i = be;
  }
  void release() { dut_->req_i = 0; }

  // Full handshake, see the file comment.
  Resp access(bool we, uint32_t addr, uint32_t wdata, uint32_t hart, uint32_t be) {
    Resp r;
    drive(we, addr, wdata, hart, be);
    for (;;) {
      const bool granted = dut_->gnt_o;
      tick();
      ++r.cycles;
      if (granted) break;
      if (r.cycles > kMaxWait) {
        ADD_FAILURE() << "request to 0x" << std::hex << addr << " never granted";
        release();
        return r;
      }
    }
    release();
    tick();
    ++r.cycles;
    EXPECT_TRUE(dut_->rvalid_o) << "no response one cycle after acceptance, addr 0x" << std::hex
                                << addr;
    r.rdata = dut_->rdata_o;
    r.err = dut_->err_o;
    if (we) {
      EXPECT_EQ(r.rdata, 0u) << "a write answered with data";
    }
    return r;
  }
  Resp write(uint32_t addr, uint32_t wdata, uint32_t hart = 0, uint32_t be = 0xF) {
    return access(true, addr, wdata, hart, be);
  }
  Resp read(uint32_t addr, uint32_t hart = 0, uint32_t be = 0xF) {
    return access(false, addr, 0, hart, be);
  }

  void set_irq(unsigned i, bool level) {
    const uint32_t bit = 1u << i;
    dut_->irq_i = level ? (dut_->irq_i | bit) : (dut_->irq_i & ~bit);
  }

  // Ticks (request released) while gnt_o is low; returns how many cycles,
  // counting the current one, gnt_o was low.
  unsigned gnt_low_cycles() {
    release();
    unsigned n = 0;
    while (!dut_->gnt_o && n <= kMaxWait) {
      ++n;
      tick();
    }
    EXPECT_LE(n, kMaxWait) << "gnt_o stuck low";
    return n;
  }

 private:
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<V> dut_;
  uint64_t cycle_ = 0;
  bool out_of_reset_ = false;
  Config cfg_;
};

// Names the typed tests after the configuration.
struct ConfigName {
  template <class V>
  static std::string GetName(int) {
    if (std::is_same<V, Vintc_default>::value) return "default";
    if (std::is_same<V, Vintc_small>::value) return "small";
    return "other";
  }
};

using BothConfigs = ::testing::Types<Vintc_default, Vintc_small>;

// A task word: frame number f (f != 0) at priority prio.
constexpr uint32_t task(uint32_t f, uint32_t prio) { return (f << 5) | prio; }

template <class V>
class IntcTest : public ::testing::Test {
 protected:
  // Reset, then bus errors on for the kernel page and slot 0, so a rejected
  // access answers with err_o (kw() checks it); tests of reset values reset
  // again first.
  void SetUp() override {
    d.reset();
    kw(k::kCtrl, k::kCtrlBusErrEnMask);
    enable(0);
  }

  const Config& cfg() const { return d.cfg(); }
  static uint32_t page(uint32_t p) { return ats_intc::process_page(p); }
  uint32_t first_channel() const { return ats_intc::kFirstChannel; }

  // Kernel page, expecting acceptance.
  void kw(uint32_t off, uint32_t v) {
    EXPECT_FALSE(d.write(off, v).err) << "kernel write 0x" << std::hex << off << " rejected";
  }
  uint32_t kr(uint32_t off) { return d.read(off).rdata; }

  // Process slot p; by default its rejected accesses answer with err_o.
  void enable(uint32_t p, bool bus_err = true) {
    kw(k::proc_ctrl(p), k::kProcCtrlEnableMask | (bus_err ? k::kProcCtrlBusErrEnMask : 0u));
  }
  Resp enq(uint32_t p, uint32_t w, uint32_t hart = 0) {
    return d.write(page(p) + pr::kEnq, w, hart);
  }
  uint32_t deq(uint32_t p, uint32_t hart = 0) { return d.read(page(p) + pr::kDeq, hart).rdata; }
  uint32_t deq_frame(uint32_t p, uint32_t hart = 0) {
    return d.read(page(p) + pr::kDeqFrame, hart).rdata;
  }
  Resp wait_on(uint32_t p, uint32_t s, uint32_t w) { return d.write(page(p) + pr::wait(s), w); }
  Resp send(uint32_t p, uint32_t s) { return d.write(page(p) + pr::send(s), 0); }
  Resp cancel(uint32_t p, uint32_t s, uint32_t w) { return d.write(page(p) + pr::cancel(s), w); }
  uint32_t err_of(uint32_t p) { return d.read(page(p) + pr::kErr).rdata; }
  uint32_t held(uint32_t p) { return d.read(page(p) + pr::kHeld).rdata; }
  uint32_t cancel_st(uint32_t p) { return d.read(page(p) + pr::kCancelSt).rdata; }

  void set_src(uint32_t s, uint32_t owner, bool broadcast = false, uint32_t senders = 0) {
    kw(k::src_cfg(s), (owner << k::kSrcCfgOwnerShift) |
                          (broadcast ? k::kSrcCfgBroadcastMask : 0u) |
                          (senders << k::kSrcCfgSendersShift));
  }
  uint32_t pending(uint32_t s) {
    return (kr(k::src_stat(s)) & k::kSrcStatPendingMask) >> k::kSrcStatPendingShift;
  }
  void fire(uint32_t s) { kw(k::fire(s), 0); }
  uint32_t free_entries() { return kr(k::kFree); }

  // Drains process p, returning the words in DEQ order (stops at the first 0).
  std::vector<uint32_t> drain(uint32_t p) {
    std::vector<uint32_t> out;
    for (uint32_t i = 0; i <= cfg().entries; ++i) {
      const uint32_t w = deq(p);
      if (w == 0) break;
      out.push_back(w);
    }
    return out;
  }

  IntcDriver<V> d;
};

}  // namespace intc_test
