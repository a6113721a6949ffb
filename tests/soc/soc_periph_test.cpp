// Tests of the SoC interconnect and peripherals (rtl/soc/) on the test top
// tests/soc/soc_periph_tb.sv: two test masters on soc_xbar (plus the packet
// device's DMA and an instruction port that reads RAM through the RAM's fetch
// port), every slave at its memory-map address, the ATS-INTC slot
// played by a C++ slave, the far ends of the UARTs and the packet device
// driven here. Every test ends by checking that the Yosys netlists of the
// blocks (running beside the RTL in the same model) never differed.
#include <gtest/gtest.h>
#include <verilated.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "Vsoc_periph_tb.h"
#include "Vsoc_periph_tb___024root.h"

namespace {

// ---------------------------------------------------------------------------
// Memory map and registers (docs/soc.md, rtl/soc/soc_pkg.sv).
// ---------------------------------------------------------------------------
constexpr uint32_t kRomBase = 0x0000'1000;
constexpr uint32_t kClintBase = 0x0200'0000;
constexpr uint32_t kPlicBase = 0x0C00'0000;
constexpr uint32_t kUartBase = 0x1000'0000;
constexpr uint32_t kSimBase = 0x1000'1000;
constexpr uint32_t kPktBase = 0x1001'0000;
constexpr uint32_t kIntcBase = 0x4000'0000;
constexpr uint32_t kRamBase = 0x8000'0000;
constexpr uint32_t kRamBytes = 64 * 1024;  // the test top's RAM

// Atomic opcodes: 0x20 | funct5 (same as sim/iss rv_iss/bus.h).
constexpr uint8_t kAtopNone = 0x00, kAmoAdd = 0x20, kAmoSwap = 0x21, kLr = 0x22, kSc = 0x23,
                  kAmoXor = 0x24, kAmoOr = 0x28, kAmoAnd = 0x2C, kAmoMin = 0x30, kAmoMax = 0x34,
                  kAmoMinu = 0x38, kAmoMaxu = 0x3C;

// UART registers (word stride).
constexpr uint32_t kRbr = 0x00, kIer = 0x04, kIir = 0x08, kLcr = 0x0C, kMcr = 0x10, kLsr = 0x14,
                   kMsr = 0x18, kScr = 0x1C;
constexpr uint32_t kLsrDr = 0x01, kLsrOe = 0x02, kLsrFe = 0x08, kLsrThre = 0x20, kLsrTemt = 0x40;

// CLINT.
constexpr uint32_t kMsip = kClintBase + 0x0000, kMtimecmp = kClintBase + 0x4000,
                   kMtime = kClintBase + 0xBFF8;

// PLIC.
constexpr uint32_t plic_prio(uint32_t s) { return kPlicBase + 4 * s; }
constexpr uint32_t kPlicPending = kPlicBase + 0x1000;
constexpr uint32_t plic_enable(uint32_t c) { return kPlicBase + 0x2000 + 0x80 * c; }
constexpr uint32_t plic_threshold(uint32_t c) { return kPlicBase + 0x20'0000 + 0x1000 * c; }
constexpr uint32_t plic_claim(uint32_t c) { return kPlicBase + 0x20'0004 + 0x1000 * c; }
constexpr uint32_t kSrcUart = 1, kSrcPktRx = 2, kSrcPktTx = 3, kSrcExt0 = 4;

// Simulation control.
constexpr uint32_t kSimExit = kSimBase + 0x0, kSimCycleLo = kSimBase + 0x4,
                   kSimCycleHi = kSimBase + 0x8, kSimMarker = kSimBase + 0xC,
                   kSimConsole = kSimBase + 0x10;

// Packet device.
constexpr uint32_t kPktId = kPktBase + 0x00, kPktCtrl = kPktBase + 0x04,
                   kPktIrqStatus = kPktBase + 0x08, kPktIrqEnable = kPktBase + 0x0C,
                   kPktRxBase = kPktBase + 0x10, kPktRxSize = kPktBase + 0x14,
                   kPktRxHead = kPktBase + 0x18, kPktRxTail = kPktBase + 0x1C,
                   kPktRxDrops = kPktBase + 0x20, kPktRxPkts = kPktBase + 0x24,
                   kPktStatus = kPktBase + 0x28, kPktTxBase = kPktBase + 0x30,
                   kPktTxSize = kPktBase + 0x34, kPktTxHead = kPktBase + 0x38,
                   kPktTxTail = kPktBase + 0x3C, kPktTxPkts = kPktBase + 0x40;
constexpr uint32_t kCtrlRxEn = 1, kCtrlTxEn = 2;
constexpr uint32_t kIrqRx = 1, kIrqTx = 2, kIrqErr = 4;
constexpr uint32_t kStDone = 1u << 31, kStTrunc = 1u << 30, kStErr = 1u << 29;

constexpr uint32_t rom_word(uint32_t i) { return i * 0x9E3779B1u + 0x12345678u; }

constexpr int kTimeout = 20000;  // cycles any single wait may take

// ---------------------------------------------------------------------------
// Harness.
// ---------------------------------------------------------------------------
struct Op {
  bool we = false;
  uint32_t addr = 0;
  uint32_t wdata = 0;
  uint8_t be = 0xF;
  uint8_t atop = kAtopNone;
  uint8_t hart = 0;
};

struct Rsp {
  uint32_t rdata = 0;
  bool err = false;
};

// One OBI-like master port driven from C++: requests are presented in order
// and held until granted; responses are matched to requests in order.
struct MasterPort {
  std::deque<std::pair<size_t, Op>> pending;
  std::deque<size_t> inflight;
  std::map<size_t, Rsp> done;
  size_t next_id = 0;
  bool req = false;
  uint64_t grants = 0;
  std::vector<uint64_t> grant_cycles;
};

// The ATS-INTC slot, played as a pipelined in-order slave with a fixed latency
// (cycles from the accepting edge to the visible response) and a grant pattern.
struct IntcSlave {
  int latency = 2;
  std::function<bool(uint64_t)> gnt = [](uint64_t) { return true; };
  std::map<uint32_t, uint32_t> mem;
  struct Pending {
    uint64_t ready;
    uint32_t rdata;
    bool err;
  };
  std::deque<Pending> q;
  struct Seen {
    uint32_t addr;
    bool we;
    uint32_t wdata;
    uint8_t hart;
  };
  std::vector<Seen> seen;
};

struct PktBeat {
  uint16_t len;
  uint32_t tag;
  uint32_t data;
};

struct TxEvent {
  uint32_t addr;
  uint16_t len;
  uint32_t tag;
};

class Soc {
 public:
  // Ports: kU2 = the serial UART's bus, kF = the instruction port (master m3).
  static constexpr int kM0 = 0, kM1 = 1, kU2 = 2, kF = 3;

  Soc() : ctx_(std::make_unique<VerilatedContext>()) {
    ctx_->randReset(0);
    tb_ = std::make_unique<Vsoc_periph_tb>(ctx_.get());
    tb_->clk_i = 0;
    tb_->rst_ni = 0;
    tb_->u2_rxd_i = 1;
    tb_->eval();
    for (int i = 0; i < 4; ++i) cycle();
    tb_->rst_ni = 1;
  }
  ~Soc() { tb_->final(); }

  Vsoc_periph_tb& tb() { return *tb_; }
  uint64_t now() const { return cyc_; }
  IntcSlave intc;
  std::deque<uint8_t> uart_rx;      // bytes offered on the SIM UART's RX stream
  std::vector<uint8_t> uart_tx;     // bytes the SIM UART sent
  std::deque<PktBeat> pkt_rx;       // beats offered to the packet device
  std::vector<TxEvent> pkt_tx;      // TX events of the packet device
  std::vector<uint32_t> exits, markers;
  std::string console;
  std::vector<uint8_t> u2_line;     // txd of the serial UART, one sample per cycle
  std::deque<uint8_t> u2_rx_wave;   // rxd levels to drive, one per cycle
  MasterPort port[4];

  // One clock cycle: drive inputs, sample what happens before the edge, edge.
  void cycle() {
    Vsoc_periph_tb& t = *tb_;
    // Masters.
    uint8_t req = 0, we = 0, be = 0, hart = 0;
    uint16_t atop = 0;
    uint64_t addr = 0, wdata = 0;
    for (int m = 0; m < 2; ++m) {
      port[m].req = !port[m].pending.empty();
      if (!port[m].req) continue;
      const Op& op = port[m].pending.front().second;
      req |= 1u << m;
      we |= uint8_t(op.we) << m;
      be |= uint8_t(op.be & 0xF) << (4 * m);
      atop |= uint16_t(op.atop & 0x3F) << (6 * m);
      hart |= uint8_t(op.hart & 3) << (2 * m);
      addr |= uint64_t(op.addr) << (32 * m);
      wdata |= uint64_t(op.wdata) << (32 * m);
    }
    t.m_req_i = req;
    t.m_we_i = we;
    t.m_be_i = be;
    t.m_atop_i = atop;
    t.m_hart_i = hart;
    t.m_addr_i = addr;
    t.m_wdata_i = wdata;
    MasterPort& u2 = port[kU2];
    u2.req = !u2.pending.empty();
    t.u2_req_i = u2.req;
    if (u2.req) {
      const Op& op = u2.pending.front().second;
      t.u2_we_i = op.we;
      t.u2_be_i = op.be;
      t.u2_addr_i = op.addr;
      t.u2_wdata_i = op.wdata;
    }
    MasterPort& f = port[kF];
    f.req = !f.pending.empty();
    t.f_req_i = f.req;
    if (f.req) {
      t.f_we_i = f.pending.front().second.we;
      t.f_addr_i = f.pending.front().second.addr;
    }
    // ATS-INTC slot.
    t.intc_gnt_i = intc.gnt(cyc_);
    const bool intc_rsp = !intc.q.empty() && intc.q.front().ready <= cyc_;
    t.intc_rvalid_i = intc_rsp;
    t.intc_rdata_i = intc_rsp ? intc.q.front().rdata : 0;
    t.intc_err_i = intc_rsp && intc.q.front().err;
    // Far ends.
    t.uart_rx_valid_i = !uart_rx.empty();
    t.uart_rx_data_i = uart_rx.empty() ? 0 : uart_rx.front();
    t.pkt_rx_valid_i = !pkt_rx.empty();
    if (!pkt_rx.empty()) {
      t.pkt_rx_len_i = pkt_rx.front().len;
      t.pkt_rx_tag_i = pkt_rx.front().tag;
      t.pkt_rx_data_i = pkt_rx.front().data;
    }
    t.u2_rxd_i = u2_rx_wave.empty() ? 1 : u2_rx_wave.front();
    if (!u2_rx_wave.empty()) u2_rx_wave.pop_front();
    t.ext_irq_i = ext_irq;
    t.eval();

    // Sample before the edge.
    bool acc[4];
    for (int m = 0; m < 2; ++m) {
      acc[m] = port[m].req && ((t.m_gnt_o >> m) & 1);
      if ((t.m_rvalid_o >> m) & 1) {
        respond(port[m], uint32_t(t.m_rdata_o >> (32 * m)), (t.m_err_o >> m) & 1);
      }
    }
    acc[kU2] = u2.req && t.u2_gnt_o;
    if (t.u2_rvalid_o) respond(u2, t.u2_rdata_o, t.u2_err_o);
    acc[kF] = f.req && t.f_gnt_o;
    if (t.f_rvalid_o) respond(f, t.f_rdata_o, t.f_err_o);
    if (t.intc_req_o && t.intc_gnt_i) {
      const uint32_t off = t.intc_addr_o & 0xFFFF;
      intc.seen.push_back({t.intc_addr_o, bool(t.intc_we_o), t.intc_wdata_o,
                           uint8_t(t.intc_hart_o)});
      IntcSlave::Pending p{cyc_ + uint64_t(intc.latency), 0, off == 0xFFFC};
      if (t.intc_we_o) {
        intc.mem[off] = t.intc_wdata_o;
      } else {
        auto it = intc.mem.find(off);
        p.rdata = it != intc.mem.end() ? it->second : (off ^ 0xA5A5'0000u);
      }
      intc.q.push_back(p);
    }
    if (intc_rsp) intc.q.pop_front();
    if (t.uart_rx_valid_i && t.uart_rx_ready_o) uart_rx.pop_front();
    if (t.uart_tx_valid_o) uart_tx.push_back(t.uart_tx_data_o);
    if (t.pkt_rx_valid_i && t.pkt_rx_ready_o) pkt_rx.pop_front();
    if (t.pkt_tx_valid_o) pkt_tx.push_back({t.pkt_tx_addr_o, t.pkt_tx_len_o, t.pkt_tx_tag_o});
    if (t.exit_valid_o) exits.push_back(t.exit_code_o);
    if (t.marker_valid_o) markers.push_back(t.marker_o);
    if (t.console_valid_o) console.push_back(char(t.console_o));
    u2_line.push_back(t.u2_txd_o);

    // Edge.
    t.clk_i = 1;
    t.eval();
    t.clk_i = 0;
    t.eval();
    ++cyc_;
    for (int m = 0; m < 4; ++m) {
      if (!acc[m]) continue;
      port[m].inflight.push_back(port[m].pending.front().first);
      port[m].pending.pop_front();
      ++port[m].grants;
      port[m].grant_cycles.push_back(cyc_ - 1);
    }
  }

  void run(int n) {
    for (int i = 0; i < n; ++i) cycle();
  }

  // Runs until pred() holds (checked before each cycle); false on timeout.
  bool run_until(const std::function<bool()>& pred, int max_cycles = kTimeout) {
    for (int i = 0; i < max_cycles; ++i) {
      if (pred()) return true;
      cycle();
    }
    return pred();
  }

  size_t post(int m, const Op& op) {
    const size_t id = port[m].next_id++;
    port[m].pending.push_back({id, op});
    return id;
  }

  Rsp result(int m, size_t id) {
    MasterPort& p = port[m];
    const bool ok = run_until([&] { return p.done.count(id) != 0; });
    EXPECT_TRUE(ok) << "no response on port " << m << " for request " << id;
    if (!ok) return Rsp{0xDEAD'BEEF, true};
    return p.done[id];
  }

  Rsp access(const Op& op, int m = kM0) { return result(m, post(m, op)); }

  uint32_t read(uint32_t addr, int m = kM0, uint8_t hart = 0) {
    Op op;
    op.addr = addr;
    op.hart = hart;
    Rsp r = access(op, m);
    EXPECT_FALSE(r.err) << std::hex << "read 0x" << addr;
    return r.rdata;
  }

  void write(uint32_t addr, uint32_t data, uint8_t be = 0xF, int m = kM0, uint8_t hart = 0) {
    Op op;
    op.we = true;
    op.addr = addr;
    op.wdata = data;
    op.be = be;
    op.hart = hart;
    Rsp r = access(op, m);
    EXPECT_FALSE(r.err) << std::hex << "write 0x" << addr;
  }

  Rsp atomic(uint8_t atop, uint32_t addr, uint32_t operand, uint8_t hart, int m = kM0) {
    Op op;
    op.we = atop != kLr;
    op.addr = addr;
    op.wdata = operand;
    op.atop = atop;
    op.hart = hart;
    return access(op, m);
  }

  uint8_t ext_irq = 0;

 private:
  static void respond(MasterPort& p, uint32_t rdata, bool err) {
    // Protocol check: a response without a request in flight is a bug.
    EXPECT_FALSE(p.inflight.empty()) << "response with nothing in flight";
    if (p.inflight.empty()) return;
    p.done[p.inflight.front()] = Rsp{rdata, err};
    p.inflight.pop_front();
  }

  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vsoc_periph_tb> tb_;
  uint64_t cyc_ = 0;
};

// Every test gets a fresh, reset SoC and ends by checking the netlists.
class SocTest : public ::testing::Test {
 protected:
  void TearDown() override {
    EXPECT_EQ(soc.tb().net_mismatch_o, 0u)
        << "netlist differs from RTL (bit: 0 xbar, 1 ram, 2 rom, 3 uart, 4 clint, 5 plic, "
           "6 simctrl, 7 pktdev, 8 uart2)";
  }
  Soc soc;
};

uint32_t amo_ref(uint8_t atop, uint32_t a, uint32_t b) {
  switch (atop) {
    case kAmoSwap: return b;
    case kAmoAdd: return a + b;
    case kAmoXor: return a ^ b;
    case kAmoAnd: return a & b;
    case kAmoOr: return a | b;
    case kAmoMin: return int32_t(a) < int32_t(b) ? a : b;
    case kAmoMax: return int32_t(a) < int32_t(b) ? b : a;
    case kAmoMinu: return a < b ? a : b;
    case kAmoMaxu: return a < b ? b : a;
    default: return 0;
  }
}

// ===========================================================================
// Interconnect.
// ===========================================================================
using Xbar = SocTest;

TEST_F(Xbar, UnmappedAddressesGetAnErrorResponse) {
  const uint32_t holes[] = {0x0000'0000, 0x0000'0FFC, 0x0000'2000, 0x0201'0000, 0x1000'2000,
                            0x1002'0000, 0x2000'0000, 0x4001'0000, kRamBase + kRamBytes,
                            0xFFFF'FFFC};
  for (uint32_t a : holes) {
    Op rd;
    rd.addr = a;
    Rsp r = soc.access(rd);
    EXPECT_TRUE(r.err) << std::hex << a;
    EXPECT_EQ(r.rdata, 0u);
    Op wr = rd;
    wr.we = true;
    wr.wdata = 0x1234;
    EXPECT_TRUE(soc.access(wr).err) << std::hex << a;
  }
  // The bus still works afterwards, and nothing reached the ATS-INTC slot.
  soc.write(kRamBase, 0xCAFE'F00D);
  EXPECT_EQ(soc.read(kRamBase), 0xCAFE'F00Du);
  EXPECT_TRUE(soc.intc.seen.empty());
}

TEST_F(Xbar, ErrorResponsesPipelineBackToBack) {
  // Eight requests to a hole, posted at once: one per cycle, all answered.
  std::vector<size_t> ids;
  Op op;
  op.addr = 0x3000'0000;
  for (int i = 0; i < 8; ++i) ids.push_back(soc.post(Soc::kM0, op));
  const uint64_t start = soc.now();
  for (size_t id : ids) EXPECT_TRUE(soc.result(Soc::kM0, id).err);
  EXPECT_LE(soc.now() - start, 10u);
}

TEST_F(Xbar, AtomicsToAnythingButRamAreErrors) {
  for (uint32_t a : {kUartBase + kScr, kIntcBase + 0x100, kClintBase, kRomBase}) {
    EXPECT_TRUE(soc.atomic(kLr, a, 0, 0).err) << std::hex << a;
    EXPECT_TRUE(soc.atomic(kAmoAdd, a, 1, 0).err) << std::hex << a;
    EXPECT_TRUE(soc.atomic(kSc, a, 1, 0).err) << std::hex << a;
  }
  EXPECT_TRUE(soc.intc.seen.empty());
  EXPECT_EQ(soc.read(kUartBase + kScr), 0u);  // the SC/AMO did not write it
}

TEST_F(Xbar, IntcSlotGetsOffsetDataAndHart) {
  soc.write(kIntcBase + 0x1010, 0x600D, 0xF, Soc::kM1, 1);
  EXPECT_EQ(soc.read(kIntcBase + 0x1010, Soc::kM0, 0), 0x600Du);
  Op bad;
  bad.addr = kIntcBase + 0xFFFC;  // the C++ slave answers this with an error
  EXPECT_TRUE(soc.access(bad).err);
  ASSERT_EQ(soc.intc.seen.size(), 3u);
  EXPECT_EQ(soc.intc.seen[0].addr, kIntcBase + 0x1010);
  EXPECT_TRUE(soc.intc.seen[0].we);
  EXPECT_EQ(soc.intc.seen[0].wdata, 0x600Du);
  EXPECT_EQ(soc.intc.seen[0].hart, 1);
  EXPECT_EQ(soc.intc.seen[1].hart, 0);
  EXPECT_FALSE(soc.intc.seen[1].we);
}

TEST_F(Xbar, WaitsWhileTheSlaveWithholdsGrant) {
  // The slot grants only every fifth cycle; requests still complete in order.
  soc.intc.gnt = [](uint64_t c) { return c % 5 == 0; };
  soc.intc.latency = 3;
  std::vector<size_t> ids;
  for (uint32_t i = 0; i < 6; ++i) {
    Op w;
    w.we = true;
    w.addr = kIntcBase + 4 * i;
    w.wdata = 100 + i;
    ids.push_back(soc.post(Soc::kM0, w));
  }
  for (uint32_t i = 0; i < 6; ++i) {
    Op r;
    r.addr = kIntcBase + 4 * i;
    ids.push_back(soc.post(Soc::kM0, r));
  }
  for (size_t k = 0; k < ids.size(); ++k) {
    Rsp r = soc.result(Soc::kM0, ids[k]);
    EXPECT_FALSE(r.err);
    if (k >= 6) {
      EXPECT_EQ(r.rdata, 100 + (k - 6));
    }
  }
  for (uint64_t c : soc.port[Soc::kM0].grant_cycles) EXPECT_EQ(c % 5, 0u) << c;
}

TEST_F(Xbar, ResponsesStayInOrderAcrossSlavesOfDifferentLatency) {
  // Mixed traffic from both masters to RAM (1 cycle) and the slot (3 cycles):
  // every response must match its own request.
  soc.intc.latency = 3;
  std::mt19937 rng(7);
  struct Exp {
    int m;
    size_t id;
    bool is_read;
    uint32_t value;
  };
  std::vector<Exp> exp;
  for (int i = 0; i < 16; ++i) {
    for (int m = 0; m < 2; ++m) {
      Op w;
      w.we = true;
      const bool ram = rng() & 1;
      // Disjoint addresses per master so the order between masters does not matter.
      w.addr = (ram ? kRamBase + 0x100 : kIntcBase + 0x100) + 0x80 * m + 4 * (i % 8);
      w.wdata = rng();
      exp.push_back({m, soc.post(m, w), false, 0});
      Op r;
      r.addr = w.addr;
      exp.push_back({m, soc.post(m, r), true, w.wdata});
      Op r2;
      r2.addr = (ram ? kIntcBase : kRamBase) + 0x400 + 0x80 * m;  // the other slave
      exp.push_back({m, soc.post(m, r2), false, 0});
    }
  }
  for (const Exp& e : exp) {
    Rsp r = soc.result(e.m, e.id);
    EXPECT_FALSE(r.err);
    if (e.is_read) {
      EXPECT_EQ(r.rdata, e.value) << "master " << e.m << " id " << e.id;
    }
  }
  EXPECT_TRUE(soc.port[0].inflight.empty());
  EXPECT_TRUE(soc.port[1].inflight.empty());
}

TEST_F(Xbar, OneRequestPerCycleToASingleCycleSlave) {
  std::vector<size_t> ids;
  for (uint32_t i = 0; i < 32; ++i) {
    Op w;
    w.we = true;
    w.addr = kRamBase + 4 * i;
    w.wdata = i * 3;
    ids.push_back(soc.post(Soc::kM0, w));
  }
  soc.result(Soc::kM0, ids.back());
  const auto& g = soc.port[Soc::kM0].grant_cycles;
  ASSERT_EQ(g.size(), 32u);
  EXPECT_EQ(g.back() - g.front(), 31u);  // back to back, no bubble
}

TEST_F(Xbar, PipelinesToTheSlotAtFullRate) {
  soc.intc.latency = 2;  // the ATS-INTC's timing
  std::vector<size_t> ids;
  for (uint32_t i = 0; i < 16; ++i) {
    Op r;
    r.addr = kIntcBase + 4 * i;
    ids.push_back(soc.post(Soc::kM0, r));
  }
  soc.result(Soc::kM0, ids.back());
  const auto& g = soc.port[Soc::kM0].grant_cycles;
  ASSERT_EQ(g.size(), 16u);
  EXPECT_EQ(g.back() - g.front(), 15u);
}

TEST_F(Xbar, RoundRobinSharesASlaveFairly) {
  // Both masters saturate the RAM: grants alternate, neither starves.
  for (int i = 0; i < 64; ++i) {
    for (int m = 0; m < 2; ++m) {
      Op r;
      r.addr = kRamBase + 0x800 * m + 4 * i;
      soc.post(m, r);
    }
  }
  soc.run_until([&] { return soc.port[0].done.size() == 64 && soc.port[1].done.size() == 64; });
  const auto& g0 = soc.port[0].grant_cycles;
  const auto& g1 = soc.port[1].grant_cycles;
  ASSERT_EQ(g0.size(), 64u);
  ASSERT_EQ(g1.size(), 64u);
  for (size_t i = 1; i < 64; ++i) {
    EXPECT_EQ(g0[i] - g0[i - 1], 2u) << i;
    EXPECT_EQ(g1[i] - g1[i - 1], 2u) << i;
  }
}

TEST_F(Xbar, DifferentSlavesServeBothMastersInTheSameCycle) {
  for (int i = 0; i < 16; ++i) {
    Op a;
    a.addr = kRamBase + 4 * i;
    soc.post(Soc::kM0, a);
    Op b;
    b.addr = kUartBase + kScr;
    soc.post(Soc::kM1, b);
  }
  soc.run_until([&] { return soc.port[0].done.size() == 16 && soc.port[1].done.size() == 16; });
  EXPECT_EQ(soc.port[0].grant_cycles, soc.port[1].grant_cycles);
}

// ===========================================================================
// RAM.
// ===========================================================================
using Ram = SocTest;

TEST_F(Ram, ByteEnablesWriteOnlyTheSelectedBytes) {
  const uint32_t a = kRamBase + 0x40;
  soc.write(a, 0x1122'3344);
  soc.write(a, 0xAABB'CCDD, 0x1);
  EXPECT_EQ(soc.read(a), 0x1122'33DDu);
  soc.write(a, 0xAABB'CCDD, 0x6);
  EXPECT_EQ(soc.read(a), 0x11BB'CCDDu);
  soc.write(a, 0x00EE'0000, 0x8);
  EXPECT_EQ(soc.read(a), 0x00BB'CCDDu);
  soc.write(a, 0xFFFF'FFFF, 0x0);
  EXPECT_EQ(soc.read(a), 0x00BB'CCDDu);
  // The last word of RAM is reachable.
  soc.write(kRamBase + kRamBytes - 4, 0x5EED'5EED);
  EXPECT_EQ(soc.read(kRamBase + kRamBytes - 4), 0x5EED'5EEDu);
}

TEST_F(Ram, RandomWordsReadBack) {
  std::mt19937 rng(3);
  std::map<uint32_t, uint32_t> model;
  for (int i = 0; i < 300; ++i) {
    const uint32_t a = kRamBase + 4 * (rng() % (kRamBytes / 4));
    const uint32_t v = rng();
    const uint8_t be = uint8_t(rng() & 0xF);
    uint32_t mask = 0;
    for (int b = 0; b < 4; ++b)
      if (be & (1 << b)) mask |= 0xFFu << (8 * b);
    model[a] = (model[a] & ~mask) | (v & mask);
    soc.write(a, v, be, int(rng() & 1));
  }
  for (const auto& [a, v] : model) EXPECT_EQ(soc.read(a), v) << std::hex << a;
}

TEST_F(Ram, ScAfterLrSucceedsAndWrites) {
  const uint32_t a = kRamBase + 0x100;
  soc.write(a, 5);
  Rsp lr = soc.atomic(kLr, a, 0, 0);
  EXPECT_FALSE(lr.err);
  EXPECT_EQ(lr.rdata, 5u);
  Rsp sc = soc.atomic(kSc, a, 6, 0);
  EXPECT_FALSE(sc.err);
  EXPECT_EQ(sc.rdata, 0u);
  EXPECT_EQ(soc.read(a), 6u);
  // The reservation is gone: a second SC fails and does not write.
  Rsp sc2 = soc.atomic(kSc, a, 7, 0);
  EXPECT_EQ(sc2.rdata, 1u);
  EXPECT_EQ(soc.read(a), 6u);
}

TEST_F(Ram, ScWithoutReservationFails) {
  const uint32_t a = kRamBase + 0x104;
  soc.write(a, 9);
  EXPECT_EQ(soc.atomic(kSc, a, 1, 0).rdata, 1u);
  EXPECT_EQ(soc.atomic(kSc, a, 1, 1).rdata, 1u);
  EXPECT_EQ(soc.read(a), 9u);
}

TEST_F(Ram, ScToAnotherWordFailsAndDropsTheReservation) {
  const uint32_t a = kRamBase + 0x108;
  soc.atomic(kLr, a, 0, 0);
  EXPECT_EQ(soc.atomic(kSc, a + 4, 1, 0).rdata, 1u);
  EXPECT_EQ(soc.read(a + 4), 0u);
  EXPECT_EQ(soc.atomic(kSc, a, 1, 0).rdata, 1u);  // SC consumed it
}

TEST_F(Ram, StoreByAnotherHartClearsTheReservation) {
  const uint32_t a = kRamBase + 0x10C;
  soc.atomic(kLr, a, 0, 0, Soc::kM0);
  soc.write(a, 42, 0x1, Soc::kM1, 1);  // even a one-byte store
  EXPECT_EQ(soc.atomic(kSc, a, 1, 0).rdata, 1u);
  EXPECT_EQ(soc.read(a), 42u);
}

TEST_F(Ram, StoreToAnotherWordKeepsTheReservation) {
  const uint32_t a = kRamBase + 0x110;
  soc.atomic(kLr, a, 0, 0);
  soc.write(a + 4, 1, 0xF, Soc::kM1, 1);
  soc.write(a - 4, 1, 0xF, Soc::kM0, 0);
  EXPECT_EQ(soc.atomic(kSc, a, 77, 0).rdata, 0u);
  EXPECT_EQ(soc.read(a), 77u);
}

TEST_F(Ram, OwnStoreClearsTheReservationLikeTheIss) {
  // sim/iss SimMemory drops the reservation on any store to the word.
  const uint32_t a = kRamBase + 0x114;
  soc.atomic(kLr, a, 0, 0);
  soc.write(a, 3, 0xF, Soc::kM0, 0);
  EXPECT_EQ(soc.atomic(kSc, a, 4, 0).rdata, 1u);
  EXPECT_EQ(soc.read(a), 3u);
}

TEST_F(Ram, ReservationsArePerHart) {
  const uint32_t a = kRamBase + 0x118, b = kRamBase + 0x11C;
  soc.atomic(kLr, a, 0, 0, Soc::kM0);
  soc.atomic(kLr, b, 0, 1, Soc::kM1);
  // Hart 1 has no reservation on a; hart 0 none on b.
  EXPECT_EQ(soc.atomic(kSc, a, 1, 1, Soc::kM1).rdata, 1u);
  EXPECT_EQ(soc.atomic(kSc, b, 1, 0, Soc::kM0).rdata, 1u);
  // The failed SCs cleared the *issuing* harts' reservations only.
  soc.atomic(kLr, a, 0, 0, Soc::kM0);
  soc.atomic(kLr, b, 0, 1, Soc::kM1);
  EXPECT_EQ(soc.atomic(kSc, a, 10, 0, Soc::kM0).rdata, 0u);
  EXPECT_EQ(soc.atomic(kSc, b, 11, 1, Soc::kM1).rdata, 0u);
  EXPECT_EQ(soc.read(a), 10u);
  EXPECT_EQ(soc.read(b), 11u);
}

TEST_F(Ram, SuccessfulScClearsOtherHartsReservationOnTheWord) {
  const uint32_t a = kRamBase + 0x120;
  soc.atomic(kLr, a, 0, 0, Soc::kM0);
  soc.atomic(kLr, a, 0, 1, Soc::kM1);  // both harts reserve the same word
  EXPECT_EQ(soc.atomic(kSc, a, 1, 1, Soc::kM1).rdata, 0u);
  EXPECT_EQ(soc.atomic(kSc, a, 2, 0, Soc::kM0).rdata, 1u);
  EXPECT_EQ(soc.read(a), 1u);
}

TEST_F(Ram, AmoClearsReservations) {
  const uint32_t a = kRamBase + 0x124;
  soc.atomic(kLr, a, 0, 0, Soc::kM0);
  soc.atomic(kAmoAdd, a, 5, 1, Soc::kM1);
  EXPECT_EQ(soc.atomic(kSc, a, 1, 0).rdata, 1u);
  EXPECT_EQ(soc.read(a), 5u);
}

TEST_F(Ram, DmaWriteClearsReservations) {
  // The packet device's DMA writes a descriptor word the firmware reserved.
  const uint32_t ring = kRamBase + 0x2000, buf = kRamBase + 0x3000;
  soc.write(ring + 0, buf);
  soc.write(ring + 4, 64);
  soc.write(kPktRxBase, ring);
  soc.write(kPktRxSize, 2);
  soc.write(kPktRxTail, 1);
  soc.atomic(kLr, ring + 12, 0, 0);  // the status word
  soc.write(kPktCtrl, kCtrlRxEn);
  soc.pkt_rx.push_back({4, 0x77, 0x1234});
  ASSERT_TRUE(soc.run_until([&] { return soc.tb().pkt_rx_irq_o || soc.read(kPktRxPkts) == 1; }));
  EXPECT_EQ(soc.atomic(kSc, ring + 12, 0, 0).rdata, 1u);
  EXPECT_EQ(soc.read(ring + 12), kStDone | 4);
}

TEST_F(Ram, EachAmoReturnsTheOldWordAndStoresTheResult) {
  std::mt19937 rng(11);
  const uint8_t ops[] = {kAmoSwap, kAmoAdd, kAmoXor, kAmoAnd, kAmoOr,
                         kAmoMin,  kAmoMax, kAmoMinu, kAmoMaxu};
  const uint32_t edge[] = {0, 1, 0x7FFF'FFFF, 0x8000'0000, 0xFFFF'FFFF, 5, 0xFFFF'FFFB};
  uint32_t a = kRamBase + 0x200;
  for (uint8_t op : ops) {
    for (int k = 0; k < 12; ++k) {
      const uint32_t old = k < 7 ? edge[k] : rng();
      const uint32_t operand = k < 7 ? edge[(k + 3) % 7] : rng();
      soc.write(a, old);
      Rsp r = soc.atomic(op, a, operand, uint8_t(k & 1), k % 2);
      EXPECT_FALSE(r.err);
      EXPECT_EQ(r.rdata, old) << "op 0x" << std::hex << int(op);
      EXPECT_EQ(soc.read(a), amo_ref(op, old, operand))
          << std::hex << "op 0x" << int(op) << " old 0x" << old << " operand 0x" << operand;
      a += 4;
    }
  }
}

TEST_F(Ram, AmosFromTwoMastersAreAtomic) {
  const uint32_t a = kRamBase + 0x300;
  const uint32_t b = kRamBase + 0x304;
  soc.write(a, 0);
  soc.write(b, 0);
  // Both masters hammer the same words with AMOADD and AMOOR, back to back.
  std::vector<size_t> add_ids[2];
  for (int i = 0; i < 100; ++i) {
    for (int m = 0; m < 2; ++m) {
      Op op;
      op.we = true;
      op.addr = a;
      op.wdata = uint32_t(m + 1);
      op.atop = kAmoAdd;
      op.hart = uint8_t(m);
      add_ids[m].push_back(soc.post(m, op));
      op.addr = b;
      op.wdata = 1u << (i % 32);
      op.atop = kAmoOr;
      soc.post(m, op);
    }
  }
  for (int m = 0; m < 2; ++m) soc.result(m, add_ids[m].back() + 1);
  EXPECT_EQ(soc.read(a), 300u);
  EXPECT_EQ(soc.read(b), 0xFFFF'FFFFu);
  // Every AMOADD saw a distinct old value: none was lost or doubled.
  std::vector<uint32_t> olds;
  for (int m = 0; m < 2; ++m)
    for (size_t id : add_ids[m]) olds.push_back(soc.port[m].done.at(id).rdata);
  std::sort(olds.begin(), olds.end());
  EXPECT_EQ(std::adjacent_find(olds.begin(), olds.end()), olds.end());
  EXPECT_EQ(olds.front(), 0u);
  // The last add is hart 0's (+1, old 299) or hart 1's (+2, old 298).
  EXPECT_TRUE(olds.back() == 299u || olds.back() == 298u) << olds.back();
}

TEST_F(Ram, LrScLoopFromTwoHartsCountsExactly) {
  // The classic LR/SC increment, interleaved between two harts: no lost update.
  const uint32_t a = kRamBase + 0x400;
  soc.write(a, 0);
  int done[2] = {0, 0};
  int turn = 0;
  std::mt19937 rng(5);
  while (done[0] < 40 || done[1] < 40) {
    const int h = (done[turn] < 40) ? turn : 1 - turn;
    const uint32_t v = soc.atomic(kLr, a, 0, uint8_t(h), h).rdata;
    if (rng() % 3 == 0) {
      // The other hart sneaks in a successful increment of its own.
      const int o = 1 - h;
      if (done[o] < 40) {
        const uint32_t w = soc.atomic(kLr, a, 0, uint8_t(o), o).rdata;
        if (soc.atomic(kSc, a, w + 1, uint8_t(o), o).rdata == 0) ++done[o];
      }
    }
    if (soc.atomic(kSc, a, v + 1, uint8_t(h), h).rdata == 0) ++done[h];
    turn = 1 - turn;
  }
  EXPECT_EQ(soc.read(a), 80u);
}

TEST_F(Ram, UnknownAtomicOpcodeIsAnErrorAndWritesNothing) {
  const uint32_t a = kRamBase + 0x500;
  soc.write(a, 0x1111);
  Rsp r = soc.atomic(0x25, a, 0x2222, 0);  // funct5 0x05 is not an AMO
  EXPECT_TRUE(r.err);
  EXPECT_EQ(soc.read(a), 0x1111u);
}

TEST_F(Ram, AmoHoldsOffTheNextRequestForOneCycle) {
  // AMO read-modify-write: gnt is low in the cycle after an AMO is accepted.
  Op amo;
  amo.we = true;
  amo.addr = kRamBase + 0x600;
  amo.wdata = 1;
  amo.atop = kAmoAdd;
  Op rd;
  rd.addr = kRamBase + 0x600;
  soc.post(Soc::kM0, amo);
  const size_t id = soc.post(Soc::kM0, rd);
  Rsp r = soc.result(Soc::kM0, id);
  EXPECT_EQ(r.rdata, 1u);
  const auto& g = soc.port[Soc::kM0].grant_cycles;
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[1] - g[0], 2u);
}

TEST_F(Ram, ArrayIsVisibleToTheSimulator) {
  // soc_ram's array is public (verilator public_flat_rw): a simulator can load
  // programs into it and inspect it without bus cycles.
  soc.write(kRamBase + 0x700, 0x0BAD'CAFE);
  soc.write(kRamBase + kRamBytes - 4, 0x1357'9BDF);
  const auto& mem = soc.tb().rootp->soc_periph_tb__DOT__u_ram__DOT__mem;
  EXPECT_EQ(mem[0x700 / 4], 0x0BAD'CAFEu);
  EXPECT_EQ(mem[kRamBytes / 4 - 1], 0x1357'9BDFu);
}

// ---------------------------------------------------------------------------
// The RAM's fetch port, reached by the instruction port (master m3).
// ---------------------------------------------------------------------------
using FetchPort = SocTest;

Op fetch_op(uint32_t addr, bool we = false) {
  Op op;
  op.addr = addr;
  op.we = we;
  return op;
}

// Through the data port, so that the RAM's netlist shadow holds the word too.
void preload(Soc& soc, uint32_t word, uint32_t value) { soc.write(kRamBase + 4 * word, value); }

uint32_t ram_word(Soc& soc, uint32_t word) {
  return soc.tb().rootp->soc_periph_tb__DOT__u_ram__DOT__mem[word];
}

TEST_F(FetchPort, ReadsRamOneWordPerCycle) {
  constexpr uint32_t kN = 32;
  for (uint32_t i = 0; i < kN; ++i) preload(soc, 0x40 + i, 0xC0DE'0000u + i * 7);
  std::vector<size_t> ids;
  for (uint32_t i = 0; i < kN; ++i) ids.push_back(soc.post(Soc::kF, fetch_op(kRamBase + 0x100 + 4 * i)));
  for (uint32_t i = 0; i < kN; ++i) {
    const Rsp r = soc.result(Soc::kF, ids[i]);
    EXPECT_FALSE(r.err);
    EXPECT_EQ(r.rdata, 0xC0DE'0000u + i * 7) << "word " << i;
  }
  const auto& g = soc.port[Soc::kF].grant_cycles;
  ASSERT_EQ(g.size(), kN);
  EXPECT_EQ(g.back() - g.front(), kN - 1) << "fetches are not granted back to back";
}

TEST_F(FetchPort, DataTrafficToRamDoesNotSlowFetches) {
  // Loads and stores of a test master and fetches reach the RAM through
  // different ports: both run at one access per cycle in the same cycles
  // (through one port, round robin would halve each).
  constexpr uint32_t kN = 24;
  for (uint32_t i = 0; i < kN; ++i) preload(soc, i, 0x1000u + i);
  const size_t first = soc.port[Soc::kM0].grant_cycles.size();
  std::vector<size_t> f, d;
  for (uint32_t i = 0; i < kN; ++i) {
    f.push_back(soc.post(Soc::kF, fetch_op(kRamBase + 4 * i)));
    Op op;
    op.we = (i & 1) != 0;
    op.addr = kRamBase + 0x800 + 4 * i;
    op.wdata = 0xD000u + i;
    d.push_back(soc.post(Soc::kM0, op));
  }
  for (uint32_t i = 0; i < kN; ++i) {
    EXPECT_EQ(soc.result(Soc::kF, f[i]).rdata, 0x1000u + i);
    EXPECT_FALSE(soc.result(Soc::kM0, d[i]).err);
  }
  const auto& gd = soc.port[Soc::kM0].grant_cycles;
  EXPECT_EQ(soc.port[Soc::kF].grant_cycles, std::vector<uint64_t>(gd.begin() + first, gd.end()));
  EXPECT_EQ(gd.back() - gd[first], kN - 1);
  for (uint32_t i = 1; i < kN; i += 2) EXPECT_EQ(ram_word(soc, 0x200 + i), 0xD000u + i);
}

TEST_F(FetchPort, FetchAndStoreOfOneWordAtOneEdgeReadTheOldWord) {
  // Documented in soc_ram: instruction fetch is not ordered with stores
  // (RISC-V: code written by stores is fetched after a FENCE.I).
  preload(soc, 0x30, 0x0000'0013u);  // nop
  Op st;
  st.we = true;
  st.addr = kRamBase + 0xC0;
  st.wdata = 0x0010'0073u;  // ebreak
  const size_t s = soc.post(Soc::kM0, st);
  const size_t f = soc.post(Soc::kF, fetch_op(kRamBase + 0xC0));
  EXPECT_EQ(soc.result(Soc::kF, f).rdata, 0x0000'0013u);
  EXPECT_FALSE(soc.result(Soc::kM0, s).err);
  ASSERT_EQ(soc.port[Soc::kF].grant_cycles.size(), 1u);
  EXPECT_EQ(soc.port[Soc::kF].grant_cycles.back(), soc.port[Soc::kM0].grant_cycles.back())
      << "the store and the fetch were not accepted at the same edge";
  // The next fetch sees the store.
  EXPECT_EQ(soc.read(kRamBase + 0xC0, Soc::kF), 0x0010'0073u);
}

TEST_F(FetchPort, StoresAreErrorsAndWriteNothing) {
  preload(soc, 0x10, 0x5555'AAAAu);
  const Rsp r = soc.access(fetch_op(kRamBase + 0x40, true), Soc::kF);
  EXPECT_TRUE(r.err);
  EXPECT_EQ(r.rdata, 0u);
  EXPECT_EQ(ram_word(soc, 0x10), 0x5555'AAAAu);
  // The port keeps working after the error.
  EXPECT_EQ(soc.read(kRamBase + 0x40, Soc::kF), 0x5555'AAAAu);
}

TEST_F(FetchPort, ReachesTheRomButNoDeviceAndNothingPastTheRam) {
  EXPECT_EQ(soc.read(kRomBase + 4 * 5, Soc::kF), rom_word(5));
  // Fetches are speculative: they must never reach a device (a DEQ is a
  // destructive read).
  for (uint32_t a : {kIntcBase, kUartBase + kRbr, kPlicBase + 0x20'0004u, kSimBase, kClintBase,
                     kPktBase, kRamBase + kRamBytes, 0x2000'0000u}) {
    const Rsp r = soc.access(fetch_op(a), Soc::kF);
    EXPECT_TRUE(r.err) << std::hex << "fetch of 0x" << a;
    EXPECT_EQ(r.rdata, 0u);
  }
  EXPECT_TRUE(soc.intc.seen.empty());
  EXPECT_TRUE(soc.uart_tx.empty());
}

// ===========================================================================
// Boot ROM.
// ===========================================================================
using Rom = SocTest;

TEST_F(Rom, ReadsTheHexFile) {
  for (uint32_t i : {0u, 1u, 2u, 511u, 1022u, 1023u}) {
    EXPECT_EQ(soc.read(kRomBase + 4 * i), rom_word(i)) << i;
  }
  // Sub-word loads get the whole word.
  Op op;
  op.addr = kRomBase + 8;
  op.be = 0x4;
  EXPECT_EQ(soc.access(op).rdata, rom_word(2));
}

TEST_F(Rom, StoresAreErrorsAndChangeNothing) {
  Op w;
  w.we = true;
  w.addr = kRomBase + 16;
  w.wdata = 0;
  EXPECT_TRUE(soc.access(w).err);
  EXPECT_EQ(soc.read(kRomBase + 16), rom_word(4));
}

// ===========================================================================
// UART.
// ===========================================================================
using Uart = SocTest;

TEST_F(Uart, ThrStoresSendBytes) {
  EXPECT_EQ(soc.read(kUartBase + kLsr) & (kLsrThre | kLsrTemt), kLsrThre | kLsrTemt);
  for (char c : std::string("hi!\n")) soc.write(kUartBase + kRbr, uint8_t(c), 0x1);
  soc.run(2);
  EXPECT_EQ(std::string(soc.uart_tx.begin(), soc.uart_tx.end()), "hi!\n");
}

TEST_F(Uart, RxBytesArriveThroughTheFifo) {
  EXPECT_EQ(soc.read(kUartBase + kLsr) & kLsrDr, 0u);
  EXPECT_EQ(soc.read(kUartBase + kRbr), 0u);  // empty FIFO reads 0
  for (uint8_t b : {0x41, 0x42, 0x43}) soc.uart_rx.push_back(b);
  soc.run(5);
  EXPECT_EQ(soc.read(kUartBase + kLsr) & kLsrDr, kLsrDr);
  EXPECT_EQ(soc.read(kUartBase + kRbr), 0x41u);
  EXPECT_EQ(soc.read(kUartBase + kRbr), 0x42u);
  EXPECT_EQ(soc.read(kUartBase + kRbr), 0x43u);
  EXPECT_EQ(soc.read(kUartBase + kLsr) & kLsrDr, 0u);
}

TEST_F(Uart, FullRxFifoBackpressuresWithoutLoss) {
  for (int i = 0; i < 40; ++i) soc.uart_rx.push_back(uint8_t(i));
  soc.run(60);
  EXPECT_EQ(soc.uart_rx.size(), 24u);  // 16 taken, the rest waits
  EXPECT_FALSE(soc.tb().uart_rx_ready_o);
  for (int i = 0; i < 40; ++i) EXPECT_EQ(soc.read(kUartBase + kRbr), uint32_t(i));
  EXPECT_EQ(soc.read(kUartBase + kLsr) & (kLsrDr | kLsrOe), 0u);
}

TEST_F(Uart, FcrClearsTheRxFifo) {
  for (int i = 0; i < 5; ++i) soc.uart_rx.push_back(uint8_t(i));
  soc.run(10);
  soc.write(kUartBase + kIir, 0x03, 0x1);  // FIFO enable + clear RX
  EXPECT_EQ(soc.read(kUartBase + kLsr) & kLsrDr, 0u);
  EXPECT_EQ(soc.read(kUartBase + kIir) & 0xC0, 0xC0u);  // FIFOs enabled
}

TEST_F(Uart, InterruptsFollowIerAndIir) {
  EXPECT_EQ(soc.read(kUartBase + kIir) & 0xF, 0x1u);  // none
  soc.write(kUartBase + kIer, 0x2, 0x1);              // THR empty
  soc.run(2);
  EXPECT_TRUE(soc.tb().uart_irq_o);
  EXPECT_EQ(soc.read(kUartBase + kIir) & 0xF, 0x2u);
  soc.write(kUartBase + kIer, 0x1, 0x1);  // RX data only
  soc.run(2);
  EXPECT_FALSE(soc.tb().uart_irq_o);
  EXPECT_EQ(soc.read(kUartBase + kIir) & 0xF, 0x1u);
  soc.uart_rx.push_back(0x5A);
  ASSERT_TRUE(soc.run_until([&] { return bool(soc.tb().uart_irq_o); }, 10));
  EXPECT_EQ(soc.read(kUartBase + kIir) & 0xF, 0x4u);
  soc.write(kUartBase + kIer, 0x3, 0x1);  // RX data outranks THR empty
  EXPECT_EQ(soc.read(kUartBase + kIir) & 0xF, 0x4u);
  EXPECT_EQ(soc.read(kUartBase + kRbr), 0x5Au);
  EXPECT_EQ(soc.read(kUartBase + kIir) & 0xF, 0x2u);
  soc.write(kUartBase + kIer, 0x0, 0x1);
  soc.run(2);
  EXPECT_FALSE(soc.tb().uart_irq_o);
}

TEST_F(Uart, DivisorLatchSharesOffsetsWithRbrAndIer) {
  soc.write(kUartBase + kIer, 0x3, 0x1);
  soc.write(kUartBase + kLcr, 0x83, 0x1);  // DLAB, 8N1
  soc.write(kUartBase + kRbr, 0x34, 0x1);  // DLL
  soc.write(kUartBase + kIer, 0x12, 0x1);  // DLM
  soc.run(2);
  EXPECT_TRUE(soc.uart_tx.empty());  // the DLL store sent nothing
  EXPECT_EQ(soc.read(kUartBase + kRbr), 0x34u);
  EXPECT_EQ(soc.read(kUartBase + kIer), 0x12u);
  soc.write(kUartBase + kLcr, 0x03, 0x1);
  EXPECT_EQ(soc.read(kUartBase + kIer), 0x3u);
  EXPECT_EQ(soc.read(kUartBase + kLcr), 0x03u);
}

TEST_F(Uart, ScratchMcrMsrAndUnusedOffsets) {
  soc.write(kUartBase + kScr, 0xA5, 0x1);
  soc.write(kUartBase + kMcr, 0x0B, 0x1);
  EXPECT_EQ(soc.read(kUartBase + kScr), 0xA5u);
  EXPECT_EQ(soc.read(kUartBase + kMcr), 0x0Bu);
  EXPECT_EQ(soc.read(kUartBase + kMsr), 0xB0u);
  soc.write(kUartBase + 0x40, 0xFF);
  EXPECT_EQ(soc.read(kUartBase + 0x40), 0u);
  soc.write(kUartBase + kScr, 0x77, 0x2);  // byte lane 0 not enabled: ignored
  EXPECT_EQ(soc.read(kUartBase + kScr), 0xA5u);
}

// The serial (FPGA) UART on its own port.
std::vector<uint8_t> serial_wave(const std::vector<uint8_t>& bytes, int period, bool bad_stop) {
  std::vector<uint8_t> w(size_t(period) * 3, 1);  // idle
  for (uint8_t b : bytes) {
    w.insert(w.end(), size_t(period), 0);
    for (int i = 0; i < 8; ++i) w.insert(w.end(), size_t(period), uint8_t((b >> i) & 1));
    w.insert(w.end(), size_t(period), bad_stop ? 0 : 1);
    w.insert(w.end(), size_t(period), 1);
  }
  return w;
}

// Decodes 8N1 frames from a line sampled once per cycle.
std::vector<uint8_t> serial_decode(const std::vector<uint8_t>& line, int period) {
  std::vector<uint8_t> out;
  size_t i = 1;
  while (i < line.size()) {
    if (line[i - 1] == 1 && line[i] == 0) {
      const size_t mid = i + size_t(period) / 2;
      if (mid + 9 * size_t(period) >= line.size()) break;
      uint8_t b = 0;
      for (int k = 0; k < 8; ++k) b |= uint8_t(line[mid + size_t(period) * (k + 1)] << k);
      EXPECT_EQ(line[mid], 0) << "start bit";
      EXPECT_EQ(line[mid + 9 * size_t(period)], 1) << "stop bit";
      out.push_back(b);
      i = mid + 9 * size_t(period);
    }
    ++i;
  }
  return out;
}

void u2_write(Soc& soc, uint32_t off, uint32_t v) {
  Op op;
  op.we = true;
  op.addr = off;
  op.wdata = v;
  op.be = 0x1;
  EXPECT_FALSE(soc.access(op, Soc::kU2).err);
}

uint32_t u2_read(Soc& soc, uint32_t off) {
  Op op;
  op.addr = off;
  return soc.access(op, Soc::kU2).rdata;
}

TEST_F(Uart, SerialTxUsesTheDivisor) {
  constexpr int kDiv = 3, kPeriod = 16 * kDiv;
  u2_write(soc, kLcr, 0x80);
  u2_write(soc, kRbr, kDiv);
  u2_write(soc, kIer, 0);
  u2_write(soc, kLcr, 0x03);
  soc.u2_line.clear();
  u2_write(soc, kRbr, 0x55);
  EXPECT_EQ(u2_read(soc, kLsr) & kLsrTemt, 0u);  // shifting
  u2_write(soc, kRbr, 0xC3);                     // waits in THR
  ASSERT_TRUE(soc.run_until([&] { return (u2_read(soc, kLsr) & kLsrTemt) != 0; }));
  soc.run(kPeriod);
  EXPECT_EQ(serial_decode(soc.u2_line, kPeriod), (std::vector<uint8_t>{0x55, 0xC3}));
  // 0x55 alternates every bit: every run of equal levels in its frame is one bit long.
  size_t s = 1;
  while (!(soc.u2_line[s - 1] == 1 && soc.u2_line[s] == 0)) ++s;
  for (int bit = 0; bit < 9; ++bit) {
    size_t e = s;
    while (soc.u2_line[e] == soc.u2_line[s]) ++e;
    EXPECT_EQ(e - s, size_t(kPeriod)) << "bit " << bit;
    s = e;
  }
}

TEST_F(Uart, SerialRxSamplesAtTheDivisor) {
  constexpr int kDiv = 2, kPeriod = 16 * kDiv;
  u2_write(soc, kLcr, 0x80);
  u2_write(soc, kRbr, kDiv);
  u2_write(soc, kLcr, 0x03);
  u2_write(soc, kIer, 0x1);
  auto w = serial_wave({0xA7, 0x00, 0xFF, 0x3C}, kPeriod, false);
  soc.u2_rx_wave.assign(w.begin(), w.end());
  soc.run(int(w.size()) + 5);
  EXPECT_TRUE(soc.tb().u2_irq_o);
  for (uint32_t b : {0xA7u, 0x00u, 0xFFu, 0x3Cu}) EXPECT_EQ(u2_read(soc, kRbr), b);
  EXPECT_EQ(u2_read(soc, kLsr) & (kLsrDr | kLsrFe | kLsrOe), 0u);
  soc.run(2);
  EXPECT_FALSE(soc.tb().u2_irq_o);
}

TEST_F(Uart, SerialRxFlagsFramingErrorsAndOverrun) {
  constexpr int kPeriod = 16;  // divisor 1 (reset value)
  u2_write(soc, kIer, 0x4);    // line status interrupt
  auto w = serial_wave({0x12}, kPeriod, true);
  soc.u2_rx_wave.assign(w.begin(), w.end());
  soc.run(int(w.size()) + 5);
  EXPECT_TRUE(soc.tb().u2_irq_o);
  EXPECT_EQ(u2_read(soc, kIir) & 0xF, 0x6u);
  EXPECT_EQ(u2_read(soc, kLsr) & kLsrFe, kLsrFe);
  EXPECT_EQ(u2_read(soc, kLsr) & kLsrFe, 0u);  // cleared by the read
  u2_write(soc, kIir, 0x2);                     // clear RX FIFO
  std::vector<uint8_t> many(18);
  for (size_t i = 0; i < many.size(); ++i) many[i] = uint8_t(0x30 + i);
  w = serial_wave(many, kPeriod, false);
  soc.u2_rx_wave.assign(w.begin(), w.end());
  soc.run(int(w.size()) + 5);
  EXPECT_EQ(u2_read(soc, kLsr) & (kLsrOe | kLsrDr), kLsrOe | kLsrDr);
  for (int i = 0; i < 16; ++i) EXPECT_EQ(u2_read(soc, kRbr), 0x30u + uint32_t(i));
  EXPECT_EQ(u2_read(soc, kLsr) & kLsrDr, 0u);
}

// ===========================================================================
// CLINT.
// ===========================================================================
using Clint = SocTest;

TEST_F(Clint, MtimeCountsEveryCycle) {
  const uint32_t t0 = soc.read(kMtime);
  const uint64_t c0 = soc.now();
  soc.run(100);
  const uint32_t t1 = soc.read(kMtime);
  EXPECT_EQ(t1 - t0, uint32_t(soc.now() - c0));
  EXPECT_EQ(soc.read(kMtime + 4), 0u);
}

TEST_F(Clint, MtimeIsWritableAndCarriesIntoTheHighWord) {
  soc.write(kMtime + 4, 0x0000'0007);
  soc.write(kMtime, 0xFFFF'FFF0);
  soc.run(40);
  EXPECT_EQ(soc.read(kMtime + 4), 8u);
  EXPECT_LT(soc.read(kMtime), 0x100u);
}

TEST_F(Clint, MtipFollowsEachHartsMtimecmp) {
  EXPECT_EQ(soc.read(kMtimecmp), 0xFFFF'FFFFu);  // reset: never
  EXPECT_EQ(soc.tb().mtip_o, 0u);
  const uint64_t a = soc.now();  // mtime of cycle a is t; it counts every cycle
  const uint32_t t = soc.read(kMtime);
  soc.write(kMtimecmp + 8 + 4, 0);      // hart 1, high word
  soc.write(kMtimecmp + 8, t + 200);    // hart 1 fires in ~200 cycles
  soc.run(2);
  EXPECT_EQ(soc.tb().mtip_o, 0u);
  ASSERT_TRUE(soc.run_until([&] { return soc.tb().mtip_o != 0; }, 400));
  EXPECT_EQ(soc.tb().mtip_o, 2u);
  // The line is a register: it rises in the cycle after mtime == mtimecmp.
  EXPECT_EQ(soc.now() - 1 - a, 200u);
  soc.write(kMtimecmp + 8 + 4, 1);  // move it far away: the line drops
  soc.run(2);
  EXPECT_EQ(soc.tb().mtip_o, 0u);
  soc.write(kMtimecmp + 4, 0);  // hart 0: mtimecmp = 0 -> pending at once
  soc.write(kMtimecmp, 0);
  soc.run(2);
  EXPECT_EQ(soc.tb().mtip_o, 1u);
  EXPECT_EQ(soc.read(kMtimecmp + 4), 0u);
  EXPECT_EQ(soc.read(kMtimecmp + 8 + 4), 1u);
}

TEST_F(Clint, MsipPerHart) {
  soc.write(kMsip + 4, 1);
  soc.run(1);
  EXPECT_EQ(soc.tb().msip_o, 2u);
  EXPECT_EQ(soc.read(kMsip + 4), 1u);
  EXPECT_EQ(soc.read(kMsip), 0u);
  soc.write(kMsip, 0xFFFF'FFFF);  // only bit 0 is stored
  EXPECT_EQ(soc.read(kMsip), 1u);
  soc.run(1);
  EXPECT_EQ(soc.tb().msip_o, 3u);
  soc.write(kMsip + 4, 0);
  soc.write(kMsip, 0);
  soc.run(1);
  EXPECT_EQ(soc.tb().msip_o, 0u);
  EXPECT_EQ(soc.read(kMsip + 8), 0u);  // no hart 2
}

// ===========================================================================
// PLIC.
// ===========================================================================
using Plic = SocTest;

uint32_t ext(uint32_t src) { return 1u << (src - kSrcExt0); }

TEST_F(Plic, ClaimReturnsTheMostUrgentEnabledSource) {
  soc.write(plic_prio(4), 2);
  soc.write(plic_prio(5), 5);
  soc.write(plic_prio(6), 5);
  soc.write(plic_prio(7), 7);
  soc.write(plic_enable(0), (1u << 4) | (1u << 5) | (1u << 6));  // 7 not enabled
  soc.ext_irq = uint8_t(ext(4) | ext(5) | ext(6) | ext(7));
  soc.run(3);
  EXPECT_EQ(soc.tb().meip_o & 1, 1u);
  EXPECT_EQ(soc.read(kPlicPending), (1u << 4) | (1u << 5) | (1u << 6) | (1u << 7));
  EXPECT_EQ(soc.read(plic_claim(0)), 5u);  // priority 5, lowest id of the tie
  EXPECT_EQ(soc.read(plic_claim(0)), 6u);
  EXPECT_EQ(soc.read(plic_claim(0)), 4u);
  EXPECT_EQ(soc.read(plic_claim(0)), 0u);  // nothing left (7 is disabled)
  soc.run(2);
  EXPECT_EQ(soc.tb().meip_o & 1, 0u);
  EXPECT_EQ(soc.read(kPlicPending), 1u << 7);
}

TEST_F(Plic, ThresholdMasksPrioritiesAtOrBelowIt) {
  soc.write(plic_prio(4), 3);
  soc.write(plic_enable(0), 1u << 4);
  soc.write(plic_threshold(0), 3);
  EXPECT_EQ(soc.read(plic_threshold(0)), 3u);
  soc.ext_irq = uint8_t(ext(4));
  soc.run(3);
  EXPECT_EQ(soc.tb().meip_o, 0u);
  EXPECT_EQ(soc.read(plic_claim(0)), 0u);
  soc.write(plic_threshold(0), 2);
  soc.run(2);
  EXPECT_EQ(soc.tb().meip_o, 1u);
  EXPECT_EQ(soc.read(plic_claim(0)), 4u);
}

TEST_F(Plic, PriorityZeroNeverInterrupts) {
  soc.write(plic_enable(0), 1u << 4);
  soc.ext_irq = uint8_t(ext(4));
  soc.run(3);
  EXPECT_EQ(soc.read(kPlicPending), 1u << 4);
  EXPECT_EQ(soc.tb().meip_o, 0u);
  EXPECT_EQ(soc.read(plic_claim(0)), 0u);
}

TEST_F(Plic, LevelGatewayHoldsTheSourceUntilComplete) {
  soc.write(plic_prio(8), 1);
  soc.write(plic_enable(0), 1u << 8);
  soc.ext_irq = uint8_t(ext(8));
  soc.run(3);
  EXPECT_EQ(soc.read(plic_claim(0)), 8u);
  soc.run(5);
  // Still high, but in flight: not pending, no notification.
  EXPECT_EQ(soc.read(kPlicPending), 0u);
  EXPECT_EQ(soc.tb().meip_o, 0u);
  EXPECT_EQ(soc.read(plic_claim(0)), 0u);
  soc.write(plic_claim(0), 8);  // complete while the line is still high
  soc.run(2);
  EXPECT_EQ(soc.read(kPlicPending), 1u << 8);
  EXPECT_EQ(soc.tb().meip_o, 1u);
  EXPECT_EQ(soc.read(plic_claim(0)), 8u);
  soc.ext_irq = 0;  // device drained
  soc.write(plic_claim(0), 8);
  soc.run(3);
  EXPECT_EQ(soc.read(kPlicPending), 0u);
  EXPECT_EQ(soc.tb().meip_o, 0u);
}

TEST_F(Plic, ShortPulseIsLatchedUntilClaimed) {
  soc.write(plic_prio(4), 1);
  soc.write(plic_enable(0), 1u << 4);
  soc.ext_irq = uint8_t(ext(4));
  soc.run(1);
  soc.ext_irq = 0;
  soc.run(5);
  EXPECT_EQ(soc.tb().meip_o, 1u);
  EXPECT_EQ(soc.read(plic_claim(0)), 4u);
  soc.write(plic_claim(0), 4);
  soc.run(2);
  EXPECT_EQ(soc.tb().meip_o, 0u);
}

TEST_F(Plic, CompleteForASourceNotEnabledInTheContextIsIgnored) {
  soc.write(plic_prio(5), 1);
  soc.write(plic_enable(0), 1u << 5);
  soc.ext_irq = uint8_t(ext(5));
  soc.run(3);
  EXPECT_EQ(soc.read(plic_claim(0)), 5u);
  soc.write(plic_claim(1), 5);  // context 1 does not enable source 5
  soc.run(3);
  EXPECT_EQ(soc.read(kPlicPending), 0u);  // still in flight
  soc.write(plic_claim(0), 5);
  soc.run(2);
  EXPECT_EQ(soc.read(kPlicPending), 1u << 5);
}

TEST_F(Plic, ContextsHaveTheirOwnEnablesAndThresholds) {
  soc.write(plic_prio(4), 4);
  soc.write(plic_prio(5), 6);
  soc.write(plic_enable(0), 1u << 4);
  soc.write(plic_enable(1), (1u << 4) | (1u << 5));
  EXPECT_EQ(soc.read(plic_enable(1)), (1u << 4) | (1u << 5));
  soc.write(plic_threshold(1), 5);
  soc.ext_irq = uint8_t(ext(4) | ext(5));
  soc.run(3);
  EXPECT_EQ(soc.tb().meip_o, 3u);
  EXPECT_EQ(soc.read(plic_claim(1)), 5u);  // 4 is below context 1's threshold
  soc.run(2);
  EXPECT_EQ(soc.tb().meip_o, 1u);
  EXPECT_EQ(soc.read(plic_claim(1)), 0u);
  EXPECT_EQ(soc.read(plic_claim(0)), 4u);
  soc.run(2);
  EXPECT_EQ(soc.tb().meip_o, 0u);
}

TEST_F(Plic, RegistersAreWarlAndUndefinedOffsetsReadZero) {
  soc.write(plic_prio(4), 0xFF);
  EXPECT_EQ(soc.read(plic_prio(4)), 7u);  // 3 priority bits
  soc.write(plic_prio(0), 5);             // source 0 does not exist
  EXPECT_EQ(soc.read(plic_prio(0)), 0u);
  soc.write(plic_prio(9), 5);  // beyond NUM_SRC
  EXPECT_EQ(soc.read(plic_prio(9)), 0u);
  soc.write(plic_enable(0), 0xFFFF'FFFF);
  EXPECT_EQ(soc.read(plic_enable(0)), 0x1FEu);  // sources 1..8
  EXPECT_EQ(soc.read(plic_enable(2)), 0u);      // no context 2
  soc.write(kPlicPending, 0xFFFF'FFFF);         // read only
  EXPECT_EQ(soc.read(kPlicPending), 0u);
  EXPECT_EQ(soc.read(kPlicBase + 0x1080), 0u);
}

TEST_F(Plic, DeviceLinesReachTheirSources) {
  soc.write(plic_prio(kSrcUart), 1);
  soc.write(plic_enable(0), 1u << kSrcUart);
  soc.write(kUartBase + kIer, 0x2, 0x1);  // THR empty: the UART line rises
  soc.run(4);
  EXPECT_EQ(soc.read(plic_claim(0)), kSrcUart);
  soc.write(kUartBase + kIer, 0x0, 0x1);
  soc.write(plic_claim(0), kSrcUart);
  soc.run(3);
  EXPECT_EQ(soc.read(kPlicPending), 0u);
}

// ===========================================================================
// Simulation control.
// ===========================================================================
using SimCtrl = SocTest;

TEST_F(SimCtrl, ExitStorePulsesTheCode) {
  soc.write(kSimExit, 3);
  soc.run(2);
  EXPECT_EQ(soc.exits, (std::vector<uint32_t>{3}));
  EXPECT_EQ(soc.tb().exit_code_o, 3u);
  EXPECT_FALSE(soc.tb().exit_valid_o);  // one cycle only
}

TEST_F(SimCtrl, MarkersAndConsoleBytesPulseOncePerStore) {
  soc.write(kSimMarker, 0x1000);
  soc.write(kSimMarker, 0x1001);
  for (char c : std::string("ok")) soc.write(kSimConsole, uint8_t(c));
  soc.run(2);
  EXPECT_EQ(soc.markers, (std::vector<uint32_t>{0x1000, 0x1001}));
  EXPECT_EQ(soc.console, "ok");
  EXPECT_TRUE(soc.exits.empty());
}

TEST_F(SimCtrl, CycleCounterCountsAndSnapshotsTheHighWord) {
  const uint32_t a = soc.read(kSimCycleLo);
  EXPECT_EQ(soc.read(kSimCycleHi), 0u);
  soc.run(50);
  const uint32_t b = soc.read(kSimCycleLo);
  // Each access takes two cycles (request, response): the CYCLE_HI read and
  // the 50 idle cycles lie between the two CYCLE_LO requests.
  EXPECT_EQ(b - a, 2u + 2u + 50u);
  EXPECT_EQ(soc.read(kSimCycleLo + 0x100), 0u);
}

// ===========================================================================
// Packet device.
// ===========================================================================
using PktDev = SocTest;

constexpr uint32_t kRxRing = kRamBase + 0x1000, kTxRing = kRamBase + 0x1400;
constexpr uint32_t kRxBufs = kRamBase + 0x2000, kBufStride = 0x100;

// Posts RX descriptors 0..n-1 with buffers of buf_size bytes.
void setup_rx(Soc& soc, uint32_t size, uint32_t tail, uint32_t buf_size) {
  for (uint32_t i = 0; i < size; ++i) {
    soc.write(kRxRing + 16 * i + 0, kRxBufs + kBufStride * i);
    soc.write(kRxRing + 16 * i + 4, buf_size);
    soc.write(kRxRing + 16 * i + 8, 0);
    soc.write(kRxRing + 16 * i + 12, 0);
  }
  soc.write(kPktRxBase, kRxRing);
  soc.write(kPktRxSize, size);
  soc.write(kPktRxTail, tail);
}

void offer_packet(Soc& soc, uint16_t len, uint32_t tag, uint32_t seed) {
  const uint32_t beats = len == 0 ? 1 : (len + 3u) / 4;
  for (uint32_t i = 0; i < beats; ++i) soc.pkt_rx.push_back({len, tag, seed * 0x1000u + i});
}

TEST_F(PktDev, IdentifiesItself) { EXPECT_EQ(soc.read(kPktId), 0x504B'5401u); }

TEST_F(PktDev, RxPacketLandsInTheRingWithTagAndLength) {
  setup_rx(soc, 4, 3, 64);
  soc.write(kPktIrqEnable, kIrqRx);
  soc.write(kPktCtrl, kCtrlRxEn);
  offer_packet(soc, 10, 0xBEEF'0001, 1);
  ASSERT_TRUE(soc.run_until([&] { return bool(soc.tb().pkt_rx_irq_o); }));
  EXPECT_EQ(soc.read(kPktRxHead), 1u);
  EXPECT_EQ(soc.read(kPktRxPkts), 1u);
  EXPECT_EQ(soc.read(kPktIrqStatus), kIrqRx);
  EXPECT_EQ(soc.read(kRxRing + 8), 0xBEEF'0001u);
  EXPECT_EQ(soc.read(kRxRing + 12), kStDone | 10u);
  for (uint32_t i = 0; i < 3; ++i) EXPECT_EQ(soc.read(kRxBufs + 4 * i), 0x1000u + i);
  EXPECT_EQ(soc.read(kRxBufs + 12), 0u);  // nothing past the packet
  EXPECT_EQ(soc.read(kRxRing + 16 + 12), 0u);
}

TEST_F(PktDev, RxDropsAndCountsWhenTheRingIsFull) {
  setup_rx(soc, 4, 3, 64);  // 3 buffers posted
  soc.write(kPktCtrl, kCtrlRxEn);
  for (uint32_t p = 0; p < 5; ++p) offer_packet(soc, uint16_t(8 + 4 * p), 100 + p, p);
  ASSERT_TRUE(soc.run_until([&] { return soc.pkt_rx.empty(); }));
  soc.run(40);
  EXPECT_EQ(soc.read(kPktRxHead), 3u);
  EXPECT_EQ(soc.read(kPktRxPkts), 3u);
  EXPECT_EQ(soc.read(kPktRxDrops), 2u);
  for (uint32_t p = 0; p < 3; ++p) {
    EXPECT_EQ(soc.read(kRxRing + 16 * p + 8), 100u + p);
    EXPECT_EQ(soc.read(kRxRing + 16 * p + 12), kStDone | (8u + 4 * p));
    EXPECT_EQ(soc.read(kRxBufs + kBufStride * p), p * 0x1000u);
  }
  EXPECT_EQ(soc.read(kRxRing + 16 * 3 + 12), 0u);
  // Firmware returns two buffers: the next packets land in slots 3 and 0.
  soc.write(kRxRing + 12, 0);
  soc.write(kPktRxTail, 1);
  offer_packet(soc, 4, 200, 9);
  offer_packet(soc, 4, 201, 10);
  offer_packet(soc, 4, 202, 11);  // ring full again: dropped
  ASSERT_TRUE(soc.run_until([&] { return soc.pkt_rx.empty(); }));
  soc.run(40);
  EXPECT_EQ(soc.read(kRxRing + 16 * 3 + 8), 200u);
  EXPECT_EQ(soc.read(kRxRing + 8), 201u);
  EXPECT_EQ(soc.read(kPktRxHead), 1u);
  EXPECT_EQ(soc.read(kPktRxDrops), 3u);
  soc.write(kPktRxDrops, 0);
  EXPECT_EQ(soc.read(kPktRxDrops), 0u);
}

TEST_F(PktDev, RxDropsEverythingWhileDisabled) {
  setup_rx(soc, 4, 3, 64);
  offer_packet(soc, 0, 1, 0);    // zero-length packet: one beat
  offer_packet(soc, 100, 2, 1);  // 25 beats
  ASSERT_TRUE(soc.run_until([&] { return soc.pkt_rx.empty(); }));
  soc.run(5);
  EXPECT_EQ(soc.read(kPktRxDrops), 2u);
  EXPECT_EQ(soc.read(kPktRxPkts), 0u);
  EXPECT_EQ(soc.read(kRxRing + 12), 0u);
  EXPECT_EQ(soc.read(kPktStatus), 0u);
}

TEST_F(PktDev, RxTruncatesToTheBufferSize) {
  setup_rx(soc, 2, 1, 8);  // 2-word buffers
  soc.write(kRxBufs + 8, 0x5555'5555);
  soc.write(kPktCtrl, kCtrlRxEn);
  offer_packet(soc, 13, 0x77, 3);
  ASSERT_TRUE(soc.run_until([&] { return soc.pkt_rx.empty(); }));
  ASSERT_TRUE(soc.run_until([&] { return soc.read(kPktRxPkts) == 1; }));
  EXPECT_EQ(soc.read(kRxRing + 12), kStDone | kStTrunc | 13u);
  EXPECT_EQ(soc.read(kRxBufs + 0), 0x3000u);
  EXPECT_EQ(soc.read(kRxBufs + 4), 0x3001u);
  EXPECT_EQ(soc.read(kRxBufs + 8), 0x5555'5555u);  // not overrun
}

TEST_F(PktDev, RxBufferAtABadAddressReportsErr) {
  setup_rx(soc, 2, 1, 64);
  soc.write(kRxRing + 0, 0x3000'0000);  // unmapped buffer
  soc.write(kPktIrqEnable, kIrqErr);
  soc.write(kPktCtrl, kCtrlRxEn);
  offer_packet(soc, 8, 5, 0);
  ASSERT_TRUE(soc.run_until([&] { return bool(soc.tb().pkt_rx_irq_o); }));
  ASSERT_TRUE(soc.run_until([&] { return soc.read(kPktRxPkts) == 1; }));
  EXPECT_EQ(soc.read(kRxRing + 12), kStDone | kStErr | 8u);
  EXPECT_EQ(soc.read(kPktIrqStatus) & kIrqErr, kIrqErr);
  soc.write(kPktIrqStatus, kIrqErr);
  soc.run(2);
  EXPECT_FALSE(soc.tb().pkt_rx_irq_o);
}

TEST_F(PktDev, DmaCannotReachDevices) {
  // The test top marks the DMA master MEM_ONLY: a buffer pointing at a device
  // register gets bus errors instead of writing it.
  setup_rx(soc, 2, 1, 64);
  soc.write(kRxRing + 0, kUartBase + kScr);
  soc.write(kUartBase + kScr, 0x11, 0x1);
  soc.write(kPktCtrl, kCtrlRxEn);
  offer_packet(soc, 4, 9, 0);
  ASSERT_TRUE(soc.run_until([&] { return soc.read(kPktRxPkts) == 1; }));
  EXPECT_EQ(soc.read(kRxRing + 12), kStDone | kStErr | 4u);
  EXPECT_EQ(soc.read(kUartBase + kScr), 0x11u);
  EXPECT_EQ(soc.read(kPktIrqStatus) & kIrqErr, kIrqErr);
}

TEST_F(PktDev, TxCompletesPostedDescriptorsInOrder) {
  for (uint32_t i = 0; i < 4; ++i) {
    soc.write(kTxRing + 16 * i + 0, kRamBase + 0x8000 + 0x40 * i);
    soc.write(kTxRing + 16 * i + 4, 60 + i);
    soc.write(kTxRing + 16 * i + 8, 0xAB00 + i);
    soc.write(kTxRing + 16 * i + 12, 0);
  }
  soc.write(kPktTxBase, kTxRing);
  soc.write(kPktTxSize, 4);
  soc.write(kPktIrqEnable, kIrqTx);
  soc.write(kPktCtrl, kCtrlTxEn);
  soc.run(50);
  EXPECT_TRUE(soc.pkt_tx.empty());  // nothing posted yet
  soc.write(kPktTxTail, 3);
  ASSERT_TRUE(soc.run_until([&] { return soc.pkt_tx.size() == 3; }));
  ASSERT_TRUE(soc.run_until([&] { return soc.read(kPktTxHead) == 3; }));
  for (uint32_t i = 0; i < 3; ++i) {
    EXPECT_EQ(soc.pkt_tx[i].addr, kRamBase + 0x8000 + 0x40 * i);
    EXPECT_EQ(soc.pkt_tx[i].len, 60 + i);
    EXPECT_EQ(soc.pkt_tx[i].tag, 0xAB00 + i);
    EXPECT_EQ(soc.read(kTxRing + 16 * i + 12), kStDone | (60 + i));
  }
  EXPECT_EQ(soc.read(kTxRing + 16 * 3 + 12), 0u);
  EXPECT_EQ(soc.read(kPktTxPkts), 3u);
  EXPECT_TRUE(soc.tb().pkt_tx_irq_o);
  // Wrap around: post descriptor 3 and 0 again.
  soc.write(kPktIrqStatus, kIrqTx);
  soc.run(2);
  EXPECT_FALSE(soc.tb().pkt_tx_irq_o);
  soc.write(kPktTxTail, 1);
  ASSERT_TRUE(soc.run_until([&] { return soc.pkt_tx.size() == 5; }));
  EXPECT_EQ(soc.pkt_tx[3].tag, 0xAB03u);
  EXPECT_EQ(soc.pkt_tx[4].tag, 0xAB00u);
  ASSERT_TRUE(soc.run_until([&] { return soc.read(kPktTxHead) == 1; }));
  EXPECT_TRUE(soc.tb().pkt_tx_irq_o);
}

TEST_F(PktDev, HeadIsWritableOnlyWhileDisabled) {
  soc.write(kPktRxHead, 2);
  soc.write(kPktTxHead, 3);
  EXPECT_EQ(soc.read(kPktRxHead), 2u);
  EXPECT_EQ(soc.read(kPktTxHead), 3u);
  soc.write(kPktCtrl, kCtrlRxEn | kCtrlTxEn);
  soc.write(kPktRxHead, 0);
  soc.write(kPktTxHead, 0);
  EXPECT_EQ(soc.read(kPktRxHead), 2u);
  EXPECT_EQ(soc.read(kPktTxHead), 3u);
  EXPECT_EQ(soc.read(kPktCtrl), kCtrlRxEn | kCtrlTxEn);
  soc.write(kPktRxBase, kRamBase + 0x123F);
  EXPECT_EQ(soc.read(kPktRxBase), kRamBase + 0x1230);  // 16-byte aligned
}

TEST_F(PktDev, InterruptLinesAreLevelUntilAcknowledgedAndMasked) {
  setup_rx(soc, 4, 3, 64);
  soc.write(kPktCtrl, kCtrlRxEn);
  offer_packet(soc, 4, 1, 0);
  ASSERT_TRUE(soc.run_until([&] { return soc.read(kPktRxPkts) == 1; }));
  soc.run(20);
  EXPECT_FALSE(soc.tb().pkt_rx_irq_o);  // status set, not enabled
  EXPECT_EQ(soc.read(kPktIrqStatus), kIrqRx);
  soc.write(kPktIrqEnable, kIrqRx);
  soc.run(2);
  EXPECT_TRUE(soc.tb().pkt_rx_irq_o);
  soc.run(100);
  EXPECT_TRUE(soc.tb().pkt_rx_irq_o);  // level: stays
  soc.write(kPktIrqStatus, kIrqTx);    // other bit: no effect
  soc.run(2);
  EXPECT_TRUE(soc.tb().pkt_rx_irq_o);
  soc.write(kPktIrqStatus, kIrqRx);
  soc.run(2);
  EXPECT_FALSE(soc.tb().pkt_rx_irq_o);
  // The PLIC sees the line as source 2.
  soc.write(plic_prio(kSrcPktRx), 1);
  soc.write(plic_enable(0), 1u << kSrcPktRx);
  offer_packet(soc, 4, 2, 1);
  ASSERT_TRUE(soc.run_until([&] { return soc.tb().meip_o != 0; }));
  EXPECT_EQ(soc.read(plic_claim(0)), kSrcPktRx);
}

TEST_F(PktDev, RxAndTxRunConcurrentlyUnderRandomTraffic) {
  // The firmware side is played here: it recycles RX buffers and posts TX
  // descriptors while the generator offers packets of random length.
  constexpr uint32_t kRxSize = 8, kTxSize = 4, kPackets = 40;
  setup_rx(soc, kRxSize, kRxSize - 1, 128);
  for (uint32_t i = 0; i < kTxSize; ++i) {
    soc.write(kTxRing + 16 * i + 0, kRamBase + 0x9000);
    soc.write(kTxRing + 16 * i + 4, 0);
  }
  soc.write(kPktTxBase, kTxRing);
  soc.write(kPktTxSize, kTxSize);
  soc.write(kPktCtrl, kCtrlRxEn | kCtrlTxEn);
  std::mt19937 rng(2024);
  std::vector<uint16_t> lens;
  for (uint32_t p = 0; p < kPackets; ++p) {
    lens.push_back(uint16_t(rng() % 129));
    offer_packet(soc, lens.back(), 0x1000 + p, p);
  }
  uint32_t rx_seen = 0, tx_posted = 0, tx_tail = 0, fw_rx = 0;
  for (int iter = 0; iter < 4000 && (rx_seen < kPackets || soc.pkt_tx.size() < tx_posted ||
                                     tx_posted < kPackets);
       ++iter) {
    // Firmware: consume one completed RX descriptor, echo it as a TX.
    const uint32_t st = soc.read(kRxRing + 16 * fw_rx + 12);
    if (st & kStDone) {
      const uint32_t tag = soc.read(kRxRing + 16 * fw_rx + 8);
      EXPECT_EQ(tag, 0x1000 + rx_seen);
      EXPECT_EQ(st & 0xFFFF, lens[rx_seen]);
      const uint32_t words = std::min<uint32_t>((lens[rx_seen] + 3) / 4, 32);
      for (uint32_t w = 0; w < words; w += 7) {
        EXPECT_EQ(soc.read(kRxBufs + kBufStride * fw_rx + 4 * w), rx_seen * 0x1000u + w);
      }
      soc.write(kRxRing + 16 * fw_rx + 12, 0);
      soc.write(kPktRxTail, fw_rx);  // give the buffer back
      fw_rx = (fw_rx + 1) % kRxSize;
      // Echo: wait for a free TX slot.
      while ((tx_tail + 1) % kTxSize == soc.read(kPktTxHead)) soc.run(10);
      soc.write(kTxRing + 16 * tx_tail + 4, lens[rx_seen]);
      soc.write(kTxRing + 16 * tx_tail + 8, tag);
      soc.write(kTxRing + 16 * tx_tail + 12, 0);
      tx_tail = (tx_tail + 1) % kTxSize;
      soc.write(kPktTxTail, tx_tail);
      ++tx_posted;
      ++rx_seen;
    } else {
      soc.run(5);
    }
  }
  ASSERT_TRUE(soc.run_until([&] { return soc.pkt_tx.size() == kPackets; }));
  EXPECT_EQ(soc.read(kPktRxDrops), 0u);
  for (uint32_t p = 0; p < kPackets; ++p) {
    EXPECT_EQ(soc.pkt_tx[p].tag, 0x1000 + p);
    EXPECT_EQ(soc.pkt_tx[p].len, lens[p]);
  }
}

}  // namespace
