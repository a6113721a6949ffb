// AXI4-Lite wrapper (rtl/ats_intc/ats_intc_axil.sv), small configuration:
// reads and writes reach the controller, SLVERR exactly when the controller
// answers err_o, WSTRB becomes the byte enables, hart_i travels with the
// address, AW and W may come in different cycles, responses wait for READY,
// one transaction at a time, reads and writes alternate, and the documented
// latency (handshake at edge t, response in cycle t+3 when gnt_o is high).
#include <gtest/gtest.h>
#include <verilated.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "Vintc_axil_small.h"
#include "ats_intc_regs.h"

namespace intc_test {
namespace {

namespace k = ats_intc::kernel;
namespace pr = ats_intc::process;
namespace er = ats_intc::err;

constexpr uint32_t kOkay = 0;
constexpr uint32_t kSlvErr = 2;
constexpr uint32_t task(uint32_t f, uint32_t prio) { return (f << 5) | prio; }

struct AxiResp {
  uint32_t data = 0;
  uint32_t resp = 0;
  uint32_t cycles = 0;  // edges from VALID to the response being taken
};

class AxilTest : public ::testing::Test {
 protected:
  static constexpr unsigned kMaxWait = 200;

  AxilTest() : ctx_(std::make_unique<VerilatedContext>()) {
    ctx_->randReset(2);
    dut_ = std::make_unique<Vintc_axil_small>(ctx_.get(), "dut");
  }
  ~AxilTest() override { dut_->final(); }

  void SetUp() override {
    clear_inputs();
    dut_->rst_ni = 0;
    tick();
    tick();
    dut_->rst_ni = 1;
    tick();
  }

  void clear_inputs() {
    dut_->awvalid_i = 0;
    dut_->wvalid_i = 0;
    dut_->arvalid_i = 0;
    dut_->bready_i = 0;
    dut_->rready_i = 0;
    dut_->awaddr_i = 0;
    dut_->araddr_i = 0;
    dut_->wdata_i = 0;
    dut_->wstrb_i = 0xF;
    dut_->hart_i = 0;
    dut_->irq_i = 0;
  }
  // Combinational outputs (the READYs) after an input change.
  void settle() {
    dut_->clk_i = 0;
    dut_->eval();
  }
  void tick() {
    settle();
    dut_->clk_i = 1;
    dut_->eval();
    ++cycle_;
    settle();
  }

  AxiResp write(uint32_t addr, uint32_t data, uint32_t strb = 0xF, uint32_t hart = 0) {
    AxiResp r;
    dut_->awaddr_i = addr;
    dut_->wdata_i = data;
    dut_->wstrb_i = strb;
    dut_->hart_i = hart;
    dut_->awvalid_i = 1;
    dut_->wvalid_i = 1;
    dut_->bready_i = 1;
    settle();
    while (!(dut_->awready_o && dut_->wready_o) && r.cycles < kMaxWait) {
      tick();
      ++r.cycles;
    }
    tick();
    ++r.cycles;
    dut_->awvalid_i = 0;
    dut_->wvalid_i = 0;
    settle();
    while (!dut_->bvalid_o && r.cycles < kMaxWait) {
      tick();
      ++r.cycles;
    }
    EXPECT_TRUE(dut_->bvalid_o) << "no write response";
    r.resp = dut_->bresp_o;
    tick();
    dut_->bready_i = 0;
    settle();
    return r;
  }

  AxiResp read(uint32_t addr, uint32_t hart = 0) {
    AxiResp r;
    dut_->araddr_i = addr;
    dut_->hart_i = hart;
    dut_->arvalid_i = 1;
    dut_->rready_i = 1;
    settle();
    while (!dut_->arready_o && r.cycles < kMaxWait) {
      tick();
      ++r.cycles;
    }
    tick();
    ++r.cycles;
    dut_->arvalid_i = 0;
    settle();
    while (!dut_->rvalid_o && r.cycles < kMaxWait) {
      tick();
      ++r.cycles;
    }
    EXPECT_TRUE(dut_->rvalid_o) << "no read response";
    r.data = dut_->rdata_o;
    r.resp = dut_->rresp_o;
    tick();
    dut_->rready_i = 0;
    settle();
    return r;
  }

  uint32_t page(uint32_t p) { return ats_intc::process_page(p); }

  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Vintc_axil_small> dut_;
  uint64_t cycle_ = 0;
};

TEST_F(AxilTest, ReadsTheIdRegister) {
  const AxiResp r = read(k::kId);
  EXPECT_EQ(r.data, ats_intc::kIpId);
  EXPECT_EQ(r.resp, kOkay);
  EXPECT_EQ(read(k::kVersion).data, ats_intc::kVersion);
}

TEST_F(AxilTest, EnqueueAndDequeueThroughAxi) {
  EXPECT_EQ(write(page(0) + pr::kEnq, task(3, 4)).resp, kOkay);
  EXPECT_EQ(write(page(0) + pr::kEnq, task(4, 1)).resp, kOkay);
  EXPECT_EQ(read(page(0) + pr::kHeld).data, 2u);
  EXPECT_EQ(read(page(0) + pr::kDeq).data, task(4, 1));
  EXPECT_EQ(read(page(0) + pr::kDeq).data, task(3, 4));
  EXPECT_EQ(read(page(0) + pr::kDeq).data, 0u);
}

TEST_F(AxilTest, SlverrExactlyWhenTheControllerAnswersAnError) {
  // Bus errors off: rejected, recorded, answered OKAY.
  AxiResp r = read(0x030);
  EXPECT_EQ(r.resp, kOkay);
  EXPECT_EQ(r.data, 0u);
  EXPECT_EQ(read(k::kGlobalErr).data, er::kBadOff);
  EXPECT_EQ(write(k::kCtrl, k::kCtrlBusErrEnMask).resp, kOkay);
  r = read(0x030);
  EXPECT_EQ(r.resp, kSlvErr);
  EXPECT_EQ(r.data, 0u);
  EXPECT_EQ(write(k::kId, 1).resp, kSlvErr);
  EXPECT_EQ(write(page(0) + pr::kEnq, 0).resp, kOkay);  // slot 0 has BUS_ERR_EN off
  EXPECT_EQ(write(k::proc_ctrl(0), k::kProcCtrlEnableMask | k::kProcCtrlBusErrEnMask).resp,
            kOkay);
  EXPECT_EQ(write(page(0) + pr::kEnq, 0).resp, kSlvErr);
  EXPECT_EQ(read(page(0) + pr::kErr).data, er::kBadWord);
}

TEST_F(AxilTest, WstrbBecomesTheByteEnables) {
  write(k::kCtrl, k::kCtrlBusErrEnMask);
  EXPECT_EQ(write(k::quota(0), 7, 0x3).resp, kSlvErr);
  EXPECT_EQ(read(k::kGlobalErr).data, er::kAlign);
  EXPECT_EQ(read(k::quota(0)).data, 0u);
  EXPECT_EQ(write(k::quota(0), 7, 0xF).resp, kOkay);
  EXPECT_EQ(read(k::quota(0)).data, 7u);
}

TEST_F(AxilTest, HartSidebandTravelsWithTheAddress) {
  write(page(0) + pr::kEnq, task(1, 3));
  write(page(0) + pr::kEnq, task(2, 5));
  EXPECT_EQ(read(page(0) + pr::kDeq, 1).data, task(1, 3));  // hart 1 does not exist
  EXPECT_EQ(read(k::run_prio(0)).data, 8u);
  EXPECT_EQ(read(page(0) + pr::kDeq, 0).data, task(2, 5));
  EXPECT_EQ(read(k::run_prio(0)).data, 5u);
}

TEST_F(AxilTest, AddressAndDataMayArriveInDifferentCycles) {
  dut_->bready_i = 1;
  dut_->awaddr_i = k::quota(1);
  dut_->awvalid_i = 1;
  settle();
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(dut_->awready_o) << "AW taken without W";
    tick();
  }
  dut_->wdata_i = 9;
  dut_->wstrb_i = 0xF;
  dut_->wvalid_i = 1;
  settle();
  EXPECT_TRUE(dut_->awready_o);
  EXPECT_TRUE(dut_->wready_o);
  tick();
  dut_->awvalid_i = 0;
  dut_->wvalid_i = 0;
  for (int i = 0; i < 10 && !dut_->bvalid_o; ++i) tick();
  EXPECT_TRUE(dut_->bvalid_o);
  tick();
  dut_->bready_i = 0;
  EXPECT_EQ(read(k::quota(1)).data, 9u);
}

TEST_F(AxilTest, HandshakeToResponseTakesThreeCycles) {
  dut_->araddr_i = k::kId;
  dut_->arvalid_i = 1;
  dut_->rready_i = 0;
  settle();
  ASSERT_TRUE(dut_->arready_o);
  tick();  // edge t: handshake
  dut_->arvalid_i = 0;
  settle();
  EXPECT_FALSE(dut_->rvalid_o);
  tick();
  EXPECT_FALSE(dut_->rvalid_o);
  tick();
  EXPECT_FALSE(dut_->rvalid_o);
  tick();  // cycle t+3
  EXPECT_TRUE(dut_->rvalid_o);
  EXPECT_EQ(dut_->rdata_o, ats_intc::kIpId);
  // Held until taken.
  for (int i = 0; i < 4; ++i) {
    tick();
    EXPECT_TRUE(dut_->rvalid_o);
    EXPECT_EQ(dut_->rdata_o, ats_intc::kIpId);
  }
  dut_->rready_i = 1;
  tick();
  EXPECT_FALSE(dut_->rvalid_o);
  EXPECT_EQ(dut_->rdata_o, 0u);
}

TEST_F(AxilTest, OneTransactionAtATime) {
  dut_->awaddr_i = k::quota(0);
  dut_->wdata_i = 5;
  dut_->awvalid_i = 1;
  dut_->wvalid_i = 1;
  settle();
  tick();  // write handshake
  dut_->awvalid_i = 0;
  dut_->wvalid_i = 0;
  dut_->araddr_i = k::quota(0);
  dut_->arvalid_i = 1;
  settle();
  // The write's response is not taken (BREADY low): no read is accepted.
  for (int i = 0; i < 8; ++i) {
    EXPECT_FALSE(dut_->arready_o) << "cycle " << i;
    tick();
  }
  EXPECT_TRUE(dut_->bvalid_o);
  dut_->bready_i = 1;
  tick();  // response taken
  dut_->bready_i = 0;
  EXPECT_TRUE(dut_->arready_o);
  dut_->rready_i = 1;
  tick();
  dut_->arvalid_i = 0;
  for (int i = 0; i < 10 && !dut_->rvalid_o; ++i) tick();
  EXPECT_TRUE(dut_->rvalid_o);
  EXPECT_EQ(dut_->rdata_o, 5u);  // the read saw the write before it
}

TEST_F(AxilTest, ReadsAndWritesWaitingTogetherAlternate) {
  // Both channels stay valid; the wrapper serves them in turn.
  dut_->awaddr_i = page(0) + pr::kEnq;
  dut_->wdata_i = task(1, 2);
  dut_->awvalid_i = 1;
  dut_->wvalid_i = 1;
  dut_->araddr_i = page(0) + pr::kHeld;
  dut_->arvalid_i = 1;
  dut_->bready_i = 1;
  dut_->rready_i = 1;
  std::vector<char> order;
  std::vector<uint32_t> held;
  for (int i = 0; i < 40 && order.size() < 6; ++i) {
    settle();
    if (dut_->awready_o) order.push_back('W');
    if (dut_->arready_o) order.push_back('R');
    EXPECT_FALSE(dut_->awready_o && dut_->arready_o);
    if (dut_->rvalid_o) held.push_back(dut_->rdata_o);
    tick();
  }
  EXPECT_EQ(std::string(order.begin(), order.end()), "RWRWRW");
  clear_inputs();
  for (int i = 0; i < 8; ++i) {
    if (dut_->rvalid_o) held.push_back(dut_->rdata_o);
    tick();
  }
  EXPECT_EQ(held, (std::vector<uint32_t>{0, 1, 2}));
}

TEST_F(AxilTest, WaitsWhileTheControllerHasInternalWork) {
  const uint32_t ch = ats_intc::kFirstChannel;
  write(k::src_cfg(ch), k::kSrcCfgBroadcastMask);
  for (uint32_t f = 1; f <= 6; ++f) write(page(0) + pr::wait(ch), task(f, 1));
  const AxiResp fire = write(k::fire(ch), 0);
  EXPECT_EQ(fire.resp, kOkay);
  // The broadcast still runs (6 steps) when the next read arrives.
  const AxiResp r = read(k::kFree);
  EXPECT_EQ(r.data, 32u - 6u);
  EXPECT_GT(r.cycles, 5u);
  EXPECT_EQ(read(page(0) + pr::kDeq).data, task(1, 1));
}

TEST_F(AxilTest, InterruptLinesPassThrough) {
  write(page(0) + pr::wait(2), task(1, 1));
  EXPECT_FALSE(dut_->work_o);
  dut_->irq_i = 1u << 2;
  for (int i = 0; i < 3; ++i) tick();
  EXPECT_TRUE(dut_->work_o);
  write(k::kCtrl, k::kCtrlErrIrqEnMask);
  read(0x030);
  EXPECT_TRUE(dut_->err_irq_o);
}

}  // namespace
}  // namespace intc_test
