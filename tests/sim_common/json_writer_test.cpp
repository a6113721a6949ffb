// JsonWriter: escaping (quotes, backslashes, control bytes, invalid UTF-8),
// layout with and without indentation, numbers, misuse, writing a file.
#include "sim_common/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "test_util.h"

namespace {

using simc::JsonWriter;

TEST(JsonWriter, strings_are_escaped) {
  EXPECT_EQ(JsonWriter::quote("plain"), "\"plain\"");
  EXPECT_EQ(JsonWriter::quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonWriter::quote("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
  EXPECT_EQ(JsonWriter::quote(std::string("\x01\x1f\0", 3)), "\"\\u0001\\u001f\\u0000\"");
  EXPECT_EQ(JsonWriter::quote("/ and \x7f stay"), "\"/ and \x7f stay\"");
}

TEST(JsonWriter, utf8_passes_and_invalid_bytes_become_latin1_escapes) {
  EXPECT_EQ(JsonWriter::quote("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
            "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
  EXPECT_EQ(JsonWriter::quote("\xff"), "\"\\u00ff\"");
  EXPECT_EQ(JsonWriter::quote("\xc3"), "\"\\u00c3\"");                        // cut sequence
  EXPECT_EQ(JsonWriter::quote("\xc0\xaf"), "\"\\u00c0\\u00af\"");             // overlong '/'
  EXPECT_EQ(JsonWriter::quote("\xed\xa0\x80"), "\"\\u00ed\\u00a0\\u0080\"");  // surrogate
}

TEST(JsonWriter, nested_document_indented) {
  JsonWriter w;
  w.begin_object();
  w.field("name", "sim");
  w.field("ok", true);
  w.key("list").begin_array().value(1).value(-2).end_array();
  w.key("empty").begin_object().end_object();
  w.key("pair").begin_array(true).value(1u).value(2.5).end_array();
  w.end_object();
  EXPECT_TRUE(w.complete());
  EXPECT_EQ(w.str(),
            "{\n  \"name\": \"sim\",\n  \"ok\": true,\n  \"list\": [\n    1,\n    -2\n  ],\n"
            "  \"empty\": {},\n  \"pair\": [1, 2.5]\n}\n");
}

TEST(JsonWriter, one_line_without_indent) {
  JsonWriter w(0);
  w.begin_array().value("a").null().begin_object().field("k", 3).end_object().end_array();
  EXPECT_EQ(w.str(), "[\"a\", null, {\"k\": 3}]\n");
}

TEST(JsonWriter, numbers_round_trip_and_non_finite_is_null) {
  JsonWriter w(0);
  w.begin_array();
  w.value(0.1).value(1e300).value(std::nan("")).value(std::numeric_limits<double>::infinity());
  w.value(uint64_t(18446744073709551615ull)).value(int64_t(-9223372036854775807ll - 1));
  w.end_array();
  EXPECT_EQ(w.str(), "[0.1, 1e+300, null, null, 18446744073709551615, -9223372036854775808]\n");
}

TEST(JsonWriter, misuse_throws) {
  JsonWriter a;
  a.begin_object();
  EXPECT_THROW(a.value(1), std::logic_error);  // no key
  JsonWriter b;
  b.begin_array();
  EXPECT_THROW(b.key("x"), std::logic_error);
  EXPECT_THROW(b.end_object(), std::logic_error);
  JsonWriter c;
  c.value(1);
  EXPECT_THROW(c.value(2), std::logic_error);  // second root
}

TEST(JsonWriter, writes_file_or_says_why_not) {
  simc_test::TempDir dir;
  JsonWriter w;
  w.begin_object().field("x", 1).end_object();
  std::string err;
  ASSERT_TRUE(w.write_file(dir.file("s.json"), err)) << err;
  EXPECT_EQ(simc_test::read_text(dir.file("s.json")), w.str());
  EXPECT_FALSE(w.write_file(dir.file("no/such/dir.json"), err));
  EXPECT_CONTAINS(err, "cannot write " + dir.file("no/such/dir.json") + ": ");
}

}  // namespace
