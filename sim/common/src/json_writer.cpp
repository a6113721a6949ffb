// JsonWriter: see sim_common/json_writer.h.
#include "sim_common/json_writer.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace simc {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not one.
size_t utf8_length(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return uint8_t(s[k]); };
  const auto cont = [&](size_t k, uint8_t lo = 0x80, uint8_t hi = 0xBF) {
    return k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  const uint8_t b = byte(i);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
  if (b == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;  // no surrogates
  if (b >= 0xE1 && b <= 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (b == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b >= 0xF1 && b <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

// The two-character escape of c, if JSON has one.
const char* short_escape(char c) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      return nullptr;
  }
}

}  // namespace

std::string JsonWriter::quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  for (size_t i = 0; i < s.size();) {
    if (const char* e = short_escape(s[i])) {
      out += e;
      ++i;
      continue;
    }
    const size_t n = utf8_length(s, i);
    if (n == 0 || uint8_t(s[i]) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(uint8_t(s[i])));
      out += buf;
      ++i;
    } else {
      out.append(s.data() + i, n);
      i += n;
    }
  }
  out.push_back('"');
  return out;
}

void JsonWriter::newline() {
  if (indent_ <= 0) return;
  for (const Level& l : stack_) {
    if (l.compact) return;
  }
  out_.push_back('\n');
  out_.append(stack_.size() * size_t(indent_), ' ');
}

void JsonWriter::before_value() {
  if (stack_.empty()) {
    if (has_root_) throw std::logic_error("JsonWriter: second top-level value");
    has_root_ = true;
    return;
  }
  Level& top = stack_.back();
  if (top.is_object) {
    if (!top.key_pending) throw std::logic_error("JsonWriter: value in an object without a key");
    top.key_pending = false;
    return;
  }
  if (!top.empty) out_ += top.compact || indent_ <= 0 ? ", " : ",";
  top.empty = false;
  newline();
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (stack_.empty() || !stack_.back().is_object || stack_.back().key_pending) {
    throw std::logic_error("JsonWriter: key outside an object or twice");
  }
  Level& top = stack_.back();
  if (!top.empty) out_ += top.compact || indent_ <= 0 ? ", " : ",";
  top.empty = false;
  top.key_pending = true;
  newline();
  out_ += quote(name);
  out_ += ": ";
  return *this;
}

void JsonWriter::open(char c, bool is_object, bool compact) {
  before_value();
  out_.push_back(c);
  Level l;
  l.is_object = is_object;
  l.compact = compact;
  stack_.push_back(l);
}

void JsonWriter::close(char c, bool is_object) {
  if (stack_.empty() || stack_.back().is_object != is_object || stack_.back().key_pending) {
    throw std::logic_error("JsonWriter: unbalanced end_object/end_array");
  }
  const bool was_empty = stack_.back().empty;
  const bool compact = stack_.back().compact;
  stack_.pop_back();
  if (!was_empty && !compact) newline();  // newline() also stays quiet inside a compact parent
  out_.push_back(c);
  if (stack_.empty()) out_.push_back('\n');
}

JsonWriter& JsonWriter::begin_object(bool compact) {
  open('{', true, compact);
  return *this;
}
JsonWriter& JsonWriter::end_object() {
  close('}', true);
  return *this;
}
JsonWriter& JsonWriter::begin_array(bool compact) {
  open('[', false, compact);
  return *this;
}
JsonWriter& JsonWriter::end_array() {
  close(']', false);
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  out_ += quote(s);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  if (!std::isfinite(d)) return null();
  before_value();
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, d);
  out_.append(buf, r.ptr);
  return *this;
}

JsonWriter& JsonWriter::signed_value(long long v) {
  before_value();
  out_ += std::to_string(v);
  return *this;
}

JsonWriter& JsonWriter::unsigned_value(unsigned long long v) {
  before_value();
  out_ += std::to_string(v);
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

bool JsonWriter::write_file(const std::string& path, std::string& error) const {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (f) f.write(out_.data(), std::streamsize(out_.size()));
  if (f) f.close();
  if (!f) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace simc
