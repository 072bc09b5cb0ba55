#include "loaders/field_parsers.hpp"

#include <fmt/format.h>
#include <charconv>
#include <cmath>

#include "graph/value_rules.hpp"

namespace castgraph {

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

Parsed<std::uint64_t> parse_count(std::string_view text, std::string_view what) {
  const std::string_view digits = trim(text);
  const bool all_digits =
      !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
  if (!all_digits)
    return {0, fmt::format("{} must be a non-negative integer, found '{}'", what, text)};
  std::uint64_t value = 0;
  const auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (status == std::errc::result_out_of_range)
    return {0, fmt::format("{} {} is beyond 2^63 - 1", what, digits)};
  (void)end;
  if (auto problem = count_problem(value, what)) return {0, std::move(*problem)};
  return {value, {}};
}

Parsed<double> parse_amount(std::string_view text, std::string_view what) {
  const std::string_view number = trim(text);
  double value = 0;
  const auto [end, status] = std::from_chars(number.data(), number.data() + number.size(), value);
  const bool whole = status == std::errc{} && end == number.data() + number.size();
  if (!whole || number.empty())
    return {0, fmt::format("{} must be a finite number, found '{}'", what, text)};
  if (auto problem = amount_problem(value, what, text)) return {0, std::move(*problem)};
  return {value == 0 ? 0.0 : value, {}};  // turn -0 into 0
}

}  // namespace castgraph
