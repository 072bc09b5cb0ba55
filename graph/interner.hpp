// Interner: maps external string ids to dense NodeIds (0, 1, 2, ... in order of first
// appearance) and back. Strings live once, in a StringTable; the index is an
// open-addressing table (linear probing, load at most 3/4) whose 64-bit slots hold the
// id and 32 bits of the string's hash. Probing compares those fingerprints and touches a
// string only on a match, so a lookup costs one hash, a few adjacent slot reads and
// usually one string comparison: without the fingerprint every probe was two cache
// misses into the string table (bench/RESULTS.md has what that cost).
// Memory: len + 8 (end offset) + about 11-21 (slots) bytes per string.
//
// While building, ids that look like "prefix + number" skip the table and live in a
// dense number -> id array instead (see numbered_ids.hpp); finish() then builds the table
// of every string in one pass, in id order, so the frozen Interner is the same whichever
// path each string took.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "graph/ids.hpp"
#include "graph/numbered_ids.hpp"
#include "graph/string_table.hpp"

namespace castgraph {

class Interner;

// The growing side: intern() adds, find() looks up; finish() freezes it.
class InternerBuilder {
 public:
  struct Interned {
    NodeId id;
    bool inserted;  // false when the string was already known
  };

  Interned intern(std::string_view text);
  // intern() of every text, in order, with ids[i] its id. Same result as the loop, but
  // the table slots and candidate strings of texts a little ahead are prefetched, so
  // their cache misses overlap instead of following one another: interning is bound by
  // memory latency, one random access after another.
  void intern_batch(std::span<const std::string_view> texts, std::span<NodeId> ids);
  std::optional<NodeId> find(std::string_view text) const;
  // About this many strings will be interned (see NumberedIds::expect).
  void expect(std::size_t count) { numbered_.expect(count); }
  std::size_t size() const { return strings_.size(); }
  std::string_view operator[](NodeId id) const { return strings_[id]; }
  Interner finish() &&;
  // The ids without their index, for a network in which nothing is looked up by id (the
  // focused load's fans): indexing every id is a random write each. find() then throws.
  Interner finish_unindexed() &&;

 private:
  void grow();
  void reserve_for(std::size_t more);
  Interned intern_hashed(std::string_view text, std::uint64_t hash);
  void intern_hashed_batch(std::span<const std::string_view> texts, std::span<NodeId> ids);
  Interned append(std::string_view text);
  // intern() when `text` is numbered: number -> id array, else the table.
  Interned intern_numbered(std::string_view text, std::uint32_t number);
  std::optional<NodeId> find_numbered(std::string_view text, std::uint32_t number) const;
  std::optional<NodeId> find_hashed(std::string_view text) const;
  void intern_numbered_batch(std::span<const std::string_view> texts, std::span<NodeId> ids);

  static constexpr std::int64_t kNotNumbered = -1;
  StringTableBuilder strings_;
  std::vector<std::uint64_t> slots_;  // kEmptySlot when free; strings not in numbered_
  std::size_t hashed_ = 0;            // strings in slots_
  NumberedIds numbered_;
  std::vector<std::int64_t> numbers_;  // intern_numbered_batch's scratch
};

// The index of every string of `strings`, inserted in id order into a table of the
// smallest power-of-two size (at least 16) that keeps the load at most 3/4.
std::vector<std::uint64_t> index_strings(const StringTableBuilder& strings);

class Interner {
 public:
  Interner() = default;
  Interner(StringTable strings, Column<std::uint64_t> slots)
      : strings_(std::move(strings)), slots_(std::move(slots)) {}

  static Interner without_index(StringTable strings) {
    Interner ids(std::move(strings), {});
    ids.indexed_ = false;
    return ids;
  }

  // std::logic_error when the interner was built without its index.
  std::optional<NodeId> find(std::string_view text) const;
  std::size_t size() const { return strings_.size(); }
  std::string_view operator[](NodeId id) const { return strings_[id]; }
  const StringTable& strings() const { return strings_; }
  const Column<std::uint64_t>& slots() const { return slots_; }
  bool indexed() const { return indexed_; }

 private:
  StringTable strings_;
  Column<std::uint64_t> slots_;
  bool indexed_ = true;
};

// The hash both sides use; stable across runs and platforms (it is stored in snapshots).
std::uint64_t intern_hash(std::string_view text);

// A slot of the index: the id in the low 32 bits, the top 32 bits of the hash above.
inline constexpr std::uint64_t kEmptySlot = ~std::uint64_t{0};
inline constexpr std::uint64_t make_slot(NodeId id, std::uint64_t hash) {
  return (hash & 0xFFFFFFFF00000000ULL) | id;
}
inline constexpr NodeId slot_id(std::uint64_t slot) { return static_cast<NodeId>(slot); }

}  // namespace castgraph
