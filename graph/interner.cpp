#include "graph/interner.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

#include "graph/huge_pages.hpp"

namespace castgraph {

namespace {

// The `size` (0-8) bytes at `bytes` as a little-endian number, as std::memcpy into a
// zeroed word gives, without the library call a variable-length memcpy costs: two loads
// that overlap (or three bytes) instead, so no byte past the end is read.
std::uint64_t load_tail(const char* bytes, std::size_t size) {
  auto load4 = [](const char* at) {
    std::uint32_t word;
    std::memcpy(&word, at, 4);
    return std::uint64_t{word};
  };
  auto byte = [bytes](std::size_t at) {
    return std::uint64_t{static_cast<unsigned char>(bytes[at])};
  };
  if (size >= 4) return load4(bytes) | load4(bytes + size - 4) << (8 * (size - 4));
  if (size == 0) return 0;
  return byte(0) | byte(size / 2) << (8 * (size / 2)) | byte(size - 1) << (8 * (size - 1));
}

std::uint64_t load8(const char* bytes) {
  std::uint64_t word;
  std::memcpy(&word, bytes, 8);
  return word;
}

// a == b, inline: ids are short, and the library's memcmp costs a call and a dispatch.
bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t i = 0;
  for (; i + 8 <= a.size(); i += 8)
    if (load8(a.data() + i) != load8(b.data() + i)) return false;
  return load_tail(a.data() + i, a.size() - i) == load_tail(b.data() + i, b.size() - i);
}

}  // namespace

std::uint64_t intern_hash(std::string_view text) {
  // FNV-1a over 8-byte words with a final avalanche (splitmix64): fast on short ids,
  // and the same on every machine, unlike std::hash.
  std::uint64_t hash = 0xcbf29ce484222325ULL ^ text.size();
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    hash = (hash ^ load8(text.data() + i)) * 0x100000001b3ULL;
    hash ^= hash >> 29;
  }
  hash = (hash ^ load_tail(text.data() + i, text.size() - i)) * 0x100000001b3ULL;
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
    if (make_slot(0, slot) == fingerprint && same_text(at(slot_id(slot)), text))
      return slot_id(slot);
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
  intern_hashed_batch(texts, ids);
}

namespace {

// The id in the first slot from `hash`'s home on whose fingerprint is `hash`'s, or kNoNode
// when an empty slot or the end of the home's cache line comes first. Only a guess to
// prefetch by: reading on into the next line would wait for another miss.
NodeId candidate_in_line(std::span<const std::uint64_t> slots, std::uint64_t hash) {
  constexpr std::uintptr_t kLine = 64;
  const std::size_t mask = slots.size() - 1;
  const std::uint64_t fingerprint = make_slot(0, hash);
  std::size_t i = hash & mask;
  do {
    const std::uint64_t slot = slots[i];
    if (slot == kEmptySlot) return kNoNode;
    if (make_slot(0, slot) == fingerprint) return slot_id(slot);
    i = (i + 1) & mask;
  } while (i != 0 && reinterpret_cast<std::uintptr_t>(&slots[i]) % kLine != 0);
  return kNoNode;
}

}  // namespace

void InternerBuilder::intern_hashed_batch(std::span<const std::string_view> texts,
                                          std::span<NodeId> ids) {
  // A lookup is three dependent cache misses: the slot, the candidate string's end
  // offsets, its bytes. Each runs in its own stage, kStage texts behind the stage before:
  // text i + 3 kStage is hashed and its slot prefetched, the slot of i + 2 kStage read and
  // the candidate's offsets prefetched, the offsets of i + kStage read and its bytes
  // prefetched, and text i interned. So about 3 kStage misses are in flight, and each line
  // is read soon after it arrives. Prefetching the whole batch stage by stage (the earlier
  // design) stalled on the prefetches once the miss buffers filled, and lines fetched
  // early were evicted before use.
  // Only the last stage changes anything, and it interns text i exactly as intern() does,
  // so the ids are the loop's whatever the earlier stages guessed (a string the batch
  // inserts after a later copy of it had its slot read is simply found again).
  constexpr std::size_t kStage = 8;
  constexpr std::size_t kRing = 32;  // holds the 3 kStage + 1 texts in flight
  static_assert(kRing > 3 * kStage);
  std::array<std::uint64_t, kRing> hashes{};
  std::array<NodeId, kRing> candidates{};
  const std::size_t count = texts.size();
  for (std::size_t step = 0; step < count + 3 * kStage; ++step) {
    if (step < count) {
      hashes[step % kRing] = intern_hash(texts[step]);
      __builtin_prefetch(&slots_[hashes[step % kRing] & (slots_.size() - 1)]);
    }
    if (const std::size_t i = step - kStage; step >= kStage && i < count) {
      const NodeId id = candidates[i % kRing] = candidate_in_line(slots_, hashes[i % kRing]);
      if (id != kNoNode) {
        __builtin_prefetch(strings_.end_slot(id == 0 ? 0 : id - 1));  // where it begins
        __builtin_prefetch(strings_.end_slot(id));
      }
    }
    if (const std::size_t i = step - 2 * kStage; step >= 2 * kStage && i < count) {
      if (const NodeId id = candidates[i % kRing]; id != kNoNode) {
        const std::string_view candidate = strings_[id];
        __builtin_prefetch(candidate.data());
        if (candidate.size() > 1) __builtin_prefetch(candidate.data() + candidate.size() - 1);
      }
    }
    if (step >= 3 * kStage) {
      const std::size_t i = step - 3 * kStage;
      // A later text of the batch may be the first numbered one and choose the prefix.
      // Only a text ending in a digit can (numbered_ids.hpp: prefix, then a number), and
      // most words here do not: skipping the call for them saves 5-10% of this thread.
      const bool may_be_numbered =
          !texts[i].empty() && texts[i].back() >= '0' && texts[i].back() <= '9';
      const auto number = may_be_numbered ? numbered_.choose_prefix(texts[i]) : std::nullopt;
      ids[i] = number ? intern_numbered(texts[i], *number).id
                      : intern_hashed(texts[i], hashes[i % kRing]).id;
    }
  }
}

void InternerBuilder::intern_numbered_batch(std::span<const std::string_view> texts,
                                            std::span<NodeId> ids) {
  // Each number is parsed and its entry prefetched kAhead texts before it is read, so
  // about kAhead cache misses are in flight at once. Prefetching the whole batch first
  // (the earlier design) stalled on the prefetches themselves once the core's miss
  // buffers filled, and lines fetched early were evicted before they were read (about
  // three times slower a row; bench/RESULTS.md).
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

InternerBuilder::Interned InternerBuilder::intern_hashed(std::string_view text,
                                                         std::uint64_t hash) {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t fingerprint = make_slot(0, hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == kEmptySlot) {
      slots_[i] = make_slot(static_cast<NodeId>(strings_.size()), hash);
      ++hashed_;
      return append(text);
    }
    if (make_slot(0, slot) == fingerprint && same_text(strings_[slot_id(slot)], text))
      return {slot_id(slot), false};
  }
}

namespace {

// Puts make_slot(id, hash) of every id in [0, count) that `hash_of(id)` gives a hash for
// into `slots` (a power-of-two table with room for them all), in id order. Hashes are
// computed kAhead ids early and their slots prefetched, so the random writes into a
// table far larger than the caches overlap their misses; the strings are read in order,
// so they stream through memory.
template <class HashOf>
void insert_all(std::vector<std::uint64_t>& slots, std::size_t count, HashOf hash_of) {
  const std::size_t mask = slots.size() - 1;
  constexpr std::size_t kAhead = 32;
  std::array<std::optional<std::uint64_t>, kAhead> ahead{};
  for (std::size_t id = 0; id < count + kAhead; ++id) {
    if (id >= kAhead) {
      if (const auto hash = ahead[id % kAhead]) {
        std::size_t i = *hash & mask;
        while (slots[i] != kEmptySlot) i = (i + 1) & mask;
        slots[i] = make_slot(static_cast<NodeId>(id - kAhead), *hash);
      }
    }
    if (id < count) {
      ahead[id % kAhead] = hash_of(static_cast<NodeId>(id));
      if (const auto hash = ahead[id % kAhead]) __builtin_prefetch(&slots[*hash & mask], 1);
    }
  }
}

}  // namespace

// Doubling rehashes every string: amortised O(1) per intern.
void InternerBuilder::grow() {
  auto bigger = vector_on_huge_pages(slots_.empty() ? 16 : slots_.size() * 2, kEmptySlot);
  insert_all(bigger, strings_.size(), [this](NodeId id) -> std::optional<std::uint64_t> {
    // Strings in the number -> id array are not in the table.
    if (const auto number = numbered_.number(strings_[id]); number && numbered_.at(*number) == id)
      return std::nullopt;
    return intern_hash(strings_[id]);
  });
  slots_ = std::move(bigger);
}

std::vector<std::uint64_t> index_strings(const StringTableBuilder& strings) {
  std::size_t size = 16;
  while (strings.size() * 4 > size * 3) size *= 2;
  auto slots = vector_on_huge_pages(size, kEmptySlot);  // written at random
  insert_all(slots, strings.size(),
             [&strings](NodeId id) { return std::optional(intern_hash(strings[id])); });
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

Interner InternerBuilder::finish_unindexed() && {
  numbered_.clear();
  slots_ = {};
  return Interner::without_index(std::move(strings_).finish());
}

std::optional<NodeId> Interner::find(std::string_view text) const {
  if (!indexed_) throw std::logic_error("ids looked up in an interner built without its index");
  return probe(slots_, text, [this](NodeId id) { return strings_[id]; });
}

}  // namespace castgraph
