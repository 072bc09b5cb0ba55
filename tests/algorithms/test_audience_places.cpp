#include <catch2/catch.hpp>

#include "algorithms/audience_places.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;

TEST_CASE("a host's audience provinces, each person once, weighed, largest first") {
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("douyin", "抖音");
  const NodeId kuaishou = *builder.add_platform("kuaishou", "快手");
  const NodeId h1 = *builder.add_broadcaster("h1", "甲");
  const NodeId h2 = *builder.add_broadcaster("h2", "乙");
  builder.add_broadcaster("h3", "丙");  // no follows
  const NodeId d1 = *builder.add_fanbase(h1, douyin, 10);
  const NodeId k1 = *builder.add_fanbase(h1, kuaishou, 10);
  const NodeId d2 = *builder.add_fanbase(h2, douyin, 10);
  const NodeId a = *builder.add_fan("a", 3, "辽宁", "沈阳");
  const NodeId b = *builder.add_fan("b", 1, "吉林", "长春");
  const NodeId c = *builder.add_fan("c", 1, "", "");
  const NodeId d = *builder.add_fan("d", 2, "黑龙江", "");
  const NodeId e = *builder.add_fan("e", 1, "内蒙古", "");
  // h1: a (on both platforms, once), b, c, d, e = 3 + 1 + 1 + 2 + 1 = 8 people.
  for (NodeId fan : {a, b, c, d, e}) builder.add_follow(fan, d1);
  builder.add_follow(a, k1);
  builder.add_follow(b, d2);
  const Network network = std::move(builder).finish();

  const auto places = audience_provinces(network);
  REQUIRE(places.size() == 3);
  REQUIRE(places[0].size() == 3);
  CHECK(places[0][0].place == "辽宁");
  CHECK(places[0][0].people == 3);
  CHECK(places[0][0].share == Approx(3.0 / 8));
  CHECK(places[0][1].place == "黑龙江");
  CHECK(places[0][1].share == Approx(2.0 / 8));
  // 吉林, 内蒙古 and unknown tie at 1; by name, 内蒙古 (U+5185) sorts before 吉林 (U+5409).
  CHECK(places[0][2].place == "内蒙古");
  REQUIRE(places[1].size() == 1);
  CHECK(places[1][0].place == "吉林");
  CHECK(places[1][0].share == Approx(1.0));
  CHECK(places[2].empty());

  const auto all = audience_provinces(network, 10);
  REQUIRE(all[0].size() == 5);
  CHECK(all[0][4].place == "unknown");
}
