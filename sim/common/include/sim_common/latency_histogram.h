// LatencyHistogram: latency samples in cycles, with exact percentiles.
//
// Every sample is stored (8 bytes each: a few million samples cost tens of
// MB), so percentiles are exact, not bucket estimates. Percentile p uses the
// nearest-rank definition: the smallest sample s such that at least p% of the
// samples are <= s (p50 of {1,2,3,4} is 2, p99 of 1000 samples is the 990th
// smallest). Queries sort lazily, once per batch of new samples.
//
// For plots and JSON, buckets() condenses the samples into log-linear
// buckets: width 1 below 16 cycles, then 8 buckets per power of two (each
// bucket spans at most 12.5% of its lower bound); only non-empty buckets are
// listed.
#pragma once
#include <cstdint>
#include <vector>

namespace simc {

class JsonWriter;

class LatencyHistogram {
 public:
  struct Bucket {
    uint64_t lo;     // smallest value in the bucket
    uint64_t hi;     // largest value in the bucket (inclusive)
    uint64_t count;  // samples in [lo, hi]
  };

  void add(uint64_t cycles);
  void clear();

  uint64_t count() const { return samples_.size(); }
  uint64_t min() const;  // 0 when empty
  uint64_t max() const;  // 0 when empty
  double mean() const;   // 0 when empty
  // Nearest-rank percentile, p in [0, 100]; 0 when empty.
  uint64_t percentile(double p) const;

  std::vector<Bucket> buckets() const;
  // Bucket index of a value and the bucket's bounds (exposed for tests).
  static uint32_t bucket_index(uint64_t v);
  static Bucket bucket_bounds(uint32_t index);

  // Writes {"count", "min", "max", "mean", "p50", "p90", "p99", "p999",
  // "buckets": [[lo, hi, count], ...]} as the next value of w.
  void to_json(JsonWriter& w) const;

 private:
  void sort() const;

  mutable std::vector<uint64_t> samples_;
  mutable bool sorted_ = true;
  uint64_t min_ = UINT64_MAX;
  uint64_t max_ = 0;
  long double sum_ = 0;
};

}  // namespace simc
