#include <catch2/catch.hpp>

#include "algorithms/reach.hpp"
#include "algorithms/reach_declared.hpp"
#include "graph/errors.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;

namespace {

// douyin N=1000: h1 100, h2 200.   kuaishou N=500: h1 50, h3 100.   momo: no population.
Network declared_network() {
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("douyin", "抖音", 1000);
  const NodeId kuaishou = *builder.add_platform("kuaishou", "快手", 500);
  const NodeId momo = *builder.add_platform("momo", "陌陌");
  const NodeId h1 = *builder.add_broadcaster("h1", "李佳");
  const NodeId h2 = *builder.add_broadcaster("h2", "王小明");
  const NodeId h3 = *builder.add_broadcaster("h3", "张三丰");
  const NodeId h4 = *builder.add_broadcaster("h4", "孙悟空");
  builder.add_fanbase(h1, douyin, 100);
  builder.add_fanbase(h1, kuaishou, 50);
  builder.add_fanbase(h2, douyin, 200);
  builder.add_fanbase(h3, kuaishou, 100);
  builder.add_fanbase(h4, momo, 30);
  return std::move(builder).finish();
}

DeclaredReach declared_model(const Network& network, std::vector<NodeId> hosts,
                             std::optional<NodeId> platform = {}) {
  return reach_declared(network, make_host_set(network, hosts, platform));
}

}  // namespace

TEST_CASE("one platform: the random duplication formula N(1 - Π(1 - f/N))") {
  const Network network = declared_network();
  // h1 and h2 on douyin: 1000 · (1 − 0.9 · 0.8) = 280.
  const DeclaredReach douyin = declared_model(network, {0, 1}, NodeId{0});
  CHECK(douyin.unique == Approx(280));
  CHECK(douyin.per_host[0] == Approx(100));
  CHECK(douyin.per_host[1] == Approx(200));
  // Exactly one: 1000 · (0.1 · 0.8 + 0.9 · 0.2) = 260; both: 1000 · 0.1 · 0.2 = 20.
  CHECK(douyin.frequency[0] == Approx(260));
  CHECK(douyin.frequency[1] == Approx(20));
  CHECK(douyin.frequency[2] == Approx(0).margin(1e-9));
  CHECK(douyin.exclusive[0] == Approx(80));   // 1000 · 0.1 · 0.8
  CHECK(douyin.exclusive[1] == Approx(180));  // 1000 · 0.9 · 0.2
}

TEST_CASE("three hosts on one platform: 3+ frequency by hand") {
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("douyin", "抖音", 100);
  for (int h = 0; h < 3; ++h)
    builder.add_fanbase(*builder.add_broadcaster("h" + std::to_string(h), "主播"), douyin, 50);
  const Network network = std::move(builder).finish();
  const DeclaredReach result = declared_model(network, {0, 1, 2});
  CHECK(result.unique == Approx(87.5));        // 100 · (1 − 0.5³)
  CHECK(result.frequency[0] == Approx(37.5));  // 3 · 0.5³ · 100
  CHECK(result.frequency[1] == Approx(37.5));
  CHECK(result.frequency[2] == Approx(12.5));
  CHECK(result.exclusive[0] == Approx(12.5));
}

TEST_CASE("two platforms combine as independent over the larger population") {
  const Network network = declared_network();
  // Douyin: R = 100 (h1).  Kuaishou: R = 500 · (1 − 0.9 · 0.8) = 140 (h1 50, h3 100).
  // Market U = 1000: unique = 1000 · (1 − (1 − 0.1) · (1 − 0.14)) = 226.
  const DeclaredReach result = declared_model(network, {0, 2});
  CHECK(result.universe == Approx(1000));
  CHECK(result.platforms == 2);
  CHECK(result.unique == Approx(226));
  // h1 alone: 1000 · (1 − (1 − 100/1000) · (1 − 50/1000)) = 145; h3: 100.
  CHECK(result.per_host[0] == Approx(145));
  CHECK(result.per_host[1] == Approx(100));
  // Frequencies add up to the unique reach, and 1·f1 + 2·f2 to the gross.
  CHECK(result.frequency[0] + result.frequency[1] + result.frequency[2] == Approx(226));
  CHECK(result.frequency[0] + 2 * result.frequency[1] == Approx(245));
  // Exclusive = unique − reach of the others.
  CHECK(result.exclusive[0] == Approx(226 - 100));
  CHECK(result.exclusive[1] == Approx(226 - 145));
}

TEST_CASE("the declared model refuses a platform without population, and regions") {
  const Network network = declared_network();
  CHECK_THROWS_AS(declared_model(network, {3}), UsageError);
  CHECK_THROWS_WITH(declared_model(network, {0, 3}), Catch::Contains("population"));
  ReachOptions region;
  region.method = ReachMethod::declared;
  region.region = "辽宁";
  CHECK_THROWS_AS(reach(network, std::vector<NodeId>{0}, region), UsageError);
}

TEST_CASE("declared fans above the population are capped at the population") {
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("douyin", "抖音", 100);
  builder.add_fanbase(*builder.add_broadcaster("h1", "李佳"), douyin, 250);
  builder.add_fanbase(*builder.add_broadcaster("h2", "王小明"), douyin, 10);
  const Network network = std::move(builder).finish();
  const DeclaredReach result = declared_model(network, {0, 1});
  CHECK(result.unique == Approx(100));
  CHECK(result.exclusive[1] == Approx(0).margin(1e-9));
}

TEST_CASE("reach --method declared reports the model through the public entry") {
  const Network network = declared_network();
  ReachOptions options;
  options.method = ReachMethod::declared;
  const ReachResult result = reach(network, std::vector<NodeId>{0, 1}, options);
  CHECK(result.method == ReachMethod::declared);
  CHECK(result.model_estimate);
  // douyin 1000·(1 − 0.9·0.8) = 280; kuaishou 50; combined 1000·(1 − 0.72·0.95) = 316.
  CHECK(result.unique_reach == 316);
  CHECK(result.gross_reach == 145 + 200);
}
