#include <catch2/catch.hpp>
#include <cmath>

#include "graph/network_builder.hpp"

using namespace castgraph;

//   douyin      kuaishou
//     |  \         |
//    fb0  fb1     fb2          fb = fanbase; h0 owns fb0 and fb2, h1 owns fb1
//   /  \    \     / \ .
//  a    b    b   a   c         fans a, b, c (b weighs 10)
TEST_CASE("the builder makes both directions of every relation", "[graph]") {
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("dy", "抖音", 700);
  const NodeId kuaishou = *builder.add_platform("ks", "快手");
  const NodeId base = *builder.add_base("sy", "沈阳基地", "辽宁", "沈阳", "mcn");
  const NodeId h0 = *builder.add_broadcaster("h0", "李佳", base, "辽宁", "influencer", 100);
  const NodeId h1 = *builder.add_broadcaster("h1", "王明");
  const NodeId fb0 = *builder.add_fanbase(h0, douyin, 500);
  const NodeId fb1 = *builder.add_fanbase(h1, douyin, 20);
  const NodeId fb2 = *builder.add_fanbase(h0, kuaishou, 7);
  CHECK_FALSE(builder.add_fanbase(h0, douyin, 1).has_value());  // one fanbase per platform
  builder.add_fan("b", 10, "辽宁");
  const NodeId a = builder.intern_fan("a"), b = builder.intern_fan("b"),
               c = builder.intern_fan("c");
  for (auto [fan, fanbase] : {std::pair{a, fb0}, {b, fb0}, {b, fb1}, {a, fb2}, {c, fb2}, {a, fb0}})
    builder.add_follow(fan, fanbase);
  CHECK(builder.add_collab(h0, h1, 2));
  CHECK(builder.add_collab(h1, h0, 3));
  CHECK_FALSE(builder.add_collab(h1, h1));
  const Network network = std::move(builder).finish();

  CHECK(network.follow_count() == 5);  // the repeated a -> fb0 collapsed
  CHECK(network.relations.followers.neighbours(fb0).size() == 2);
  CHECK(network.relations.follows.neighbours(a).size() == 2);
  CHECK(network.relations.owns.neighbours(h0).size() == 2);
  CHECK(network.relations.platform_fanbases.neighbours(douyin).size() == 2);
  CHECK(network.relations.base_members.neighbours(base).size() == 1);
  CHECK(network.collab_count() == 1);
  REQUIRE(network.relations.collab.neighbours(h0).size() == 1);
  CHECK(network.relations.collab_weight[0] == 5.0);  // 2 + 3, both directions

  CHECK(network.fans.weight(b) == 10);
  CHECK(network.fans.weight(c) == 1);
  CHECK(network.fans.province[b] == "辽宁");
  CHECK(network.fans.province[a].empty());
  CHECK(people(network) == 12);
  CHECK(declared_fans(network, h0) == 507);
  CHECK(declared_fans(network, h0, kuaishou) == 7);
  CHECK(declared_fans_total(network) == 527);
  CHECK(network.platforms.population[kuaishou] == kUnknownCount);
  CHECK(std::isnan(network.broadcasters.fee[h1]));
  CHECK(network.broadcasters.base[h1] == kNoNode);
  CHECK(network.bases.city[base] == "沈阳");
  CHECK(find_broadcasters(network, "王明") == std::vector<NodeId>{h1});
  CHECK(find_broadcasters(network, "h0") == std::vector<NodeId>{h0});
  CHECK(find_platform(network, "快手") == kuaishou);
  CHECK(network.fanbases.platform[fb1] == douyin);
}

TEST_CASE("sums of declared fans saturate instead of wrapping around", "[graph]") {
  NetworkBuilder builder;
  const NodeId p = *builder.add_platform("p", "p");
  const NodeId q = *builder.add_platform("q", "q");
  const NodeId h = *builder.add_broadcaster("h", "h");
  builder.add_fanbase(h, p, std::uint64_t{1} << 63);
  builder.add_fanbase(h, q, std::uint64_t{1} << 63);
  const Network network = std::move(builder).finish();
  CHECK(declared_fans(network, h) == std::numeric_limits<std::uint64_t>::max());
}

TEST_CASE("duplicate ids within a kind are refused, the same id in two kinds is not", "[graph]") {
  NetworkBuilder builder;
  CHECK(builder.add_platform("x", "X").has_value());
  CHECK_FALSE(builder.add_platform("x", "again").has_value());
  CHECK(builder.add_base("x", "a base called x").has_value());
  CHECK(builder.add_broadcaster("x", "a host called x").has_value());
  CHECK(builder.add_fan("x").has_value());
  CHECK_FALSE(builder.add_fan("x").has_value());
}
