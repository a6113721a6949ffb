// rt::cancel: a waiting or sleeping task ends at once (its locals destroyed,
// its frames back in the pool, its joiner woken with kCancelled); a ready or
// running one ends at its next suspension point.
#include "rt/task.h"
#include "rt/timer.h"
#include "rt_test.h"

namespace rt_test {
namespace {

rt::Task<void> guarded_wait(uint32_t source, int* destroyed, Log* log) {
  Probe probe(destroyed);
  log->add("w>");
  co_await rt::wait_event(source);
  log->add("w<");  // never, when cancelled
}

rt::Task<void> joiner(rt::TaskRef target, rt::Status* out) { *out = co_await rt::join(target); }

TEST_F(RtTest, CancelOfATaskWaitingOnAnEventEndsItAtOnce) {
  Log log;
  int destroyed = 0;
  rt::TaskRef ref;
  rt::Status joined = rt::Status::kHwError;
  const uint32_t idle = in_use();
  ASSERT_EQ(rt::spawn(guarded_wait(9, &destroyed, &log), 2, rt::TaskType::kNormal, &ref),
            rt::Status::kOk);
  const uint32_t with_target = in_use();
  rt::spawn(joiner(ref, &joined), 1);
  const uint32_t all = in_use();
  rt::run();
  ASSERT_TRUE(rt::host::queue().has_waiters(9));
  ASSERT_EQ(rt::live_tasks(), 2u);

  EXPECT_EQ(rt::cancel(ref), rt::Status::kOk);
  // Already over, before anything else runs:
  EXPECT_EQ(destroyed, 1);
  EXPECT_FALSE(ref.alive());
  EXPECT_FALSE(rt::host::queue().has_waiters(9));   // its wait-queue entry is gone
  EXPECT_EQ(in_use(), all - (with_target - idle));  // its frame is back in the pool
  EXPECT_EQ(rt::live_tasks(), 1u);
  EXPECT_EQ(rt::host::queue().held(), 1u);  // the joiner, made ready

  rt::run();
  EXPECT_EQ(joined, rt::Status::kCancelled);
  EXPECT_EQ(log.str(), "w>");
  EXPECT_EQ(in_use(), idle);
  EXPECT_EQ(rt::live_tasks(), 0u);
  EXPECT_EQ(rt::cancel(ref), rt::Status::kNotFound);
  // A later event finds nobody: it is counted, not delivered to the dead task.
  rt::host::fire(9);
  EXPECT_EQ(rt::host::queue().source(9).pending, 1);
  EXPECT_EQ(rt::run(), 0u);
}

TEST_F(RtTest, CancelledWaitingTaskReturnsItsFrameToThePool) {
  Log log;
  int destroyed = 0;
  rt::TaskRef ref;
  const uint32_t idle = in_use();
  rt::spawn(guarded_wait(9, &destroyed, &log), 2, rt::TaskType::kNormal, &ref);
  rt::run();
  const uint32_t frees = rt::frame_pool().stats().frees;
  ASSERT_GT(in_use(), idle);
  rt::cancel(ref);
  EXPECT_EQ(in_use(), idle);
  EXPECT_EQ(rt::frame_pool().stats().frees, frees + 1);
}

rt::Task<int> guarded_child(uint32_t source, int* destroyed) {
  Probe probe(destroyed);
  co_await rt::wait_event(source);
  co_return 1;
}

rt::Task<void> guarded_parent(uint32_t source, int* destroyed, int* result) {
  Probe probe(destroyed);
  *result = co_await guarded_child(source, destroyed);
}

TEST_F(RtTest, CancelOfATaskWaitingInAnInlineChildDestroysTheWholeChain) {
  int destroyed = 0, result = -1;
  rt::TaskRef ref;
  const uint32_t idle = in_use();
  rt::spawn(guarded_parent(11, &destroyed, &result), 2, rt::TaskType::kNormal, &ref);
  rt::run();
  ASSERT_TRUE(rt::host::queue().has_waiters(11));
  EXPECT_EQ(rt::cancel(ref), rt::Status::kOk);
  EXPECT_EQ(destroyed, 2);  // child's and parent's locals
  EXPECT_EQ(in_use(), idle);
  EXPECT_FALSE(rt::host::queue().has_waiters(11));
  EXPECT_EQ(result, -1);
  EXPECT_EQ(rt::live_tasks(), 0u);
}

rt::Task<void> stepper_guarded(Log* log, int* destroyed, int steps) {
  Probe probe(destroyed);
  for (int i = 1; i <= steps; ++i) {
    log->add("a", i);
    co_await rt::yield_now();
  }
}

rt::Task<void> canceller(rt::TaskRef* target, rt::Status* out, Log* log) {
  log->add("cancel");
  *out = rt::cancel(*target);
  co_return;
}

TEST_F(RtTest, CancelOfAReadyTaskEndsItAtItsNextSuspension) {
  Log log;
  int destroyed = 0;
  rt::TaskRef ref;
  rt::Status st = rt::Status::kHwError, joined = rt::Status::kHwError;
  rt::spawn(stepper_guarded(&log, &destroyed, 3), 2, rt::TaskType::kNormal, &ref);
  rt::spawn(canceller(&ref, &st, &log), 2);  // runs while a is ready after a1
  rt::spawn(joiner(ref, &joined), 1);
  rt::run();
  EXPECT_EQ(st, rt::Status::kOk);
  // a resumes once more (a2) and ends at its next yield: no a3.
  EXPECT_EQ(log.str(), "a1 cancel a2");
  EXPECT_EQ(destroyed, 1);
  EXPECT_EQ(joined, rt::Status::kCancelled);
  EXPECT_EQ(rt::live_tasks(), 0u);
  EXPECT_EQ(in_use(), 0u);
}

TEST_F(RtTest, CancelOfASpawnedTaskThatHasNotRunEndsItAtItsFirstSuspension) {
  Log log;
  int destroyed = 0;
  rt::TaskRef ref;
  rt::spawn(stepper_guarded(&log, &destroyed, 3), 2, rt::TaskType::kNormal, &ref);
  EXPECT_EQ(rt::cancel(ref), rt::Status::kOk);
  EXPECT_TRUE(ref.alive());  // ready: it ends when it next suspends
  rt::run();
  EXPECT_EQ(log.str(), "a1");
  EXPECT_EQ(destroyed, 1);
  EXPECT_FALSE(ref.alive());
}

rt::Task<void> self_canceller(rt::TaskRef* self, Log* log, int* destroyed) {
  Probe probe(destroyed);
  log->add("s1");
  rt::cancel(*self);  // running: ends at the next suspension
  log->add("s2");
  co_await rt::yield_now();
  log->add("s3");
}

TEST_F(RtTest, CancelOfTheRunningTaskEndsItAtItsNextSuspension) {
  Log log;
  int destroyed = 0;
  rt::TaskRef ref;
  rt::spawn(self_canceller(&ref, &log, &destroyed), 2, rt::TaskType::kNormal, &ref);
  rt::run();
  EXPECT_EQ(log.str(), "s1 s2");
  EXPECT_EQ(destroyed, 1);
  EXPECT_EQ(rt::live_tasks(), 0u);
}

rt::Task<void> guarded_sleep(uint32_t cycles, int* destroyed, Log* log) {
  Probe probe(destroyed);
  log->add("z>");
  co_await rt::sleep(cycles);
  log->add("z<");
}

TEST_F(RtTest, CancelOfASleepingTaskEndsItAtOnceAndDisarmsTheTimer) {
  Log log;
  int destroyed = 0;
  rt::TaskRef ref;
  rt::Status joined = rt::Status::kHwError;
  rt::spawn(guarded_sleep(100, &destroyed, &log), 2, rt::TaskType::kNormal, &ref);
  rt::spawn(joiner(ref, &joined), 1);
  rt::run();
  ASSERT_EQ(rt::timer::sleepers(), 1u);
  ASSERT_EQ(rt::host::timer_deadline(), 100u);
  EXPECT_EQ(rt::cancel(ref), rt::Status::kOk);
  EXPECT_EQ(destroyed, 1);
  EXPECT_FALSE(ref.alive());
  EXPECT_EQ(rt::timer::sleepers(), 0u);
  EXPECT_EQ(rt::host::timer_deadline(), rt::host::kTimerOff);
  rt::run();
  EXPECT_EQ(joined, rt::Status::kCancelled);
  rt::host::advance(200);
  EXPECT_EQ(rt::run(), 0u);
  EXPECT_EQ(log.str(), "z>");
  EXPECT_EQ(in_use(), 0u);
}

TEST_F(RtTest, CancelOfOneSleeperKeepsTheOthers) {
  Log log;
  int destroyed = 0;
  rt::TaskRef first;
  rt::spawn(guarded_sleep(100, &destroyed, &log), 2, rt::TaskType::kNormal, &first);
  rt::spawn(guarded_sleep(200, &destroyed, &log), 2);
  rt::run();
  rt::cancel(first);
  EXPECT_EQ(rt::timer::sleepers(), 1u);
  EXPECT_EQ(rt::host::timer_deadline(), 200u);  // re-armed for the next sleeper
  rt::host::advance(200);
  rt::run();
  EXPECT_EQ(log.str(), "z> z> z<");
  EXPECT_EQ(destroyed, 2);
}

// ---------------------------------------------------------------- cancel at a join

rt::Task<void> join_after_cancel(rt::TaskRef* self, rt::TaskRef target, Log* log, int* destroyed) {
  Probe probe(destroyed);
  rt::cancel(*self);
  log->add("j>");
  co_await rt::join(target);  // a suspension point: a cancelled task ends here
  log->add("j<");
}

TEST_F(RtTest, CancelledTaskEndsAtAJoinAsAtAnyOtherSuspension) {
  Log log;
  int destroyed = 0;
  rt::TaskRef target, self;
  rt::spawn(wait_once(12, &log, "t"), 3, rt::TaskType::kNormal, &target);
  rt::spawn(join_after_cancel(&self, target, &log, &destroyed), 2, rt::TaskType::kNormal, &self);
  rt::run();
  EXPECT_EQ(destroyed, 1);
  EXPECT_FALSE(self.alive());
  EXPECT_EQ(log.str(), "j> t>");
  // The target's end later wakes nobody.
  rt::host::fire(12);
  rt::run();
  EXPECT_EQ(log.str(), "j> t> t<");
  EXPECT_EQ(rt::live_tasks(), 0u);
}

// ---------------------------------------------------------------- stale waits
//
// A task's last wait stays recorded after it ends (wait_source/wait_word). When
// that wait was made by an inline child, the child's block is freed and may be
// reused by another task that waits on the same source with the same word.
// Cancelling the first task must not take the other task's entry (nor destroy
// the first task, which is ready, as if it had been waiting).

// The inline child (and b, the same coroutine, so b takes the child's freed
// block): waits on `source`, or sleeps `cycles` when source is kSleeping.
rt::Task<void> wait_or_sleep(uint32_t source, uint32_t cycles) {
  if (source == rt::kSleeping)
    co_await rt::sleep(cycles);
  else
    co_await rt::wait_event(source);
}

// b at prio 1, as the child ran: the same task word as the child's.
void spawn_b_like_the_child(uint32_t source, rt::TaskRef* b) {
  rt::spawn(wait_or_sleep(source, 1000), 1, rt::TaskType::kNormal, b);
}

// b, made ready by the test, runs to its end and leaves nothing behind.
void runs_to_its_end_freeing_everything(const rt::TaskRef& b) {
  rt::run();
  EXPECT_FALSE(b.alive());
  EXPECT_EQ(rt::live_tasks(), 0u);
  EXPECT_EQ(rt::frame_pool().stats().in_use_bytes, 0u);
}

struct ReuseScene {
  Log log;
  int destroyed = 0;
  rt::TaskRef a, b;
};

struct StaleScene : ReuseScene {
  rt::Status cancel_status = rt::Status::kHwError;
  bool b_waits_after_cancel = false;
  bool a_alive_after_cancel = false;
};

rt::Task<void> stale_canceller(StaleScene* s, uint32_t source) {
  s->log.add("d");
  s->cancel_status = rt::cancel(s->a);
  s->a_alive_after_cancel = s->a.alive();  // a is ready: it ends at its next suspension
  s->b_waits_after_cancel =
      source == rt::kSleeping ? rt::timer::sleepers() == 1 : rt::host::queue().has_waiters(source);
  co_return;
}

// a (prio 1): waits through an inline child, then spawns b (which takes the
// child's block with the same word) and the canceller d, then yields twice.
rt::Task<void> stale_a(StaleScene* s, uint32_t source) {
  Probe probe(&s->destroyed);
  s->log.add("a1");
  co_await wait_or_sleep(source, 10);
  spawn_b_like_the_child(source, &s->b);
  rt::spawn(stale_canceller(s, source), 1);
  s->log.add("a2");
  co_await rt::yield_now();  // b waits, d cancels a while a is ready
  s->log.add("a3");
  co_await rt::yield_now();  // a ends here
  s->log.add("a4");
}

TEST_F(RtTest, CancelAfterAnInlineChildsWaitLeavesTheTaskThatReusedItsFrame) {
  StaleScene s;
  const uint32_t kSrc = 13;
  rt::spawn(stale_a(&s, kSrc), 1, rt::TaskType::kNormal, &s.a);
  rt::run();
  rt::host::fire(kSrc);
  rt::run();
  ASSERT_TRUE(s.b.tcb != nullptr);
  EXPECT_EQ(s.cancel_status, rt::Status::kOk);
  EXPECT_TRUE(s.a_alive_after_cancel);
  EXPECT_TRUE(s.b_waits_after_cancel);
  EXPECT_EQ(s.log.str(), "a1 a2 d a3");
  EXPECT_EQ(s.destroyed, 1);
  EXPECT_TRUE(s.b.alive());
  EXPECT_TRUE(rt::host::queue().has_waiters(kSrc));
  EXPECT_EQ(rt::live_tasks(), 1u);
  rt::host::fire(kSrc);  // b still gets its event
  runs_to_its_end_freeing_everything(s.b);
}

TEST_F(RtTest, CancelAfterAnInlineChildsSleepLeavesTheSleeperThatReusedItsFrame) {
  StaleScene s;
  rt::spawn(stale_a(&s, rt::kSleeping), 1, rt::TaskType::kNormal, &s.a);
  rt::run();
  rt::host::advance(10);
  rt::run();
  ASSERT_TRUE(s.b.tcb != nullptr);
  EXPECT_EQ(s.cancel_status, rt::Status::kOk);
  EXPECT_TRUE(s.a_alive_after_cancel);
  EXPECT_TRUE(s.b_waits_after_cancel);
  EXPECT_EQ(s.log.str(), "a1 a2 d a3");
  EXPECT_EQ(s.destroyed, 1);
  EXPECT_TRUE(s.b.alive());
  EXPECT_EQ(rt::timer::sleepers(), 1u);
  rt::host::advance(1000);
  runs_to_its_end_freeing_everything(s.b);
}

// ---------------------------------------------------------------- the race
//
// The same reuse, but inside cancel(): after it has found the recorded wait
// to be its task's own and before it removes it, another hart runs that wait
// to its end (the event comes, the child ends, the task goes on, spawns b into
// the child's block with the same word, b waits, the task ends at its next
// suspension because it is cancelled). rt::detail::g_cancel_window_hook runs
// that sequence in the window. cancel() must leave b's entry (or sleep) in
// place and must not end the task again.

struct RaceScene : ReuseScene {
  uint32_t source = 0;
  uint32_t recorded_word = 0;  // a's wait record when cancel() read it
  bool reused = false;         // b waits with that word (the precondition)
};
RaceScene* g_race = nullptr;

rt::Task<void> race_a(RaceScene* s) {
  Probe probe(&s->destroyed);
  s->log.add("a1");
  co_await wait_or_sleep(s->source, 10);
  s->log.add("a2");
  spawn_b_like_the_child(s->source, &s->b);
  co_await rt::yield_now();  // cancelled meanwhile: a ends here
  s->log.add("a3");
}

void other_hart_in_the_window() {
  RaceScene* s = g_race;
  s->log.add("window");
  if (s->source == rt::kSleeping)
    rt::host::advance(10);
  else
    rt::host::fire(s->source);
  rt::run();  // the child ends, a spawns b and ends, b waits
  s->reused = s->b.tcb != nullptr && s->b.tcb->word == s->recorded_word;
}

void run_race(RaceScene& s) {
  g_race = &s;
  ASSERT_EQ(rt::spawn(race_a(&s), 1, rt::TaskType::kNormal, &s.a), rt::Status::kOk);
  rt::run();  // a waits in its child
  s.recorded_word = s.a.tcb->wait_word;
  rt::detail::g_cancel_window_hook = other_hart_in_the_window;
  EXPECT_EQ(rt::cancel(s.a), rt::Status::kOk);
  rt::detail::g_cancel_window_hook = nullptr;
  ASSERT_TRUE(s.reused) << "b did not take the child's block with the same word";
  EXPECT_EQ(s.log.str(), "a1 window a2");
  EXPECT_EQ(s.destroyed, 1);  // a ended once, at its yield
  EXPECT_FALSE(s.a.alive());
  EXPECT_TRUE(s.b.alive());
  EXPECT_EQ(rt::live_tasks(), 1u);
}

TEST_F(RtTest, CancelRacingTheReuseOfAWaitingChildsBlockGivesTheEntryBack) {
  RaceScene s;
  s.source = 14;
  run_race(s);
  // b's entry is back in the wait queue: the next event is b's.
  EXPECT_TRUE(rt::host::queue().has_waiters(14));
  EXPECT_EQ(rt::host::queue().held(), 1u);  // b's entry, nothing else
  EXPECT_EQ(rt::host::fire(14), 1u);
  runs_to_its_end_freeing_everything(s.b);
}

TEST_F(RtTest, CancelRacingTheReuseOfASleepingChildsBlockLeavesTheSleeper) {
  RaceScene s;
  s.source = rt::kSleeping;
  run_race(s);
  EXPECT_EQ(rt::timer::sleepers(), 1u);
  rt::host::advance(1000);
  runs_to_its_end_freeing_everything(s.b);
}

}  // namespace
}  // namespace rt_test
