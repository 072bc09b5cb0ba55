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
  for (std::size_t slot = intern_hash(text) & mask;; slot = (slot + 1) & mask) {
    const NodeId id = slots[slot];
    if (id == kNoNode) return std::nullopt;
    if (at(id) == text) return id;
  }
}

}  // namespace

std::optional<NodeId> InternerBuilder::find(std::string_view text) const {
  return probe(slots_, text, [this](NodeId id) { return strings_[id]; });
}

InternerBuilder::Interned InternerBuilder::intern(std::string_view text) {
  if ((strings_.size() + 1) * 4 > slots_.size() * 3) grow();  // keep load under 3/4
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = intern_hash(text) & mask;; slot = (slot + 1) & mask) {
    const NodeId id = slots_[slot];
    if (id == kNoNode) {
      const auto fresh = static_cast<NodeId>(strings_.size());
      slots_[slot] = fresh;
      strings_.push_back(text);
      return {fresh, true};
    }
    if (strings_[id] == text) return {id, false};
  }
}

void InternerBuilder::grow() {
  std::vector<NodeId> bigger(slots_.empty() ? 16 : slots_.size() * 2, kNoNode);
  const std::size_t mask = bigger.size() - 1;
  for (NodeId id = 0; id < strings_.size(); ++id) {
    std::size_t slot = intern_hash(strings_[id]) & mask;
    while (bigger[slot] != kNoNode) slot = (slot + 1) & mask;
    bigger[slot] = id;
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
