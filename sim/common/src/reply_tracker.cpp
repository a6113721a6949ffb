// ReplyTracker: see sim_common/reply_tracker.h.
#include "sim_common/reply_tracker.h"

#include "sim_common/json_writer.h"

namespace simc {

void ReplyTracker::on_arrival(uint32_t tag, uint64_t now) {
  ++arrivals_;
  ++outstanding_;
  const uint64_t t = tag;
  if (!started_) {
    started_ = true;
    base_ = t;
  }
  const uint64_t next = base_ + window_.size();
  if (t >= next && t - next <= kMaxGap) {  // in order, perhaps after a few lost tags
    window_.insert(window_.end(), size_t(t - next), kAbsent);
    window_.push_back(now);
    return;
  }
  if (t >= base_ && t < next && window_[size_t(t - base_)] == kAbsent) {  // a late one
    window_[size_t(t - base_)] = now;
    return;
  }
  sparse_[tag] = now;  // far out of order, or a tag used again
}

ReplyTracker::TxResult ReplyTracker::on_tx(uint32_t tag, uint64_t now) {
  const uint64_t t = tag;
  const bool in_window = started_ && t >= base_ && t < base_ + window_.size();
  uint64_t* slot = in_window ? &window_[size_t(t - base_)] : nullptr;
  if (slot && *slot != kReplied && *slot != kAbsent) {
    matched(*slot, now);
    *slot = kReplied;
    trim();
    return TxResult::kMatched;
  }
  if (auto it = sparse_.find(tag); it != sparse_.end()) {
    matched(it->second, now);
    sparse_.erase(it);
    sparse_replied_.insert(tag);
    return TxResult::kMatched;
  }
  const bool replied_before = (slot && *slot == kReplied) || sparse_replied_.count(tag) != 0 ||
                              (started_ && t < base_ && absent_below_.count(tag) == 0);
  if (replied_before) {
    ++duplicates_;
    return TxResult::kDuplicate;
  }
  ++unknown_;
  return TxResult::kUnknown;
}

void ReplyTracker::matched(uint64_t arrival, uint64_t now) {
  latency_.add(now >= arrival ? now - arrival : 0);
  ++replies_;
  --outstanding_;
}

void ReplyTracker::trim() {
  while (!window_.empty() && (window_.front() == kReplied || window_.front() == kAbsent)) {
    if (window_.front() == kAbsent) absent_below_.insert(uint32_t(base_));
    window_.pop_front();
    ++base_;
  }
}

void ReplyTracker::to_json(JsonWriter& w) const {
  w.begin_object();
  w.field("arrivals", arrivals_);
  w.field("replies", replies_);
  w.field("outstanding", outstanding_);
  w.field("unknown_tags", unknown_);
  w.field("duplicate_tags", duplicates_);
  w.key("latency");
  latency_.to_json(w);
  w.end_object();
}

}  // namespace simc
