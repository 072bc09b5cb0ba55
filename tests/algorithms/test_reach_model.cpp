#include <catch2/catch.hpp>

#include <string>

#include "algorithms/reach.hpp"
#include "algorithms/reach_model.hpp"
#include "graph/errors.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;

namespace {

// Douyin, N = 1,000. Every host declares 100 fans, so random duplication expects
// 100·100/1000 = 10 shared people per pair.
//   a1, a2, a3: base sy (辽宁, ecommerce); a3 has no follows.
//   c1, c2:     no base, 吉林, ecommerce.
// Follows: a1 f1..f50, a2 f11..f60 (40 shared), c1 g1..g50 plus f1..f5, c2 g41..g90
// (10 shared with c1). So the fitted factors are, by hand:
//   same base+province+platform+kind (a1–a2): 40 / 10 = 4
//   same province+platform+kind (c1–c2):      10 / 10 = 1
//   same platform+kind (a_i–c_j, 4 pairs):     5 / 40 = 0.125
//   all pairs pooled:                         55 / 60
Network model_network() {
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("douyin", "抖音", 1000);
  const NodeId sy = *builder.add_base("sy", "沈阳基地", "辽宁", "沈阳", "ecommerce");
  auto host = [&](const char* id, NodeId base, const char* province) {
    const NodeId h = *builder.add_broadcaster(id, id, base, province, "ecommerce");
    return *builder.add_fanbase(h, douyin, 100);
  };
  const NodeId a1 = host("a1", sy, "辽宁"), a2 = host("a2", sy, "辽宁");
  host("a3", sy, "辽宁");
  const NodeId c1 = host("c1", kNoNode, "吉林"), c2 = host("c2", kNoNode, "吉林");
  auto follow = [&](const std::string& prefix, int from, int to, NodeId fanbase) {
    for (int i = from; i <= to; ++i) {
      builder.add_follow(builder.intern_fan(prefix + std::to_string(i)), fanbase);
    }
  };
  follow("f", 1, 50, a1);
  follow("f", 11, 60, a2);
  follow("g", 1, 50, c1);
  follow("f", 1, 5, c1);
  follow("g", 41, 90, c2);
  return std::move(builder).finish();
}

ModelReach model_reach(const Network& network, std::vector<NodeId> hosts) {
  return reach_model(network, make_host_set(network, hosts), 1);
}

constexpr unsigned kAll = kSameBase | kSameProvince | kSamePlatform | kSameKind;

}  // namespace

TEST_CASE("duplication factors are the observed shared people over random duplication") {
  const Network network = model_network();
  const DuplicationFit fit = fit_duplication(network, std::nullopt, 1);
  CHECK(fit.observed_hosts == 4);
  CHECK(fit.universe == 1000);
  CHECK(fit.pairs[kAll] == 1);
  CHECK(fit.factor[kAll] == Approx(4));
  CHECK(fit.factor[kSameProvince | kSamePlatform | kSameKind] == Approx(1));
  CHECK(fit.pairs[kSamePlatform | kSameKind] == 4);
  CHECK(fit.factor[kSamePlatform | kSameKind] == Approx(0.125));
  CHECK(fit.pooled == Approx(55.0 / 60));
  CHECK_FALSE(fit.fitted[kSameBase]);
  CHECK(fit.factor[kSameBase] == Approx(55.0 / 60));
  // With the default minimum of pairs per class, every class takes the pooled factor.
  const DuplicationFit strict = fit_duplication(network, std::nullopt);
  CHECK_FALSE(strict.fitted[kAll]);
  CHECK(strict.factor[kAll] == Approx(55.0 / 60));
}

TEST_CASE("a host without follows adds its declared fans less the fitted overlap") {
  const Network network = model_network();
  // a1 counted (50 people); a3 modelled: same everything as a1, factor 4, so a1 reaches
  // 4·100/1000 = 40% of a3's audience: 50 + 100·0.6 = 110.
  const ModelReach with_a1 = model_reach(network, {0, 2});
  CHECK(with_a1.from_follows == std::vector<bool>{true, false});
  CHECK(with_a1.unique == Approx(110));
  CHECK(with_a1.per_host[0] == Approx(50));
  CHECK(with_a1.per_host[1] == Approx(100));
  CHECK(with_a1.exclusive[0] == Approx(50 * 0.6));
  CHECK(with_a1.exclusive[1] == Approx(100 * 0.6));
  // c1 counted (55 people); a3 across provinces, factor 0.125: 55 + 100·(1 − 0.0125).
  const ModelReach with_c1 = model_reach(network, {3, 2});
  CHECK(with_c1.unique == Approx(55 + 98.75));
}

TEST_CASE("hosts that all have follows are counted exactly by the model method") {
  const Network network = model_network();
  ReachOptions exact;
  exact.method = ReachMethod::exact;
  ReachOptions modelled;
  modelled.method = ReachMethod::model;
  const std::vector<NodeId> hosts{0, 1, 3};
  const ReachResult counted = reach(network, hosts, exact);
  const ReachResult model_result = reach(network, hosts, modelled);
  CHECK(model_result.method == ReachMethod::model);
  CHECK(model_result.model_estimate);
  CHECK(model_result.unique_reach == counted.unique_reach);
  for (std::size_t h = 0; h < hosts.size(); ++h) {
    CHECK(model_result.per_host[h].reach == counted.per_host[h].reach);
    CHECK(model_result.per_host[h].exclusive == counted.per_host[h].exclusive);
  }
  REQUIRE(model_result.duplication_fit);
  CHECK(model_result.duplication_fit->observed_hosts == 4);
}

TEST_CASE("two modelled hosts reproduce the fitted pairwise overlap") {
  // b1, b2 have follows (200 and 100 declared, 30 people shared); m1, m2 have none. For
  // two modelled hosts the model gives F_i + F_j − d·F_i·F_j/U: the fitted pairwise overlap.
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("douyin", "抖音", 1000);
  const NodeId b1 = *builder.add_fanbase(*builder.add_broadcaster("b1", "甲"), douyin, 200);
  const NodeId b2 = *builder.add_fanbase(*builder.add_broadcaster("b2", "乙"), douyin, 100);
  builder.add_fanbase(*builder.add_broadcaster("m1", "丙"), douyin, 300);
  builder.add_fanbase(*builder.add_broadcaster("m2", "丁"), douyin, 100);
  for (int i = 0; i < 50; ++i) {
    std::string id = "x";
    id += std::to_string(i);  // not "x" + ...: GCC 12's false -Wstringop-overflow (bug 105329)
    const NodeId fan = builder.intern_fan(id);
    builder.add_follow(fan, b1);
    if (i < 30) builder.add_follow(fan, b2);
  }
  const Network network = std::move(builder).finish();
  // One observed pair: 30 shared against 200·100/1000 = 20 expected, d = 1.5.
  const ModelReach result =
      reach_model(network, make_host_set(network, std::vector<NodeId>{2, 3}), 1);
  CHECK(result.fit.pooled == Approx(1.5));
  CHECK(result.unique == Approx(300 + 100 - 1.5 * 300 * 100 / 1000));
}

TEST_CASE("the model refuses what it cannot answer") {
  const Network network = model_network();
  ReachOptions options;
  options.method = ReachMethod::model;
  options.region = "辽宁";
  const std::vector<NodeId> hosts{0};
  CHECK_THROWS_AS(reach(network, hosts, options), UsageError);

  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("douyin", "抖音", 1000);
  builder.add_fanbase(*builder.add_broadcaster("h", "无"), douyin, 10);
  const Network without_follows = std::move(builder).finish();
  ReachOptions model_only;
  model_only.method = ReachMethod::model;
  CHECK_THROWS_AS(reach(without_follows, hosts, model_only), UsageError);
  CHECK(parse_reach_method("model") == ReachMethod::model);
}
