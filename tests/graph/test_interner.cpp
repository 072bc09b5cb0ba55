#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/interner.hpp"

using namespace castgraph;

TEST_CASE("interned ids are dense, in order of first appearance, and found again", "[graph]") {
  InternerBuilder builder;
  CHECK(builder.intern("douyin").id == 0);
  CHECK(builder.intern("快手").id == 1);
  const auto again = builder.intern("douyin");
  CHECK(again.id == 0);
  CHECK_FALSE(again.inserted);
  CHECK(builder.find("快手") == NodeId{1});
  CHECK_FALSE(builder.find("momo").has_value());

  const Interner frozen = std::move(builder).finish();
  CHECK(frozen.size() == 2);
  CHECK(frozen[1] == "快手");
  CHECK(frozen.find("douyin") == NodeId{0});
  CHECK_FALSE(frozen.find("").has_value());
}

TEST_CASE("the interner keeps a hundred thousand ids apart through many table growths", "[graph]") {
  InternerBuilder builder;
  for (int i = 0; i < 100'000; ++i) REQUIRE(builder.intern("fan" + std::to_string(i)).inserted);
  builder.intern("");  // the empty string is a valid key too
  const Interner frozen = std::move(builder).finish();
  for (int i = 0; i < 100'000; i += 997) {
    REQUIRE(frozen.find("fan" + std::to_string(i)) == static_cast<NodeId>(i));
    REQUIRE(frozen[static_cast<NodeId>(i)] == "fan" + std::to_string(i));
  }
  CHECK(frozen.find("") == NodeId{100'000});
  CHECK_FALSE(frozen.find("fan100000").has_value());
}

TEST_CASE("the intern hash is the same on every run and differs between close strings", "[graph]") {
  CHECK(intern_hash("h1") == intern_hash(std::string("h") + "1"));
  CHECK(intern_hash("h1") != intern_hash("h2"));
  CHECK(intern_hash("") != intern_hash(std::string_view("\0", 1)));
}

namespace {

// Ids of every kind the numbered fast path must tell apart: prefixed numbers, numbers
// too far out for the array, non-canonical numbers, other prefixes, plain words.
std::vector<std::string> mixed_ids(std::size_t count, unsigned seed) {
  std::vector<std::string> ids;
  std::uint64_t state = seed;
  auto next = [&] { return state = state * 6364136223846793005ULL + 1442695040888963407ULL; };
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t r = next() >> 33;
    switch (r % 8) {
      case 0:
        ids.push_back("f" + std::to_string(r % 999'999'999));
        break;  // far out
      case 1:
        ids.push_back("f0" + std::to_string(r % 100));
        break;  // leading zero
      case 2:
        ids.push_back("g" + std::to_string(r % 5000));
        break;  // another prefix
      case 3:
        ids.push_back("fan" + std::to_string(r % 1000));
        break;
      case 4:
        ids.push_back(std::to_string(r % 1000));
        break;  // no prefix
      default:
        ids.push_back("f" + std::to_string(r % 20000));
        break;  // dense
    }
  }
  return ids;
}

// The reference: first-appearance numbering through std::unordered_map.
std::vector<NodeId> reference_ids(const std::vector<std::string>& texts) {
  std::unordered_map<std::string, NodeId> known;
  std::vector<NodeId> ids;
  for (const auto& text : texts)
    ids.push_back(known.emplace(text, static_cast<NodeId>(known.size())).first->second);
  return ids;
}

}  // namespace

TEST_CASE("numbered ids, odd numbers and words get first-appearance ids like a plain map",
          "[graph]") {
  // "f7" comes first, so "f" is the prefix of the fast path; everything else must
  // still be told apart from it.
  std::vector<std::string> texts{"f7", "f", "f07", "f0", "f4294967296", "7"};
  const auto more = mixed_ids(60'000, 3);
  texts.insert(texts.end(), more.begin(), more.end());
  const auto expected = reference_ids(texts);

  InternerBuilder one_by_one;
  for (std::size_t i = 0; i < texts.size(); ++i)
    REQUIRE(one_by_one.intern(texts[i]).id == expected[i]);

  InternerBuilder batched;
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<NodeId> ids(texts.size());
  for (std::size_t begin = 0; begin < texts.size(); begin += 1000) {
    const std::size_t end = std::min(texts.size(), begin + 1000);
    batched.intern_batch(std::span(views).subspan(begin, end - begin),
                         std::span(ids).subspan(begin, end - begin));
  }
  REQUIRE(ids == expected);
  for (std::size_t i = 0; i < texts.size(); i += 7) REQUIRE(batched.find(texts[i]) == expected[i]);
  CHECK_FALSE(batched.find("f99999999").has_value());
  CHECK_FALSE(batched.find("f00").has_value());

  const Interner frozen = std::move(batched).finish();
  const Interner frozen_too = std::move(one_by_one).finish();
  CHECK(frozen.slots().span().size() == frozen_too.slots().span().size());
  CHECK(std::ranges::equal(frozen.slots().span(), frozen_too.slots().span()));
  for (std::size_t i = 0; i < texts.size(); i += 5) {
    REQUIRE(frozen.find(texts[i]) == expected[i]);
    REQUIRE(frozen[expected[i]] == texts[i]);
  }
  CHECK_FALSE(frozen.find("f99999999").has_value());
}

TEST_CASE("a batch whose first id is a word still routes later numbered ids to the array",
          "[graph]") {
  InternerBuilder builder;
  const std::vector<std::string_view> texts{"alice", "u1", "bob", "u2", "u1", "alice"};
  std::vector<NodeId> ids(texts.size());
  builder.intern_batch(texts, ids);
  CHECK(ids == std::vector<NodeId>{0, 1, 2, 3, 1, 0});
  CHECK(builder.intern("u2").id == 3);
  CHECK_FALSE(builder.intern("u2").inserted);
  CHECK(builder.find("u1") == NodeId{1});
  const Interner frozen = std::move(builder).finish();
  CHECK(frozen.find("u2") == NodeId{3});
  CHECK(frozen.find("bob") == NodeId{2});
}

// intern_batch's hashed path interns text i while it hashes and prefetches texts a few
// dozen ahead; the tests below hold it to intern() one by one (and to a plain map) where
// such a pipeline can go wrong: repeats closer than, at and beyond its distances,
// batches shorter than them, table growth between batches, the numbered prefix chosen
// in mid-batch, fingerprints that match for different strings, and the shortest and
// longest ids. The hash is pinned too, since snapshots store it.

namespace {

// Interns `texts` in batches of the given sizes (cycled) and checks every id against
// the map and against intern() one by one, then find() and the frozen interner.
void check_batches(const std::vector<std::string>& texts, const std::vector<std::size_t>& sizes) {
  const auto expected = reference_ids(texts);
  InternerBuilder one_by_one;
  for (std::size_t i = 0; i < texts.size(); ++i)
    REQUIRE(one_by_one.intern(texts[i]).id == expected[i]);

  InternerBuilder batched;
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<NodeId> ids(texts.size(), kNoNode);
  std::size_t begin = 0;
  for (std::size_t b = 0; begin < texts.size(); ++b) {
    const std::size_t size = std::min(sizes[b % sizes.size()], texts.size() - begin);
    batched.intern_batch(std::span(views).subspan(begin, size),
                         std::span(ids).subspan(begin, size));
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

TEST_CASE(
    "batches shorter than the prefetch distance, and of every size up to beyond it, match intern()",
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
      texts.push_back(long_prefix + std::to_string(i));                // differ only at the end
      texts.push_back(std::to_string(i) + long_prefix);                // differ only at the start
      texts.push_back(std::string(static_cast<std::size_t>(i), 'k'));  // every length 0-39
      texts.push_back(std::string(static_cast<std::size_t>(i), 'k') +
                      "\xe5\xbf\xab");  // UTF-8 tail
    }
  check_batches(texts, {8192});
  check_batches(texts, {3, 17});
}

TEST_CASE(
    "different ids whose slot fingerprints and home slots are equal are told apart in a batch",
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
    for (std::size_t f = 0; f < i % 30; ++f)
      mixed.push_back("filler-" + std::to_string(i * 31 + f));
  }
  check_batches(all, {8192});
  check_batches(mixed, {8192});
}

TEST_CASE(
    "a batch of words in which numbered ids appear after the prefix is chosen matches intern()",
    "[graph]") {
  // The first text is a word, so the batch takes the hashed path; "f12" chooses the
  // prefix "f" in mid-batch, after which numbered ids go to the array, numbers too far
  // out to the table, and words stay in the table.
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < 30; ++i) texts.push_back(word(i));
  texts.push_back("f12");
  for (std::size_t i = 0; i < 5000; ++i) {
    switch (i % 5) {
      case 0:
        texts.push_back("f" + std::to_string(i % 700));
        break;
      case 1:
        texts.push_back(word(i % 900));
        break;
      case 2:
        texts.push_back("f" + std::to_string(900'000'000 + i % 300));
        break;  // far out
      case 3:
        texts.push_back("f0" + std::to_string(i % 50));
        break;  // not canonical: a word
      default:
        texts.push_back("g" + std::to_string(i % 400));
        break;
    }
  }
  check_batches(texts, {8192});
  check_batches(texts, {7, 300});
}

TEST_CASE("an interner finished without its index keeps the ids and refuses look-ups", "[graph]") {
  InternerBuilder builder;
  builder.expect(4);
  for (const char* id : {"f3", "f1", "x", "f3"}) builder.intern(id);
  const Interner ids = std::move(builder).finish_unindexed();
  REQUIRE(ids.size() == 3);
  CHECK(ids[0] == "f3");
  CHECK(ids[1] == "f1");
  CHECK(ids[2] == "x");
  CHECK_FALSE(ids.indexed());
  CHECK_THROWS_AS(ids.find("f1"), std::logic_error);
  InternerBuilder indexed;
  indexed.intern("f1");
  CHECK(std::move(indexed).finish().find("f1") == NodeId{0});
}
