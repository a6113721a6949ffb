// Events, waits and wakes (docs/ats_intc.md 1, 4.3): IRQ rising edges, SEND
// and FIRE count in PENDING, which saturates with a sticky OVERFLOW; WAIT
// consumes a pending event or queues; wake-one moves the oldest waiter per
// event, broadcast moves every waiter one per cycle; woken tasks join the
// owner's ready queue at their own priority; no event is ever lost.
#include "intc_driver.h"

namespace intc_test {
namespace {

template <class V>
class Events : public IntcTest<V> {
 protected:
  uint32_t src_stat(uint32_t s) { return this->kr(k::src_stat(s)); }
  bool waiting(uint32_t s) { return (src_stat(s) & k::kSrcStatWaitingMask) != 0; }
  bool overflow(uint32_t s) { return (src_stat(s) & k::kSrcStatOverflowMask) != 0; }
  // One rising edge on IRQ i: high for two cycles, then low again.
  void pulse(unsigned i) {
    this->d.set_irq(i, true);
    this->d.idle(2);
    this->d.set_irq(i, false);
    this->d.idle(2);
  }
};
TYPED_TEST_SUITE(Events, BothConfigs, ConfigName);

TYPED_TEST(Events, IrqRisingEdgeCountsOneEvent) {
  EXPECT_EQ(this->pending(2), 0u);
  this->d.set_irq(2, true);
  this->d.idle(1);
  EXPECT_EQ(this->pending(2), 1u);
  this->d.idle(5);  // a level held high is not a new event
  EXPECT_EQ(this->pending(2), 1u);
  this->d.set_irq(2, false);
  this->d.idle(3);  // nor is the falling edge
  EXPECT_EQ(this->pending(2), 1u);
  this->d.set_irq(2, true);
  this->d.idle(1);
  EXPECT_EQ(this->pending(2), 2u);
  for (uint32_t s = 0; s < this->cfg().irqs; ++s) {
    if (s != 2) {
      EXPECT_EQ(this->pending(s), 0u) << "source " << s;
    }
  }
}

TYPED_TEST(Events, SimultaneousEdgesOnSeveralIrqsAllCount) {
  const uint32_t last = this->cfg().irqs - 1;
  this->d.set_irq(0, true);
  this->d.set_irq(3, true);
  this->d.set_irq(last, true);
  this->d.idle(1);
  EXPECT_EQ(this->pending(0), 1u);
  EXPECT_EQ(this->pending(3), 1u);
  EXPECT_EQ(this->pending(last), 1u);
  EXPECT_EQ(this->pending(1), 0u);
}

TYPED_TEST(Events, IrqLineHighThroughResetIsNotAnEvent) {
  this->d.set_irq(4, true);
  this->d.reset();
  this->d.idle(3);
  EXPECT_EQ(this->pending(4), 0u);
  this->d.set_irq(4, false);
  this->d.idle(1);
  this->d.set_irq(4, true);
  this->d.idle(1);
  EXPECT_EQ(this->pending(4), 1u);
}

TYPED_TEST(Events, WaitConsumesAPendingEventAtOnce) {
  this->fire(5);
  this->fire(5);
  EXPECT_EQ(this->pending(5), 2u);
  EXPECT_FALSE(this->wait_on(0, 5, task(7, 3)).err);
  EXPECT_EQ(this->pending(5), 1u);
  EXPECT_FALSE(this->waiting(5));
  EXPECT_EQ(this->held(0), 1u);
  EXPECT_EQ(this->deq(0), task(7, 3));
}

TYPED_TEST(Events, WaitWithoutEventJoinsTheWaitQueue) {
  EXPECT_FALSE(this->wait_on(0, 5, task(7, 3)).err);
  EXPECT_TRUE(this->waiting(5));
  EXPECT_EQ(this->pending(5), 0u);
  EXPECT_EQ(this->held(0), 1u);
  EXPECT_EQ(this->free_entries(), this->cfg().entries - 1);
  EXPECT_EQ(this->deq(0), 0u);
}

TYPED_TEST(Events, WakeOneMovesTheOldestWaiterPerEvent) {
  for (uint32_t f = 1; f <= 3; ++f) this->wait_on(0, 2, task(f, 4));
  this->pulse(2);
  EXPECT_EQ(this->pending(2), 0u);
  EXPECT_TRUE(this->waiting(2));
  EXPECT_EQ(this->deq(0), task(1, 4));
  EXPECT_EQ(this->deq(0), 0u);
  this->pulse(2);
  this->pulse(2);
  EXPECT_EQ(this->deq(0), task(2, 4));
  EXPECT_EQ(this->deq(0), task(3, 4));
  EXPECT_FALSE(this->waiting(2));
  EXPECT_EQ(this->pending(2), 0u);
}

TYPED_TEST(Events, WokenTaskJoinsTheOwnersQueueAtItsOwnPriority) {
  this->enable(1);
  const uint32_t ch = this->first_channel() + 1;
  this->set_src(ch, 1);
  this->wait_on(1, ch, task(1, 6));
  this->wait_on(1, ch, task(2, 1));
  this->enq(1, task(3, 1));  // already ready at level 1
  this->fire(ch);
  this->fire(ch);
  EXPECT_EQ(this->held(1), 3u);
  EXPECT_EQ(this->deq(0), 0u);  // nothing went to the kernel's queues
  EXPECT_EQ(this->deq(1), task(3, 1));
  EXPECT_EQ(this->deq(1), task(2, 1));
  EXPECT_EQ(this->deq(1), task(1, 6));
}

TYPED_TEST(Events, BroadcastMovesEveryWaiterOnePerCycle) {
  const uint32_t ch = this->first_channel();
  this->set_src(ch, 0, true);
  const uint32_t n = 5;
  for (uint32_t f = 1; f <= n; ++f) this->wait_on(0, ch, task(f, 2));
  this->fire(ch);
  this->fire(ch);
  // The first FIRE's wake runs one step per waiter; the second FIRE was
  // accepted before the first step, so both events are pending meanwhile and
  // only the last move of the broadcast consumes one.
  EXPECT_EQ(this->pending(ch), 1u);
  EXPECT_FALSE(this->waiting(ch));
  for (uint32_t f = 1; f <= n; ++f) EXPECT_EQ(this->deq(0), task(f, 2));
  EXPECT_EQ(this->deq(0), 0u);
}

TYPED_TEST(Events, BroadcastHoldsTheBusForExactlyOneCyclePerWaiter) {
  const uint32_t ch = this->first_channel() + 2;
  this->set_src(ch, 0, true);
  const uint32_t n = 6;
  for (uint32_t f = 1; f <= n; ++f) this->wait_on(0, ch, task(f, 0));
  this->fire(ch);  // returns in the cycle after the FIRE was accepted
  EXPECT_EQ(this->d.gnt_low_cycles(), n);
  EXPECT_EQ(this->pending(ch), 0u);
  EXPECT_EQ(this->held(0), n);
}

TYPED_TEST(Events, BroadcastWithoutWaiterKeepsTheEvent) {
  const uint32_t ch = this->first_channel();
  this->set_src(ch, 0, true);
  this->fire(ch);
  EXPECT_EQ(this->pending(ch), 1u);
  this->wait_on(0, ch, task(9, 1));
  EXPECT_EQ(this->pending(ch), 0u);
  EXPECT_EQ(this->deq(0), task(9, 1));
}

TYPED_TEST(Events, EventsAreNeverLost) {
  const uint32_t s = 6;
  for (int i = 0; i < 10; ++i) this->fire(s);
  for (int i = 0; i < 3; ++i) this->pulse(s);
  EXPECT_EQ(this->pending(s), 13u);
  for (uint32_t f = 1; f <= 13; ++f) EXPECT_FALSE(this->wait_on(0, s, task(f, 5)).err);
  EXPECT_EQ(this->pending(s), 0u);
  EXPECT_FALSE(this->waiting(s));
  for (uint32_t f = 1; f <= 13; ++f) EXPECT_EQ(this->deq(0), task(f, 5));
  this->wait_on(0, s, task(20, 5));
  EXPECT_TRUE(this->waiting(s));
}

TYPED_TEST(Events, PendingSaturatesAndOverflowIsSticky) {
  const uint32_t s = 3;
  for (int i = 0; i < 255; ++i) this->fire(s);
  EXPECT_EQ(this->pending(s), 255u);
  EXPECT_FALSE(this->overflow(s));
  this->fire(s);
  this->pulse(s);
  EXPECT_EQ(this->pending(s), 255u);
  EXPECT_TRUE(this->overflow(s));
  // The owner sees the same status on its page.
  EXPECT_EQ(this->d.read(this->page(0) + pr::pending(s)).rdata, this->src_stat(s));
  // Consuming events does not clear the flag; writing 1 to it does.
  this->wait_on(0, s, task(1, 0));
  EXPECT_EQ(this->pending(s), 254u);
  EXPECT_TRUE(this->overflow(s));
  this->kw(k::src_stat(s), ~k::kSrcStatOverflowMask);  // other bits are ignored
  EXPECT_TRUE(this->overflow(s));
  EXPECT_EQ(this->pending(s), 254u);
  this->kw(k::src_stat(s), k::kSrcStatOverflowMask);
  EXPECT_FALSE(this->overflow(s));
  EXPECT_EQ(this->pending(s), 254u);
}

TYPED_TEST(Events, SendByAPermittedSenderWakesTheWaiter) {
  this->enable(1);
  const uint32_t ch = this->first_channel() + 3;
  this->set_src(ch, 0, false, 1u << 1);  // owner 0, process 1 may send
  this->wait_on(0, ch, task(4, 2));
  EXPECT_FALSE(this->send(1, ch).err);
  EXPECT_EQ(this->deq(0), task(4, 2));
  EXPECT_TRUE(this->send(0, ch).err);  // slot 0 is not in SENDERS
  EXPECT_EQ(this->err_of(0), er::kPerm);
  EXPECT_EQ(this->pending(ch), 0u);
}

TYPED_TEST(Events, FireWakesAWaiterOfAnIrqSource) {
  this->wait_on(0, 7, task(3, 3));
  this->fire(7);
  EXPECT_EQ(this->deq(0), task(3, 3));
}

TYPED_TEST(Events, LowestSourceIsWokenFirst) {
  this->wait_on(0, 5, task(5, 2));
  this->wait_on(0, 1, task(1, 2));
  this->d.set_irq(5, true);
  this->d.set_irq(1, true);
  this->d.idle(1);
  // Both wakes are due: source 1 goes first, one step per cycle.
  EXPECT_EQ(this->d.gnt_low_cycles(), 2u);
  EXPECT_EQ(this->deq(0), task(1, 2));
  EXPECT_EQ(this->deq(0), task(5, 2));
}

TYPED_TEST(Events, OwnerChangesOnlyWhileNobodyWaits) {
  this->enable(1);
  const uint32_t ch = this->first_channel() + 4;
  this->wait_on(0, ch, task(1, 1));
  const Resp busy = this->d.write(k::src_cfg(ch), 1);
  EXPECT_TRUE(busy.err);
  EXPECT_EQ(this->kr(k::kGlobalErr), er::kOwnerBusy);
  EXPECT_EQ(this->kr(k::src_cfg(ch)), 0u);
  // Rewriting the same owner (other fields change) is fine.
  this->kw(k::src_cfg(ch), k::kSrcCfgBroadcastMask);
  this->fire(ch);
  EXPECT_EQ(this->deq(0), task(1, 1));
  this->kw(k::src_cfg(ch), 1);
  EXPECT_EQ(this->kr(k::src_cfg(ch)), 1u);
  EXPECT_FALSE(this->wait_on(1, ch, task(2, 1)).err);
  EXPECT_TRUE(this->wait_on(0, ch, task(3, 1)).err);
}

}  // namespace
}  // namespace intc_test
