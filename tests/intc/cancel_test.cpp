// CANCEL (docs/ats_intc.md 4.4 and §6): the owner removes the first waiting
// entry equal to a task word; the walk takes one step per cycle while gnt_o is
// low — a match at position i takes i + 2 steps, a miss over n waiters n steps,
// an empty queue none — and CANCEL_ST reports the result. A CANCEL accepted
// while a walk is outstanding is deferred behind it, not lost.
#include "intc_driver.h"

namespace intc_test {
namespace {

template <class V>
class Cancel : public IntcTest<V> {
 protected:
  uint32_t ch() const { return this->first_channel() + 1; }
  // n waiters with frames 1..n on channel ch(), owned by slot 0.
  void fill(uint32_t n) {
    for (uint32_t f = 1; f <= n; ++f) ASSERT_FALSE(this->wait_on(0, ch(), task(f, 2)).err);
  }
  // Wakes every waiter of ch() (broadcast) and returns them in queue order.
  std::vector<uint32_t> waiters() {
    this->kw(k::src_cfg(ch()), k::kSrcCfgBroadcastMask);
    this->fire(ch());
    std::vector<uint32_t> out = this->drain(0);
    this->kw(k::src_cfg(ch()), 0);
    EXPECT_EQ(this->pending(ch()), out.empty() ? 1u : 0u);
    return out;
  }
  std::vector<uint32_t> frames(std::initializer_list<uint32_t> fs) {
    std::vector<uint32_t> out;
    for (uint32_t f : fs) out.push_back(task(f, 2));
    return out;
  }
};
TYPED_TEST_SUITE(Cancel, BothConfigs, ConfigName);

TYPED_TEST(Cancel, EmptyWaitQueueReportsNotFoundWithoutWork) {
  // First make CANCEL_ST 1, so the empty-queue CANCEL visibly clears it.
  this->fill(1);
  this->cancel(0, this->ch(), task(1, 2));
  EXPECT_EQ(this->d.gnt_low_cycles(), 2u);
  EXPECT_EQ(this->cancel_st(0), 1u);
  const Resp r = this->cancel(0, this->ch(), task(1, 2));
  EXPECT_FALSE(r.err);
  EXPECT_EQ(this->d.gnt_low_cycles(), 0u);
  EXPECT_EQ(this->cancel_st(0), 0u);
}

TYPED_TEST(Cancel, MatchAtTheHeadTakesTwoSteps) {
  this->fill(5);
  const uint32_t free_before = this->free_entries();
  this->cancel(0, this->ch(), task(1, 2));
  EXPECT_EQ(this->d.gnt_low_cycles(), 2u);
  EXPECT_EQ(this->cancel_st(0), 1u);
  EXPECT_EQ(this->free_entries(), free_before + 1);
  EXPECT_EQ(this->held(0), 4u);
  EXPECT_EQ(this->waiters(), this->frames({2, 3, 4, 5}));
}

TYPED_TEST(Cancel, MatchInTheMiddleTakesPositionPlusTwoSteps) {
  this->fill(5);
  this->cancel(0, this->ch(), task(3, 2));
  EXPECT_EQ(this->d.gnt_low_cycles(), 2u + 2u);
  EXPECT_EQ(this->cancel_st(0), 1u);
  EXPECT_EQ(this->held(0), 4u);
  EXPECT_EQ(this->waiters(), this->frames({1, 2, 4, 5}));
}

TYPED_TEST(Cancel, MatchAtTheTailTakesPositionPlusTwoSteps) {
  this->fill(5);
  this->cancel(0, this->ch(), task(5, 2));
  EXPECT_EQ(this->d.gnt_low_cycles(), 4u + 2u);
  EXPECT_EQ(this->cancel_st(0), 1u);
  // The tail moved back: a new waiter still lands at the end.
  ASSERT_FALSE(this->wait_on(0, this->ch(), task(9, 2)).err);
  EXPECT_EQ(this->waiters(), this->frames({1, 2, 3, 4, 9}));
}

TYPED_TEST(Cancel, OnlyWaiterLeavesAnEmptyQueue) {
  this->fill(1);
  this->cancel(0, this->ch(), task(1, 2));
  EXPECT_EQ(this->d.gnt_low_cycles(), 2u);
  EXPECT_EQ(this->kr(k::src_stat(this->ch())) & k::kSrcStatWaitingMask, 0u);
  EXPECT_EQ(this->free_entries(), this->cfg().entries);
  ASSERT_FALSE(this->wait_on(0, this->ch(), task(7, 2)).err);
  EXPECT_EQ(this->waiters(), this->frames({7}));
}

TYPED_TEST(Cancel, MissSearchesEveryWaiter) {
  this->fill(4);
  this->cancel(0, this->ch(), task(1, 3));  // same frame, other priority: not equal
  EXPECT_EQ(this->d.gnt_low_cycles(), 4u);
  EXPECT_EQ(this->cancel_st(0), 0u);
  EXPECT_EQ(this->held(0), 4u);
  EXPECT_EQ(this->waiters(), this->frames({1, 2, 3, 4}));
}

TYPED_TEST(Cancel, RemovesOnlyTheFirstEqualWord) {
  this->wait_on(0, this->ch(), task(8, 2));
  this->wait_on(0, this->ch(), task(1, 2));
  this->wait_on(0, this->ch(), task(8, 2));
  this->cancel(0, this->ch(), task(8, 2));
  EXPECT_EQ(this->d.gnt_low_cycles(), 2u);
  EXPECT_EQ(this->waiters(), this->frames({1, 8}));
}

TYPED_TEST(Cancel, OtherSourcesAndReadyTasksAreUntouched) {
  this->fill(2);
  this->wait_on(0, 4, task(2, 2));  // same word on IRQ 4
  this->enq(0, task(2, 2));         // and ready
  this->cancel(0, this->ch(), task(2, 2));
  EXPECT_EQ(this->d.gnt_low_cycles(), 3u);
  EXPECT_EQ(this->kr(k::src_stat(4)) & k::kSrcStatWaitingMask, k::kSrcStatWaitingMask);
  EXPECT_EQ(this->deq(0), task(2, 2));
  EXPECT_EQ(this->deq(0), 0u);
  EXPECT_EQ(this->waiters(), this->frames({1}));
}

TYPED_TEST(Cancel, StatusIsPerProcess) {
  this->enable(1);
  const uint32_t ch1 = this->first_channel() + 5;
  this->set_src(ch1, 1);
  this->wait_on(1, ch1, task(3, 1));
  this->cancel(1, ch1, task(3, 1));
  this->d.gnt_low_cycles();
  EXPECT_EQ(this->cancel_st(1), 1u);
  EXPECT_EQ(this->cancel_st(0), 0u);
  EXPECT_EQ(this->held(1), 0u);
}

TYPED_TEST(Cancel, OnlyTheOwnerMayCancel) {
  this->enable(1);
  this->fill(1);
  const Resp r = this->cancel(1, this->ch(), task(1, 2));
  EXPECT_TRUE(r.err);
  EXPECT_EQ(this->err_of(1), er::kPerm);
  EXPECT_EQ(this->d.gnt_low_cycles(), 0u);
  EXPECT_EQ(this->waiters(), this->frames({1}));
}

// Two CANCELs presented back to back: the second is accepted at the edge after
// the first (gnt_o was still high), before the first walk's first step; it is
// deferred behind that walk (docs §6) and both take effect.
TYPED_TEST(Cancel, BackToBackCancelIsDeferredNotLost) {
  this->enable(1);
  const uint32_t ch1 = this->first_channel() + 6;
  this->set_src(ch1, 1);
  this->fill(3);                                  // slot 0: 1, 2, 3 on ch()
  for (uint32_t f = 1; f <= 2; ++f) this->wait_on(1, ch1, task(f, 4));
  auto& d = this->d;
  d.drive(true, this->page(0) + pr::cancel(this->ch()), task(2, 2));
  ASSERT_TRUE(d.dut().gnt_o);
  d.tick();  // first CANCEL accepted
  d.drive(true, this->page(1) + pr::cancel(ch1), task(2, 4));
  EXPECT_TRUE(d.dut().gnt_o) << "gnt_o in the cycle after a CANCEL still reflects the state "
                                "before it";
  d.tick();  // second CANCEL accepted
  EXPECT_TRUE(d.dut().rvalid_o);
  d.release();
  d.tick();
  EXPECT_TRUE(d.dut().rvalid_o);
  EXPECT_FALSE(d.dut().err_o);
  // From the cycle of the second response on, the internal steps remain:
  // walk 1 (match at position 1: 3 steps), the deferred start (1 step) and
  // walk 2 (match at position 1: 3 steps). gnt_o is low in each of those
  // cycles (and was already low in the cycle before).
  EXPECT_EQ(d.gnt_low_cycles(), 3u + 1u + 3u);
  EXPECT_EQ(this->cancel_st(0), 1u);
  EXPECT_EQ(this->cancel_st(1), 1u);
  EXPECT_EQ(this->held(0), 2u);
  EXPECT_EQ(this->held(1), 1u);
  EXPECT_EQ(this->waiters(), this->frames({1, 3}));
}

TYPED_TEST(Cancel, WaitAcceptedRightAfterACancelIsSearchedToo) {
  this->fill(2);
  auto& d = this->d;
  d.drive(true, this->page(0) + pr::cancel(this->ch()), task(9, 2));
  d.tick();
  d.drive(true, this->page(0) + pr::wait(this->ch()), task(9, 2));
  ASSERT_TRUE(d.dut().gnt_o);
  d.tick();
  d.release();
  d.tick();
  // The walk starts at the head after the WAIT appended 9: found at position 2.
  EXPECT_EQ(d.gnt_low_cycles(), 2u + 2u);
  EXPECT_EQ(this->cancel_st(0), 1u);
  EXPECT_EQ(this->waiters(), this->frames({1, 2}));
}

}  // namespace
}  // namespace intc_test
