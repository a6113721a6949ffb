// Option-value parsers: see sim_common/option_parsing.h.
#include "sim_common/option_parsing.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace simc {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// Exact decimal (or 0x hex) integer without sign; false on overflow or junk.
bool to_u64(std::string_view s, uint64_t& out) {
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  if (s.empty()) return false;
  uint64_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (base == 16 && std::isxdigit(static_cast<unsigned char>(c))) {
      d = std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
    } else {
      return false;
    }
    if (v > (UINT64_MAX - uint64_t(d)) / uint64_t(base)) return false;
    v = v * uint64_t(base) + uint64_t(d);
  }
  out = v;
  return true;
}

// k, M, G (either case) -> 1e3, 1e6, 1e9; anything else -> 1.
uint64_t suffix_multiplier(char c) {
  switch (std::tolower(static_cast<unsigned char>(c))) {
    case 'k':
      return 1000;
    case 'm':
      return 1000000;
    case 'g':
      return 1000000000;
    default:
      return 1;
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string bad_option(std::string_view option, std::string_view text, std::string_view why) {
  std::string s = "bad ";
  s.append(option);
  s += " '";
  s.append(text);
  s += "': ";
  s.append(why);
  return s;
}

bool parse_count(std::string_view text, std::string_view option, uint64_t& out,
                 std::string& error) {
  const auto bad = [&](std::string_view why) {
    error = bad_option(option, text, why);
    return false;
  };
  constexpr std::string_view kForms = "expected a count such as 5000, 100k, 2.5M or 1G";
  std::string_view s = text;
  const uint64_t mult = s.empty() ? 1 : suffix_multiplier(s.back());
  if (mult != 1) s.remove_suffix(1);
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    if (mult != 1 || !to_u64(s, out)) return bad(kForms);
    return true;
  }
  const size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  uint64_t w = 0;
  if (!all_digits(whole) || !to_u64(whole, w)) {
    if (!whole.empty() && all_digits(whole)) return bad("too large");
    return bad(kForms);
  }
  uint64_t f = 0, scale = 1;
  if (dot != std::string_view::npos) {
    if (!all_digits(frac) || frac.size() > 9 || !to_u64(frac, f)) return bad(kForms);
    for (size_t i = 0; i < frac.size(); ++i) scale *= 10;
  }
  if (w > UINT64_MAX / mult) return bad("too large");
  if ((f * mult) % scale != 0) return bad("not a whole number");
  const uint64_t frac_part = f * mult / scale;
  if (w * mult > UINT64_MAX - frac_part) return bad("too large");
  out = w * mult + frac_part;
  return true;
}

bool parse_number(std::string_view text, std::string_view option, double& out, std::string& error) {
  const std::string s(text);
  char* end = nullptr;
  const double v = s.empty() || std::isspace(static_cast<unsigned char>(s[0]))
                       ? NAN
                       : std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) {
    error = bad_option(option, text, "expected a number");
    return false;
  }
  out = v;
  return true;
}

bool parse_uint(std::string_view text, std::string_view option, uint64_t lo, uint64_t hi,
                uint64_t& out, std::string& error) {
  uint64_t v = 0;
  if (!to_u64(text, v) || v < lo || v > hi) {
    error =
        bad_option(option, text,
                   "expected a whole number in " + std::to_string(lo) + ".." + std::to_string(hi));
    return false;
  }
  out = v;
  return true;
}

bool parse_port(std::string_view text, std::string_view option, uint16_t& out, std::string& error) {
  uint64_t v = 0;
  if (!to_u64(text, v) || v < 1 || v > 65535) {
    error = bad_option(option, text, "expected a TCP port, 1..65535");
    return false;
  }
  out = uint16_t(v);
  return true;
}

bool unescape_c(std::string_view text, std::string_view option, std::string& out,
                std::string& error) {
  std::string r;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      r.push_back(text[i]);
      continue;
    }
    if (++i == text.size()) {
      error = bad_option(option, text, "ends in a lone backslash");
      return false;
    }
    switch (text[i]) {
      case 'n':
        r.push_back('\n');
        break;
      case 'r':
        r.push_back('\r');
        break;
      case 't':
        r.push_back('\t');
        break;
      case '0':
        r.push_back('\0');
        break;
      case 'e':
        r.push_back('\x1b');
        break;
      case '\\':
        r.push_back('\\');
        break;
      case '"':
        r.push_back('"');
        break;
      case '\'':
        r.push_back('\'');
        break;
      case 'x': {
        const int hi = i + 1 < text.size() ? hex_digit(text[i + 1]) : -1;
        const int lo = i + 2 < text.size() ? hex_digit(text[i + 2]) : -1;
        if (hi < 0 || lo < 0) {
          error = bad_option(option, text, "\\x needs two hex digits");
          return false;
        }
        r.push_back(char(hi * 16 + lo));
        i += 2;
        break;
      }
      default:
        error = bad_option(option, text,
                           std::string("unknown escape \\") + text[i] +
                               " (known: \\n \\r \\t \\0 \\e \\\\ \\\" \\' \\xHH)");
        return false;
    }
  }
  out = std::move(r);
  return true;
}

}  // namespace simc
