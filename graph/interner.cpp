#include "graph/interner.hpp"

#include <cstring>

namespace castgraph {

std::uint64_t intern_hash(std::string_view text) {
  // FNV-1a over 8-byte words with a final avalanche (splitmix64): fast on short ids,
  // and the same on every machine, unlike std::hash.
  std::uint64_t hash = 0xcbf29ce484222325ULL ^ text.size();
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    hash = (hash ^ word) * 0x100000001b3ULL;
    hash ^= hash >> 29;
  }
  std::uint64_t tail = 0;
  if (i < text.size()) std::memcpy(&tail, text.data() + i, text.size() - i);
  hash = (hash ^ tail) * 0x100000001b3ULL;
  hash ^= hash >> 30;
  hash *= 0xbf58476d1ce4e5b9ULL;
  hash ^= hash >> 27;
  hash *= 0x94d049bb133111ebULL;
  hash ^= hash >> 31;
  return hash;
}

namespace {

// Linear probing over a power-of-two table; `at(id)` returns the string of an id.
template <class Slots, class At>
std::optional<NodeId> probe(const Slots& slots, std::string_view text, At at) {
  if (slots.size() == 0) return std::nullopt;
  const std::size_t mask = slots.size() - 1;
  const std::uint64_t hash = intern_hash(text);
  const std::uint64_t fingerprint = make_slot(0, hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots[i];
    if (slot == kEmptySlot) return std::nullopt;
    if (make_slot(0, slot) == fingerprint && at(slot_id(slot)) == text) return slot_id(slot);
  }
}

}  // namespace

std::optional<NodeId> InternerBuilder::find(std::string_view text) const {
  return probe(slots_, text, [this](NodeId id) { return strings_[id]; });
}

InternerBuilder::Interned InternerBuilder::intern(std::string_view text) {
  if ((strings_.size() + 1) * 4 > slots_.size() * 3) grow();  // keep load under 3/4
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t hash = intern_hash(text);
  const std::uint64_t fingerprint = make_slot(0, hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == kEmptySlot) {
      const auto fresh = static_cast<NodeId>(strings_.size());
      slots_[i] = make_slot(fresh, hash);
      strings_.push_back(text);
      return {fresh, true};
    }
    if (make_slot(0, slot) == fingerprint && strings_[slot_id(slot)] == text)
      return {slot_id(slot), false};
  }
}

// Doubling rehashes every string: amortised O(1) per intern, and the strings are
// read in order, so it streams through memory.
void InternerBuilder::grow() {
  std::vector<std::uint64_t> bigger(slots_.empty() ? 16 : slots_.size() * 2, kEmptySlot);
  const std::size_t mask = bigger.size() - 1;
  for (NodeId id = 0; id < strings_.size(); ++id) {
    const std::uint64_t hash = intern_hash(strings_[id]);
    std::size_t i = hash & mask;
    while (bigger[i] != kEmptySlot) i = (i + 1) & mask;
    bigger[i] = make_slot(id, hash);
  }
  slots_ = std::move(bigger);
}

Interner InternerBuilder::finish() && {
  return Interner(std::move(strings_).finish(), Column(std::move(slots_)));
}

std::optional<NodeId> Interner::find(std::string_view text) const {
  return probe(slots_, text, [this](NodeId id) { return strings_[id]; });
}

}  // namespace castgraph
