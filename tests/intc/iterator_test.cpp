// Iterator (docs/ats_intc.md 4.6 and §6): ITER_CTRL selects a process and
// rewinds; ITER_NEXT returns its task words in reset-walk order (ready levels
// 0..NUM_PRIOS-1 in FIFO order, then the wait queues of its sources by source
// id) and ITER_WHERE says where each was; 0 at the end, before any ITER_CTRL
// and once stale. Any change to a list of the process makes it stale.
#include <functional>

#include "intc_driver.h"

namespace intc_test {
namespace {

template <class V>
class Iterator : public IntcTest<V> {
 protected:
  static constexpr uint32_t kStale = k::kIterWhereStaleMask;
  static constexpr uint32_t kWaiting = k::kIterWhereWaitingMask;
  uint32_t next() { return this->kr(k::kIterNext); }
  uint32_t where() { return this->kr(k::kIterWhere); }
  void start(uint32_t p) { this->kw(k::kIterCtrl, p); }
  uint32_t ch() const { return this->first_channel() + 1; }
  // Slot 1: ready c (prio 1), a, b (prio 3); waiting f on IRQ 2, d, e on ch().
  void populate() {
    this->enable(1);
    this->set_src(2, 1);
    this->set_src(ch(), 1);
    this->enq(1, task(0xa, 3));
    this->wait_on(1, ch(), task(0xd, 4));
    this->enq(1, task(0xb, 3));
    this->wait_on(1, 2, task(0xf, 0));
    this->enq(1, task(0xc, 1));
    this->wait_on(1, ch(), task(0xe, 2));
  }
  void expect_word(uint32_t w, uint32_t where_value) {
    EXPECT_EQ(next(), w);
    EXPECT_EQ(where(), where_value) << "after word 0x" << std::hex << w;
  }
};
TYPED_TEST_SUITE(Iterator, BothConfigs, ConfigName);

TYPED_TEST(Iterator, ReturnsZeroBeforeTheFirstIterCtrl) {
  this->populate();
  EXPECT_EQ(this->next(), 0u);
  EXPECT_EQ(this->where(), 0u);
  this->enq(1, task(1, 1));  // nothing to make stale yet
  EXPECT_EQ(this->where(), 0u);
}

TYPED_TEST(Iterator, ExportsReadyThenWaitingWordsInOrder) {
  this->populate();
  this->start(1);
  EXPECT_EQ(this->where(), 0u);
  this->expect_word(task(0xc, 1), 1);
  this->expect_word(task(0xa, 3), 3);
  this->expect_word(task(0xb, 3), 3);
  this->expect_word(task(0xf, 0), this->kWaiting | 2);
  this->expect_word(task(0xd, 4), this->kWaiting | this->ch());
  this->expect_word(task(0xe, 2), this->kWaiting | this->ch());
  // The end: 0, and ITER_WHERE keeps the last place.
  EXPECT_EQ(this->next(), 0u);
  EXPECT_EQ(this->next(), 0u);
  EXPECT_EQ(this->where(), this->kWaiting | this->ch());
}

TYPED_TEST(Iterator, ReadingChangesNoQueue) {
  this->populate();
  this->start(1);
  for (int i = 0; i < 8; ++i) this->next();
  EXPECT_EQ(this->held(1), 6u);
  EXPECT_EQ(this->deq(1), task(0xc, 1));
  EXPECT_EQ(this->deq(1), task(0xa, 3));
  // Rewinding starts over (fresh after the DEQs made it stale).
  this->start(1);
  this->expect_word(task(0xb, 3), 3);
}

TYPED_TEST(Iterator, EmptyProcessEndsAtOnce) {
  this->enable(1);
  this->start(1);
  EXPECT_EQ(this->next(), 0u);
  EXPECT_EQ(this->where(), 0u);
}

TYPED_TEST(Iterator, OnlyWaitingWordsAreFoundToo) {
  this->enable(1);
  this->set_src(this->ch(), 1);
  this->wait_on(1, this->ch(), task(5, 5));
  this->start(1);
  this->expect_word(task(5, 5), this->kWaiting | this->ch());
  EXPECT_EQ(this->next(), 0u);
}

TYPED_TEST(Iterator, ListChangesOfTheProcessMakeItStale) {
  this->populate();
  const uint32_t ch = this->ch();
  // Each change, then: ITER_NEXT 0, STALE 1; ITER_CTRL makes it fresh again.
  struct Change {
    const char* what;
    std::function<void()> run;
  };
  const std::vector<Change> changes = {
      {"ENQ", [&] { this->enq(1, task(0x20, 2)); }},
      {"DEQ that returned a task", [&] { EXPECT_NE(this->deq(1), 0u); }},
      {"WAIT", [&] { this->wait_on(1, ch, task(0x21, 2)); }},
      {"wake step", [&] { this->fire(ch); }},
      {"cancel", [&] {
         this->cancel(1, ch, task(0x21, 2));
         this->d.gnt_low_cycles();
       }},
      {"reset step", [&] {
         this->kw(k::proc_ctrl(1), k::kProcCtrlResetMask | k::kProcCtrlEnableMask);
         this->d.gnt_low_cycles();
       }},
  };
  for (const Change& c : changes) {
    this->start(1);
    EXPECT_NE(this->next(), 0u) << c.what;
    c.run();
    EXPECT_EQ(this->next(), 0u) << c.what;
    EXPECT_NE(this->where() & this->kStale, 0u) << c.what;
  }
  this->start(1);
  EXPECT_EQ(this->where() & this->kStale, 0u);
}

TYPED_TEST(Iterator, UnrelatedOperationsKeepItFresh) {
  this->populate();
  this->start(1);
  this->expect_word(task(0xc, 1), 1);
  this->enq(0, task(1, 1));                    // queues of another process
  EXPECT_EQ(this->deq(0), task(1, 1));
  this->fire(5);                               // an event without a waiter
  this->cancel(1, this->ch(), task(0x99, 0));  // a cancel that finds nothing
  this->d.gnt_low_cycles();
  this->kw(k::quota(1), 100);                  // configuration
  this->expect_word(task(0xa, 3), 3);
  EXPECT_EQ(this->where() & this->kStale, 0u);
}

TYPED_TEST(Iterator, DeqThatReturnsNothingKeepsItFresh) {
  this->enable(1);
  this->set_src(this->ch(), 1);
  this->wait_on(1, this->ch(), task(3, 3));
  this->wait_on(1, this->ch(), task(4, 3));
  this->start(1);
  this->expect_word(task(3, 3), this->kWaiting | this->ch());
  EXPECT_EQ(this->deq(1), 0u);
  this->expect_word(task(4, 3), this->kWaiting | this->ch());
}

TYPED_TEST(Iterator, IterCtrlOfAnAbsentProcessIsBadValue) {
  const Resp r = this->d.write(k::kIterCtrl, this->cfg().procs);
  EXPECT_TRUE(r.err);
  EXPECT_EQ(this->kr(k::kGlobalErr), er::kBadValue);
  EXPECT_EQ(this->next(), 0u);
}

}  // namespace
}  // namespace intc_test
