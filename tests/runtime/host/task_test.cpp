// Tasks: spawn order, yield, inline co_await, priority and memory checks,
// join, the live count and what rt::run() does (firmware/runtime/rt/task.h).
#include "rt/task.h"

#include "rt_test.h"

namespace rt_test {
namespace {

rt::Task<void> stepper(Log* log, char name, int steps) {
  for (int i = 1; i <= steps; ++i) {
    log->add(std::string_view(&name, 1), i);
    co_await rt::yield_now();
  }
}

TEST_F(RtTest, SpawnedTasksRunMostUrgentFirstAndFifoWithinAPriority) {
  Log log;
  rt::spawn(stepper(&log, 'a', 1), 3);
  rt::spawn(stepper(&log, 'b', 1), 1);
  rt::spawn(stepper(&log, 'c', 1), 3);
  rt::spawn(stepper(&log, 'd', 1), 0);
  rt::spawn(stepper(&log, 'e', 1), 1);
  EXPECT_EQ(log.str(), "");  // a Task is lazy: nothing runs before run()
  rt::run();
  EXPECT_EQ(log.str(), "d1 b1 e1 a1 c1");
}

TEST_F(RtTest, YieldNowGoesToTheBackOfItsLevel) {
  Log log;
  rt::spawn(stepper(&log, 'a', 3), 2);
  rt::spawn(stepper(&log, 'b', 3), 2);
  rt::spawn(stepper(&log, 'c', 2), 1);  // more urgent: never yields to a or b
  rt::spawn(stepper(&log, 'z', 1), 5);  // less urgent: only when 2 is empty
  rt::run();
  EXPECT_EQ(log.str(), "c1 c2 a1 b1 a2 b2 a3 b3 z1");
}

rt::Task<void> spawner(Log* log) {
  log->add("s1");
  rt::spawn(stepper(log, 'u', 1), 0);  // more urgent, but spawn does not switch
  log->add("s2");
  co_await rt::yield_now();  // now it runs
  log->add("s3");
}

TEST_F(RtTest, SpawnFromATaskQueuesTheNewTaskWithoutSwitching) {
  Log log;
  rt::spawn(spawner(&log), 4);
  rt::run();
  EXPECT_EQ(log.str(), "s1 s2 u1 s3");
}

rt::Task<int> add_later(Log* log, int a, int b, rt::Tcb** seen) {
  *seen = co_await current_tcb();
  log->add("child1");
  co_await rt::yield_now();
  log->add("child2");
  co_return a + b;
}

rt::Task<void> inline_parent(Log* log, int* result, rt::Tcb** parent, rt::Tcb** child) {
  *parent = co_await current_tcb();
  log->add("parent");
  *result = co_await add_later(log, 40, 2, child);
  log->add("got", *result);
}

TEST_F(RtTest, CoAwaitOfATaskReturnsItsValueAndRunsAtTheParentsPriority) {
  Log log;
  int result = 0;
  rt::Tcb* parent = nullptr;
  rt::Tcb* child = nullptr;
  rt::spawn(inline_parent(&log, &result, &parent, &child), 3);
  rt::spawn(stepper(&log, 'x', 1),
            4);  // less urgent than the parent: waits for the child's yield too
  rt::run();
  EXPECT_EQ(result, 42);
  EXPECT_EQ(log.str(), "parent child1 child2 got42 x1");
  ASSERT_NE(child, nullptr);
  EXPECT_NE(child, parent);
  EXPECT_EQ(rt::word_prio(child->word), 3u);
  // Both frames went back to the pool.
  EXPECT_EQ(rt::frame_pool().stats().in_use_bytes, 0u);
}

TEST_F(RtTest, InlineTaskYieldKeepsFifoWithTasksOfTheParentsLevel) {
  Log log;
  int result = 0;
  rt::Tcb* parent = nullptr;
  rt::Tcb* child = nullptr;
  rt::spawn(inline_parent(&log, &result, &parent, &child), 3);
  rt::spawn(stepper(&log, 'y', 2), 3);  // same level: the child's yield lets it in
  rt::run();
  EXPECT_EQ(log.str(), "parent child1 y1 child2 got42 y2");
}

TEST_F(RtTest, SpawnWithPrioAtOrAboveNumPriosIsRejectedAndTheFrameFreed) {
  Log log;
  const rt::FramePool::Stats before = rt::frame_pool().stats();
  EXPECT_EQ(rt::num_prios(), 8u);
  EXPECT_EQ(rt::spawn(stepper(&log, 'a', 1), 8), rt::Status::kBadPrio);
  rt::host::set_num_prios(4);
  EXPECT_EQ(rt::num_prios(), 4u);
  EXPECT_EQ(rt::spawn(stepper(&log, 'b', 1), 4), rt::Status::kBadPrio);
  const rt::FramePool::Stats after = rt::frame_pool().stats();
  EXPECT_EQ(after.in_use_bytes, before.in_use_bytes);
  EXPECT_EQ(after.frees - before.frees, 2u);
  EXPECT_EQ(rt::live_tasks(), 0u);
  EXPECT_EQ(rt::host::queue().held(), 0u);
  EXPECT_EQ(rt::spawn(stepper(&log, 'c', 1), 3), rt::Status::kOk);
  rt::run();
  EXPECT_EQ(log.str(), "c1");
}

rt::Task<int> huge_frame(int seed) {
  volatile uint8_t buf[8192];  // lives across the suspension: in the frame
  for (int i = 0; i < 8192; i += 64) buf[i] = static_cast<uint8_t>(seed + i);
  co_await rt::yield_now();
  co_return buf[seed % 64 * 64];
}

rt::Task<void> awaits_huge(int* result) { *result = co_await huge_frame(3) + 1; }

TEST_F(RtTest, AFrameThatDoesNotFitGivesAnEmptyTaskAndSpawnReportsNoMemory) {
  const rt::FramePool::Stats before = rt::frame_pool().stats();
  {
    rt::Task<int> t = huge_frame(1);
    EXPECT_FALSE(t.valid());
    EXPECT_EQ(t.tcb(), nullptr);
  }
  const rt::FramePool::Stats s = rt::frame_pool().stats();
  EXPECT_EQ(s.failures, before.failures + 1);
  EXPECT_GT(s.last_failed_bytes, 8192u);
  EXPECT_EQ(rt::spawn(huge_frame(2), 1), rt::Status::kNoMemory);
  EXPECT_EQ(rt::frame_pool().stats().failures, before.failures + 2);
  EXPECT_EQ(rt::frame_pool().stats().in_use_bytes, before.in_use_bytes);
  EXPECT_EQ(rt::live_tasks(), 0u);
  EXPECT_EQ(rt::run(), 0u);
}

TEST_F(RtTest, CoAwaitOfAnEmptyTaskGivesTheDefaultValue) {
  int result = -1;
  ASSERT_EQ(rt::spawn(awaits_huge(&result), 1), rt::Status::kOk);
  rt::run();
  EXPECT_EQ(result, 1);  // int{} + 1
  EXPECT_EQ(rt::live_tasks(), 0u);
}

rt::Task<void> big_frame(int seed, int* done) {
  volatile uint32_t buf[700];  // ~2.8 KiB: the 4 KiB class
  for (int i = 0; i < 700; ++i) buf[i] = static_cast<uint32_t>(seed + i);
  co_await rt::yield_now();
  if (buf[seed % 700] == static_cast<uint32_t>(seed + seed % 700)) ++*done;
}

TEST_F(RtTest, ExhaustedPoolRefusesSpawnsUntilTasksEnd) {
  const uint32_t capacity = rt::frame_pool().stats().arena_bytes / 4096;
  int done = 0;
  uint32_t spawned = 0;
  rt::Status last = rt::Status::kOk;
  while (last == rt::Status::kOk && spawned <= capacity) {
    last = rt::spawn(big_frame(static_cast<int>(spawned), &done), 2);
    if (last == rt::Status::kOk) ++spawned;
  }
  EXPECT_EQ(last, rt::Status::kNoMemory);
  EXPECT_EQ(spawned, capacity);
  EXPECT_EQ(rt::live_tasks(), capacity);
  rt::run();
  EXPECT_EQ(done, static_cast<int>(capacity));
  EXPECT_EQ(rt::frame_pool().stats().in_use_bytes, 0u);
  EXPECT_EQ(rt::spawn(big_frame(0, &done), 2), rt::Status::kOk);  // blocks are reused
  rt::run();
}

// ---------------------------------------------------------------- join

rt::Task<void> joiner(rt::TaskRef target, rt::Status* out, Log* log, std::string name) {
  log->add(name + ">");
  *out = co_await rt::join(target);
  log->add(name + "<");
}

TEST_F(RtTest, JoinReportsOkWhenTheTaskEnds) {
  Log log;
  rt::TaskRef target;
  rt::Status st = rt::Status::kHwError;
  rt::spawn(wait_once(9, &log, "t"), 2, rt::TaskType::kNormal, &target);
  rt::spawn(joiner(target, &st, &log, "j"), 1);
  rt::run();
  EXPECT_EQ(log.str(), "j> t>");  // the joiner waits for the target
  EXPECT_EQ(rt::live_tasks(), 2u);
  rt::host::fire(9);
  rt::run();
  EXPECT_EQ(log.str(), "j> t> t< j<");
  EXPECT_EQ(st, rt::Status::kOk);
  EXPECT_EQ(rt::live_tasks(), 0u);
}

TEST_F(RtTest, JoinOfAnEndedTaskReportsNotFound) {
  Log log;
  rt::TaskRef target;
  rt::Status st = rt::Status::kHwError;
  rt::spawn(stepper(&log, 'a', 1), 2, rt::TaskType::kNormal, &target);
  rt::run();
  rt::spawn(joiner(target, &st, &log, "j"), 1);
  rt::run();
  EXPECT_EQ(st, rt::Status::kNotFound);
  EXPECT_EQ(log.str(), "a1 j> j<");
  rt::Status never = rt::Status::kHwError;
  rt::spawn(joiner(rt::TaskRef{}, &never, &log, "n"), 1);  // never existed
  rt::run();
  EXPECT_EQ(never, rt::Status::kNotFound);
}

TEST_F(RtTest, SecondJoinerGetsBusyAndTheFirstStillGetsOk) {
  Log log;
  rt::TaskRef target;
  rt::Status first = rt::Status::kHwError, second = rt::Status::kHwError;
  rt::spawn(wait_once(9, &log, "t"), 2, rt::TaskType::kNormal, &target);
  rt::spawn(joiner(target, &first, &log, "j1"), 1);
  rt::spawn(joiner(target, &second, &log, "j2"), 1);
  rt::run();
  EXPECT_EQ(second, rt::Status::kBusy);
  EXPECT_EQ(log.str(), "j1> j2> j2< t>");
  rt::host::fire(9);
  rt::run();
  EXPECT_EQ(first, rt::Status::kOk);
  EXPECT_EQ(log.str(), "j1> j2> j2< t> t< j1<");
}

// ---------------------------------------------------------------- live count, run

TEST_F(RtTest, LiveTasksCountsNormalTasksButNotDaemons) {
  Log log;
  rt::spawn(wait_once(3, &log, "n"), 1);
  rt::spawn(wait_once(4, &log, "d"), 1, rt::TaskType::kDaemon);
  EXPECT_EQ(rt::live_tasks(), 1u);
  rt::run();
  EXPECT_EQ(rt::live_tasks(), 1u);
  rt::host::fire(4);  // the daemon ends: not counted
  rt::run();
  EXPECT_EQ(rt::live_tasks(), 1u);
  rt::host::fire(3);
  rt::run();
  EXPECT_EQ(rt::live_tasks(), 0u);
  EXPECT_EQ(log.str(), "n> d> d< n<");
}

TEST_F(RtTest, RunReturnsWhenNothingIsReadyEvenWithTasksWaiting) {
  Log log;
  rt::spawn(wait_once(6, &log, "w"), 1);
  rt::spawn(stepper(&log, 'a', 1), 2);
  rt::spawn(stepper(&log, 'b', 1), 2);
  rt::run();
  EXPECT_EQ(log.str(), "w> a1 b1");
  EXPECT_EQ(rt::live_tasks(), 1u);
  EXPECT_EQ(rt::run(), 0u);  // nothing ready: returns at once
  EXPECT_EQ(rt::host::queue().held(), 1u);
}

TEST_F(RtTest, RunCountsOnlyTheResumesOfItsLoop) {
  Log log;
  rt::spawn(wait_once(6, &log, "a"), 1);
  rt::spawn(wait_once(7, &log, "b"), 1);
  // The loop resumes a; a's wait hands the hart straight to b (symmetric
  // transfer) and b's wait, with nothing ready, back to the loop.
  EXPECT_EQ(rt::run(), 1u);
  rt::host::fire(7);
  EXPECT_EQ(rt::run(), 1u);
  EXPECT_EQ(rt::run(), 0u);
  EXPECT_EQ(log.str(), "a> b> b<");
}

}  // namespace
}  // namespace rt_test
