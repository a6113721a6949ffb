// rt::FramePool: coroutine frames from size classes carved from one arena,
// each with its Tcb right below and 32-byte aligned (the task word keeps the
// priority in the low 5 bits).
#include "rt/frame_pool.h"

#include <set>

#include "rt_test.h"

namespace rt_test {
namespace {

using rt::FramePool;

// A pool over an arena of its own, so exhaustion is cheap to reach.
class FramePoolTest : public RtTest {
 protected:
  static constexpr uint32_t kArena = 4096;
  void SetUp() override {
    RtTest::SetUp();
    pool.init(arena, kArena);
  }
  alignas(rt::kFrameAlign) uint8_t arena[kArena];
  FramePool pool;
};

constexpr uint32_t kTcb = sizeof(rt::Tcb);

TEST_F(FramePoolTest, EveryFrameIsAlignedWithItsTcbRightBelow) {
  for (size_t bytes :
       {size_t(0), size_t(1), size_t(7), size_t(31), size_t(33), size_t(100), size_t(500)}) {
    void* f = pool.alloc_frame(bytes);
    ASSERT_NE(f, nullptr) << bytes;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(f) % rt::kFrameAlign, 0u) << bytes;
    rt::Tcb* t = rt::tcb_of_frame(f);
    EXPECT_EQ(reinterpret_cast<uint8_t*>(t) + kTcb, static_cast<uint8_t*>(f));
    EXPECT_EQ(rt::frame_of(t), f);
    EXPECT_EQ(rt::TaskState(t->state), rt::TaskState::kCreated);
    EXPECT_EQ(t->type, rt::TaskType::kNormal);
    EXPECT_EQ(t->root, t);
    EXPECT_EQ(t->wait_source, rt::kNoSource);
    EXPECT_EQ(t->word, rt::make_word(f, 0));
  }
}

TEST_F(FramePoolTest, BlockSizeIsTheSmallestClassHoldingTcbAndFrame) {
  EXPECT_EQ(FramePool::block_bytes(0), 64u);
  EXPECT_EQ(FramePool::block_bytes(64 - kTcb), 64u);
  EXPECT_EQ(FramePool::block_bytes(64 - kTcb + 1), 128u);
  EXPECT_EQ(FramePool::block_bytes(1000 - kTcb), 1024u);
  EXPECT_EQ(FramePool::block_bytes(4096 - kTcb), 4096u);
  EXPECT_EQ(FramePool::block_bytes(4096 - kTcb + 1), 0u);  // too big for any class
}

TEST_F(FramePoolTest, StatsCountBlocksPerClass) {
  // The Tcb is 32 bytes on the target, 64 on the host: a 10-byte frame
  // takes the 64- or the 128-byte class.
  const uint32_t small = FramePool::block_bytes(10);
  void* a = pool.alloc_frame(10);
  void* b = pool.alloc_frame(200 - kTcb);  // 256
  void* c = pool.alloc_frame(200 - kTcb);  // 256
  ASSERT_TRUE(a && b && c);
  FramePool::Stats s = pool.stats();
  EXPECT_EQ(s.arena_bytes, kArena);
  EXPECT_EQ(s.allocs, 3u);
  EXPECT_EQ(s.in_use[small == 64 ? 0 : 1], 1u);
  EXPECT_EQ(s.in_use[2], 2u);
  EXPECT_EQ(s.in_use_bytes, small + 2 * 256u);
  EXPECT_EQ(s.carved_bytes, s.in_use_bytes);
  EXPECT_EQ(s.largest_frame, 200 - kTcb);
  EXPECT_EQ(s.last_frame, 200 - kTcb);
  pool.free_frame(b);
  s = pool.stats();
  EXPECT_EQ(s.frees, 1u);
  EXPECT_EQ(s.in_use[2], 1u);
  EXPECT_EQ(s.in_use_bytes, small + 256u);
  EXPECT_EQ(s.high_water_bytes, small + 2 * 256u);
}

TEST_F(FramePoolTest, ExhaustionReturnsNullptrAndCountsTheFailureAndItsSize) {
  const size_t frame = 1024 - kTcb;  // 1 KiB blocks: four fit
  for (int i = 0; i < 4; ++i) ASSERT_NE(pool.alloc_frame(frame), nullptr) << i;
  EXPECT_EQ(pool.alloc_frame(frame), nullptr);
  FramePool::Stats s = pool.stats();
  EXPECT_EQ(s.failures, 1u);
  EXPECT_EQ(s.last_failed_bytes, frame);
  EXPECT_EQ(s.allocs, 4u);
  EXPECT_EQ(s.in_use_bytes, kArena);
  EXPECT_EQ(pool.alloc_frame(0), nullptr);  // nothing left for a small class either
  EXPECT_EQ(pool.stats().failures, 2u);
  EXPECT_EQ(pool.stats().last_failed_bytes, 0u);
}

TEST_F(FramePoolTest, AFrameLargerThanEveryClassFailsEvenWithSpaceLeft) {
  EXPECT_EQ(pool.alloc_frame(5000), nullptr);
  const FramePool::Stats s = pool.stats();
  EXPECT_EQ(s.failures, 1u);
  EXPECT_EQ(s.last_failed_bytes, 5000u);
  EXPECT_EQ(s.carved_bytes, 0u);
  EXPECT_NE(pool.alloc_frame(100), nullptr);
}

TEST_F(FramePoolTest, FreedBlocksAreReusedWithinTheirClass) {
  void* a = pool.alloc_frame(300);
  ASSERT_NE(a, nullptr);
  const uint32_t carved = pool.stats().carved_bytes;
  pool.free_frame(a);
  void* small = pool.alloc_frame(0);  // another class: carved anew
  EXPECT_NE(small, a);
  EXPECT_GT(pool.stats().carved_bytes, carved);
  const uint32_t carved2 = pool.stats().carved_bytes;
  EXPECT_EQ(pool.alloc_frame(300), a);  // same class: the freed block
  EXPECT_EQ(pool.stats().carved_bytes, carved2);
}

TEST_F(FramePoolTest, ExhaustedPoolServesAgainAfterAFree) {
  void* blocks[4];
  for (auto& b : blocks) ASSERT_NE(b = pool.alloc_frame(1024 - kTcb), nullptr);
  ASSERT_EQ(pool.alloc_frame(1024 - kTcb), nullptr);
  pool.free_frame(blocks[2]);
  EXPECT_EQ(pool.alloc_frame(1024 - kTcb), blocks[2]);
}

TEST_F(FramePoolTest, GenerationChangesOnFreeAndOnReuse) {
  void* f = pool.alloc_frame(16);
  rt::Tcb* t = rt::tcb_of_frame(f);
  const uint16_t g0 = t->gen;
  pool.free_frame(f);
  EXPECT_EQ(rt::TaskState(t->state), rt::TaskState::kFree);
  const uint16_t g1 = t->gen;
  EXPECT_NE(g1, g0);
  ASSERT_EQ(pool.alloc_frame(16), f);
  EXPECT_NE(t->gen, g1);
  EXPECT_NE(t->gen, g0);
}

TEST_F(FramePoolTest, TaskIdsDifferAmongLiveBlocks) {
  std::set<uint16_t> ids;
  for (int i = 0; i < 20; ++i) {
    void* f = pool.alloc_frame(0);
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(ids.insert(rt::tcb_of_frame(f)->cid).second);
    EXPECT_NE(rt::tcb_of_frame(f)->cid, 0);
  }
}

// The program's pool (rt::frame_pool()) sits below 4 GiB: a frame address is
// its task word's upper 27 bits, as on the target.
TEST_F(RtTest, ProgramPoolFramesFitA32BitTaskWord) {
  void* f = rt::frame_pool().alloc_frame(100);
  ASSERT_NE(f, nullptr);
  EXPECT_LT(reinterpret_cast<uintptr_t>(f), uintptr_t(1) << 32);
  const uint32_t w = rt::make_word(f, 7);
  EXPECT_EQ(rt::frame_of_word(w), f);
  EXPECT_EQ(rt::tcb_of_word(w), rt::tcb_of_frame(f));
  EXPECT_EQ(rt::word_prio(w), 7u);
  EXPECT_GE(rt::frame_pool().stats().arena_bytes, 1u << 20);
}

rt::Task<void> ends_at_once() { co_return; }

TEST_F(RtTest, TaskRefGoesStaleWhenTheTaskEnds) {
  rt::TaskRef ref;
  ASSERT_EQ(rt::spawn(ends_at_once(), 1, rt::TaskType::kNormal, &ref), rt::Status::kOk);
  EXPECT_TRUE(ref.alive());
  EXPECT_NE(ref.cid(), 0);
  const uint16_t gen = ref.tcb->gen;
  rt::run();
  EXPECT_FALSE(ref.alive());
  EXPECT_NE(ref.tcb->gen, gen);
  EXPECT_EQ(rt::cancel(ref), rt::Status::kNotFound);
  // The block is reused by the next task of its class: the old reference stays stale.
  rt::TaskRef again;
  ASSERT_EQ(rt::spawn(ends_at_once(), 1, rt::TaskType::kNormal, &again), rt::Status::kOk);
  EXPECT_EQ(again.tcb, ref.tcb);
  EXPECT_TRUE(again.alive());
  EXPECT_FALSE(ref.alive());
  rt::run();
}

}  // namespace
}  // namespace rt_test
