// Option-value parsers: counts with suffixes, numbers, ports, C escapes, and
// their error text.
#include "sim_common/option_parsing.h"

#include <gtest/gtest.h>

namespace {

uint64_t count(const char* text) {
  uint64_t v = 0;
  std::string err;
  EXPECT_TRUE(simc::parse_count(text, "--max-cycles", v, err)) << err;
  return v;
}

std::string count_error(const char* text) {
  uint64_t v = 0;
  std::string err;
  EXPECT_FALSE(simc::parse_count(text, "--max-cycles", v, err)) << text;
  return err;
}

TEST(OptionParsing, counts_with_suffixes) {
  EXPECT_EQ(count("5000"), 5000u);
  EXPECT_EQ(count("100k"), 100000u);
  EXPECT_EQ(count("100K"), 100000u);
  EXPECT_EQ(count("2M"), 2000000u);
  EXPECT_EQ(count("2.5M"), 2500000u);
  EXPECT_EQ(count("1G"), 1000000000u);
  EXPECT_EQ(count("0x100"), 256u);
  EXPECT_EQ(count("0"), 0u);
  EXPECT_EQ(count("18446744073709551615"), UINT64_MAX);
}

TEST(OptionParsing, bad_counts_say_what_was_expected) {
  EXPECT_EQ(count_error("12x"),
            "bad --max-cycles '12x': expected a count such as 5000, 100k, 2.5M or 1G");
  EXPECT_EQ(count_error(""),
            "bad --max-cycles '': expected a count such as 5000, 100k, 2.5M or 1G");
  EXPECT_EQ(count_error("-5"),
            "bad --max-cycles '-5': expected a count such as 5000, 100k, 2.5M or 1G");
  EXPECT_EQ(count_error("1.5"), "bad --max-cycles '1.5': not a whole number");
  EXPECT_EQ(count_error("1.0000005k"), "bad --max-cycles '1.0000005k': not a whole number");
  EXPECT_EQ(count_error("18446744073709551616"),
            "bad --max-cycles '18446744073709551616': too large");
  EXPECT_EQ(count_error("20000000000G"), "bad --max-cycles '20000000000G': too large");
}

TEST(OptionParsing, numbers_uints_and_ports) {
  double d = 0;
  std::string err;
  EXPECT_TRUE(simc::parse_number("1e3", "--x", d, err));
  EXPECT_EQ(d, 1000.0);
  EXPECT_FALSE(simc::parse_number("nan", "--x", d, err));
  EXPECT_FALSE(simc::parse_number(" 1", "--x", d, err));
  EXPECT_EQ(err, "bad --x ' 1': expected a number");
  uint64_t u = 0;
  EXPECT_TRUE(simc::parse_uint("4", "--harts", 1, 4, u, err));
  EXPECT_FALSE(simc::parse_uint("5", "--harts", 1, 4, u, err));
  EXPECT_EQ(err, "bad --harts '5': expected a whole number in 1..4");
  uint16_t port = 0;
  EXPECT_TRUE(simc::parse_port("5555", "--uart-tcp", port, err));
  EXPECT_EQ(port, 5555);
  EXPECT_FALSE(simc::parse_port("70000", "--uart-tcp", port, err));
  EXPECT_EQ(err, "bad --uart-tcp '70000': expected a TCP port, 1..65535");
}

TEST(OptionParsing, c_escapes) {
  std::string out, err;
  ASSERT_TRUE(simc::unescape_c("run\\n\\x41\\t\\\\q\\e", "--uart-input", out, err)) << err;
  EXPECT_EQ(out, "run\nA\t\\q\x1b");
  EXPECT_FALSE(simc::unescape_c("bad\\q", "--uart-input", out, err));
  EXPECT_EQ(err.rfind("bad --uart-input 'bad\\q': unknown escape \\q", 0), 0u) << err;
  EXPECT_FALSE(simc::unescape_c("\\x4", "--uart-input", out, err));
  EXPECT_EQ(err, "bad --uart-input '\\x4': \\x needs two hex digits");
  EXPECT_FALSE(simc::unescape_c("end\\", "--uart-input", out, err));
  EXPECT_EQ(err, "bad --uart-input 'end\\': ends in a lone backslash");
}

}  // namespace
