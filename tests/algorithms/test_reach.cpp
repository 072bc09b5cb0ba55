#include <catch2/catch.hpp>

#include <array>
#include <map>
#include <numeric>
#include <random>

#include "algorithms/random_follow_network.hpp"
#include "algorithms/reach.hpp"
#include "graph/errors.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;
using castgraph::testing::random_network;
using castgraph::testing::RandomNetworkShape;
using castgraph::testing::reference_host_fans;
using castgraph::testing::reference_people;

namespace {

//   douyin (N 1000)            kuaishou (N 500)
//   fb0 [h1]   fb2 [h2]        fb1 [h1]   fb3 [h3]  (h3: nobody follows)
//    |  \      /  |             |    \   (d follows h1 only)
//    a   b(10)    c             a     d(2)
//
// a follows h1 on both platforms: one person for h1.
Network drawn_network() {
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("douyin", "抖音", 1000);
  const NodeId kuaishou = *builder.add_platform("kuaishou", "快手", 500);
  const NodeId h1 = *builder.add_broadcaster("h1", "李佳");
  const NodeId h2 = *builder.add_broadcaster("h2", "王小明");
  const NodeId h3 = *builder.add_broadcaster("h3", "张三丰");
  const NodeId fb0 = *builder.add_fanbase(h1, douyin, 100);
  const NodeId fb1 = *builder.add_fanbase(h1, kuaishou, 50);
  const NodeId fb2 = *builder.add_fanbase(h2, douyin, 200);
  builder.add_fanbase(h3, kuaishou, 100);
  const NodeId a = *builder.add_fan("a", 1, "辽宁");
  const NodeId b = *builder.add_fan("b", 10, "吉林");
  const NodeId c = *builder.add_fan("c", 1, "辽宁");
  const NodeId d = *builder.add_fan("d", 2, "辽宁");
  builder.add_follow(a, fb0);
  builder.add_follow(a, fb1);
  builder.add_follow(b, fb0);
  builder.add_follow(b, fb2);
  builder.add_follow(c, fb2);
  builder.add_follow(d, fb1);
  return std::move(builder).finish();
}

constexpr std::array kStrategies{ExactStrategy::bitset, ExactStrategy::planes,
                                 ExactStrategy::automatic};

void check_against_reference(const Network& network, const std::vector<NodeId>& hosts,
                             const ReachOptions& options, std::string_view province) {
  const auto sets = reference_host_fans(network, hosts, options.platform, province);
  std::map<NodeId, int> hosts_per_fan;
  std::uint64_t gross = 0;
  for (const auto& fans : sets) {
    gross += reference_people(network, fans);
    for (NodeId fan : fans) ++hosts_per_fan[fan];
  }
  std::uint64_t unique = 0;
  std::array<std::uint64_t, 3> frequency{};
  for (auto [fan, count] : hosts_per_fan) {
    unique += network.fans.weight(fan);
    frequency[std::min(count, 3) - 1] += network.fans.weight(fan);
  }
  const ReachResult result = reach(network, hosts, options);
  CHECK(result.method == ReachMethod::exact);
  CHECK(result.unique_reach == unique);
  CHECK(result.gross_reach == gross);
  REQUIRE(result.frequency);
  CHECK(*result.frequency == frequency);
  REQUIRE(result.per_host.size() == hosts.size());
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    std::uint64_t exclusive = 0;
    for (NodeId fan : sets[i])
      if (hosts_per_fan[fan] == 1) exclusive += network.fans.weight(fan);
    CHECK(result.per_host[i].host == hosts[i]);
    CHECK(result.per_host[i].reach == reference_people(network, sets[i]));
    CHECK(result.per_host[i].exclusive == exclusive);
  }
}

}  // namespace

TEST_CASE("exact reach of the drawn network counts each person once") {
  const Network network = drawn_network();
  const std::vector<NodeId> hosts{0, 1, 2};
  for (ExactStrategy strategy : kStrategies) {
    ReachOptions options;
    options.exact_strategy = strategy;
    const ReachResult result = reach(network, hosts, options);
    CHECK(result.unique_reach == 14);  // a 1 + b 10 + c 1 + d 2
    CHECK(result.gross_reach == 24);   // h1 13, h2 11, h3 0
    CHECK(result.duplication == Approx(24.0 / 14.0));
    CHECK(*result.frequency == std::array<std::uint64_t, 3>{4, 10, 0});
    CHECK(result.per_host[0].reach == 13);
    CHECK(result.per_host[0].exclusive == 3);  // a and d
    CHECK(result.per_host[1].reach == 11);
    CHECK(result.per_host[1].exclusive == 1);  // c
    CHECK(result.per_host[2].reach == 0);
    CHECK(result.per_host[0].share == Approx(13.0 / 14.0));
  }
}

TEST_CASE("a host with no followers adds nothing to reach") {
  const Network network = drawn_network();
  const std::vector<NodeId> alone{0}, with_empty{0, 2};
  CHECK(reach(network, alone).unique_reach == reach(network, with_empty).unique_reach);
  CHECK(reach(network, std::vector<NodeId>{2}).unique_reach == 0);
  CHECK(reach(network, std::vector<NodeId>{2}).duplication == 0);
}

TEST_CASE("the platform and region filters keep only matching fanbases and fans") {
  const Network network = drawn_network();
  const std::vector<NodeId> hosts{0, 1};
  ReachOptions douyin;
  douyin.platform = 0;
  CHECK(reach(network, hosts, douyin).unique_reach == 12);  // a, b, c
  ReachOptions liaoning;
  liaoning.region = "辽宁";
  CHECK(reach(network, hosts, liaoning).unique_reach == 4);  // a, c, d
  liaoning.region = "广东";
  CHECK_THROWS_AS(reach(network, hosts, liaoning), UsageError);
}

TEST_CASE("exact reach matches a brute-force set union on random networks") {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    RandomNetworkShape shape;
    shape.weighted = seed % 3 != 0;
    shape.fans = 50 + static_cast<int>(seed) * 20;
    const Network network = random_network(seed, shape);
    std::mt19937_64 rng(seed);
    std::vector<NodeId> hosts(network.broadcasters.size());
    std::iota(hosts.begin(), hosts.end(), 0);
    std::shuffle(hosts.begin(), hosts.end(), rng);
    hosts.resize(1 + seed % hosts.size());
    INFO("seed " << seed << ", " << hosts.size() << " hosts");
    for (ExactStrategy strategy : kStrategies) {
      ReachOptions options;
      options.exact_strategy = strategy;
      check_against_reference(network, hosts, options, "");
      options.platform = static_cast<NodeId>(seed % 3);
      check_against_reference(network, hosts, options, "");
      options.region = "吉林";
      check_against_reference(network, hosts, options, "吉林");
      options.platform.reset();
      check_against_reference(network, hosts, options, "吉林");
    }
  }
}

// More than 64 hosts take several mask words per fan, and more fans than one block of
// masks holds make the scan cross blocks (host_masks.hpp): both paths against the union.
TEST_CASE("exact reach of more than 64 hosts over many blocks matches the brute-force union") {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    RandomNetworkShape shape;
    shape.hosts = 130 + static_cast<int>(seed) * 20;
    shape.fans = 40'000;
    shape.max_follows_per_fan = 8;
    shape.weighted = seed != 2;
    const Network network = random_network(seed, shape);
    std::vector<NodeId> hosts(network.broadcasters.size());
    std::iota(hosts.begin(), hosts.end(), 0);
    std::shuffle(hosts.begin(), hosts.end(), std::mt19937_64(seed));
    INFO("seed " << seed << ", " << hosts.size() << " hosts");
    for (ExactStrategy strategy : kStrategies) {
      ReachOptions options;
      options.exact_strategy = strategy;
      check_against_reference(network, hosts, options, "");
      options.region = "黑龙江";
      check_against_reference(network, hosts, options, "黑龙江");
    }
  }
}

// The byte scan works in blocks of 2^18 fans with a table-driven path for unweighted,
// unfiltered queries (reach_exact.cpp): 300,000 fans make two blocks, the second one
// partial, and hosts 0 and 1 on two platforms use the "seen by this host" marks.
TEST_CASE("exact reach across several byte-scan blocks matches the brute-force union") {
  for (bool weighted : {false, true}) {
    RandomNetworkShape shape;
    shape.fans = 300'000;
    shape.weighted = weighted;
    const Network network = random_network(weighted ? 11 : 12, shape);
    std::vector<NodeId> hosts(network.broadcasters.size());
    std::iota(hosts.begin(), hosts.end(), 0);
    INFO((weighted ? "weighted" : "unweighted"));
    ReachOptions options;
    options.exact_strategy = ExactStrategy::bitset;
    check_against_reference(network, hosts, options, "");
    options.region = "辽宁";
    check_against_reference(network, hosts, options, "辽宁");
  }
}

TEST_CASE("a fan following a host on two platforms is one person for that host") {
  const Network network = random_network(7);
  const std::vector<NodeId> first{0};
  const auto reference = reference_host_fans(network, first);
  ReachOptions options;
  options.exact_strategy = ExactStrategy::bitset;
  CHECK(reach(network, first, options).unique_reach == reference_people(network, reference[0]));
  std::uint64_t on_both = 0;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    int of_host0 = 0;
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      of_host0 += network.fanbases.broadcaster[fanbase] == 0;
    on_both += of_host0 == 2;
  }
  CHECK(on_both > 0);  // the random network really has such fans
}

TEST_CASE("reach refuses hosts listed twice and exact reach without follows") {
  const Network network = drawn_network();
  CHECK_THROWS_AS(reach(network, std::vector<NodeId>{0, 0}), UsageError);
  CHECK_THROWS_AS(reach(network, std::vector<NodeId>{99}), UsageError);
  NetworkBuilder builder;
  const NodeId platform = *builder.add_platform("douyin", "抖音", 1000);
  builder.add_fanbase(*builder.add_broadcaster("h1", "李佳"), platform, 100);
  const Network declared_only = std::move(builder).finish();
  ReachOptions exact;
  exact.method = ReachMethod::exact;
  CHECK_THROWS_AS(reach(declared_only, std::vector<NodeId>{0}, exact), UsageError);
  const ReachResult automatic = reach(declared_only, std::vector<NodeId>{0});
  CHECK(automatic.method == ReachMethod::declared);
  CHECK(automatic.model_estimate);
  CHECK(automatic.unique_reach == 100);
}

TEST_CASE("sketched reach stays within a few standard errors of the exact count") {
  RandomNetworkShape shape;
  shape.fans = 20'000;
  shape.hosts = 20;
  for (std::uint64_t seed : {11, 12, 13}) {
    const Network network = random_network(seed, shape);
    std::vector<NodeId> hosts{0, 1, 2, 3, 4, 5, 6, 7};
    const ReachResult exact = reach(network, hosts);
    ReachOptions options;
    options.method = ReachMethod::sketch;
    options.sketch_precision = 12;
    const ReachResult sketch = reach(network, hosts, options);
    CHECK(sketch.method == ReachMethod::sketch);
    CHECK_FALSE(sketch.frequency);
    const double sigma = sketch.relative_error * static_cast<double>(exact.unique_reach);
    CHECK(std::abs(static_cast<double>(sketch.unique_reach) -
                   static_cast<double>(exact.unique_reach)) < 4 * sigma);
    for (std::size_t i = 0; i < hosts.size(); ++i) {
      const double host_sigma =
          sketch.relative_error * static_cast<double>(exact.per_host[i].reach) + 1;
      CHECK(std::abs(static_cast<double>(sketch.per_host[i].reach) -
                     static_cast<double>(exact.per_host[i].reach)) < 4 * host_sigma);
    }
    // Stored fanbase sketches give the same registers, hence the same answer.
    const FanbaseSketches stored = build_fanbase_sketches(network, 12);
    options.sketches = &stored;
    CHECK(reach(network, hosts, options).unique_reach == sketch.unique_reach);
  }
}

TEST_CASE("reach methods parse from their names") {
  CHECK(parse_reach_method("auto") == ReachMethod::automatic);
  CHECK(parse_reach_method("declared") == ReachMethod::declared);
  CHECK_THROWS_AS(parse_reach_method("guess"), UsageError);
}
