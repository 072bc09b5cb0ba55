#include "graph/numbered_ids.hpp"

#include <algorithm>

#include "graph/huge_pages.hpp"

namespace castgraph {

std::optional<std::uint32_t> NumberedIds::choose_prefix(std::string_view text) {
  if (!chosen_) {
    std::size_t digits_begin = text.size();
    while (digits_begin > 0 && numbered_ids_detail::is_digit(text[digits_begin - 1]))
      --digits_begin;
    if (!numbered_ids_detail::canonical_decimal(text.substr(digits_begin))) return std::nullopt;
    prefix_ = std::string(text.substr(0, digits_begin));
    chosen_ = true;
  }
  return number(text);
}

bool NumberedIds::make_room(std::uint32_t number, std::size_t stored) {
  if (number < ids_.size()) return true;
  if (number >= 8 * std::max(stored, expected_) + 65536)
    return false;  // keeps the array within 32 bytes per id
  // Doubling keeps growth amortised O(1) per number.
  const std::size_t size = std::max<std::size_t>({number + std::size_t{1}, 2 * ids_.size(), 1024});
  grow_on_huge_pages(ids_, size, kNoNode);  // read at random, once per follow row
  return true;
}

}  // namespace castgraph
