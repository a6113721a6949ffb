// LatencyHistogram: percentiles equal the nearest-rank values of a sorted
// reference, summary statistics, and the log-linear bucket list.
#include "sim_common/latency_histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "sim_common/json_writer.h"
#include "test_util.h"

namespace {

using simc::LatencyHistogram;

// Nearest rank for p = permille / 10 percent, in integers.
uint64_t reference(const std::vector<uint64_t>& sorted, uint64_t permille) {
  const uint64_t n = sorted.size();
  const uint64_t rank = std::max<uint64_t>(1, (permille * n + 999) / 1000);
  return sorted[rank - 1];
}

TEST(LatencyHistogram, percentiles_match_sorted_reference) {
  std::mt19937_64 rng(9);
  for (size_t n : {1u, 2u, 3u, 10u, 999u, 1000u, 1001u, 12345u, 41000u, 200000u}) {
    LatencyHistogram h;
    std::vector<uint64_t> ref;
    std::exponential_distribution<double> exp(1.0 / 300);
    for (size_t i = 0; i < n; ++i) {
      const uint64_t v = i % 7 == 0 ? rng() % 50 : uint64_t(exp(rng));
      h.add(v);
      ref.push_back(v);
    }
    std::sort(ref.begin(), ref.end());
    for (uint64_t pm : {0u, 1u, 100u, 500u, 900u, 990u, 999u, 1000u}) {
      EXPECT_EQ(h.percentile(double(pm) / 10.0), reference(ref, pm)) << "n=" << n << " p=" << pm;
    }
    EXPECT_EQ(h.count(), n);
    EXPECT_EQ(h.min(), ref.front());
    EXPECT_EQ(h.max(), ref.back());
    double sum = 0;
    for (uint64_t v : ref) sum += double(v);
    EXPECT_NEAR(h.mean(), sum / double(n), 1e-9 * sum);
  }
}

TEST(LatencyHistogram, small_cases_by_hand) {
  LatencyHistogram h;
  EXPECT_EQ(h.percentile(50), 0u);
  EXPECT_EQ(h.min(), 0u);
  EXPECT_EQ(h.mean(), 0.0);
  for (uint64_t v : {4u, 1u, 3u, 2u}) h.add(v);
  EXPECT_EQ(h.percentile(50), 2u);
  EXPECT_EQ(h.percentile(75), 3u);
  EXPECT_EQ(h.percentile(76), 4u);
  EXPECT_EQ(h.percentile(0), 1u);
  h.add(0);  // more samples after a query
  EXPECT_EQ(h.percentile(0), 0u);
  EXPECT_EQ(h.percentile(100), 4u);
  h.clear();
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.max(), 0u);
}

TEST(LatencyHistogram, buckets_tile_the_range_within_12_5_percent) {
  for (uint32_t i = 0; i + 1 < LatencyHistogram::bucket_index(UINT64_MAX); ++i) {
    const auto a = LatencyHistogram::bucket_bounds(i);
    const auto b = LatencyHistogram::bucket_bounds(i + 1);
    ASSERT_EQ(a.hi + 1, b.lo) << i;
    ASSERT_LE(double(a.hi - a.lo + 1), std::max(1.0, 0.125 * double(a.lo))) << i;
    ASSERT_EQ(LatencyHistogram::bucket_index(a.lo), i);
    ASSERT_EQ(LatencyHistogram::bucket_index(a.hi), i);
  }
  EXPECT_EQ(LatencyHistogram::bucket_bounds(LatencyHistogram::bucket_index(UINT64_MAX)).hi,
            UINT64_MAX);
}

TEST(LatencyHistogram, bucket_list_counts_every_sample) {
  LatencyHistogram h;
  for (uint64_t v : {0u, 0u, 15u, 16u, 17u, 18u, 100u, 1000u, 1001u}) h.add(v);
  const auto buckets = h.buckets();
  uint64_t total = 0;
  for (const auto& b : buckets) {
    EXPECT_GT(b.count, 0u);
    total += b.count;
  }
  EXPECT_EQ(total, h.count());
  ASSERT_GE(buckets.size(), 3u);
  EXPECT_EQ(buckets[0].lo, 0u);
  EXPECT_EQ(buckets[0].count, 2u);
  EXPECT_EQ(buckets[2].lo, 16u);
  EXPECT_EQ(buckets[2].hi, 17u);  // above 16 the buckets widen: 16..17, 18..19, ...
  EXPECT_EQ(buckets[2].count, 2u);
}

TEST(LatencyHistogram, json_has_summary_and_compact_buckets) {
  LatencyHistogram h;
  h.add(5);
  h.add(7);
  simc::JsonWriter w;
  h.to_json(w);
  EXPECT_EQ(w.str(),
            "{\n  \"count\": 2,\n  \"min\": 5,\n  \"max\": 7,\n  \"mean\": 6,\n  \"p50\": 5,\n"
            "  \"p90\": 7,\n  \"p99\": 7,\n  \"p999\": 7,\n  \"buckets\": [\n    [5, 5, 1],\n"
            "    [7, 7, 1]\n  ]\n}\n");
}

}  // namespace
