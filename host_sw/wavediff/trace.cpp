#include "trace.h"

#include <cctype>

namespace wavediff {

const SignalTrace* Trace::find(std::string_view name_or_alias) const {
  for (const auto& s : signals)
    if (s.name == name_or_alias) return &s;
  for (const auto& s : signals)
    if (!s.alias.empty() && s.alias == name_or_alias) return &s;
  return nullptr;
}

std::optional<uint64_t> Trace::time_of(int64_t cycle) const {
  if (cycle_time.empty() || cycle < first_cycle) return std::nullopt;
  const auto i = static_cast<size_t>(cycle - first_cycle);
  if (i >= cycle_time.size()) return std::nullopt;
  return cycle_time[i];
}

const std::string& value_at(const SignalTrace& s, int64_t cycle) {
  static const std::string kNone;
  const std::string* v = &kNone;
  // Windows are short (tens to hundreds of cycles): a linear scan is enough.
  for (const auto& c : s.changes) {
    if (c.cycle > cycle) break;
    v = &c.value;
  }
  return *v;
}

std::string bits_to_value(std::string_view bits, unsigned width) {
  // FST may write fewer characters than the width (leading zeros dropped) on
  // some writers; left-extend with '0'.
  std::string b(bits);
  if (b.size() < width) b.insert(0, width - b.size(), '0');
  if (b.size() > width) b.erase(0, b.size() - width);
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  if (width == 1) {
    const char c = lower(b[0]);
    return std::string(1, (c == '0' || c == '1' || c == 'z') ? c : 'x');
  }
  const unsigned digits = (width + 3) / 4;
  std::string out(digits, '0');
  for (unsigned d = 0; d < digits; ++d) {
    // Nibble d counts from the least significant end.
    unsigned v = 0;
    bool unknown = false;
    for (unsigned k = 0; k < 4; ++k) {
      const unsigned bit = d * 4 + k;
      if (bit >= width) break;
      const char c = b[width - 1 - bit];
      if (c == '1')
        v |= 1u << k;
      else if (c != '0')
        unknown = true;
    }
    out[digits - 1 - d] = unknown ? 'x' : "0123456789abcdef"[v];
  }
  return out;
}

std::optional<std::string> normalize_value(std::string_view text, unsigned width) {
  if (width == 0) return std::nullopt;
  if (text == kDontCare) return std::string(kDontCare);
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
    text.remove_prefix(2);
  if (text.empty()) return std::nullopt;
  std::string bits;
  for (char c : text) {
    const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == 'x' || l == 'z') {
      bits += std::string(4, l);
      continue;
    }
    int v;
    if (l >= '0' && l <= '9')
      v = l - '0';
    else if (l >= 'a' && l <= 'f')
      v = l - 'a' + 10;
    else
      return std::nullopt;
    for (int k = 3; k >= 0; --k) bits += ((v >> k) & 1) ? '1' : '0';
  }
  // Every bit above the width must be zero (no silent truncation).
  if (bits.size() > width) {
    for (size_t i = 0; i < bits.size() - width; ++i)
      if (bits[i] != '0') return std::nullopt;
    bits.erase(0, bits.size() - width);
  }
  if (width == 1 && text.size() != 1) return std::nullopt;
  return bits_to_value(bits, width);
}

bool parse_anchor(std::string_view text, std::vector<AnchorTerm>& terms, std::string& error) {
  terms.clear();
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t comma = text.find(',', pos);
    const std::string_view term =
        text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    const size_t eq = term.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == term.size()) {
      error = "bad anchor term '" + std::string(term) + "': expected SIGNAL=VALUE";
      return false;
    }
    terms.push_back({std::string(term.substr(0, eq)), std::string(term.substr(eq + 1))});
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  return true;
}

std::string anchor_to_string(const std::vector<AnchorTerm>& terms) {
  std::string s;
  for (const auto& t : terms) {
    if (!s.empty()) s += ',';
    s += t.signal + "=" + t.value;
  }
  return s;
}

}  // namespace wavediff
