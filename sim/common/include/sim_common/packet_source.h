// PacketSource: the open-loop traffic generator behind the packet device's RX
// stream (docs/soc.md §3.8), driven cycle by cycle by the simulator.
//
// Arrivals follow the configured process (fixed period or Poisson) at `rate`
// packets per 1000 cycles, independently of whether the device keeps up:
// a packet that has arrived waits in a FIFO until the stream takes it, and its
// arrival cycle stays the cycle it was generated. Each packet is offered as
// max(1, ceil(len / 4)) beats, one 32-bit little-endian payload word per beat;
// len and tag are constant through a packet. A beat moves at an edge where
// valid && ready.
//
// Per cycle the simulator calls
//     RxBeat b = src.drive(now);   // before the edge: drive rx_valid/data/len/tag
//     src.edge(ready);             // at the edge, with the device's rx_ready_o
// drive() may be called again for the same cycle (it returns the same beat);
// cycles may be skipped (arrivals in between keep their own arrival cycles).
//
// Payload (32-bit words; bytes past len are zero, a short packet carries only
// its first words): word 0 = service time in cycles, word 1 = sequence number
// (= tag), word 2 = packets in the run (0 = unlimited, saturating at
// 0xffffffff), word i >= 3 = filler(seq, i) = seq * 0x9E3779B1 + i (mod 2^32).
//
// Determinism: one seed gives the same packets on every host: the sampling is
// done here (no std:: distributions, whose algorithms differ between standard
// libraries), and arrivals, sizes and service times draw from three separate
// streams derived from the seed, so changing the service distribution or the
// size does not move the arrival times (common random numbers across runs).
#pragma once
#include <cstdint>
#include <deque>
#include <functional>
#include <random>

#include "sim_common/latency_histogram.h"
#include "sim_common/traffic_config.h"

namespace simc {

class JsonWriter;

// The RX stream inputs of the packet device for one cycle.
struct RxBeat {
  bool valid = false;
  uint32_t data = 0;
  uint32_t len = 0;  // bytes
  uint32_t tag = 0;
};

struct Packet {
  uint64_t seq = 0;      // 0, 1, 2, ...; the tag is its low 32 bits
  uint64_t arrival = 0;  // cycle the packet was generated
  uint32_t len = 0;      // bytes
  uint32_t service = 0;  // cycles, payload word 0
  uint32_t tag() const { return uint32_t(seq); }
};

class PacketSource {
 public:
  // Throws std::invalid_argument if validate(config) fails.
  explicit PacketSource(const TrafficConfig& config);

  // Called once per generated packet (not for overflowed ones), in order,
  // during drive(); e.g. to tell a ReplyTracker the arrival cycle.
  void set_arrival_hook(std::function<void(const Packet&)> hook) { hook_ = std::move(hook); }

  // Generates every arrival up to and including cycle now, then returns the
  // beat offered in cycle now. now must not decrease between calls.
  RxBeat drive(uint64_t now);
  // The clock edge ending the cycle of the last drive(): the offered beat
  // moves if ready. Without a drive() since the last edge, nothing moves.
  void edge(bool ready);

  // Beats a packet of len bytes takes: max(1, ceil(len / 4)).
  static uint32_t beats_for(uint32_t len) { return len == 0 ? 1 : (len + 3) / 4; }
  // Payload word index of packet p in a run of total packets (0 = unlimited).
  static uint32_t payload_word(const Packet& p, uint32_t index, uint64_t total);
  // The filler pattern of words 3 and up.
  static uint32_t filler(uint64_t seq, uint32_t index) {
    return uint32_t(seq) * 0x9E3779B1u + index;
  }

  const TrafficConfig& config() const { return config_; }
  uint64_t generated() const { return generated_; }  // arrivals so far, overflowed included
  uint64_t overflowed() const { return overflowed_; }
  uint64_t delivered() const { return delivered_; }  // packets whose last beat moved
  uint64_t beats() const { return beats_; }          // beats moved
  uint64_t stall_cycles() const { return stalls_; }  // cycles offered but not ready
  size_t backlog() const { return fifo_.size(); }    // waiting, including the one in flight
  size_t max_backlog() const { return max_backlog_; }
  // Cycle of the next arrival; UINT64_MAX once `count` packets have arrived.
  uint64_t next_arrival() const { return next_arrival_; }
  // True when the run has a packet count, all of it has arrived and gone.
  bool finished() const;
  // Arrival -> first beat taken, per packet: the wait in the generator's FIFO.
  const LatencyHistogram& queue_wait() const { return queue_wait_; }

  // {"generated", "delivered", "overflowed", "beats", "stall_cycles",
  //  "backlog", "max_backlog", "queue_wait": {...}, "config": {...}}
  void to_json(JsonWriter& w) const;

 private:
  void arrive();
  void schedule_next();
  double uniform01(std::mt19937_64& rng) const;
  uint32_t sample_service();
  uint32_t sample_size();

  TrafficConfig config_;
  double period_;  // mean cycles between arrivals
  std::mt19937_64 arrival_rng_;
  std::mt19937_64 size_rng_;
  std::mt19937_64 service_rng_;
  std::function<void(const Packet&)> hook_;

  uint64_t next_arrival_ = 0;
  double poisson_time_ = 0;  // running arrival time of the Poisson process, from start
  uint64_t generated_ = 0;
  uint64_t overflowed_ = 0;
  uint64_t delivered_ = 0;
  uint64_t beats_ = 0;
  uint64_t stalls_ = 0;
  size_t max_backlog_ = 0;
  std::deque<Packet> fifo_;
  uint32_t beat_ = 0;  // next beat of fifo_.front()

  bool offered_ = false;  // drive() offered a beat since the last edge
  uint64_t now_ = 0;
  LatencyHistogram queue_wait_;
};

}  // namespace simc
