// Ready queues (docs/ats_intc.md 4.2): FIFO order inside a level, strict
// priority across levels, one set of queues per process, the shared entry pool
// with its FULL and QUOTA limits, and reuse of entries through the free list.
#include <deque>
#include <random>

#include "intc_driver.h"

namespace intc_test {
namespace {

template <class V>
class QueueOrder : public IntcTest<V> {};
TYPED_TEST_SUITE(QueueOrder, BothConfigs, ConfigName);

TYPED_TEST(QueueOrder, DeqOfAnEmptyQueueReturnsZero) {
  EXPECT_EQ(this->deq(0), 0u);
  EXPECT_EQ(this->held(0), 0u);
  EXPECT_EQ(this->free_entries(), this->cfg().entries);
}

TYPED_TEST(QueueOrder, FifoOrderWithinALevel) {
  for (uint32_t f = 1; f <= 6; ++f) EXPECT_FALSE(this->enq(0, task(f, 3)).err);
  EXPECT_EQ(this->held(0), 6u);
  for (uint32_t f = 1; f <= 6; ++f) EXPECT_EQ(this->deq(0), task(f, 3)) << "position " << f;
  EXPECT_EQ(this->deq(0), 0u);
  EXPECT_EQ(this->held(0), 0u);
}

// DEQ_FRAME is DEQ with the priority bits of the returned word cleared: the
// same queues, order, HELD and free list; reads of the two mix freely.
TYPED_TEST(QueueOrder, DeqFrameIsADeqThatReturnsTheFrameBits) {
  const uint32_t last = this->cfg().prios - 1;
  this->enq(0, task(1, last));
  this->enq(0, task(2, 1));
  this->enq(0, task(3, last));
  this->enq(0, task(0x7FFFFFF, 1));  // every frame bit set
  EXPECT_EQ(this->deq_frame(0), task(2, 0));
  EXPECT_EQ(this->held(0), 3u);
  EXPECT_EQ(this->deq(0), task(0x7FFFFFF, 1));
  EXPECT_EQ(this->deq_frame(0), task(1, 0));
  EXPECT_EQ(this->deq(0), task(3, last));
  EXPECT_EQ(this->deq_frame(0), 0u);
  EXPECT_EQ(this->held(0), 0u);
  EXPECT_EQ(this->free_entries(), this->cfg().entries);
}

TYPED_TEST(QueueOrder, MostUrgentLevelFirstAcrossEveryLevel) {
  const uint32_t n = this->cfg().prios;
  // Two rounds over all levels, least urgent first, so arrival order and
  // priority order disagree everywhere.
  for (uint32_t round = 0; round < 2; ++round) {
    for (uint32_t i = 0; i < n; ++i) {
      EXPECT_FALSE(this->enq(0, task(100 * (round + 1) + i, n - 1 - i)).err);
    }
  }
  for (uint32_t prio = 0; prio < n; ++prio) {
    const uint32_t i = n - 1 - prio;
    EXPECT_EQ(this->deq(0), task(100 + i, prio)) << "level " << prio;
    EXPECT_EQ(this->deq(0), task(200 + i, prio)) << "level " << prio;
  }
  EXPECT_EQ(this->deq(0), 0u);
}

TYPED_TEST(QueueOrder, NewUrgentTaskOvertakesWaitingOnes) {
  this->enq(0, task(1, 5));
  this->enq(0, task(2, 7));
  EXPECT_EQ(this->deq(0), task(1, 5));
  this->enq(0, task(3, 2));
  this->enq(0, task(4, 5));
  EXPECT_EQ(this->deq(0), task(3, 2));
  this->enq(0, task(5, 0));
  EXPECT_EQ(this->deq(0), task(5, 0));
  EXPECT_EQ(this->deq(0), task(4, 5));
  EXPECT_EQ(this->deq(0), task(2, 7));
  EXPECT_EQ(this->deq(0), 0u);
}

TYPED_TEST(QueueOrder, ProcessesHaveSeparateQueues) {
  this->enable(1);
  this->enq(0, task(1, 4));
  this->enq(1, task(2, 1));
  this->enq(0, task(3, 0));
  EXPECT_EQ(this->held(0), 2u);
  EXPECT_EQ(this->held(1), 1u);
  EXPECT_EQ(this->kr(k::held(1)), 1u);
  EXPECT_EQ(this->deq(1), task(2, 1));
  EXPECT_EQ(this->deq(1), 0u);
  EXPECT_EQ(this->deq(0), task(3, 0));
  EXPECT_EQ(this->deq(0), task(1, 4));
}

TYPED_TEST(QueueOrder, FullPoolRejectsThenRecovers) {
  const uint32_t n = this->cfg().entries;
  const uint32_t prios = this->cfg().prios;
  for (uint32_t i = 0; i < n; ++i) {
    ASSERT_FALSE(this->enq(0, task(i + 1, i % prios)).err) << "entry " << i;
  }
  EXPECT_EQ(this->free_entries(), 0u);
  EXPECT_EQ(this->held(0), n);
  const Resp full = this->enq(0, task(999, 0));
  EXPECT_TRUE(full.err);
  EXPECT_EQ(this->err_of(0), er::kFull);
  EXPECT_EQ(this->held(0), n);
  // One DEQ frees one entry: the next ENQ is accepted again.
  EXPECT_EQ(this->deq(0), task(1, 0));
  EXPECT_EQ(this->free_entries(), 1u);
  EXPECT_FALSE(this->enq(0, task(1000, prios - 1)).err);
  EXPECT_EQ(this->free_entries(), 0u);
  const std::vector<uint32_t> all = this->drain(0);
  EXPECT_EQ(all.size(), n);
  EXPECT_EQ(all.back(), task(1000, prios - 1));
  EXPECT_EQ(this->free_entries(), n);
}

TYPED_TEST(QueueOrder, PoolIsSharedBetweenProcesses) {
  const uint32_t n = this->cfg().entries;
  this->enable(1);
  for (uint32_t i = 0; i + 1 < n; ++i) ASSERT_FALSE(this->enq(0, task(i + 1, 1)).err);
  EXPECT_FALSE(this->enq(1, task(500, 1)).err);
  EXPECT_TRUE(this->enq(1, task(501, 1)).err);
  EXPECT_EQ(this->err_of(1), er::kFull);
  EXPECT_EQ(this->err_of(0), 0u);
  EXPECT_EQ(this->deq(1), task(500, 1));
  EXPECT_EQ(this->free_entries(), 1u);
}

TYPED_TEST(QueueOrder, QuotaCapsReadyAndWaitingEntries) {
  this->kw(k::quota(0), 3);
  EXPECT_EQ(this->kr(k::quota(0)), 3u);
  EXPECT_FALSE(this->wait_on(0, 1, task(1, 0)).err);  // IRQ 1 is owned by slot 0
  EXPECT_FALSE(this->enq(0, task(2, 0)).err);
  EXPECT_FALSE(this->enq(0, task(3, 0)).err);
  EXPECT_EQ(this->held(0), 3u);
  EXPECT_TRUE(this->enq(0, task(4, 0)).err);
  EXPECT_EQ(this->err_of(0), er::kQuota);
  EXPECT_TRUE(this->wait_on(0, 1, task(5, 0)).err);
  EXPECT_EQ(this->held(0), 3u);
  EXPECT_EQ(this->free_entries(), this->cfg().entries - 3);
  // Back under the quota after a DEQ.
  EXPECT_EQ(this->deq(0), task(2, 0));
  EXPECT_FALSE(this->enq(0, task(6, 0)).err);
  // Quota 0 means no limit.
  this->kw(k::quota(0), 0);
  EXPECT_FALSE(this->enq(0, task(7, 0)).err);
  EXPECT_EQ(this->held(0), 4u);
}

TYPED_TEST(QueueOrder, QuotaOfOneProcessLeavesOthersAlone) {
  this->enable(1);
  this->kw(k::quota(1), 1);
  EXPECT_FALSE(this->enq(1, task(1, 2)).err);
  EXPECT_TRUE(this->enq(1, task(2, 2)).err);
  EXPECT_EQ(this->err_of(1), er::kQuota);
  for (uint32_t i = 0; i < 4; ++i) EXPECT_FALSE(this->enq(0, task(10 + i, 2)).err);
}

TYPED_TEST(QueueOrder, EntriesAreReusedAfterThePoolWasUsedUp) {
  const uint32_t n = this->cfg().entries;
  const uint32_t prios = this->cfg().prios;
  for (uint32_t round = 0; round < 3; ++round) {
    for (uint32_t i = 0; i < n; ++i) {
      ASSERT_FALSE(this->enq(0, task(1000 * (round + 1) + i, (i * 7 + round) % prios)).err);
    }
    EXPECT_EQ(this->free_entries(), 0u);
    uint32_t last_prio = 0;
    const std::vector<uint32_t> all = this->drain(0);
    ASSERT_EQ(all.size(), n) << "round " << round;
    for (uint32_t w : all) {
      EXPECT_GE(w & 31u, last_prio);
      last_prio = w & 31u;
    }
    EXPECT_EQ(this->free_entries(), n);
  }
}

// Random ENQ/DEQ on two processes against a plain C++ reference of the queues.
TYPED_TEST(QueueOrder, RandomTrafficMatchesAReferenceQueue) {
  const uint32_t prios = this->cfg().prios;
  const uint32_t n = this->cfg().entries;
  this->enable(1);
  std::vector<std::vector<std::deque<uint32_t>>> ref(2, std::vector<std::deque<uint32_t>>(prios));
  std::mt19937 rng(12345);
  uint32_t in_use = 0;
  uint32_t frame = 1;
  for (int step = 0; step < 600; ++step) {
    const uint32_t p = rng() % 2;
    if (rng() % 100 < 55) {
      const uint32_t w = task(frame++, rng() % prios);
      const Resp r = this->enq(p, w);
      if (in_use < n) {
        ASSERT_FALSE(r.err) << "step " << step;
        ref[p][w & 31u].push_back(w);
        ++in_use;
      } else {
        ASSERT_TRUE(r.err) << "step " << step;
      }
    } else {
      uint32_t expect = 0;
      for (auto& level : ref[p]) {
        if (!level.empty()) {
          expect = level.front();
          level.pop_front();
          --in_use;
          break;
        }
      }
      ASSERT_EQ(this->deq(p), expect) << "step " << step;
    }
  }
  EXPECT_EQ(this->free_entries(), n - in_use);
}

}  // namespace
}  // namespace intc_test
