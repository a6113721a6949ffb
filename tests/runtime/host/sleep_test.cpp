// rt::sleep and the timer service (rt/timer.h) on the virtual clock of
// rt::host (one cycle per tick): a sleeper becomes ready once mtime reaches
// its deadline; the timer is programmed for the earliest deadline.
#include "rt/timer.h"
#include "rt_test.h"

namespace rt_test {
namespace {

rt::Task<void> sleeper(uint32_t cycles, Log* log, std::string name, uint64_t* woke_at) {
  log->add(name + ">");
  co_await rt::sleep(cycles);
  if (woke_at != nullptr) *woke_at = rt::host::now();
  log->add(name + "<");
}

TEST_F(RtTest, SleeperIsReadyOnlyOnceTheClockReachesItsDeadline) {
  Log log;
  uint64_t woke = 0;
  rt::host::advance(1000);  // not from zero
  rt::spawn(sleeper(100, &log, "z", &woke), 2);
  rt::run();
  EXPECT_EQ(rt::timer::sleepers(), 1u);
  EXPECT_EQ(rt::host::timer_deadline(), 1100u);
  rt::host::advance(99);
  EXPECT_EQ(rt::run(), 0u);
  EXPECT_EQ(log.str(), "z>");
  rt::host::advance(1);
  EXPECT_EQ(rt::host::queue().held(), 1u);  // ready now
  rt::run();
  EXPECT_EQ(log.str(), "z> z<");
  EXPECT_EQ(woke, 1100u);
  EXPECT_EQ(rt::timer::sleepers(), 0u);
  EXPECT_EQ(rt::host::timer_deadline(), rt::host::kTimerOff);
}

TEST_F(RtTest, SeveralSleepersWakeInDeadlineOrder) {
  Log log;
  rt::spawn(sleeper(300, &log, "c", nullptr), 2);
  rt::spawn(sleeper(100, &log, "a", nullptr), 2);
  rt::spawn(sleeper(200, &log, "b", nullptr), 2);
  rt::spawn(sleeper(100, &log, "a2", nullptr), 2);  // same deadline: after a
  rt::run();
  EXPECT_EQ(rt::timer::sleepers(), 4u);
  EXPECT_EQ(rt::host::timer_deadline(), 100u);
  rt::host::advance(1000);  // all at once: still in deadline order
  rt::run();
  EXPECT_EQ(log.str(), "c> a> b> a2> a< a2< b< c<");
}

TEST_F(RtTest, SleepersWakeOneDeadlineAtATimeAndTheTimerFollows) {
  Log log;
  rt::spawn(sleeper(300, &log, "c", nullptr), 2);
  rt::spawn(sleeper(100, &log, "a", nullptr), 2);
  rt::spawn(sleeper(200, &log, "b", nullptr), 2);
  rt::run();
  rt::host::advance(150);
  rt::run();
  EXPECT_EQ(log.str(), "c> a> b> a<");
  EXPECT_EQ(rt::host::timer_deadline(), 200u);
  rt::host::advance(50);
  rt::run();
  EXPECT_EQ(log.str(), "c> a> b> a< b<");
  EXPECT_EQ(rt::host::timer_deadline(), 300u);
  rt::host::advance(100);
  rt::run();
  EXPECT_EQ(log.str(), "c> a> b> a< b< c<");
  EXPECT_EQ(rt::host::timer_deadline(), rt::host::kTimerOff);
}

TEST_F(RtTest, WokenSleepersRunInPriorityOrder) {
  Log log;
  rt::spawn(sleeper(100, &log, "low", nullptr), 5);
  rt::spawn(sleeper(200, &log, "high", nullptr), 1);
  rt::run();
  rt::host::advance(200);
  rt::run();
  EXPECT_EQ(log.str(), "high> low> high< low<");
}

TEST_F(RtTest, SleepOfZeroDoesNotSuspend) {
  Log log;
  rt::spawn(sleeper(0, &log, "z", nullptr), 2);
  rt::run();
  EXPECT_EQ(log.str(), "z> z<");
  EXPECT_EQ(rt::timer::sleepers(), 0u);
}

rt::Task<int> nap(uint32_t cycles) {
  co_await rt::sleep(cycles);
  co_return static_cast<int>(rt::host::now());
}

rt::Task<void> parent_naps(int* woke) { *woke = co_await nap(50); }

TEST_F(RtTest, AnInlineChildSleepsForItsParentTask) {
  int woke = 0;
  rt::spawn(parent_naps(&woke), 2);
  rt::run();
  rt::host::advance(49);
  rt::run();
  EXPECT_EQ(woke, 0);
  rt::host::advance(1);
  rt::run();
  EXPECT_EQ(woke, 50);
  EXPECT_EQ(rt::live_tasks(), 0u);
}

TEST_F(RtTest, SleepDeadlinesAcrossThe32BitWrapOfTheClock) {
  Log log;
  rt::host::advance((uint64_t(1) << 32) - 50);  // mtime's low word about to wrap
  rt::spawn(sleeper(100, &log, "b", nullptr), 2);
  rt::spawn(sleeper(20, &log, "a", nullptr), 2);
  rt::run();
  rt::host::advance(20);
  rt::run();
  EXPECT_EQ(log.str(), "b> a> a<");
  rt::host::advance(79);
  rt::run();
  EXPECT_EQ(log.str(), "b> a> a<");
  rt::host::advance(1);
  rt::run();
  EXPECT_EQ(log.str(), "b> a> a< b<");
}

}  // namespace
}  // namespace rt_test
