// Numbers the way people read them: 3200000 -> "320万", 116000000 -> "1.16亿" for Chinese
// readers, and 116000000 -> "116,000,000" in the CLI tables and the HTML report.
#pragma once

#include <cstdint>
#include <string>

namespace castgraph {

// Below 10,000 the plain number; then 万 (10^4) or 亿 (10^8) (万亿, 亿亿 beyond) with
// three significant digits (all the whole digits from 100 of the unit on), rounded to
// nearest, half up, and no trailing zeros: 12345 -> "1.23万", 16676 -> "1.67万",
// 116800000 -> "1.17亿", 99999 -> "10万", 99999999 -> "1亿".
std::string chinese_count(std::uint64_t value);

// A standard error beside chinese_count(value), in the same unit and to two significant
// digits: (35,803,000, 189,743) -> "19万", (35,803, 0) -> "0", (28,075, 1,234.5) -> "1200".
std::string chinese_error(std::uint64_t value, double standard_error);

// `value` rounded to two significant digits, for a ± figure: 189,743.2 -> 190,000.
std::uint64_t two_significant(double value);

// Thousands separated by commas: 116000000 -> "116,000,000".
std::string group_digits(std::uint64_t value);

// Amounts (yuan) are doubles: below 2^53, where a double holds every whole number, an
// amount is shown rounded to whole yuan like a count; from there on (a fee may be up to
// 1e150, see graph/value_rules.hpp) with three significant digits, "1.23e+20", since
// the digits past those would be binary noise. NaN and negatives show as 0.
inline constexpr double kExactAmount = 0x1p53;
std::string group_amount(double value);    // "12,000" or "1.23e+20"
std::string chinese_amount(double value);  // "1.2万" or "1.23e+20"

// The Chinese reading to write beside a count's digits: "(1235万)" from 10,000 on, ""
// below, where it would only repeat the digits. The one rule behind with_chinese, the
// tables of info and tiers, and the HTML report's counts.
std::string chinese_aside(std::uint64_t value);

// The digits and, from 10,000 on, the Chinese reading after them, as the CLI and the
// report's tooltips write a count: 9999 -> "9,999", 12345678 -> "12,345,678 (1235万)".
std::string with_chinese(std::uint64_t value);

}  // namespace castgraph
