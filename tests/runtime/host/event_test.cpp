// wait_event / wait_irq: an event source's pending count and FIFO wait queue
// as the tasks see them (ARCHITECTURE.md §5: no event is ever dropped).
#include "rt/awaitables.h"
#include "rt_test.h"

namespace rt_test {
namespace {

rt::Task<void> wait_twice(uint32_t source, Log* log) {
  log->add("w1>");
  co_await rt::wait_irq(source);
  log->add("w1<");
  co_await rt::wait_irq(source);
  log->add("w2<");
}

TEST_F(RtTest, EventFiredBeforeTheWaitIsPendingAndEndsTheNextWaitAtOnce) {
  Log log;
  EXPECT_EQ(rt::host::fire(4), 0u);  // nobody waits: counted
  EXPECT_EQ(rt::host::queue().source(4).pending, 1);
  rt::spawn(wait_twice(4, &log), 2);
  rt::run();
  EXPECT_EQ(log.str(), "w1> w1<");  // the first wait took the pending event
  EXPECT_EQ(rt::host::queue().source(4).pending, 0);
  EXPECT_TRUE(rt::host::queue().has_waiters(4));  // the second one waits
  EXPECT_EQ(rt::host::fire(4), 1u);
  rt::run();
  EXPECT_EQ(log.str(), "w1> w1< w2<");
}

TEST_F(RtTest, SeveralPendingEventsEndAsManyWaits) {
  Log log;
  rt::host::fire(4);
  rt::host::fire(4);
  rt::host::fire(4);
  rt::spawn(wait_twice(4, &log), 2);
  rt::run();
  EXPECT_EQ(log.str(), "w1> w1< w2<");
  EXPECT_EQ(rt::host::queue().source(4).pending, 1);
}

TEST_F(RtTest, OneFireWakesOneWaiterInFifoOrder) {
  Log log;
  // The queue is FIFO by arrival whatever the priorities.
  rt::spawn(wait_once(2, &log, "a"), 5);
  rt::spawn(wait_once(2, &log, "b"), 1);
  rt::spawn(wait_once(2, &log, "c"), 3);
  rt::run();
  EXPECT_EQ(log.str(), "b> c> a>");  // they reached the wait in priority order
  EXPECT_EQ(rt::host::fire(2), 1u);
  rt::run();
  EXPECT_EQ(log.str(), "b> c> a> b<");
  EXPECT_EQ(rt::host::fire(2), 1u);
  rt::run();
  EXPECT_EQ(log.str(), "b> c> a> b< c<");
  EXPECT_EQ(rt::host::fire(2), 1u);
  rt::run();
  EXPECT_EQ(log.str(), "b> c> a> b< c< a<");
  EXPECT_EQ(rt::host::queue().source(2).pending, 0);
}

TEST_F(RtTest, WokenTasksRunInPriorityOrder) {
  Log log;
  rt::spawn(wait_once(2, &log, "low"), 6);
  rt::spawn(wait_once(3, &log, "high"), 1);
  rt::run();
  rt::host::fire(2);
  rt::host::fire(3);
  rt::run();
  EXPECT_EQ(log.str(), "high> low> high< low<");
}

TEST_F(RtTest, BroadcastSourceWakesEveryWaiter) {
  Log log;
  rt::host::queue().set_broadcast(7, true);
  rt::spawn(wait_once(7, &log, "a"), 2);
  rt::spawn(wait_once(7, &log, "b"), 2);
  rt::spawn(wait_once(7, &log, "c"), 2);
  rt::run();
  EXPECT_EQ(rt::host::fire(7), 3u);
  rt::run();
  EXPECT_EQ(log.str(), "a> b> c> a< b< c<");
}

TEST_F(RtTest, SourcesAreIndependent) {
  Log log;
  rt::spawn(wait_once(1, &log, "a"), 2);
  rt::run();
  rt::host::fire(0);
  rt::host::fire(rt::kFirstChannel + 1);
  EXPECT_EQ(rt::run(), 0u);
  EXPECT_EQ(log.str(), "a>");
  EXPECT_EQ(rt::host::queue().source(0).pending, 1);
  EXPECT_EQ(rt::host::queue().source(rt::kFirstChannel + 1).pending, 1);
}

rt::Task<int> child_waits(uint32_t source, Log* log) {
  log->add("child>");
  co_await rt::wait_event(source);
  log->add("child<");
  co_return 5;
}

rt::Task<void> parent_of_waiter(uint32_t source, Log* log, int* result) {
  *result = co_await child_waits(source, log);
  log->add("parent");
}

TEST_F(RtTest, AnInlineChildWaitsForItsParentTask) {
  Log log;
  int result = 0;
  rt::spawn(parent_of_waiter(8, &log, &result), 2);
  rt::run();
  EXPECT_EQ(log.str(), "child>");
  EXPECT_EQ(rt::live_tasks(), 1u);
  rt::host::fire(8);
  rt::run();
  EXPECT_EQ(log.str(), "child> child< parent");
  EXPECT_EQ(result, 5);
  EXPECT_EQ(rt::live_tasks(), 0u);
  EXPECT_EQ(in_use(), 0u);
}

}  // namespace
}  // namespace rt_test
