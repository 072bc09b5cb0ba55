// Interner: maps external string ids to dense NodeIds (0, 1, 2, ... in order of first
// appearance) and back. Strings live once, in a StringTable; the index is an
// open-addressing table of 32-bit ids, so a lookup costs one hash and usually one
// string comparison, and the whole structure needs about len + 8 + 8 bytes per string.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "graph/ids.hpp"
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
  std::optional<NodeId> find(std::string_view text) const;
  std::size_t size() const { return strings_.size(); }
  std::string_view operator[](NodeId id) const { return strings_[id]; }
  Interner finish() &&;

 private:
  void grow();
  StringTableBuilder strings_;
  std::vector<NodeId> slots_;  // kNoNode marks an empty slot
};

class Interner {
 public:
  Interner() = default;
  Interner(StringTable strings, Column<NodeId> slots)
      : strings_(std::move(strings)), slots_(std::move(slots)) {}

  std::optional<NodeId> find(std::string_view text) const;
  std::size_t size() const { return strings_.size(); }
  std::string_view operator[](NodeId id) const { return strings_[id]; }
  const StringTable& strings() const { return strings_; }
  const Column<NodeId>& slots() const { return slots_; }

 private:
  StringTable strings_;
  Column<NodeId> slots_;
};

// The hash both sides use; stable across runs and platforms (it is stored in snapshots).
std::uint64_t intern_hash(std::string_view text);

}  // namespace castgraph
