#include "cli/human_numbers.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <cmath>

#include "graph/errors.hpp"

namespace castgraph::cli {

namespace {

struct Suffix {
  std::string_view text;
  double multiplier;
};
constexpr Suffix kSuffixes[] = {{"k", 1e3},  {"K", 1e3},  {"M", 1e6}, {"B", 1e9},
                                {"千", 1e3}, {"万", 1e4}, {"亿", 1e8}};

}  // namespace

std::uint64_t parse_human_count(std::string_view text, std::string_view what) {
  std::string_view number = text;
  double multiplier = 1;
  for (const Suffix& suffix : kSuffixes) {
    if (number.ends_with(suffix.text)) {
      number.remove_suffix(suffix.text.size());
      multiplier = suffix.multiplier;
      break;
    }
  }
  double value = 0;
  const auto [end, status] = std::from_chars(number.data(), number.data() + number.size(), value);
  // Rounding absorbs binary noise such as 1.1 * 1e6 = 1100000.0000000002.
  const double product = value * multiplier;
  const double scaled = std::round(product);
  if (number.empty() || status != std::errc{} || end != number.data() + number.size() ||
      !std::isfinite(scaled) || scaled < 0 || scaled >= 0x1p63 ||
      std::abs(product - scaled) > 1e-9 * std::max(1.0, scaled))
    throw UsageError(
        fmt::format("{}: '{}' is not a count (examples: 100000, 100k, 1M, 10万, 1亿)", what, text));
  return static_cast<std::uint64_t>(scaled);
}

std::vector<std::uint64_t> parse_human_counts(std::string_view text, std::string_view what) {
  std::vector<std::uint64_t> counts;
  while (true) {
    const auto comma = text.find(',');
    counts.push_back(parse_human_count(text.substr(0, comma), what));
    if (comma == std::string_view::npos) return counts;
    text.remove_prefix(comma + 1);
  }
}

}  // namespace castgraph::cli
