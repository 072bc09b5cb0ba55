// intern_batch's hashed path interns text i while it hashes and prefetches texts a few
// dozen ahead; these tests hold it to intern() one by one (and to a plain map) where
// such a pipeline can go wrong: repeats closer than, at and beyond its distances,
// batches shorter than them, table growth between batches, the numbered prefix chosen
// in mid-batch, fingerprints that match for different strings, and the shortest and
// longest ids. The hash is pinned too, since snapshots store it.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/interner.hpp"

using namespace castgraph;

namespace {

// The ids a plain map gives: first appearance numbering.
std::vector<NodeId> map_ids(const std::vector<std::string>& texts) {
  std::unordered_map<std::string, NodeId> known;
  std::vector<NodeId> ids;
  for (const auto& text : texts)
    ids.push_back(known.emplace(text, static_cast<NodeId>(known.size())).first->second);
  return ids;
}

// Interns `texts` in batches of the given sizes (cycled) and checks every id against
// the map and against intern() one by one, then find() and the frozen interner.
void check_batches(const std::vector<std::string>& texts, const std::vector<std::size_t>& sizes) {
  const auto expected = map_ids(texts);
  InternerBuilder one_by_one;
  for (std::size_t i = 0; i < texts.size(); ++i) REQUIRE(one_by_one.intern(texts[i]).id == expected[i]);

  InternerBuilder batched;
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<NodeId> ids(texts.size(), kNoNode);
  std::size_t begin = 0;
  for (std::size_t b = 0; begin < texts.size(); ++b) {
    const std::size_t size = std::min(sizes[b % sizes.size()], texts.size() - begin);
    batched.intern_batch(std::span(views).subspan(begin, size), std::span(ids).subspan(begin, size));
    begin += size;
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    INFO("text " << i << " '" << texts[i] << "'");
    REQUIRE(ids[i] == expected[i]);
  }
  REQUIRE(batched.size() == one_by_one.size());
  for (std::size_t i = 0; i < texts.size(); ++i) REQUIRE(batched.find(texts[i]) == expected[i]);

  const Interner frozen = std::move(batched).finish();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    REQUIRE(frozen.find(texts[i]) == expected[i]);
    REQUIRE(frozen[expected[i]] == texts[i]);
  }
}

std::string word(std::size_t i) { return "fan-" + std::to_string(i) + "-z"; }

// Each new id followed, `distance` texts later, by a repeat of it.
std::vector<std::string> repeats_at(std::size_t distance, std::size_t count) {
  std::vector<std::string> texts;
  for (std::size_t i = 0; texts.size() < count; ++i) {
    texts.push_back(word(i));
    if (i >= distance) texts.push_back(word(i - distance));
  }
  return texts;
}

// The intern hash as first written (std::memcpy of the tail into a zeroed word): the
// hash must not change, because snapshots store it.
std::uint64_t reference_hash(std::string_view text) {
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

}  // namespace

TEST_CASE("the intern hash is the one snapshots were written with, at every length", "[graph]") {
  CHECK(intern_hash("") == 0x25fc6dd36ce04b20ULL);
  CHECK(intern_hash("a") == 0x270aeb36a95726cfULL);
  CHECK(intern_hash("fan-1085620-z") == 0x9a9546c1762b2165ULL);
  CHECK(intern_hash("a much longer fan id of forty-one bytes!!") == 0x37ac58e2a534d4a5ULL);
  std::string bytes;
  for (int i = 0; i < 64; ++i) bytes.push_back(static_cast<char>(i * 37 + 200));  // high bytes too
  for (std::size_t begin = 0; begin < 8; ++begin)
    for (std::size_t size = 0; begin + size <= bytes.size(); ++size) {
      const std::string_view text(bytes.data() + begin, size);
      REQUIRE(intern_hash(text) == reference_hash(text));
    }
}

TEST_CASE("a batch repeating ids closer than, at and beyond its prefetch distance matches intern()",
          "[graph]") {
  for (std::size_t distance : {1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 40, 100}) {
    INFO("distance " << distance);
    check_batches(repeats_at(distance, 3000), {8192});
  }
  // The same id many times running, and two ids alternating.
  std::vector<std::string> runs(50, "x-y");
  for (int i = 0; i < 50; ++i) runs.push_back(i % 2 ? "p-q" : "r-s");
  check_batches(runs, {8192});
}

TEST_CASE("batches shorter than the prefetch distance, and of every size up to beyond it, match intern()",
          "[graph]") {
  const auto texts = repeats_at(5, 20'000);
  check_batches(texts, {1});
  check_batches(texts, {2, 3, 5, 8});
  std::vector<std::size_t> sizes;
  for (std::size_t size = 1; size <= 70; ++size) sizes.push_back(size);
  check_batches(texts, sizes);  // the table grows at many different points between batches
}

TEST_CASE("a first batch into an empty interner and batches that grow the table match intern()",
          "[graph]") {
  // 100,000 distinct ids then all of them again, shuffled, in batches of 8192: the table
  // grows from 16 slots before the first batch and again before several others.
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < 100'000; ++i) texts.push_back(word(i * 7919 % 100'003));
  std::vector<std::string> again(texts);
  std::uint64_t state = 11;
  for (std::size_t i = again.size() - 1; i > 0; --i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    std::swap(again[i], again[(state >> 33) % (i + 1)]);
  }
  texts.insert(texts.end(), again.begin(), again.end());
  check_batches(texts, {8192});
  check_batches(texts, {8192, 1, 31, 4097});
}

TEST_CASE("empty, one-byte, long and nearly equal ids are told apart in a batch", "[graph]") {
  std::vector<std::string> texts{"", "a", "", "b", std::string(1, '\0'), std::string(2, '\0'), ""};
  const std::string long_prefix(45, 'L');
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 40; ++i) {
      texts.push_back(long_prefix + std::to_string(i));         // differ only at the end
      texts.push_back(std::to_string(i) + long_prefix);         // differ only at the start
      texts.push_back(std::string(static_cast<std::size_t>(i), 'k'));  // every length 0-39
      texts.push_back(std::string(static_cast<std::size_t>(i), 'k') + "\xe5\xbf\xab");  // UTF-8 tail
    }
  check_batches(texts, {8192});
  check_batches(texts, {3, 17});
}

TEST_CASE("different ids whose slot fingerprints and home slots are equal are told apart in a batch",
          "[graph]") {
  // Pairs of ids that share the 32 hash bits a slot keeps and the 4 low bits that place
  // it in a table of 16 slots (about 16 such pairs among 1.5 M ids): interned alone, the
  // second of a pair lands right after the first, so a guess from the fingerprint alone
  // would take the first's id.
  constexpr std::uint64_t kKey = 0xFFFFFFFF0000000FULL;
  std::vector<std::pair<std::uint64_t, std::size_t>> keys;
  for (std::size_t i = 0; i < 1'500'000; ++i) keys.emplace_back(intern_hash(word(i)) & kKey, i);
  std::ranges::sort(keys);
  std::vector<std::string> all;
  for (std::size_t k = 1; k < keys.size(); ++k) {
    if (keys[k].first != keys[k - 1].first) continue;
    const auto a = word(keys[k - 1].second), b = word(keys[k].second);
    check_batches({a, b, a, b, b, a}, {8192});
    check_batches({a, b, a, b, b, a}, {1});
    for (const auto& text : {a, b, a, b, b, a}) all.push_back(text);
  }
  REQUIRE(all.size() >= 6 * 5);
  // All pairs together, with fillers in between that put some repeats within the
  // prefetch distance and some beyond it.
  std::vector<std::string> mixed;
  for (std::size_t i = 0; i < all.size(); ++i) {
    mixed.push_back(all[i]);
    for (std::size_t f = 0; f < i % 30; ++f) mixed.push_back("filler-" + std::to_string(i * 31 + f));
  }
  check_batches(all, {8192});
  check_batches(mixed, {8192});
}

TEST_CASE("a batch of words in which numbered ids appear after the prefix is chosen matches intern()",
          "[graph]") {
  // The first text is a word, so the batch takes the hashed path; "f12" chooses the
  // prefix "f" in mid-batch, after which numbered ids go to the array, numbers too far
  // out to the table, and words stay in the table.
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < 30; ++i) texts.push_back(word(i));
  texts.push_back("f12");
  for (std::size_t i = 0; i < 5000; ++i) {
    switch (i % 5) {
      case 0: texts.push_back("f" + std::to_string(i % 700)); break;
      case 1: texts.push_back(word(i % 900)); break;
      case 2: texts.push_back("f" + std::to_string(900'000'000 + i % 300)); break;  // far out
      case 3: texts.push_back("f0" + std::to_string(i % 50)); break;  // not canonical: a word
      default: texts.push_back("g" + std::to_string(i % 400)); break;
    }
  }
  check_batches(texts, {8192});
  check_batches(texts, {7, 300});
}
