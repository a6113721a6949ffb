// Traffic profile parsing: see sim_common/traffic_config.h.
#include "sim_common/traffic_config.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "sim_common/option_parsing.h"

namespace simc {
namespace {

constexpr double kMaxCycles = 4294967295.0;  // service times travel in a 32-bit word

std::string num(double d) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    const size_t pos = s.find(sep, start);
    parts.push_back(s.substr(start, pos == std::string_view::npos ? s.npos : pos - start));
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

// A whole number of cycles, 0..2^32-1, with a plain-language reason on failure.
bool cycles(std::string_view s, double& out) {
  uint64_t v = 0;
  std::string ignored;
  if (!parse_uint(s, "", 0, uint64_t(kMaxCycles), v, ignored)) return false;
  out = double(v);
  return true;
}

}  // namespace

double ServiceTime::mean() const {
  // fixed:N and exp:MEAN both keep their mean in a.
  return kind == Kind::kBimodal ? p * a + (1.0 - p) * b : a;
}

std::string ServiceTime::str() const {
  switch (kind) {
    case Kind::kFixed:
      return "fixed:" + num(a);
    case Kind::kExp:
      return "exp:" + num(a);
    case Kind::kBimodal:
      return "bimodal:" + num(a) + ":" + num(b) + ":" + num(p);
  }
  return "";
}

const char* to_string(ArrivalProcess a) {
  return a == ArrivalProcess::kFixed ? "fixed" : "poisson";
}

bool parse_arrival(std::string_view text, ArrivalProcess& out, std::string& error,
                   std::string_view option) {
  if (text == "fixed") {
    out = ArrivalProcess::kFixed;
  } else if (text == "poisson") {
    out = ArrivalProcess::kPoisson;
  } else {
    error = bad_option(option, text, "expected fixed or poisson");
    return false;
  }
  return true;
}

bool parse_rate(std::string_view text, double& out, std::string& error, std::string_view option) {
  double v = 0;
  if (!parse_number(text, option, v, error) || v <= 0) {
    error = bad_option(option, text, "expected packets per 1000 cycles, a number > 0");
    return false;
  }
  out = v;
  return true;
}

bool parse_packet_size(std::string_view text, uint32_t& min, uint32_t& max, std::string& error,
                       std::string_view option) {
  const size_t dash = text.find('-');
  const std::string_view lo_text = text.substr(0, dash);
  const std::string_view hi_text = dash == text.npos ? lo_text : text.substr(dash + 1);
  uint64_t lo = 0, hi = 0;
  std::string ignored;
  if (!parse_uint(lo_text, option, kMinPacketBytes, kMaxPacketBytes, lo, ignored) ||
      !parse_uint(hi_text, option, kMinPacketBytes, kMaxPacketBytes, hi, ignored)) {
    error = bad_option(option, text, "expected bytes N or MIN-MAX, each 4..1500");
    return false;
  }
  if (lo > hi) {
    error = bad_option(option, text, "MIN is larger than MAX");
    return false;
  }
  min = uint32_t(lo);
  max = uint32_t(hi);
  return true;
}

bool parse_service_time(std::string_view text, ServiceTime& out, std::string& error,
                        std::string_view option) {
  const auto bad = [&](std::string_view why) {
    error = bad_option(option, text, why);
    return false;
  };
  const std::vector<std::string_view> f = split(text, ':');
  ServiceTime st;
  if (f[0] == "fixed") {
    if (f.size() != 2) return bad("expected fixed:N");
    st.kind = ServiceTime::Kind::kFixed;
    if (!cycles(f[1], st.a)) return bad("N must be a whole number of cycles, 0..4294967295");
  } else if (f[0] == "exp") {
    if (f.size() != 2) return bad("expected exp:MEAN");
    st.kind = ServiceTime::Kind::kExp;
    std::string ignored;
    if (!parse_number(f[1], option, st.a, ignored) || !(st.a > 0) || st.a > kMaxCycles) {
      return bad("MEAN must be a number > 0 (cycles)");
    }
  } else if (f[0] == "bimodal") {
    if (f.size() != 4) return bad("expected bimodal:A:B:P");
    st.kind = ServiceTime::Kind::kBimodal;
    if (!cycles(f[1], st.a)) return bad("A must be a whole number of cycles, 0..4294967295");
    if (!cycles(f[2], st.b)) return bad("B must be a whole number of cycles, 0..4294967295");
    std::string ignored;
    if (!parse_number(f[3], option, st.p, ignored) || st.p < 0 || st.p > 1) {
      return bad("P must be a probability, 0..1");
    }
  } else {
    return bad("expected fixed:N, exp:MEAN or bimodal:A:B:P");
  }
  out = st;
  return true;
}

bool validate(const TrafficConfig& c, std::string& error) {
  const auto cycles_ok = [](double v) { return std::isfinite(v) && v >= 0 && v <= kMaxCycles; };
  if (!(c.rate > 0) || !std::isfinite(c.rate)) {
    error = "traffic: rate must be > 0 packets per 1000 cycles";
  } else if (c.size_min < kMinPacketBytes || c.size_max > kMaxPacketBytes ||
             c.size_min > c.size_max) {
    error = "traffic: packet size must satisfy 4 <= min <= max <= 1500";
  } else if (c.fifo_limit == 0) {
    error = "traffic: fifo_limit must be > 0";
  } else if (!cycles_ok(c.service.a) || !cycles_ok(c.service.b) || !(c.service.p >= 0) ||
             !(c.service.p <= 1) ||
             (c.service.kind == ServiceTime::Kind::kExp && !(c.service.a > 0))) {
    error = "traffic: bad service time " + c.service.str();
  } else {
    return true;
  }
  return false;
}

}  // namespace simc
