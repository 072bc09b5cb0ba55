// SeenIds against std::set (an independent exact set of strings): ids of the numbered
// shape and not, numbers far past the bit array (kept as text, then met again once the
// array has grown past them), non-canonical numbers ("f007") that must not be taken for
// their canonical twin.
#include <catch2/catch.hpp>
#include <deque>
#include <random>
#include <set>
#include <string>

#include "graph/seen_ids.hpp"

using castgraph::SeenIds;

TEST_CASE("SeenIds says whether an id was met, as a set of strings does", "[graph][seen_ids]") {
  std::mt19937 random(11);
  std::deque<std::string> texts;  // SeenIds keeps views of the texts that are not numbered
  SeenIds seen;
  std::set<std::string> reference;
  auto id = [&]() -> std::string {
    switch (random() % 8) {
      case 0:
        return "f0" + std::to_string(random() % 50);  // not canonical
      case 1:
        return "g" + std::to_string(random() % 50);  // another prefix
      case 2:
        return "f" + std::to_string(5000000 + random() % 3);  // far out, at first
      case 3:
        return std::to_string(random() % 50);  // digits alone
      default:
        return "f" + std::to_string(random() % 400000);
    }
  };
  std::size_t repeats = 0;
  for (int i = 0; i < 300000; ++i) {
    const std::string& text = texts.emplace_back(i == 0 ? "f1" : id());
    const bool inserted = reference.insert(text).second;
    repeats += !inserted;
    INFO(text);
    REQUIRE(seen.insert(text) == inserted);
  }
  CHECK(seen.size() == reference.size());
  CHECK(repeats > 1000);  // the check met many repeats, of every shape
}

TEST_CASE("SeenIds finds a repeat of a numbered id first kept as text", "[graph][seen_ids]") {
  std::deque<std::string> texts;
  SeenIds seen;
  CHECK(seen.insert(texts.emplace_back("f1")));
  CHECK(seen.insert(texts.emplace_back("f10000000")));  // past the bit array: kept as text
  bool all_new = true;  // enough ids for the bit array to grow past 10,000,000
  for (int i = 2; i < 12000000; i += 50)
    all_new = seen.insert(texts.emplace_back("f" + std::to_string(i))) && all_new;
  CHECK(all_new);
  CHECK_FALSE(seen.insert(texts.emplace_back("f10000000")));
  CHECK_FALSE(seen.insert(texts.emplace_back("f1")));
  CHECK(seen.insert(texts.emplace_back("f10000001")));
  CHECK_FALSE(seen.insert(texts.emplace_back("f10000001")));
}
