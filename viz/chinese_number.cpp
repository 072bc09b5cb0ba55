#include "viz/chinese_number.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "graph/value_rules.hpp"

namespace castgraph {

namespace {

struct ChineseUnit {
  std::uint64_t size;
  const char* suffix;
};
// From 10^12 on, 万亿 (10^12) and 亿亿 (10^16), as Chinese readers write them: 2^63 is
// "922亿亿", not "92233720368亿".
constexpr ChineseUnit kUnits[] = {{10'000, "万"},
                                  {100'000'000, "亿"},
                                  {1'000'000'000'000, "万亿"},
                                  {10'000'000'000'000'000, "亿亿"}};

// value / kUnits[unit].size rounded to nearest (half up) at three significant digits (no
// decimals from 100 of the unit on), trailing zeros dropped: 16,676 -> "1.67万",
// 116,800,000 -> "1.17亿". A value that rounds up to 10,000 of its unit is written in
// the next unit: 99,995,000 -> "1亿", not "10000万".
std::string scaled(std::uint64_t value, std::size_t unit) {
  const std::uint64_t size = kUnits[unit].size;
  const std::uint64_t whole = value / size;
  const int decimals = whole >= 100 ? 0 : whole >= 10 ? 1 : 2;
  const std::uint64_t step = decimals == 0 ? size : size / (decimals == 1 ? 10 : 100);
  // Rounded in steps, without forming value + step / 2, which can pass 2^64.
  std::uint64_t steps = value / step;
  if (value % step >= step - value % step) ++steps;
  const std::uint64_t per_unit = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
  if (steps / per_unit >= 10'000 && unit + 1 < std::size(kUnits)) return scaled(value, unit + 1);
  std::string text = std::to_string(steps / per_unit);
  if (const std::uint64_t fraction = steps % per_unit; fraction > 0) {
    std::string digits = fmt::format("{:0{}}", fraction, decimals);
    while (digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return text + kUnits[unit].suffix;
}

}  // namespace

std::string chinese_count(std::uint64_t value) {
  if (value < 10'000) return std::to_string(value);
  std::size_t unit = 0;
  while (unit + 1 < std::size(kUnits) && value >= kUnits[unit + 1].size) ++unit;
  return scaled(value, unit);
}

namespace {
bool shown_exactly(double value) { return !(value >= kExactAmount); }  // NaN too
// An infinite amount cannot come from a loaded dataset (graph/value_rules.hpp bounds the
// totals), but a computed one is still shown as a sign, not as "inf".
std::string scientific(double value) {
  return std::isinf(value) ? std::string("∞") : fmt::format("{:.2e}", value);
}
}  // namespace

std::string group_amount(double value) {
  return shown_exactly(value) ? group_digits(rounded_count(value)) : scientific(value);
}

std::string chinese_amount(double value) {
  return shown_exactly(value) ? chinese_count(rounded_count(value)) : scientific(value);
}

std::uint64_t two_significant(double value) {
  if (!(value >= 1)) return value >= 0.5 ? 1 : 0;
  const double step = std::pow(10.0, std::floor(std::log10(value)) - 1);
  return static_cast<std::uint64_t>(std::llround(std::round(value / step) * step));
}

std::string chinese_error(std::uint64_t value, double standard_error) {
  const std::uint64_t rounded = two_significant(standard_error);
  if (value < 10'000 || rounded == 0) return std::to_string(rounded);
  const double unit = value < 100'000'000 ? 1e4 : 1e8;
  const char* suffix = value < 100'000'000 ? "万" : "亿";
  const double scaled = static_cast<double>(rounded) / unit;
  // Enough decimals to keep two significant digits of the error.
  const int decimals = std::clamp(1 - static_cast<int>(std::floor(std::log10(scaled))), 0, 8);
  std::string text = fmt::format("{:.{}f}", scaled, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text + suffix;
}

std::string group_digits(std::uint64_t value) {
  std::string digits = std::to_string(value);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), 1, ',');
  return digits;
}

std::string chinese_aside(std::uint64_t value) {
  return value < 10'000 ? std::string() : "(" + chinese_count(value) + ")";
}

std::string with_chinese(std::uint64_t value) {
  const std::string aside = chinese_aside(value);
  return aside.empty() ? group_digits(value) : group_digits(value) + " " + aside;
}

}  // namespace castgraph
