#include "graph/value_rules.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "graph/network.hpp"

namespace castgraph {

std::uint64_t rounded_count(double value) {
  if (!(value > 0)) return 0;  // NaN too
  const double rounded = std::round(value);
  if (rounded >= 0x1p64) return std::numeric_limits<std::uint64_t>::max();
  return static_cast<std::uint64_t>(rounded);
}

std::optional<std::string> count_problem(std::uint64_t value, std::string_view what) {
  if (value <= kMaxCount) return std::nullopt;
  return fmt::format("{} {} is beyond 2^63 - 1", what, value);
}

std::optional<std::string> amount_problem(double value, std::string_view what,
                                          std::string_view found) {
  if (!std::isfinite(value))
    return fmt::format("{} must be a finite number, found '{}'", what, found);
  if (value < 0) return fmt::format("{} must not be negative, found '{}'", what, found);
  return std::nullopt;
}

std::string count_total_problem(std::string_view total) {
  return fmt::format(
      "{} passes 2^63 - 1 here; castgraph refuses a dataset whose totals could make a sum inexact "
      "(see README, Datasets)",
      total);
}

std::string amount_total_problem(std::string_view total) {
  return fmt::format(
      "{} passes 1e150 here; castgraph refuses a dataset whose totals could make a sum "
      "infinite (see README, Datasets)",
      total);
}

std::optional<std::string> counts_problem(std::string_view column,
                                          std::span<const std::uint64_t> values,
                                          bool unknown_allowed, bool totalled) {
  CountTotal total;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (unknown_allowed && values[i] == kUnknownCount) continue;
    if (auto problem = count_problem(values[i], "value"))
      return fmt::format("{}: entry {}: {}", column, i, *problem);
    if (totalled && !total.add(values[i]))
      return fmt::format("{}: entry {}: {}", column, i, count_total_problem("the total"));
  }
  return std::nullopt;
}

std::optional<std::string> amounts_problem(std::string_view column, std::span<const double> values,
                                           bool unknown_allowed, unsigned counted_times) {
  AmountTotal total;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (unknown_allowed && std::isnan(values[i])) continue;
    if (auto problem = amount_problem(values[i], "value", fmt::format("{}", values[i])))
      return fmt::format("{}: entry {}: {}", column, i, *problem);
    if (!total.add(values[i] / counted_times))
      return fmt::format("{}: entry {}: {}", column, i, amount_total_problem("the total"));
  }
  return std::nullopt;
}

std::optional<std::string> follow_weights_problem(std::span<const std::uint64_t> offsets,
                                                  std::span<const std::uint64_t> weights) {
  if (weights.empty()) return std::nullopt;  // at most one per follow: far below 2^63
  CountTotal total;
  const std::size_t fans = std::min(weights.size(), offsets.empty() ? 0 : offsets.size() - 1);
  for (std::size_t fan = 0; fan < fans; ++fan) {
    const std::uint64_t follows = offsets[fan + 1] - offsets[fan];
    if (follows == 0) continue;
    // weight * follows, without overflowing: past kMaxCount is all that matters.
    const bool past = weights[fan] > kMaxCount / follows;
    if (past || !total.add(weights[fan] * follows))
      return fmt::format("follows: fan {}: {}", fan,
                         count_total_problem("the weight of the fans of the follows"));
  }
  return std::nullopt;
}

}  // namespace castgraph
