#include <catch2/catch.hpp>
#include <algorithm>
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
      case 0: ids.push_back("f" + std::to_string(r % 999'999'999)); break;  // far out
      case 1: ids.push_back("f0" + std::to_string(r % 100)); break;         // leading zero
      case 2: ids.push_back("g" + std::to_string(r % 5000)); break;         // another prefix
      case 3: ids.push_back("fan" + std::to_string(r % 1000)); break;
      case 4: ids.push_back(std::to_string(r % 1000)); break;              // no prefix
      default: ids.push_back("f" + std::to_string(r % 20000)); break;      // dense
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
  for (std::size_t i = 0; i < texts.size(); ++i) REQUIRE(one_by_one.intern(texts[i]).id == expected[i]);

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
