// Timing contract at the ports (docs/ats_intc.md §3): a request accepted at
// edge k answers in cycle k+1 for exactly one cycle; one operation per cycle
// back to back, each seeing the ones before it; DEQ load-to-use of 2 cycles;
// IRQ edge -> ready in 2 cycles; SEND -> ready; gnt_o low exactly while
// internal work is outstanding; the lines reflect every operation executed up
// to the previous edge. Raw port driving, cycle by cycle.
#include "intc_driver.h"

namespace intc_test {
namespace {

template <class V>
class Timing : public IntcTest<V> {
 protected:
  V& dut() { return this->d.dut(); }
  uint32_t deq_addr(uint32_t p) const { return this->page(p) + pr::kDeq; }
  uint32_t enq_addr(uint32_t p) const { return this->page(p) + pr::kEnq; }
};
TYPED_TEST_SUITE(Timing, BothConfigs, ConfigName);

TYPED_TEST(Timing, ResponseFollowsAcceptanceForExactlyOneCycle) {
  auto& d = this->d;
  d.idle(1);  // past the response of the fixture's last setup write
  d.drive(false, k::kId);
  ASSERT_TRUE(this->dut().gnt_o);
  EXPECT_FALSE(this->dut().rvalid_o);
  d.tick();  // edge k: accepted
  d.release();
  EXPECT_FALSE(this->dut().rvalid_o);
  d.tick();  // cycle k+1: the response
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, ats_intc::kIpId);
  EXPECT_FALSE(this->dut().err_o);
  d.tick();
  EXPECT_FALSE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, 0u);
  // Writes get a response too, with rdata 0.
  d.drive(true, k::kCtrl, k::kCtrlBusErrEnMask);
  d.tick();
  d.release();
  d.tick();
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, 0u);
}

TYPED_TEST(Timing, BackToBackOperationsOnePerCycleSeeEachOther) {
  auto& d = this->d;
  struct Op {
    bool we;
    uint32_t addr;
    uint32_t wdata;
    uint32_t expect;  // rdata of the response
  };
  const uint32_t a = task(1, 3), b = task(2, 1), c = task(3, 3), e = task(4, 0);
  const std::vector<Op> ops = {
      {true, this->enq_addr(0), a, 0},  {true, this->enq_addr(0), b, 0},
      {true, this->enq_addr(0), c, 0},  {false, this->deq_addr(0), 0, b},
      {false, this->deq_addr(0), 0, a}, {true, this->enq_addr(0), e, 0},
      {false, this->deq_addr(0), 0, e}, {false, this->page(0) + pr::kDeqFrame, 0, c & ~31u},
      {false, this->deq_addr(0), 0, 0}, {false, this->page(0) + pr::kHeld, 0, 0},
      {true, this->enq_addr(0), a, 0},  {false, k::kFree, 0, this->cfg().entries - 1},
      {false, this->deq_addr(0), 0, a}, {false, k::kFree, 0, this->cfg().entries},
  };
  for (size_t i = 0; i <= ops.size(); ++i) {
    if (i < ops.size()) {
      d.drive(ops[i].we, ops[i].addr, ops[i].wdata);
    } else {
      d.release();
    }
    ASSERT_TRUE(this->dut().gnt_o) << "op " << i;
    d.tick();
    if (i > 0) {
      EXPECT_TRUE(this->dut().rvalid_o) << "response of op " << i - 1;
      EXPECT_EQ(this->dut().rdata_o, ops[i - 1].expect) << "response of op " << i - 1;
      EXPECT_FALSE(this->dut().err_o);
    } else {
      EXPECT_FALSE(this->dut().rvalid_o);
    }
  }
  d.tick();
  EXPECT_FALSE(this->dut().rvalid_o);
}

TYPED_TEST(Timing, DeqLoadToUseIsTwoCycles) {
  auto& d = this->d;
  this->enq(0, task(9, 2));
  const uint64_t start = d.cycle();
  d.drive(false, this->deq_addr(0));
  d.tick();  // accepted at this edge
  d.release();
  d.tick();  // data valid in this cycle: usable at the next edge
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, task(9, 2));
  EXPECT_EQ(d.cycle() - start, 2u);
}

TYPED_TEST(Timing, IrqEdgeToReadyIsTwoCycles) {
  auto& d = this->d;
  this->wait_on(0, 3, task(5, 1));
  d.idle(2);
  d.set_irq(3, true);  // rises in cycle k-1
  d.tick();            // edge k: sampled, PENDING 1, a wake is due
  EXPECT_FALSE(this->dut().gnt_o);
  EXPECT_FALSE(this->dut().work_o & 1u);
  d.drive(false, this->deq_addr(0));  // requested in cycle k: gnt_o is low
  d.tick();                            // edge k+1: not accepted (the wake ran at edge k)
  EXPECT_TRUE(this->dut().gnt_o);
  EXPECT_TRUE(this->dut().work_o & 1u);
  EXPECT_FALSE(this->dut().rvalid_o);
  d.tick();  // edge k+2: the DEQ is accepted
  d.release();
  EXPECT_FALSE(this->dut().rvalid_o);
  d.tick();
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, task(5, 1));
  EXPECT_EQ(this->pending(3), 0u);
}

TYPED_TEST(Timing, IrqEdgeDuringAnAcceptedRequestWakesOneEdgeLater) {
  auto& d = this->d;
  this->wait_on(0, 4, task(6, 1));
  d.set_irq(4, true);
  d.drive(false, k::kId);  // accepted at the same edge that samples the IRQ
  ASSERT_TRUE(this->dut().gnt_o);
  d.tick();  // edge k: the bus request goes first
  EXPECT_FALSE(this->dut().gnt_o);
  d.drive(false, this->deq_addr(0));
  d.tick();  // edge k+1: the wake step
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, ats_intc::kIpId);
  EXPECT_FALSE(this->dut().gnt_o);
  EXPECT_FALSE(this->dut().work_o & 1u);
  d.tick();  // edge k+2
  EXPECT_TRUE(this->dut().gnt_o);
  EXPECT_TRUE(this->dut().work_o & 1u);
  d.tick();  // edge k+3: DEQ accepted
  d.release();
  d.tick();
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, task(6, 1));
}

TYPED_TEST(Timing, SendToReadyTakesTwoCycles) {
  auto& d = this->d;
  this->enable(1);
  const uint32_t ch = this->first_channel();
  this->set_src(ch, 0, false, 1u << 1);
  this->wait_on(0, ch, task(7, 0));
  d.drive(true, this->page(1) + pr::send(ch));
  d.tick();  // edge k: SEND accepted, PENDING 1 after it
  d.release();
  EXPECT_TRUE(this->dut().gnt_o);  // decided before the SEND executed
  d.tick();  // edge k+1: the wake step
  EXPECT_FALSE(this->dut().gnt_o);
  EXPECT_TRUE(this->dut().rvalid_o);
  d.drive(false, this->deq_addr(0));
  d.tick();  // edge k+2: cannot accept
  EXPECT_TRUE(this->dut().gnt_o);
  EXPECT_FALSE(this->dut().rvalid_o);
  d.tick();  // edge k+3: DEQ accepted
  d.release();
  d.tick();
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, task(7, 0));
}

TYPED_TEST(Timing, RequestRightAfterSendGoesBeforeTheWake) {
  auto& d = this->d;
  const uint32_t ch = this->first_channel();
  this->wait_on(0, ch, task(7, 0));
  d.drive(true, k::fire(ch));
  d.tick();  // FIRE accepted
  d.drive(false, this->deq_addr(0));
  ASSERT_TRUE(this->dut().gnt_o);
  d.tick();  // DEQ accepted before the wake: finds nothing
  d.release();
  EXPECT_FALSE(this->dut().gnt_o);
  d.tick();  // the wake step
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, 0u);
  EXPECT_FALSE(this->dut().gnt_o);
  d.tick();
  EXPECT_TRUE(this->dut().gnt_o);
  EXPECT_EQ(this->deq(0), task(7, 0));
}

TYPED_TEST(Timing, HeldRequestWaitsExactlyWhileGntIsLow) {
  auto& d = this->d;
  const uint32_t ch = this->first_channel() + 1;
  this->set_src(ch, 0, true);
  for (uint32_t f = 1; f <= 3; ++f) this->wait_on(0, ch, task(f, 2));
  d.drive(true, k::fire(ch));
  d.tick();  // edge k: FIRE
  d.release();
  d.tick();  // edge k+1: first of three wake steps
  d.drive(false, this->deq_addr(0));
  unsigned low = 0;
  while (!this->dut().gnt_o) {
    ++low;
    d.tick();
    ASSERT_LT(low, 10u);
    EXPECT_FALSE(this->dut().rvalid_o) << "accepted while gnt_o was low";
  }
  EXPECT_EQ(low, 3u);  // cycles k+1..k+3
  d.tick();            // accepted at the first edge after gnt_o rose
  d.release();
  d.tick();
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, task(1, 2));
}

TYPED_TEST(Timing, LinesReflectTheOperationOfThePreviousEdge) {
  auto& d = this->d;
  this->enable(1);
  this->kw(k::run_prio(0), 2);
  d.drive(true, this->enq_addr(0), task(1, 5));
  d.tick();  // edge k: ENQ executes
  d.drive(true, this->enq_addr(1), task(2, 1));
  EXPECT_FALSE(this->dut().work_o & 1u);
  d.tick();  // edge k+1: second ENQ executes; lines show the first
  d.release();
  EXPECT_TRUE(this->dut().work_o & 1u);
  EXPECT_FALSE(this->dut().preempt_o & 1u);
  d.tick();
  EXPECT_TRUE(this->dut().preempt_o & 1u);
  // err_irq_o likewise, from the cycle after the rejected access.
  this->kw(k::kCtrl, k::kCtrlErrIrqEnMask | k::kCtrlBusErrEnMask);
  d.drive(false, 0x040 - 4);  // undefined kernel offset
  d.tick();
  d.release();
  EXPECT_FALSE(this->dut().err_irq_o);
  d.tick();
  EXPECT_TRUE(this->dut().err_irq_o);
  EXPECT_TRUE(this->dut().err_o);
}

TYPED_TEST(Timing, GntIsLowInResetAndHighRightAfter) {
  auto& d = this->d;
  d.dut().rst_ni = 0;
  d.drive(false, k::kId);
  d.tick();
  EXPECT_FALSE(this->dut().gnt_o);
  EXPECT_FALSE(this->dut().rvalid_o);
  d.tick();
  d.dut().rst_ni = 1;
  d.tick();  // first edge out of reset: the request is not accepted (gnt_o was 0)
  EXPECT_TRUE(this->dut().gnt_o);
  EXPECT_FALSE(this->dut().rvalid_o);
  d.tick();  // accepted now
  d.release();
  d.tick();
  EXPECT_TRUE(this->dut().rvalid_o);
  EXPECT_EQ(this->dut().rdata_o, ats_intc::kIpId);
}

}  // namespace
}  // namespace intc_test
