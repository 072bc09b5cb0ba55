// NumberedIds: the fast path of InternerBuilder for ids that are one fixed prefix
// followed by a decimal number ("f108102", "f7", or plain "42"), which is how exported
// user ids usually look. Such an id is found by parsing its number and reading one
// 4-byte entry of a dense array, instead of hashing it and probing a table of 8-byte
// slots and then comparing strings: one cache miss instead of three, into an array a
// third the size. Interning is bound by those misses.
//
// The prefix is taken from the first id whose trailing run of digits is canonical (no
// leading zero unless it is "0", at most 9 digits). From then on an id matches when it is
// that prefix followed by a canonical number; the map text <-> number is one-to-one, so
// equal numbers mean equal ids. No id interned before the prefix was chosen can match it
// (it would have chosen the prefix itself), so those ids stay in the hash table correctly.
// A matching id whose number is too large for the array (more than 8 numbers per id
// plus 64k) goes to the hash table like any other; `hashed_matches()` counts them, so a
// lookup only falls back to the table when there are any.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ids.hpp"
#include "graph/release_memory.hpp"

namespace castgraph {

namespace numbered_ids_detail {

inline constexpr std::size_t kMaxDigits = 9;  // below 10^9, so every number fits 32 bits

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of a canonical decimal (no sign, no leading zero unless "0"), or nullopt.
inline std::optional<std::uint32_t> canonical_decimal(std::string_view digits) {
  if (digits.empty() || digits.size() > kMaxDigits) return std::nullopt;
  if (digits[0] == '0' && digits.size() > 1) return std::nullopt;
  std::uint32_t value = 0;
  for (char c : digits) {
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return value;
}

}  // namespace numbered_ids_detail

class NumberedIds {
 public:
  // The number `text` stands for, or nullopt when it does not match the prefix (or no
  // prefix is chosen yet). O(length). Inline: the loader calls it once per follow row.
  std::optional<std::uint32_t> number(std::string_view text) const {
    if (!chosen_ || text.size() <= prefix_.size() || !text.starts_with(prefix_))
      return std::nullopt;
    return numbered_ids_detail::canonical_decimal(text.substr(prefix_.size()));
  }
  // Chooses the prefix from `text` if none is chosen yet; returns number(text).
  std::optional<std::uint32_t> choose_prefix(std::string_view text);

  // The id stored for `number`, or kNoNode.
  NodeId at(std::uint32_t number) const { return number < ids_.size() ? ids_[number] : kNoNode; }
  // Starts fetching the entry of `number` into the cache, when the array has one.
  void prefetch(std::uint32_t number) const {
    if (number < ids_.size()) __builtin_prefetch(ids_.data() + number);
  }
  // Makes room for `number` when it is within the density limit for `stored` ids;
  // false (nothing changes) when it is too far out.
  bool make_room(std::uint32_t number, std::size_t stored);
  // Lets the array reach as far as for `ids` stored ids from the start: for ids met in
  // random order (follows.csv before fans.csv), whose first numbers are far apart and
  // would otherwise go to the hash table, where every later miss must be looked up too.
  // The array still grows only as far as the numbers met.
  void expect(std::size_t ids) { expected_ = std::max(expected_, ids); }
  void store(std::uint32_t number, NodeId id) { ids_[number] = id; }

  void count_hashed_match() { ++hashed_matches_; }
  std::size_t hashed_matches() const { return hashed_matches_; }
  bool in_use() const { return !ids_.empty(); }
  // Frees the array (once the interner is frozen and indexed another way).
  void clear() { release_memory(ids_); }

 private:
  bool chosen_ = false;
  std::string prefix_;
  std::vector<NodeId> ids_;  // number -> id, kNoNode when not interned
  std::size_t hashed_matches_ = 0;
  std::size_t expected_ = 0;  // expect()
};

}  // namespace castgraph
