// LatencyHistogram: see sim_common/latency_histogram.h.
#include "sim_common/latency_histogram.h"

#include <algorithm>
#include <cmath>

#include "sim_common/json_writer.h"

namespace simc {
namespace {

constexpr uint32_t kLinear = 16;  // values below this get a bucket each
constexpr uint32_t kSubBits = 3;  // 2^3 = 8 buckets per power of two above

}  // namespace

void LatencyHistogram::add(uint64_t cycles) {
  if (sorted_ && !samples_.empty() && cycles < samples_.back()) sorted_ = false;
  samples_.push_back(cycles);
  min_ = std::min(min_, cycles);
  max_ = std::max(max_, cycles);
  sum_ += cycles;
}

void LatencyHistogram::clear() {
  samples_.clear();
  sorted_ = true;
  min_ = UINT64_MAX;
  max_ = 0;
  sum_ = 0;
}

uint64_t LatencyHistogram::min() const { return samples_.empty() ? 0 : min_; }
uint64_t LatencyHistogram::max() const { return samples_.empty() ? 0 : max_; }
double LatencyHistogram::mean() const {
  return samples_.empty() ? 0.0 : double(sum_ / (long double)samples_.size());
}

void LatencyHistogram::sort() const {
  if (sorted_) return;
  std::sort(samples_.begin(), samples_.end());
  sorted_ = true;
}

uint64_t LatencyHistogram::percentile(double p) const {
  if (samples_.empty()) return 0;
  sort();
  const double n = double(samples_.size());
  // The small relative slack keeps p99.9 of 41000 samples at rank 40959, not
  // 40960: 99.9 has no exact binary form and 99.9 * 41000 / 100 comes out as
  // 40959.00000000001.
  const double x = std::clamp(p, 0.0, 100.0) * n / 100.0;
  const double rank = std::ceil(x - x * 1e-12);
  const size_t index = rank < 1.0 ? 0 : std::min(size_t(rank) - 1, samples_.size() - 1);
  return samples_[index];
}

uint32_t LatencyHistogram::bucket_index(uint64_t v) {
  if (v < kLinear) return uint32_t(v);
  const uint32_t msb = 63u - uint32_t(__builtin_clzll(v));  // >= 4
  const uint32_t sub = uint32_t(v >> (msb - kSubBits)) & ((1u << kSubBits) - 1);
  return kLinear + ((msb - 4) << kSubBits) + sub;
}

LatencyHistogram::Bucket LatencyHistogram::bucket_bounds(uint32_t index) {
  if (index < kLinear) return {index, index, 0};
  const uint32_t k = index - kLinear;
  const uint32_t msb = 4 + (k >> kSubBits);
  const uint64_t sub = k & ((1u << kSubBits) - 1);
  const uint64_t width = uint64_t(1) << (msb - kSubBits);
  const uint64_t lo = (uint64_t(1) << msb) + sub * width;
  return {lo, lo + width - 1, 0};
}

std::vector<LatencyHistogram::Bucket> LatencyHistogram::buckets() const {
  sort();
  std::vector<Bucket> out;
  for (uint64_t v : samples_) {
    if (out.empty() || v > out.back().hi) {
      out.push_back(bucket_bounds(bucket_index(v)));
    }
    ++out.back().count;
  }
  return out;
}

void LatencyHistogram::to_json(JsonWriter& w) const {
  w.begin_object();
  w.field("count", count());
  w.field("min", min());
  w.field("max", max());
  w.field("mean", mean());
  w.field("p50", percentile(50));
  w.field("p90", percentile(90));
  w.field("p99", percentile(99));
  w.field("p999", percentile(99.9));
  w.key("buckets").begin_array();
  for (const Bucket& b : buckets()) {
    w.begin_array(true).value(b.lo).value(b.hi).value(b.count).end_array();
  }
  w.end_array();
  w.end_object();
}

}  // namespace simc
