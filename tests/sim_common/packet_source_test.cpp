// PacketSource and the traffic profile parsers: determinism, arrival rates
// (exact for fixed, within statistical tolerance for Poisson), service-time
// means, the RX stream handshake (beats per packet, constant len/tag, payload
// layout), open-loop backlog, and the error text of bad profile strings.
#include "sim_common/packet_source.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

#include "sim_common/traffic_config.h"
#include "test_util.h"

namespace {

using simc::ArrivalProcess;
using simc::Packet;
using simc::PacketSource;
using simc::RxBeat;
using simc::ServiceTime;
using simc::TrafficConfig;

TrafficConfig fixed_config(double rate, uint32_t size = 4) {
  TrafficConfig c;
  c.arrival = ArrivalProcess::kFixed;
  c.rate = rate;
  c.size_min = c.size_max = size;
  return c;
}

ServiceTime service(const char* text) {
  ServiceTime s;
  std::string err;
  EXPECT_TRUE(simc::parse_service_time(text, s, err)) << err;
  return s;
}

// Runs the source for cycles with the given ready pattern; returns the beats
// that moved and records arrivals.
struct Trace {
  std::vector<RxBeat> moved;
  std::vector<Packet> arrivals;
};
template <typename ReadyFn>
Trace run(PacketSource& src, uint64_t cycles, ReadyFn ready) {
  Trace r;
  src.set_arrival_hook([&r](const Packet& p) { r.arrivals.push_back(p); });
  for (uint64_t now = 0; now < cycles; ++now) {
    const RxBeat b = src.drive(now);
    const bool rdy = ready(now);
    if (b.valid && rdy) r.moved.push_back(b);
    src.edge(rdy);
  }
  src.set_arrival_hook(nullptr);
  return r;
}
bool always(uint64_t) { return true; }

TEST(PacketSource, same_seed_same_traffic_other_seed_differs) {
  TrafficConfig c;
  c.rate = 40;
  c.size_min = 4;
  c.size_max = 200;
  c.service = service("exp:300");
  c.seed = 42;
  std::mt19937 r1(5), r2(5);
  PacketSource a(c), b(c);
  const Trace ra = run(a, 50000, [&](uint64_t) { return r1() % 3 != 0; });
  const Trace rb = run(b, 50000, [&](uint64_t) { return r2() % 3 != 0; });
  ASSERT_GT(ra.moved.size(), 1000u);
  ASSERT_EQ(ra.moved.size(), rb.moved.size());
  for (size_t i = 0; i < ra.moved.size(); ++i) {
    ASSERT_EQ(ra.moved[i].data, rb.moved[i].data) << i;
    ASSERT_EQ(ra.moved[i].len, rb.moved[i].len) << i;
    ASSERT_EQ(ra.moved[i].tag, rb.moved[i].tag) << i;
  }
  c.seed = 43;
  PacketSource d(c);
  const Trace rd = run(d, 50000, always);
  ASSERT_EQ(rd.arrivals.size() > 10 && ra.arrivals.size() > 10, true);
  bool differs = false;
  for (size_t i = 0; i < 10; ++i) differs |= rd.arrivals[i].arrival != ra.arrivals[i].arrival;
  EXPECT_TRUE(differs);
}

TEST(PacketSource, fixed_rate_is_exact) {
  PacketSource src(fixed_config(50));  // every 20 cycles
  const Trace r = run(src, 100000, always);
  ASSERT_EQ(r.arrivals.size(), 5000u);
  for (size_t i = 0; i < r.arrivals.size(); ++i) ASSERT_EQ(r.arrivals[i].arrival, 20 * i);
  EXPECT_EQ(src.delivered(), 5000u);
  // A period that is not a whole number of cycles does not drift.
  PacketSource odd(fixed_config(3));  // every 333.33 cycles
  const Trace ro = run(odd, 1000000, always);
  EXPECT_EQ(ro.arrivals.size(), 3000u);
  EXPECT_EQ(ro.arrivals[3].arrival, 1000u);
  EXPECT_EQ(ro.arrivals[2999].arrival, 999666u);
}

TEST(PacketSource, start_cycle_delays_the_first_arrival) {
  TrafficConfig c = fixed_config(100);
  c.start_cycle = 5000;
  PacketSource src(c);
  const Trace r = run(src, 6000, always);
  ASSERT_EQ(r.arrivals.size(), 100u);
  EXPECT_EQ(r.arrivals.front().arrival, 5000u);
}

TEST(PacketSource, poisson_rate_and_spread_match_the_process) {
  TrafficConfig c;
  c.arrival = ArrivalProcess::kPoisson;
  c.rate = 20;  // mean gap 50 cycles
  c.size_min = c.size_max = 4;
  c.seed = 7;
  PacketSource src(c);
  const Trace r = run(src, 2000000, always);
  // 40000 expected; the Poisson count's sigma is 200: allow 5 sigma.
  EXPECT_NEAR(double(r.arrivals.size()), 40000.0, 1000.0);
  std::vector<double> gaps;
  for (size_t i = 1; i < r.arrivals.size(); ++i) {
    gaps.push_back(double(r.arrivals[i].arrival - r.arrivals[i - 1].arrival));
  }
  const double mean = std::accumulate(gaps.begin(), gaps.end(), 0.0) / double(gaps.size());
  double var = 0;
  for (double g : gaps) var += (g - mean) * (g - mean);
  const double cv = std::sqrt(var / double(gaps.size())) / mean;
  EXPECT_NEAR(mean, 50.0, 1.5);
  EXPECT_NEAR(cv, 1.0, 0.05) << "exponential gaps have a coefficient of variation of 1";
}

TEST(PacketSource, service_time_distributions_have_their_means) {
  const auto sample_mean = [](const char* text, double* frac_a = nullptr, double a = 0) {
    TrafficConfig c = fixed_config(1000);  // one packet per cycle
    c.service = service(text);
    c.count = 40000;
    PacketSource src(c);
    double sum = 0, hits = 0;
    const Trace r = run(src, 40000, always);
    for (const Packet& p : r.arrivals) {
      sum += p.service;
      hits += p.service == a;
    }
    if (frac_a) *frac_a = hits / double(r.arrivals.size());
    EXPECT_EQ(r.arrivals.size(), 40000u);
    return sum / double(r.arrivals.size());
  };
  EXPECT_EQ(sample_mean("fixed:123"), 123.0);
  // Exponential: standard error mean/200; allow ~5 of them.
  EXPECT_NEAR(sample_mean("exp:500"), 500.0, 12.5);
  EXPECT_NEAR(sample_mean("exp:2.5"), 2.5, 0.1);
  double frac = 0;
  EXPECT_NEAR(sample_mean("bimodal:10:1000:0.9", &frac, 10), 109.0, 8.0);
  EXPECT_NEAR(frac, 0.9, 0.01);
  EXPECT_DOUBLE_EQ(service("bimodal:10:1000:0.9").mean(), 109.0);
}

TEST(PacketSource, changing_service_or_size_keeps_arrival_times) {
  TrafficConfig c;
  c.rate = 30;
  c.seed = 11;
  PacketSource a(c);
  c.service = service("exp:700");
  c.size_min = 16;
  c.size_max = 900;
  PacketSource b(c);
  const Trace ra = run(a, 100000, always);
  const Trace rb = run(b, 100000, [](uint64_t now) { return now % 5 == 0; });
  ASSERT_EQ(ra.arrivals.size(), rb.arrivals.size());
  for (size_t i = 0; i < ra.arrivals.size(); ++i) {
    ASSERT_EQ(ra.arrivals[i].arrival, rb.arrivals[i].arrival) << i;
  }
}

TEST(PacketSource, beats_per_packet_follow_the_length) {
  EXPECT_EQ(PacketSource::beats_for(0), 1u);
  EXPECT_EQ(PacketSource::beats_for(1), 1u);
  EXPECT_EQ(PacketSource::beats_for(4), 1u);
  EXPECT_EQ(PacketSource::beats_for(5), 2u);
  EXPECT_EQ(PacketSource::beats_for(64), 16u);
  EXPECT_EQ(PacketSource::beats_for(1500), 375u);
  for (uint32_t size : {4u, 5u, 13u, 64u, 1499u, 1500u}) {
    TrafficConfig c = fixed_config(1, size);  // one packet, far from the next
    PacketSource src(c);
    const Trace r = run(src, 900, always);
    ASSERT_EQ(r.arrivals.size(), 1u);
    ASSERT_EQ(r.moved.size(), PacketSource::beats_for(size)) << size;
    for (const RxBeat& b : r.moved) {
      EXPECT_EQ(b.len, size);
      EXPECT_EQ(b.tag, 0u);
    }
    EXPECT_EQ(src.delivered(), 1u);
  }
}

TEST(PacketSource, payload_layout_service_seq_count_filler) {
  TrafficConfig c = fixed_config(100, 24);
  c.count = 3;
  c.service = service("fixed:777");
  PacketSource src(c);
  const Trace r = run(src, 1000, always);
  ASSERT_EQ(r.moved.size(), 3u * 6u);
  for (uint32_t seq = 0; seq < 3; ++seq) {
    const RxBeat* w = &r.moved[size_t(seq) * 6];
    EXPECT_EQ(w[0].data, 777u);
    EXPECT_EQ(w[1].data, seq);
    EXPECT_EQ(w[2].data, 3u);
    EXPECT_EQ(w[3].data, seq * 0x9E3779B1u + 3);
    EXPECT_EQ(w[5].data, seq * 0x9E3779B1u + 5);
    for (int i = 0; i < 6; ++i) EXPECT_EQ(w[i].tag, seq);
  }
  EXPECT_TRUE(src.finished());
  EXPECT_EQ(src.next_arrival(), UINT64_MAX);
  // Bytes past the length are zero; unlimited runs carry 0 in word 2.
  Packet p;
  p.seq = 5;
  p.len = 10;
  p.service = 0xAABBCCDD;
  EXPECT_EQ(PacketSource::payload_word(p, 0, 0), 0xAABBCCDDu);
  EXPECT_EQ(PacketSource::payload_word(p, 2, 0), 0u);
  p.len = 9;
  EXPECT_EQ(PacketSource::payload_word(p, 2, 0x12345678), 0x78u);
  p.len = 4;
  EXPECT_EQ(PacketSource::payload_word(p, 1, 0), 0u);
}

TEST(PacketSource, backlog_builds_while_not_ready_with_arrival_cycles_kept) {
  PacketSource src(fixed_config(100, 8));  // every 10 cycles, 2 beats each
  const Trace blocked = run(src, 10000, [](uint64_t) { return false; });
  EXPECT_EQ(blocked.arrivals.size(), 1000u);
  EXPECT_TRUE(blocked.moved.empty());
  EXPECT_EQ(src.backlog(), 1000u);
  EXPECT_EQ(src.max_backlog(), 1000u);
  EXPECT_EQ(src.stall_cycles(), 10000u);
  // Drain: the first packet waited 10000 cycles in the FIFO; arrivals went on.
  std::vector<Packet> later;
  src.set_arrival_hook([&](const Packet& p) { later.push_back(p); });
  for (uint64_t now = 10000; now < 13000; ++now) {
    src.drive(now);
    src.edge(true);
  }
  EXPECT_EQ(later.front().arrival, 10000u);
  EXPECT_EQ(src.backlog(), 0u);
  EXPECT_EQ(src.delivered(), 1300u);
  EXPECT_EQ(src.queue_wait().max(), 10000u);
  EXPECT_EQ(src.queue_wait().min(), 0u);
}

TEST(PacketSource, fifo_limit_counts_overflow) {
  TrafficConfig c = fixed_config(100);
  c.fifo_limit = 4;
  PacketSource src(c);
  const Trace r = run(src, 100, [](uint64_t) { return false; });
  EXPECT_EQ(src.generated(), 10u);
  EXPECT_EQ(src.overflowed(), 6u);
  EXPECT_EQ(r.arrivals.size(), 4u) << "the hook sees only queued packets";
  EXPECT_EQ(src.backlog(), 4u);
}

TEST(PacketSource, drive_is_repeatable_within_a_cycle_and_cycles_may_be_skipped) {
  PacketSource src(fixed_config(100, 8));
  const RxBeat a = src.drive(0);
  const RxBeat b = src.drive(0);
  EXPECT_TRUE(a.valid && b.valid);
  EXPECT_EQ(a.data, b.data);
  src.edge(true);
  src.edge(true);  // no drive() since the last edge: nothing moves
  EXPECT_EQ(src.beats(), 1u);
  std::vector<uint64_t> arrivals;
  src.set_arrival_hook([&](const Packet& p) { arrivals.push_back(p.arrival); });
  src.drive(55);  // cycles 1..54 skipped
  EXPECT_EQ(arrivals, (std::vector<uint64_t>{10, 20, 30, 40, 50}));
}

TEST(PacketSource, invalid_config_throws) {
  TrafficConfig c;
  c.rate = 0;
  EXPECT_THROW(PacketSource{c}, std::invalid_argument);
  c = TrafficConfig{};
  c.size_min = 2;
  EXPECT_THROW(PacketSource{c}, std::invalid_argument);
  c = TrafficConfig{};
  c.service.kind = ServiceTime::Kind::kExp;
  c.service.a = 0;
  EXPECT_THROW(PacketSource{c}, std::invalid_argument);
}

TEST(TrafficConfig, service_time_strings_parse) {
  ServiceTime s = service("fixed:100");
  EXPECT_EQ(s.kind, ServiceTime::Kind::kFixed);
  EXPECT_EQ(s.a, 100);
  s = service("exp:250.5");
  EXPECT_EQ(s.kind, ServiceTime::Kind::kExp);
  EXPECT_EQ(s.a, 250.5);
  EXPECT_EQ(s.str(), "exp:250.5");
  s = service("bimodal:10:1000:0.9");
  EXPECT_EQ(s.kind, ServiceTime::Kind::kBimodal);
  EXPECT_EQ(s.str(), "bimodal:10:1000:0.9");
}

TEST(TrafficConfig, bad_service_strings_give_documented_errors) {
  const auto err = [](const char* text) {
    ServiceTime s;
    std::string e;
    EXPECT_FALSE(simc::parse_service_time(text, s, e)) << text;
    return e;
  };
  EXPECT_EQ(err("exp:x"), "bad --pkt-service 'exp:x': MEAN must be a number > 0 (cycles)");
  EXPECT_EQ(err("exp:0"), "bad --pkt-service 'exp:0': MEAN must be a number > 0 (cycles)");
  EXPECT_EQ(err("exp:-3"), "bad --pkt-service 'exp:-3': MEAN must be a number > 0 (cycles)");
  EXPECT_EQ(err("exp"), "bad --pkt-service 'exp': expected exp:MEAN");
  EXPECT_EQ(err("fixed:1.5"),
            "bad --pkt-service 'fixed:1.5': N must be a whole number of cycles, 0..4294967295");
  EXPECT_EQ(err("fixed:"),
            "bad --pkt-service 'fixed:': N must be a whole number of cycles, 0..4294967295");
  EXPECT_EQ(err("bimodal:1:2"), "bad --pkt-service 'bimodal:1:2': expected bimodal:A:B:P");
  EXPECT_EQ(err("bimodal:1:2:1.5"),
            "bad --pkt-service 'bimodal:1:2:1.5': P must be a probability, 0..1");
  EXPECT_EQ(
      err("bimodal:x:2:0.5"),
      "bad --pkt-service 'bimodal:x:2:0.5': A must be a whole number of cycles, 0..4294967295");
  EXPECT_EQ(err("gauss:5"),
            "bad --pkt-service 'gauss:5': expected fixed:N, exp:MEAN or bimodal:A:B:P");
  EXPECT_EQ(err(""), "bad --pkt-service '': expected fixed:N, exp:MEAN or bimodal:A:B:P");
  ServiceTime s;
  std::string e;
  EXPECT_FALSE(simc::parse_service_time("exp:x", s, e, "--service"));
  EXPECT_EQ(e.rfind("bad --service 'exp:x': ", 0), 0u) << e;
}

TEST(TrafficConfig, arrival_rate_and_size_strings) {
  ArrivalProcess a{};
  double rate = 0;
  uint32_t lo = 0, hi = 0;
  std::string e;
  EXPECT_TRUE(simc::parse_arrival("fixed", a, e));
  EXPECT_EQ(a, ArrivalProcess::kFixed);
  EXPECT_TRUE(simc::parse_arrival("poisson", a, e));
  EXPECT_EQ(a, ArrivalProcess::kPoisson);
  EXPECT_FALSE(simc::parse_arrival("bursty", a, e));
  EXPECT_EQ(e, "bad --pkt-arrival 'bursty': expected fixed or poisson");
  EXPECT_TRUE(simc::parse_rate("12.5", rate, e));
  EXPECT_EQ(rate, 12.5);
  EXPECT_FALSE(simc::parse_rate("0", rate, e));
  EXPECT_EQ(e, "bad --pkt-rate '0': expected packets per 1000 cycles, a number > 0");
  EXPECT_FALSE(simc::parse_rate("fast", rate, e));
  EXPECT_TRUE(simc::parse_packet_size("64", lo, hi, e));
  EXPECT_EQ(lo, 64u);
  EXPECT_EQ(hi, 64u);
  EXPECT_TRUE(simc::parse_packet_size("4-1500", lo, hi, e));
  EXPECT_EQ(lo, 4u);
  EXPECT_EQ(hi, 1500u);
  EXPECT_FALSE(simc::parse_packet_size("3", lo, hi, e));
  EXPECT_EQ(e, "bad --pkt-size '3': expected bytes N or MIN-MAX, each 4..1500");
  EXPECT_FALSE(simc::parse_packet_size("1501", lo, hi, e));
  EXPECT_FALSE(simc::parse_packet_size("100-50", lo, hi, e));
  EXPECT_EQ(e, "bad --pkt-size '100-50': MIN is larger than MAX");
}

}  // namespace
