// ReplyTracker: matches the packet device's TX pulses (docs/soc.md §3.8:
// tx_valid_o with tx_tag_o) to the generator's arrivals and measures the
// arrival -> reply latency in cycles (the figure behind rt.p99 / rt.p999).
//
// Tags are the generator's sequence numbers (PacketSource: 0, 1, 2, ...), so
// arrivals are kept in a window indexed by tag that slides forward as the
// oldest requests are answered: memory is proportional to the span of
// outstanding tags, not to the run length. Gaps (packets the generator
// overflowed) are tolerated; tags that arrive far out of order fall back to a
// hash map. A reply whose tag never arrived counts as unknown; a second reply
// to the same tag counts as a duplicate. Tags are 32-bit: runs of more than
// 2^32 packets are not supported.
#pragma once
#include <cstdint>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "sim_common/latency_histogram.h"

namespace simc {

class JsonWriter;

class ReplyTracker {
 public:
  enum class TxResult { kMatched, kUnknown, kDuplicate };

  // A request with this tag arrived (was generated) at cycle now.
  void on_arrival(uint32_t tag, uint64_t now);
  // The device sent a reply with this tag at cycle now.
  TxResult on_tx(uint32_t tag, uint64_t now);

  uint64_t arrivals() const { return arrivals_; }
  uint64_t replies() const { return replies_; }  // matched replies
  uint64_t unknown() const { return unknown_; }
  uint64_t duplicates() const { return duplicates_; }
  uint64_t outstanding() const { return outstanding_; }
  const LatencyHistogram& latency() const { return latency_; }

  // {"arrivals", "replies", "outstanding", "unknown_tags", "duplicate_tags",
  //  "latency": {...}} (see LatencyHistogram::to_json).
  void to_json(JsonWriter& w) const;

 private:
  static constexpr uint64_t kReplied = UINT64_MAX;
  static constexpr uint64_t kAbsent = UINT64_MAX - 1;
  static constexpr uint64_t kMaxGap = uint64_t(1) << 20;

  void matched(uint64_t arrival, uint64_t now);
  void trim();

  bool started_ = false;
  uint64_t base_ = 0;                              // tag of window_.front()
  std::deque<uint64_t> window_;                    // arrival cycle, kReplied or kAbsent
  std::unordered_set<uint32_t> absent_below_;      // never-arrived tags trimmed off the window
  std::unordered_map<uint32_t, uint64_t> sparse_;  // out-of-window arrivals
  std::unordered_set<uint32_t> sparse_replied_;

  uint64_t arrivals_ = 0;
  uint64_t replies_ = 0;
  uint64_t unknown_ = 0;
  uint64_t duplicates_ = 0;
  uint64_t outstanding_ = 0;
  LatencyHistogram latency_;
};

}  // namespace simc
