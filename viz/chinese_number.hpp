// Numbers the way people read them: 3200000 -> "320万", 116000000 -> "1.16亿" for Chinese
// readers, and 116000000 -> "116,000,000" in the CLI tables and the HTML report.
#pragma once

#include <cstdint>
#include <string>

namespace castgraph {

// Below 10,000 the plain number; then 万 (10^4) or 亿 (10^8) with at most three
// significant digits and no trailing zeros: 12345 -> "1.23万", 9990000 -> "999万".
std::string chinese_count(std::uint64_t value);

// A standard error beside chinese_count(value), in the same unit and to two significant
// digits: (35,803,000, 189,743) -> "19万", (35,803, 0) -> "0", (28,075, 1,234.5) -> "1200".
std::string chinese_error(std::uint64_t value, double standard_error);

// `value` rounded to two significant digits, for a ± figure: 189,743.2 -> 190,000.
std::uint64_t two_significant(double value);

// Thousands separated by commas: 116000000 -> "116,000,000".
std::string group_digits(std::uint64_t value);

}  // namespace castgraph
