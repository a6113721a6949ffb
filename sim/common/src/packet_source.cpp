// PacketSource: see sim_common/packet_source.h.
#include "sim_common/packet_source.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim_common/json_writer.h"

namespace simc {
namespace {

// SplitMix64: spreads one user seed into independent engine seeds.
uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

const TrafficConfig& checked(const TrafficConfig& c) {
  std::string error;
  if (!validate(c, error)) throw std::invalid_argument(error);
  return c;
}

// start + t as a cycle number, saturating instead of wrapping.
uint64_t cycle_at(uint64_t start, double t) {
  const double c = std::floor(t);
  if (!(c < 18446744073709549568.0)) return UINT64_MAX;  // largest double below 2^64
  const uint64_t offset = uint64_t(c);
  return offset > UINT64_MAX - start ? UINT64_MAX : start + offset;
}

}  // namespace

PacketSource::PacketSource(const TrafficConfig& config)
    : config_(checked(config)),
      period_(1000.0 / config.rate),
      arrival_rng_(splitmix64(config.seed * 3 + 0)),
      size_rng_(splitmix64(config.seed * 3 + 1)),
      service_rng_(splitmix64(config.seed * 3 + 2)) {
  schedule_next();
}

double PacketSource::uniform01(std::mt19937_64& rng) const {
  return double(rng() >> 11) * 0x1.0p-53;  // [0, 1), 53 random bits
}

void PacketSource::schedule_next() {
  if (config_.count != 0 && generated_ >= config_.count) {
    next_arrival_ = UINT64_MAX;
    return;
  }
  if (config_.arrival == ArrivalProcess::kFixed) {
    // From the index, not by accumulation, so there is no drift: exactly
    // `rate` packets per 1000 cycles over any long window.
    // k * 1000 / rate: one correctly rounded division of exact values, so a
    // whole-number arrival time comes out exact (3000 / 3 = 1000, not 999.99).
    next_arrival_ = cycle_at(config_.start_cycle, double(generated_) * 1000.0 / config_.rate);
  } else {
    poisson_time_ += -period_ * std::log1p(-uniform01(arrival_rng_));
    next_arrival_ = cycle_at(config_.start_cycle, poisson_time_);
  }
}

uint32_t PacketSource::sample_size() {
  const uint64_t span = uint64_t(config_.size_max - config_.size_min) + 1;
  return config_.size_min + uint32_t(size_rng_() % span);
}

uint32_t PacketSource::sample_service() {
  const ServiceTime& s = config_.service;
  double v = 0;
  switch (s.kind) {
    case ServiceTime::Kind::kFixed:
      v = s.a;
      break;
    case ServiceTime::Kind::kExp:
      v = std::round(-s.a * std::log1p(-uniform01(service_rng_)));
      break;
    case ServiceTime::Kind::kBimodal:
      v = uniform01(service_rng_) < s.p ? s.a : s.b;
      break;
  }
  return v >= 4294967295.0 ? UINT32_MAX : uint32_t(v);
}

void PacketSource::arrive() {
  Packet p;
  p.seq = generated_;
  p.arrival = next_arrival_;
  p.len = sample_size();
  p.service = sample_service();
  ++generated_;
  if (fifo_.size() >= config_.fifo_limit) {
    ++overflowed_;
  } else {
    fifo_.push_back(p);
    max_backlog_ = std::max(max_backlog_, fifo_.size());
    if (hook_) hook_(p);
  }
  schedule_next();
}

uint32_t PacketSource::payload_word(const Packet& p, uint32_t index, uint64_t total) {
  uint32_t w;
  switch (index) {
    case 0:
      w = p.service;
      break;
    case 1:
      w = p.tag();
      break;
    case 2:
      w = uint32_t(std::min<uint64_t>(total, UINT32_MAX));
      break;
    default:
      w = filler(p.seq, index);
      break;
  }
  const uint64_t first = uint64_t(index) * 4;
  if (p.len <= first) return 0;
  const uint64_t avail = p.len - first;
  return avail >= 4 ? w : w & ((1u << (8 * avail)) - 1);
}

RxBeat PacketSource::drive(uint64_t now) {
  now_ = now;
  while (next_arrival_ <= now && next_arrival_ != UINT64_MAX) arrive();
  if (fifo_.empty()) {
    offered_ = false;
    return RxBeat{};
  }
  const Packet& p = fifo_.front();
  offered_ = true;
  RxBeat b;
  b.valid = true;
  b.data = payload_word(p, beat_, config_.count);
  b.len = p.len;
  b.tag = p.tag();
  return b;
}

void PacketSource::edge(bool ready) {
  if (!offered_) return;
  offered_ = false;
  if (!ready) {
    ++stalls_;
    return;
  }
  const Packet& p = fifo_.front();
  ++beats_;
  if (beat_ == 0) queue_wait_.add(now_ - p.arrival);
  if (++beat_ == beats_for(p.len)) {
    fifo_.pop_front();
    beat_ = 0;
    ++delivered_;
  }
}

bool PacketSource::finished() const {
  return config_.count != 0 && generated_ >= config_.count && fifo_.empty();
}

void PacketSource::to_json(JsonWriter& w) const {
  w.begin_object();
  w.field("generated", generated_);
  w.field("delivered", delivered_);
  w.field("overflowed", overflowed_);
  w.field("beats", beats_);
  w.field("stall_cycles", stalls_);
  w.field("backlog", uint64_t(fifo_.size()));
  w.field("max_backlog", uint64_t(max_backlog_));
  w.key("queue_wait");
  queue_wait_.to_json(w);
  w.key("config").begin_object();
  w.field("arrival", to_string(config_.arrival));
  w.field("rate_per_1000_cycles", config_.rate);
  w.field("size_min", config_.size_min);
  w.field("size_max", config_.size_max);
  w.field("count", config_.count);
  w.field("service", config_.service.str());
  w.field("service_mean", config_.service.mean());
  w.field("seed", config_.seed);
  w.field("start_cycle", config_.start_cycle);
  w.end_object();
  w.end_object();
}

}  // namespace simc
