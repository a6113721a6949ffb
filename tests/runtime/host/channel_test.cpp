// rt::Channel: a ring in memory plus a doorbell on the channel's event
// source. Doorbells == messages, so a recv never finds the ring empty.
#include "rt/channel.h"

#include <algorithm>
#include <random>
#include <vector>

#include "rt_test.h"

namespace rt_test {
namespace {

using Ch4 = rt::Channel<uint32_t, 4>;

rt::Task<void> receive(Ch4* ch, int n, std::vector<uint32_t>* got) {
  for (int i = 0; i < n; ++i) got->push_back(co_await ch->recv());
}

TEST_F(RtTest, ChannelDeliversMessagesInOrder) {
  Ch4 ch(0);
  std::vector<uint32_t> got;
  EXPECT_EQ(ch.source(), rt::kFirstChannel);
  rt::spawn(receive(&ch, 6, &got), 2);
  rt::run();  // waits on an empty ring
  for (uint32_t v : {11u, 22u, 33u}) EXPECT_EQ(ch.send(v), rt::Status::kOk);
  rt::run();
  for (uint32_t v : {44u, 55u, 66u}) EXPECT_EQ(ch.send(v), rt::Status::kOk);
  rt::run();
  EXPECT_EQ(got, (std::vector<uint32_t>{11, 22, 33, 44, 55, 66}));
  EXPECT_EQ(ch.sent(), 6u);
  EXPECT_EQ(ch.size(), 0u);
  EXPECT_EQ(ch.lost_count(), 0u);
}

TEST_F(RtTest, ChannelSendToAFullRingReturnsFullAndLosesNothing) {
  Ch4 ch(1);
  std::vector<uint32_t> got;
  for (uint32_t v = 1; v <= 4; ++v) EXPECT_EQ(ch.send(v), rt::Status::kOk);
  EXPECT_EQ(ch.send(5), rt::Status::kFull);
  EXPECT_EQ(ch.send(6), rt::Status::kFull);
  EXPECT_EQ(ch.full_count(), 2u);
  EXPECT_EQ(ch.sent(), 4u);
  EXPECT_EQ(ch.size(), 4u);
  EXPECT_EQ(rt::host::queue().source(ch.source()).pending, 4);  // one doorbell per message
  rt::spawn(receive(&ch, 4, &got), 2);
  rt::run();
  EXPECT_EQ(got, (std::vector<uint32_t>{1, 2, 3, 4}));
  EXPECT_EQ(ch.lost_count(), 0u);
  EXPECT_EQ(rt::host::queue().source(ch.source()).pending, 0);
  EXPECT_EQ(ch.send(7), rt::Status::kOk);  // room again
}

rt::Task<void> producer(Ch4* ch, uint32_t first, uint32_t n, uint32_t* refused) {
  for (uint32_t v = first; v < first + n; ++v) {
    while (ch->send(v) == rt::Status::kFull) {
      ++*refused;
      co_await rt::yield_now();
    }
  }
}

TEST_F(RtTest, ChannelProducerAndConsumerTasksPassEveryMessage) {
  Ch4 ch(2);
  uint32_t refused = 0;
  std::vector<uint32_t> got;
  rt::spawn(producer(&ch, 100, 20, &refused), 2);  // runs first: fills the ring
  rt::spawn(receive(&ch, 20, &got), 2);
  rt::run();
  ASSERT_EQ(got.size(), 20u);
  for (uint32_t i = 0; i < 20; ++i) EXPECT_EQ(got[i], 100 + i);
  EXPECT_GT(refused, 0u);  // the producer did meet a full ring
  EXPECT_EQ(ch.full_count(), refused);
  EXPECT_EQ(ch.sent(), 20u);
  EXPECT_EQ(ch.lost_count(), 0u);
}

// ---------------------------------------------------------------- interleavings

using Ch8 = rt::Channel<uint32_t, 8>;

struct Mailroom {
  Ch8 ch{3};
  std::vector<uint32_t> taken;  // in the order receivers took them
};

rt::Task<void> take_one(Mailroom* m) { m->taken.push_back(co_await m->ch.recv()); }

// Random interleavings of sends, receivers arriving at any priority, runs,
// extra doorbell-free runs and cancellations of receivers (waiting, woken but
// not yet run, or ended). Whatever the order: every recv finds a message
// (lost_count 0), the messages taken are exactly the oldest ones sent, each
// once, and messages + waiting receivers balance at the end.
TEST_F(RtTest, ChannelRecvNeverFindsTheRingEmptyUnderRandomInterleavings) {
  for (uint32_t seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE(seed);
    rt::host::reset();
    Mailroom m;
    std::mt19937 rng(seed);
    std::vector<rt::TaskRef> receivers;
    uint32_t next = 1;
    for (int step = 0; step < 300; ++step) {
      switch (rng() % 5) {
        case 0:
        case 1:
          if (m.ch.send(next) == rt::Status::kOk) ++next;
          break;
        case 2: {
          rt::TaskRef r;
          ASSERT_EQ(rt::spawn(take_one(&m), rng() % 4, rt::TaskType::kNormal, &r), rt::Status::kOk);
          receivers.push_back(r);
          break;
        }
        case 3:
          rt::run();
          break;
        case 4:
          if (!receivers.empty()) rt::cancel(receivers[rng() % receivers.size()]);
          break;
      }
      ASSERT_EQ(m.ch.lost_count(), 0u);
    }
    // Drain: one receiver per message left.
    const uint32_t left = m.ch.size();
    for (uint32_t i = 0; i < left; ++i) rt::spawn(take_one(&m), 3);
    rt::run();
    EXPECT_EQ(m.ch.lost_count(), 0u);
    EXPECT_EQ(m.ch.size(), 0u);
    ASSERT_EQ(m.taken.size(), next - 1);  // every message sent was taken once
    std::vector<uint32_t> sorted = m.taken;
    std::sort(sorted.begin(), sorted.end());
    for (uint32_t i = 0; i < sorted.size(); ++i) ASSERT_EQ(sorted[i], i + 1);
    // Receivers still waiting have no doorbell to find: none is pending.
    EXPECT_EQ(rt::host::queue().source(m.ch.source()).pending, 0);
  }
}

// The interleaving that matters most, spelled out: a receiver woken by a
// doorbell is cancelled before it runs. It still takes its message when it
// resumes (the cancel lands at its next suspension), so the next receiver
// gets the next message, not an empty ring.
TEST_F(RtTest, ChannelReceiverCancelledAfterItsWakeStillTakesItsMessage) {
  Mailroom m;
  rt::TaskRef first;
  rt::spawn(take_one(&m), 2, rt::TaskType::kNormal, &first);
  rt::spawn(take_one(&m), 2);
  rt::run();
  m.ch.send(1);  // wakes first
  EXPECT_EQ(rt::cancel(first), rt::Status::kOk);
  EXPECT_TRUE(first.alive());
  m.ch.send(2);
  rt::run();
  EXPECT_EQ(m.taken, (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(m.ch.lost_count(), 0u);
}

TEST_F(RtTest, ChannelReceiverCancelledWhileWaitingLeavesTheMessageToTheNext) {
  Mailroom m;
  rt::TaskRef first;
  rt::spawn(take_one(&m), 2, rt::TaskType::kNormal, &first);
  rt::spawn(take_one(&m), 2);
  rt::run();
  EXPECT_EQ(rt::cancel(first), rt::Status::kOk);
  EXPECT_FALSE(first.alive());
  m.ch.send(1);
  rt::run();
  EXPECT_EQ(m.taken, (std::vector<uint32_t>{1}));
  EXPECT_EQ(m.ch.lost_count(), 0u);
  EXPECT_EQ(rt::live_tasks(), 0u);
}

}  // namespace
}  // namespace rt_test
