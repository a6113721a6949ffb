// Process reset (docs/ats_intc.md 4.5 and §6): PROC_CTRL.RESET writes the
// other fields, clears ERR, CANCEL_ST and the PENDING/OVERFLOW of the sources
// the process owns, then returns every entry it holds to the pool, one per
// cycle with gnt_o low. Resets accepted back to back lose nothing.
#include "intc_driver.h"

namespace intc_test {
namespace {

template <class V>
class ProcessReset : public IntcTest<V> {
 protected:
  static constexpr uint32_t kReset = k::kProcCtrlResetMask;
  static constexpr uint32_t kEnable = k::kProcCtrlEnableMask;
  // Gives slot 1 r ready tasks and w waiting ones on two sources it owns.
  void populate(uint32_t r, uint32_t w) {
    this->enable(1);
    const uint32_t ch = this->first_channel() + 2;
    this->set_src(ch, 1);
    this->set_src(3, 1);
    for (uint32_t i = 0; i < r; ++i) ASSERT_FALSE(this->enq(1, task(10 + i, i % 3)).err);
    for (uint32_t i = 0; i < w; ++i) {
      ASSERT_FALSE(this->wait_on(1, i % 2 ? ch : 3, task(40 + i, 1)).err);
    }
    ASSERT_EQ(this->held(1), r + w);
  }
};
TYPED_TEST_SUITE(ProcessReset, BothConfigs, ConfigName);

TYPED_TEST(ProcessReset, ReturnsEveryEntryOnePerCycle) {
  this->populate(5, 4);
  this->enq(0, task(1, 0));  // slot 0 keeps its entry
  this->kw(k::proc_ctrl(1), this->kReset | this->kEnable);
  EXPECT_EQ(this->d.gnt_low_cycles(), 9u);
  EXPECT_EQ(this->held(1), 0u);
  EXPECT_EQ(this->kr(k::held(1)), 0u);
  EXPECT_EQ(this->free_entries(), this->cfg().entries - 1);
  EXPECT_EQ(this->deq(1), 0u);
  EXPECT_EQ(this->kr(k::src_stat(3)) & k::kSrcStatWaitingMask, 0u);
  EXPECT_EQ(this->kr(k::src_stat(this->first_channel() + 2)) & k::kSrcStatWaitingMask, 0u);
  EXPECT_EQ(this->deq(0), task(1, 0));
  EXPECT_EQ(this->free_entries(), this->cfg().entries);
}

TYPED_TEST(ProcessReset, PoolIsWholeAgainAfterAFullReset) {
  const uint32_t n = this->cfg().entries;
  this->enable(1);
  for (uint32_t i = 0; i < n; ++i) ASSERT_FALSE(this->enq(1, task(i + 1, i % 4)).err);
  EXPECT_EQ(this->free_entries(), 0u);
  this->kw(k::proc_ctrl(1), this->kReset | this->kEnable);
  EXPECT_EQ(this->d.gnt_low_cycles(), n);
  EXPECT_EQ(this->free_entries(), n);
  for (uint32_t i = 0; i < n; ++i) ASSERT_FALSE(this->enq(0, task(i + 1, 0)).err);
  EXPECT_EQ(this->drain(0).size(), n);
}

TYPED_TEST(ProcessReset, ClearsErrCancelStAndOnlyTheOwnedSources) {
  this->populate(1, 1);
  const uint32_t ch = this->first_channel() + 2;
  // CANCEL_ST[1] = 1 and ERR[1] != 0.
  this->cancel(1, ch, task(40, 1));  // not on ch (on IRQ 3): a miss
  this->d.gnt_low_cycles();
  this->wait_on(1, ch, task(50, 1));
  this->cancel(1, ch, task(50, 1));
  this->d.gnt_low_cycles();
  ASSERT_EQ(this->cancel_st(1), 1u);
  EXPECT_TRUE(this->enq(1, task(0, 0)).err);
  ASSERT_EQ(this->err_of(1), er::kBadWord);
  // Pending events: on a source of slot 1 (IRQ 5) and of slot 0 (IRQ 6),
  // with the overflow flag on slot 1's.
  this->set_src(5, 1);
  for (int i = 0; i < 256; ++i) this->fire(5);
  this->fire(6);
  this->fire(6);
  ASSERT_NE(this->kr(k::src_stat(5)) & k::kSrcStatOverflowMask, 0u);
  this->kw(k::proc_ctrl(1), this->kReset | this->kEnable);
  this->d.gnt_low_cycles();
  EXPECT_EQ(this->err_of(1), 0u);
  EXPECT_EQ(this->cancel_st(1), 0u);
  EXPECT_EQ(this->kr(k::src_stat(5)), 0u);
  EXPECT_EQ(this->pending(6), 2u);
  EXPECT_EQ(this->kr(k::src_cfg(5)), 1u);  // ownership stays
}

TYPED_TEST(ProcessReset, WritesTheOtherFieldsAndReadsBackWithoutReset) {
  this->populate(2, 0);
  this->kw(k::proc_ctrl(1), this->kReset | k::kProcCtrlBusErrEnMask);
  EXPECT_EQ(this->d.gnt_low_cycles(), 2u);
  EXPECT_EQ(this->kr(k::proc_ctrl(1)), k::kProcCtrlBusErrEnMask);
  EXPECT_TRUE(this->enq(1, task(1, 1)).err);  // now disabled
  EXPECT_EQ(this->err_of(1), er::kDisabled);
}

TYPED_TEST(ProcessReset, EmptyProcessResetsAtOnce) {
  this->enable(1);
  this->kw(k::proc_ctrl(1), this->kReset | this->kEnable);
  EXPECT_EQ(this->d.gnt_low_cycles(), 0u);
  EXPECT_EQ(this->kr(k::proc_ctrl(1)), this->kEnable);
}

TYPED_TEST(ProcessReset, BackToBackResetsLoseNothing) {
  this->populate(3, 2);
  for (uint32_t i = 0; i < 4; ++i) this->enq(0, task(100 + i, 2));
  auto& d = this->d;
  d.drive(true, k::proc_ctrl(1), this->kReset | this->kEnable);
  d.tick();
  d.drive(true, k::proc_ctrl(0), this->kReset | this->kEnable);
  ASSERT_TRUE(d.dut().gnt_o);
  d.tick();
  d.release();
  d.tick();
  EXPECT_FALSE(d.dut().err_o);
  // 9 entries, one step per cycle from the edge just taken on; gnt_o is low
  // in the cycle before each step runs.
  EXPECT_EQ(d.gnt_low_cycles(), 9u);
  EXPECT_EQ(this->held(0), 0u);
  EXPECT_EQ(this->held(1), 0u);
  EXPECT_EQ(this->free_entries(), this->cfg().entries);
}

TYPED_TEST(ProcessReset, EnqAcceptedRightAfterTheResetIsReturnedToo) {
  this->populate(2, 0);
  auto& d = this->d;
  d.drive(true, k::proc_ctrl(1), this->kReset | this->kEnable);
  d.tick();
  d.drive(true, this->page(1) + pr::kEnq, task(77, 0));
  ASSERT_TRUE(d.dut().gnt_o);
  d.tick();
  d.release();
  d.tick();
  EXPECT_FALSE(d.dut().err_o);
  EXPECT_EQ(d.gnt_low_cycles(), 3u);  // two old entries and the new one
  EXPECT_EQ(this->held(1), 0u);
  EXPECT_EQ(this->deq(1), 0u);
  EXPECT_EQ(this->free_entries(), this->cfg().entries);
}

}  // namespace
}  // namespace intc_test
