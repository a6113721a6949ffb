// Random bus and IRQ traffic for the ATS-INTC lockstep test.
//
// Produces one request at a time (held until granted, as the native port
// requires) and the level of every IRQ line per cycle. The mix is weighted
// toward operations that move entries (ENQ/DEQ/WAIT/SEND/FIRE/CANCEL) on a
// small set of task words, so queues fill, drain and collide; the rest are
// configuration writes, status reads and deliberately bad accesses.
#pragma once

#include <cstdint>
#include <random>

struct BusRequest {
  bool we = false;
  uint32_t be = 0xF;
  uint32_t addr = 0;
  uint32_t wdata = 0;
  uint32_t hart = 0;
};

struct TrafficShape {
  uint32_t num_procs;
  uint32_t num_prios;
  uint32_t num_irqs;
  uint32_t num_channels;
  uint32_t num_harts;
};

class Traffic {
 public:
  Traffic(const TrafficShape& shape, uint64_t seed);

  // The next request to present on the bus.
  BusRequest next_request();
  // Idle cycles to leave before presenting the next request (0 = back to back).
  uint32_t next_gap();
  // IRQ line levels for the coming cycle.
  uint32_t next_irq_levels();
  // True when the bench should pulse rst_ni this cycle (rare).
  bool next_reset();

 private:
  uint32_t pick(uint32_t n) { return static_cast<uint32_t>(rng_() % n); }
  bool chance(uint32_t percent) { return pick(100) < percent; }
  uint32_t task_word();
  uint32_t any_source();
  uint32_t process_page_addr(uint32_t p, uint32_t off) const;

  TrafficShape shape_;
  std::mt19937_64 rng_;
  uint32_t irq_levels_ = 0;
};
