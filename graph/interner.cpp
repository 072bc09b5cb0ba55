#include "graph/interner.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "graph/huge_pages.hpp"

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

std::optional<NodeId> InternerBuilder::find_hashed(std::string_view text) const {
  return probe(slots_, text, [this](NodeId id) { return strings_[id]; });
}

std::optional<NodeId> InternerBuilder::find(std::string_view text) const {
  if (const auto number = numbered_.number(text)) return find_numbered(text, *number);
  return find_hashed(text);
}

std::optional<NodeId> InternerBuilder::find_numbered(std::string_view text,
                                                     std::uint32_t number) const {
  if (const NodeId id = numbered_.at(number); id != kNoNode) return id;
  if (numbered_.hashed_matches() == 0) return std::nullopt;
  return find_hashed(text);
}

InternerBuilder::Interned InternerBuilder::append(std::string_view text) {
  const auto fresh = static_cast<NodeId>(strings_.size());
  strings_.push_back(text);
  return {fresh, true};
}

InternerBuilder::Interned InternerBuilder::intern_numbered(std::string_view text,
                                                           std::uint32_t number) {
  if (const auto known = find_numbered(text, number)) return {*known, false};
  if (numbered_.make_room(number, strings_.size())) {
    numbered_.store(number, static_cast<NodeId>(strings_.size()));
    return append(text);
  }
  numbered_.count_hashed_match();
  reserve_for(1);
  return intern_hashed(text, intern_hash(text));
}

InternerBuilder::Interned InternerBuilder::intern(std::string_view text) {
  if (const auto number = numbered_.choose_prefix(text)) return intern_numbered(text, *number);
  reserve_for(1);
  return intern_hashed(text, intern_hash(text));
}

void InternerBuilder::reserve_for(std::size_t more) {
  while ((hashed_ + more) * 4 > slots_.size() * 3) grow();  // keep load under 3/4
}

void InternerBuilder::intern_batch(std::span<const std::string_view> texts, std::span<NodeId> ids) {
  if (!texts.empty() && numbered_.choose_prefix(texts[0])) {
    intern_numbered_batch(texts, ids);
    return;
  }
  reserve_for(texts.size());  // no rehash inside the batch, so prefetched slots stay put
  const std::size_t mask = slots_.size() - 1;
  std::vector<std::uint64_t> hashes(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    hashes[i] = intern_hash(texts[i]);
    __builtin_prefetch(&slots_[hashes[i] & mask]);
  }
  // Later waves: the string a matching fingerprint points at (its end offset, then its
  // bytes), each wave reading only lines the wave before prefetched.
  auto candidate = [&](std::size_t i) -> std::optional<NodeId> {
    const std::uint64_t slot = slots_[hashes[i] & mask];
    if (slot == kEmptySlot || make_slot(0, slot) != make_slot(0, hashes[i])) return std::nullopt;
    return slot_id(slot);
  };
  for (std::size_t i = 0; i < texts.size(); ++i)
    if (auto id = candidate(i)) __builtin_prefetch(strings_.end_slot(*id == 0 ? 0 : *id - 1));
  for (std::size_t i = 0; i < texts.size(); ++i)
    if (auto id = candidate(i)) __builtin_prefetch(strings_.begin_of(*id));
  // A later text of the batch may be the first numbered one and choose the prefix.
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto number = numbered_.choose_prefix(texts[i]);
    ids[i] = number ? intern_numbered(texts[i], *number).id : intern_hashed(texts[i], hashes[i]).id;
  }
}

void InternerBuilder::intern_numbered_batch(std::span<const std::string_view> texts,
                                            std::span<NodeId> ids) {
  // Each number is parsed and its entry prefetched kAhead texts before it is read, so
  // about kAhead cache misses are in flight at once. Prefetching the whole batch first
  // (the earlier design) stalled on the prefetches themselves once the core's miss
  // buffers filled, and lines fetched early were evicted before they were read: 60 ns a
  // row at liaoning scale 1 against 20 ns now.
  constexpr std::size_t kAhead = 24;
  numbers_.resize(texts.size());
  auto parse_and_prefetch = [&](std::size_t i) {
    const auto number = numbered_.number(texts[i]);
    numbers_[i] = number ? *number : kNotNumbered;
    if (number) numbered_.prefetch(*number);
  };
  for (std::size_t i = 0; i < std::min(kAhead, texts.size()); ++i) parse_and_prefetch(i);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i + kAhead < texts.size()) parse_and_prefetch(i + kAhead);
    if (numbers_[i] == kNotNumbered) {
      ids[i] = intern(texts[i]).id;
      continue;
    }
    const auto number = static_cast<std::uint32_t>(numbers_[i]);
    const NodeId known = numbered_.at(number);  // the common case: a fan of fans.csv
    ids[i] = known != kNoNode ? known : intern_numbered(texts[i], number).id;
  }
}

InternerBuilder::Interned InternerBuilder::intern_hashed(std::string_view text, std::uint64_t hash) {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t fingerprint = make_slot(0, hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == kEmptySlot) {
      slots_[i] = make_slot(static_cast<NodeId>(strings_.size()), hash);
      ++hashed_;
      return append(text);
    }
    if (make_slot(0, slot) == fingerprint && strings_[slot_id(slot)] == text)
      return {slot_id(slot), false};
  }
}

// Doubling rehashes every string: amortised O(1) per intern, and the strings are
// read in order, so it streams through memory.
void InternerBuilder::grow() {
  auto bigger = vector_on_huge_pages(slots_.empty() ? 16 : slots_.size() * 2, kEmptySlot);
  const std::size_t mask = bigger.size() - 1;
  for (NodeId id = 0; id < strings_.size(); ++id) {
    // Strings in the number -> id array are not in the table.
    if (const auto number = numbered_.number(strings_[id]); number && numbered_.at(*number) == id)
      continue;
    const std::uint64_t hash = intern_hash(strings_[id]);
    std::size_t i = hash & mask;
    while (bigger[i] != kEmptySlot) i = (i + 1) & mask;
    bigger[i] = make_slot(id, hash);
  }
  slots_ = std::move(bigger);
}

std::vector<std::uint64_t> index_strings(const StringTableBuilder& strings) {
  std::size_t size = 16;
  while (strings.size() * 4 > size * 3) size *= 2;
  auto slots = vector_on_huge_pages(size, kEmptySlot);  // written at random
  const std::size_t mask = size - 1;
  // Hashes are computed kAhead strings early and their slots prefetched, so the random
  // writes into a table far larger than the caches overlap their misses.
  constexpr std::size_t kAhead = 32;
  std::array<std::uint64_t, kAhead> ahead{};
  const std::size_t count = strings.size();
  for (std::size_t id = 0; id < count + kAhead; ++id) {
    if (id >= kAhead) {
      const std::uint64_t hash = ahead[id % kAhead];
      std::size_t i = hash & mask;
      while (slots[i] != kEmptySlot) i = (i + 1) & mask;
      slots[i] = make_slot(static_cast<NodeId>(id - kAhead), hash);
    }
    if (id < count) {
      ahead[id % kAhead] = intern_hash(strings[id]);
      __builtin_prefetch(&slots[ahead[id % kAhead] & mask], 1);
    }
  }
  return slots;
}

Interner InternerBuilder::finish() && {
  // Numbered strings are not in the table yet: index everything afresh, in id order.
  if (numbered_.in_use()) {
    numbered_.clear();  // not needed any more: free it before the table is allocated
    slots_ = index_strings(strings_);
  }
  return Interner(std::move(strings_).finish(), Column(std::move(slots_)));
}

std::optional<NodeId> Interner::find(std::string_view text) const {
  return probe(slots_, text, [this](NodeId id) { return strings_[id]; });
}

}  // namespace castgraph
