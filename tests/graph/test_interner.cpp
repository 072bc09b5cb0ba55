#include <catch2/catch.hpp>
#include <string>

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
