// rt::SoftQueue: the controller's ready queues and event sources in software
// (ARCHITECTURE.md §5), the scheduler of the sw, poll and host executors.
#include "rt/soft_queue.h"

#include <vector>

#include "rt_test.h"

namespace rt_test {
namespace {

class SoftQueueTest : public RtTest {
 protected:
  // A task word for a control block from the frame pool (below 4 GiB, as
  // task words need), with the word recorded in the block as spawn() does.
  uint32_t task(uint32_t prio) {
    void* frame = rt::frame_pool().alloc_frame(0);
    EXPECT_NE(frame, nullptr);
    const uint32_t w = rt::make_word(frame, prio);
    rt::tcb_of_frame(frame)->word = w;
    return w;
  }
  std::vector<uint32_t> drain() {
    std::vector<uint32_t> out;
    while (const uint32_t w = q.deq()) out.push_back(w);
    return out;
  }
  rt::SoftQueue q;
  static constexpr uint32_t kSrc = 5;
};

TEST_F(SoftQueueTest, EmptyQueueDequeuesNothing) {
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.deq(), 0u);
  EXPECT_EQ(q.best_prio(), rt::kMaxPrios);
  EXPECT_EQ(q.held(), 0u);
}

TEST_F(SoftQueueTest, DequeuesMostUrgentLevelFirstAndFifoWithinALevel) {
  const uint32_t a3 = task(3), b1 = task(1), c3 = task(3), d1 = task(1), e0 = task(0),
                 f31 = task(31);
  for (uint32_t w : {a3, b1, c3, d1, e0, f31}) q.enq(w);
  EXPECT_EQ(q.best_prio(), 0u);
  EXPECT_EQ(drain(), (std::vector<uint32_t>{e0, b1, d1, a3, c3, f31}));
  EXPECT_TRUE(q.empty());
}

TEST_F(SoftQueueTest, DequeuedWordCarriesItsPriority) {
  const uint32_t w = task(6);
  q.enq(w);
  const uint32_t got = q.deq();
  EXPECT_EQ(got, w);
  EXPECT_EQ(rt::word_prio(got), 6u);
}

TEST_F(SoftQueueTest, DeqUptoLeavesLessUrgentLevelsQueued) {
  const uint32_t a4 = task(4), b2 = task(2);
  q.enq(a4);
  q.enq(b2);
  EXPECT_EQ(q.deq_upto(3), b2);
  EXPECT_EQ(q.deq_upto(3), 0u);  // a4 is less urgent than the floor
  EXPECT_FALSE(q.empty());
  EXPECT_EQ(q.deq_upto(4), a4);
}

TEST_F(SoftQueueTest, WaitWithPendingGoesStraightToReadyAndDecrements) {
  q.fire(kSrc);
  q.fire(kSrc);
  ASSERT_EQ(q.source(kSrc).pending, 2);
  const uint32_t w = task(2);
  EXPECT_TRUE(q.wait(kSrc, w));
  EXPECT_EQ(q.source(kSrc).pending, 1);
  EXPECT_FALSE(q.has_waiters(kSrc));
  EXPECT_EQ(q.deq(), w);
}

TEST_F(SoftQueueTest, WaitWithoutPendingJoinsTheWaitQueue) {
  const uint32_t w = task(2);
  EXPECT_FALSE(q.wait(kSrc, w));
  EXPECT_TRUE(q.has_waiters(kSrc));
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.deq(), 0u);
}

TEST_F(SoftQueueTest, FireWithNoWaiterCountsPendingSaturatingWithStickyOverflow) {
  for (int i = 0; i < 255; ++i) EXPECT_EQ(q.fire(kSrc), 0u);
  EXPECT_EQ(q.source(kSrc).pending, 255);
  EXPECT_FALSE(q.source(kSrc).overflow);
  EXPECT_EQ(q.fire(kSrc), 0u);
  EXPECT_EQ(q.source(kSrc).pending, 255);  // saturated, not wrapped
  EXPECT_TRUE(q.source(kSrc).overflow);
  EXPECT_TRUE(q.wait(kSrc, task(0)));
  EXPECT_EQ(q.source(kSrc).pending, 254);
  EXPECT_TRUE(q.source(kSrc).overflow);      // sticky
  EXPECT_EQ(q.source(kSrc + 1).pending, 0);  // sources are independent
}

TEST_F(SoftQueueTest, WakeOneMovesTheOldestWaiter) {
  // FIFO by arrival, not by priority: the prio-6 task waited first.
  const uint32_t a6 = task(6), b1 = task(1), c3 = task(3);
  for (uint32_t w : {a6, b1, c3}) q.wait(kSrc, w);
  EXPECT_EQ(q.fire(kSrc), 1u);
  EXPECT_EQ(drain(), (std::vector<uint32_t>{a6}));
  EXPECT_EQ(q.fire(kSrc), 1u);
  EXPECT_EQ(drain(), (std::vector<uint32_t>{b1}));
  EXPECT_EQ(q.fire(kSrc), 1u);
  EXPECT_EQ(drain(), (std::vector<uint32_t>{c3}));
  EXPECT_FALSE(q.has_waiters(kSrc));
  EXPECT_EQ(q.source(kSrc).pending, 0);
}

TEST_F(SoftQueueTest, WokenTaskJoinsTheReadyLevelOfItsPriority) {
  const uint32_t ready5 = task(5), waiter2 = task(2);
  q.enq(ready5);
  q.wait(kSrc, waiter2);
  q.fire(kSrc);
  EXPECT_EQ(drain(), (std::vector<uint32_t>{waiter2, ready5}));
}

TEST_F(SoftQueueTest, BroadcastMovesAllWaiters) {
  q.set_broadcast(kSrc, true);
  const uint32_t a = task(2), b = task(2), c = task(1);
  for (uint32_t w : {a, b, c}) q.wait(kSrc, w);
  EXPECT_EQ(q.fire(kSrc), 3u);
  EXPECT_FALSE(q.has_waiters(kSrc));
  EXPECT_EQ(q.source(kSrc).pending, 0);
  EXPECT_EQ(drain(), (std::vector<uint32_t>{c, a, b}));
  EXPECT_EQ(q.fire(kSrc), 0u);  // nobody waits: counted, as in wake-one mode
  EXPECT_EQ(q.source(kSrc).pending, 1);
}

TEST_F(SoftQueueTest, CancelRemovesExactlyTheGivenWord) {
  const uint32_t a = task(2), b = task(2), c = task(2);
  for (uint32_t w : {a, b, c}) q.wait(kSrc, w);
  EXPECT_TRUE(q.cancel(kSrc, b));
  q.fire(kSrc);
  q.fire(kSrc);
  EXPECT_EQ(drain(), (std::vector<uint32_t>{a, c}));
  EXPECT_FALSE(q.has_waiters(kSrc));
}

TEST_F(SoftQueueTest, CancelOfTheLastWaiterKeepsTheQueueAppendable) {
  const uint32_t a = task(2), b = task(2), c = task(2);
  q.wait(kSrc, a);
  q.wait(kSrc, b);
  EXPECT_TRUE(q.cancel(kSrc, b));  // the tail
  q.wait(kSrc, c);
  EXPECT_TRUE(q.cancel(kSrc, a));  // the head
  EXPECT_EQ(q.fire(kSrc), 1u);
  EXPECT_EQ(drain(), (std::vector<uint32_t>{c}));
  EXPECT_FALSE(q.has_waiters(kSrc));
}

TEST_F(SoftQueueTest, CancelReportsFalseWhenTheWordIsAbsent) {
  const uint32_t a = task(2), b = task(2);
  q.wait(kSrc, a);
  EXPECT_FALSE(q.cancel(kSrc, b));                                       // never waited
  EXPECT_FALSE(q.cancel(kSrc + 1, a));                                   // waits elsewhere
  EXPECT_FALSE(q.cancel(kSrc, rt::make_word(rt::frame_of_word(a), 3)));  // other prio
  EXPECT_EQ(q.held(), 1u);
  EXPECT_TRUE(q.cancel(kSrc, a));
  EXPECT_FALSE(q.cancel(kSrc, a));  // already removed
  EXPECT_EQ(q.held(), 0u);
  q.fire(kSrc);
  EXPECT_EQ(q.source(kSrc).pending, 1);  // the event was not taken by a cancelled waiter
}

TEST_F(SoftQueueTest, HeldCountsReadyAndWaitingTasks) {
  q.enq(task(1));
  q.enq(task(2));
  EXPECT_EQ(q.held(), 2u);
  q.wait(kSrc, task(3));  // waits
  q.fire(kSrc + 1);
  q.wait(kSrc + 1, task(3));  // pending: straight to ready
  EXPECT_EQ(q.held(), 4u);
  q.fire(kSrc);  // waiting -> ready: still held
  EXPECT_EQ(q.held(), 4u);
  const uint32_t w = task(4);
  q.wait(kSrc, w);
  q.cancel(kSrc, w);
  EXPECT_EQ(q.held(), 4u);
  EXPECT_EQ(drain().size(), 4u);
  EXPECT_EQ(q.held(), 0u);
}

TEST_F(SoftQueueTest, ResetEmptiesQueuesAndSources) {
  q.enq(task(1));
  q.wait(kSrc, task(1));
  q.fire(kSrc + 1);
  q.set_broadcast(kSrc + 2, true);
  q.reset();
  EXPECT_TRUE(q.empty());
  EXPECT_EQ(q.held(), 0u);
  EXPECT_FALSE(q.has_waiters(kSrc));
  EXPECT_EQ(q.source(kSrc + 1).pending, 0);
  EXPECT_FALSE(q.source(kSrc + 2).broadcast);
}

}  // namespace
}  // namespace rt_test
