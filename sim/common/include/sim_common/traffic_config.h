// The traffic profile of the packet generator (PacketSource) and the parsers
// for its command-line forms:
//
//   --pkt-arrival  fixed | poisson           arrival process
//   --pkt-rate     R                         packets per 1000 cycles, R > 0
//   --pkt-size     N | MIN-MAX               bytes, 4..1500 (range: uniform)
//   --pkt-count    N                         packets in the run, 0 = unlimited
//   --pkt-service  fixed:N | exp:MEAN | bimodal:A:B:P
//                                            service-time annotation in cycles
//                                            (bimodal: A with probability P, else B)
//
// Errors read "bad --pkt-service 'exp:x': MEAN must be a number > 0"; the
// option name in the message is a parameter so a differently named flag
// reports itself.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace simc {

enum class ArrivalProcess { kFixed, kPoisson };

// Service-time annotation carried in payload word 0; the firmware is expected
// to spin for that many cycles to "serve" the request.
struct ServiceTime {
  enum class Kind { kFixed, kExp, kBimodal };
  Kind kind = Kind::kFixed;
  double a = 0;  // fixed: N; exp: MEAN; bimodal: A
  double b = 0;  // bimodal: B
  double p = 0;  // bimodal: probability of A
  // The distribution's mean in cycles (before rounding to whole cycles).
  double mean() const;
  // Canonical text ("exp:250"), which parse_service_time reads back.
  std::string str() const;
};

struct TrafficConfig {
  ArrivalProcess arrival = ArrivalProcess::kPoisson;
  double rate = 10.0;      // packets per 1000 cycles
  uint32_t size_min = 64;  // bytes, 4..1500
  uint32_t size_max = 64;  // bytes, size_min..1500 (uniform when they differ)
  uint64_t count = 0;      // packets in the run; 0 = unlimited
  ServiceTime service;     // fixed:0 unless set
  uint64_t seed = 1;
  uint64_t start_cycle = 0;  // first cycle an arrival may happen
  // Packets that arrive while this many wait are counted as overflowed and
  // not queued (keeps an overloaded open-loop run from eating memory).
  size_t fifo_limit = size_t(1) << 16;
};

constexpr uint32_t kMinPacketBytes = 4;
constexpr uint32_t kMaxPacketBytes = 1500;

bool parse_arrival(std::string_view text, ArrivalProcess& out, std::string& error,
                   std::string_view option = "--pkt-arrival");
bool parse_rate(std::string_view text, double& out, std::string& error,
                std::string_view option = "--pkt-rate");
bool parse_packet_size(std::string_view text, uint32_t& min, uint32_t& max, std::string& error,
                       std::string_view option = "--pkt-size");
bool parse_service_time(std::string_view text, ServiceTime& out, std::string& error,
                        std::string_view option = "--pkt-service");
// Checks a config built in code; error names the offending field.
bool validate(const TrafficConfig& config, std::string& error);

const char* to_string(ArrivalProcess a);

}  // namespace simc
