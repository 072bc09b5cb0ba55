#include "graph/seen_ids.hpp"

#include <algorithm>

#include "graph/huge_pages.hpp"

namespace castgraph {

namespace {

// Numbers beyond this many per id met so far (plus a margin) are kept as text, so one
// stray large number cannot make the bit array large: as NumberedIds::make_room.
bool within_density(std::uint32_t number, std::size_t met) {
  return number < 64 * std::uint64_t{met} + 65536 * 64;
}

}  // namespace

bool SeenIds::insert_text(std::string_view id) {
  if (!texts_.insert(id).second) return false;
  ++size_;
  return true;
}

bool SeenIds::insert(std::string_view id) {
  const auto number = numbering_.choose_prefix(id);
  if (!number) return insert_text(id);
  const std::size_t word = *number / 64;
  if (word >= bits_.size()) {
    if (!within_density(*number, size_)) {
      ++numbered_in_texts_;
      return insert_text(id);
    }
    grow_on_huge_pages(bits_, std::max(word + 1, 2 * bits_.size()), std::uint64_t{0});
  }
  const std::uint64_t bit = std::uint64_t{1} << (*number % 64);
  if (bits_[word] & bit) return false;
  // The same id may have been kept as text while its number was past the array's end.
  if (numbered_in_texts_ != 0 && texts_.contains(id)) return false;
  bits_[word] |= bit;
  ++size_;
  return true;
}

}  // namespace castgraph
