// Option-value parsers shared by the simulator's command line: counts with
// k/M/G suffixes, numbers, ports and C-style escapes. Each returns false and
// sets error to one line, "bad OPTION 'TEXT': what was expected", on bad
// input; the value is only written on success.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace simc {

// A non-negative count: "5000", "100k", "2.5M", "1G", "0x100" (k = 1e3, M = 1e6,
// G = 1e9, case-insensitive; the result must be a whole number).
bool parse_count(std::string_view text, std::string_view option, uint64_t& out, std::string& error);
// A finite decimal number, e.g. "12.5" or "1e3".
bool parse_number(std::string_view text, std::string_view option, double& out, std::string& error);
// A whole number in [lo, hi] (decimal or 0x hex, no suffix).
bool parse_uint(std::string_view text, std::string_view option, uint64_t lo, uint64_t hi,
                uint64_t& out, std::string& error);
// A TCP port, 1..65535.
bool parse_port(std::string_view text, std::string_view option, uint16_t& out, std::string& error);
// Resolves \n \r \t \0 \\ \" \' \e (ESC) and \xHH in text, e.g. for --uart-input.
bool unescape_c(std::string_view text, std::string_view option, std::string& out,
                std::string& error);
// "bad OPTION 'TEXT': why" — the common shape of every error above.
std::string bad_option(std::string_view option, std::string_view text, std::string_view why);

}  // namespace simc
