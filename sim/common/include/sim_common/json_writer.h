// JsonWriter: a small streaming JSON emitter for the simulator's statistics
// (--stats=file.json) and benchmark records.
//
// Build a document with begin_object/end_object, begin_array/end_array, key
// and value calls; commas and indentation are inserted for you. Strings are
// escaped (", \, control characters) and always come out as valid UTF-8 JSON:
// bytes that do not form valid UTF-8 (a UART capture can hold anything) are
// written as \u00XX, i.e. read as Latin-1. Non-finite doubles become null.
// Misuse (a value where a key is due, unbalanced end_*) throws
// std::logic_error: it is a programming error, not bad input.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace simc {

class JsonWriter {
 public:
  // indent = spaces per level; 0 writes everything on one line.
  explicit JsonWriter(int indent = 2) : indent_(indent) {}

  // compact = this container and everything inside it on one line.
  JsonWriter& begin_object(bool compact = false);
  JsonWriter& end_object();
  JsonWriter& begin_array(bool compact = false);
  JsonWriter& end_array();
  // The key of the next member; only inside an object.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(double d);
  JsonWriter& value(int v) { return signed_value(v); }
  JsonWriter& value(unsigned v) { return unsigned_value(v); }
  JsonWriter& value(long v) { return signed_value(v); }
  JsonWriter& value(unsigned long v) { return unsigned_value(v); }
  JsonWriter& value(long long v) { return signed_value(v); }
  JsonWriter& value(unsigned long long v) { return unsigned_value(v); }
  JsonWriter& null();

  // key(name) followed by value(v).
  template <typename T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  // True once the top-level value is complete.
  bool complete() const { return stack_.empty() && has_root_; }
  // The document so far (with a final newline once complete).
  const std::string& str() const { return out_; }
  // Writes str() to path; false and error = "cannot write PATH: reason" on failure.
  bool write_file(const std::string& path, std::string& error) const;

  // The JSON string literal for s, quotes included.
  static std::string quote(std::string_view s);

 private:
  JsonWriter& signed_value(long long v);
  JsonWriter& unsigned_value(unsigned long long v);
  void before_value();
  void newline();
  void open(char c, bool is_object, bool compact);
  void close(char c, bool is_object);

  struct Level {
    bool is_object = false;
    bool compact = false;
    bool empty = true;
    bool key_pending = false;
  };
  int indent_;
  std::vector<Level> stack_;
  bool has_root_ = false;
  std::string out_;
};

}  // namespace simc
