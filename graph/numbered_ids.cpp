#include "graph/numbered_ids.hpp"

#include <algorithm>

namespace castgraph {

namespace {

constexpr std::size_t kMaxDigits = 9;  // below 10^9, so every number fits 32 bits

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of a canonical decimal (no sign, no leading zero unless "0"), or nullopt.
std::optional<std::uint32_t> canonical_decimal(std::string_view digits) {
  if (digits.empty() || digits.size() > kMaxDigits) return std::nullopt;
  if (digits[0] == '0' && digits.size() > 1) return std::nullopt;
  std::uint32_t value = 0;
  for (char c : digits) {
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return value;
}

}  // namespace

std::optional<std::uint32_t> NumberedIds::number(std::string_view text) const {
  if (!chosen_ || text.size() <= prefix_.size() || !text.starts_with(prefix_)) return std::nullopt;
  return canonical_decimal(text.substr(prefix_.size()));
}

std::optional<std::uint32_t> NumberedIds::choose_prefix(std::string_view text) {
  if (!chosen_) {
    std::size_t digits_begin = text.size();
    while (digits_begin > 0 && is_digit(text[digits_begin - 1])) --digits_begin;
    if (!canonical_decimal(text.substr(digits_begin))) return std::nullopt;
    prefix_ = std::string(text.substr(0, digits_begin));
    chosen_ = true;
  }
  return number(text);
}

bool NumberedIds::make_room(std::uint32_t number, std::size_t stored) {
  if (number < ids_.size()) return true;
  if (number >= 8 * stored + 65536) return false;  // keeps the array within 32 bytes per id
  // Doubling keeps growth amortised O(1) per number.
  const std::size_t size = std::max<std::size_t>({number + std::size_t{1}, 2 * ids_.size(), 1024});
  ids_.resize(size, kNoNode);
  return true;
}

}  // namespace castgraph
