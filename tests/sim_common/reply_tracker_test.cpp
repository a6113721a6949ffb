// ReplyTracker: latencies from arrival to reply, unknown and duplicate tags,
// gaps left by overflowed packets, far out-of-order tags, and an end-to-end
// run against a toy device fed by the PacketSource.
#include "sim_common/reply_tracker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <random>
#include <vector>

#include "sim_common/json_writer.h"
#include "sim_common/packet_source.h"
#include "test_util.h"

namespace {

using simc::ReplyTracker;
using Result = simc::ReplyTracker::TxResult;

TEST(ReplyTracker, replies_in_any_order_give_exact_latencies) {
  ReplyTracker t;
  for (uint32_t tag = 0; tag < 100; ++tag) t.on_arrival(tag, uint64_t(tag) * 10);
  std::vector<uint32_t> order(100);
  for (uint32_t i = 0; i < 100; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937(3));
  for (uint32_t tag : order) EXPECT_EQ(t.on_tx(tag, 10 * tag + 5 + tag), Result::kMatched);
  EXPECT_EQ(t.replies(), 100u);
  EXPECT_EQ(t.outstanding(), 0u);
  EXPECT_EQ(t.latency().min(), 5u);
  EXPECT_EQ(t.latency().max(), 104u);
  EXPECT_DOUBLE_EQ(t.latency().mean(), 54.5);
}

TEST(ReplyTracker, unknown_and_duplicate_tags_are_counted) {
  ReplyTracker t;
  t.on_arrival(0, 0);
  t.on_arrival(1, 3);
  EXPECT_EQ(t.on_tx(1, 10), Result::kMatched);
  EXPECT_EQ(t.on_tx(1, 11), Result::kDuplicate);  // still inside the window
  EXPECT_EQ(t.on_tx(0, 12), Result::kMatched);
  EXPECT_EQ(t.on_tx(0, 13), Result::kDuplicate);  // below the window now
  EXPECT_EQ(t.on_tx(7, 14), Result::kUnknown);    // never arrived
  EXPECT_EQ(t.replies(), 2u);
  EXPECT_EQ(t.duplicates(), 2u);
  EXPECT_EQ(t.unknown(), 1u);
  EXPECT_EQ(t.outstanding(), 0u);
}

TEST(ReplyTracker, gaps_from_overflowed_packets_stay_unknown) {
  ReplyTracker t;
  t.on_arrival(0, 0);
  t.on_arrival(1, 1);
  t.on_arrival(4, 4);  // 2 and 3 overflowed in the generator
  EXPECT_EQ(t.on_tx(2, 5), Result::kUnknown);
  EXPECT_EQ(t.on_tx(0, 6), Result::kMatched);
  EXPECT_EQ(t.on_tx(1, 7), Result::kMatched);
  EXPECT_EQ(t.on_tx(4, 8), Result::kMatched);  // window slides past the gap
  EXPECT_EQ(t.on_tx(3, 9), Result::kUnknown);
  EXPECT_EQ(t.on_tx(4, 9), Result::kDuplicate);
  EXPECT_EQ(t.outstanding(), 0u);
  // A late arrival of a gap tag still matches.
  t.on_arrival(3, 20);
  EXPECT_EQ(t.on_tx(3, 25), Result::kMatched);
  EXPECT_EQ(t.latency().max(), 6u);
}

TEST(ReplyTracker, far_out_of_order_tags_use_the_fallback) {
  ReplyTracker t;
  t.on_arrival(0, 0);
  t.on_arrival(4000000000u, 100);
  t.on_arrival(1, 1);
  EXPECT_EQ(t.outstanding(), 3u);
  EXPECT_EQ(t.on_tx(4000000000u, 150), Result::kMatched);
  EXPECT_EQ(t.on_tx(4000000000u, 151), Result::kDuplicate);
  EXPECT_EQ(t.on_tx(1, 151), Result::kMatched);
  EXPECT_EQ(t.on_tx(0, 152), Result::kMatched);
  EXPECT_EQ(t.latency().percentile(100), 152u);
  EXPECT_EQ(t.outstanding(), 0u);
}

TEST(ReplyTracker, to_json_reports_counts_and_latency) {
  ReplyTracker t;
  t.on_arrival(0, 0);
  t.on_tx(0, 9);
  t.on_tx(5, 9);
  simc::JsonWriter w(0);
  t.to_json(w);
  EXPECT_CONTAINS(w.str(), "\"replies\": 1");
  EXPECT_CONTAINS(w.str(), "\"unknown_tags\": 1");
  EXPECT_CONTAINS(w.str(), "\"p99\": 9");
}

// A toy device: takes every beat, answers each packet service-time cycles
// after its last beat (the real firmware serves one at a time; latency here
// is FIFO wait + transfer + service).
TEST(ReplyTracker, end_to_end_with_the_packet_source) {
  simc::TrafficConfig c;
  c.arrival = simc::ArrivalProcess::kFixed;
  c.rate = 10;
  c.size_min = c.size_max = 16;  // 4 beats
  c.service.a = 50;              // fixed:50
  c.count = 200;
  simc::PacketSource src(c);
  ReplyTracker tracker;
  src.set_arrival_hook([&](const simc::Packet& p) { tracker.on_arrival(p.tag(), p.arrival); });
  std::deque<std::pair<uint64_t, uint32_t>> replies;  // (cycle, tag)
  uint32_t word = 0;
  uint32_t service = 0;
  for (uint64_t now = 0; now < 30000; ++now) {
    while (!replies.empty() && replies.front().first == now) {
      EXPECT_EQ(tracker.on_tx(replies.front().second, now), Result::kMatched);
      replies.pop_front();
    }
    const simc::RxBeat b = src.drive(now);
    if (b.valid) {
      if (word == 0) service = b.data;
      if (++word == simc::PacketSource::beats_for(b.len)) {
        replies.emplace_back(now + service, b.tag);
        word = 0;
      }
    }
    src.edge(true);
  }
  EXPECT_EQ(tracker.replies(), 200u);
  EXPECT_EQ(tracker.outstanding(), 0u);
  EXPECT_EQ(tracker.latency().min(), 53u);  // 3 more beats + 50 cycles
  EXPECT_EQ(tracker.latency().max(), 53u);
}

}  // namespace
