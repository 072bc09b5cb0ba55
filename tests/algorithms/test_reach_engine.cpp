// One reach engine: the planning oracle, reach() and per-host reach read the same kernels
// and the same declared model, so for the same set of hosts they give the same numbers.
// Each is checked against reach() (itself checked against brute force in test_reach.cpp)
// and per-host reach against the std::set reference.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <random>

#include "algorithms/plan_oracle.hpp"
#include "algorithms/random_follow_network.hpp"
#include "algorithms/reach.hpp"
#include "algorithms/reached_fans.hpp"
#include "graph/errors.hpp"

using namespace castgraph;
using castgraph::testing::random_network;
using castgraph::testing::RandomNetworkShape;
using castgraph::testing::reference_host_fans;
using castgraph::testing::reference_people;

namespace {

std::uint64_t rounded(double people) { return static_cast<std::uint64_t>(std::llround(people)); }

// A random non-empty subset of the hosts in random order.
std::vector<NodeId> random_hosts(const Network& network, std::uint64_t seed) {
  std::vector<NodeId> hosts(network.broadcasters.size());
  std::iota(hosts.begin(), hosts.end(), NodeId{0});
  std::mt19937_64 rng(seed);
  std::shuffle(hosts.begin(), hosts.end(), rng);
  hosts.resize(1 + seed % hosts.size());
  return hosts;
}

// Grows an oracle over `hosts` one host at a time; after each, its value (and the gain it
// promised) must be reach() of the hosts added so far, by the same method and filters.
void check_oracle_against_reach(const Network& network, const std::vector<NodeId>& hosts,
                                const OracleOptions& oracle_options) {
  const auto oracle = make_reach_oracle(network, hosts, oracle_options);
  ReachOptions reach_options;
  reach_options.method = oracle_options.method;
  reach_options.platform = oracle_options.platform;
  reach_options.region = oracle_options.region;
  reach_options.sketch_precision = oracle_options.sketch_precision;
  std::vector<NodeId> added;
  for (NodeId host : hosts) {
    const double before = oracle->value();
    const double gain = oracle->gain(host);
    CHECK(oracle->value() == before);
    const double added_people = oracle->add(host);
    CHECK(added_people == Approx(gain).margin(1e-6));
    added.push_back(host);
    const ReachResult expected = reach(network, added, reach_options);
    // The declared model's market is the largest population among the platforms its
    // hosts are on: the oracle's spans every candidate, so it matches the whole set only.
    if (oracle_options.method == ReachMethod::declared && added.size() < hosts.size()) continue;
    INFO(added.size() << " of " << hosts.size() << " hosts added");
    CHECK(rounded(oracle->value()) == expected.unique_reach);
  }
  oracle->clear();
  CHECK(oracle->value() == 0);
}

}  // namespace

TEST_CASE("the planning oracle's reach of a set is reach() of that set, for every method") {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    RandomNetworkShape shape;
    shape.weighted = seed % 3 != 0;
    shape.fans = 100 + static_cast<int>(seed) * 30;
    const Network network = random_network(seed, shape);
    const std::vector<NodeId> hosts = random_hosts(network, seed);
    INFO("seed " << seed << ", " << hosts.size() << " hosts");
    for (ReachMethod method : {ReachMethod::exact, ReachMethod::sketch, ReachMethod::declared}) {
      INFO("method " << to_string(method));
      OracleOptions options;
      options.method = method;
      check_oracle_against_reach(network, hosts, options);
      options.platform = static_cast<NodeId>(seed % 3);
      check_oracle_against_reach(network, hosts, options);
      if (method == ReachMethod::declared) continue;  // declared counts have no provinces
      options.region = "吉林";
      check_oracle_against_reach(network, hosts, options);
    }
  }
}

TEST_CASE("each host's own reach is the brute-force count and reach()'s per-host reach") {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    RandomNetworkShape shape;
    shape.weighted = seed % 2 == 0;
    const Network network = random_network(seed, shape);
    std::vector<NodeId> everyone(network.broadcasters.size());
    std::iota(everyone.begin(), everyone.end(), NodeId{0});
    const std::vector<std::uint64_t> own = per_host_reach(network);
    const auto sets = reference_host_fans(network, everyone);
    const ReachResult all = reach(network, everyone);
    REQUIRE(own.size() == everyone.size());
    for (NodeId h : everyone) {
      INFO("seed " << seed << ", host " << h);
      CHECK(own[h] == reference_people(network, sets[h]));
      CHECK(own[h] == all.per_host[h].reach);
    }
  }
}

TEST_CASE("reach and planning resolve the method alike and name the query when they refuse") {
  RandomNetworkShape shape;
  shape.fans = 0;
  const Network declared_only = random_network(3, shape);
  const Network with_follows = random_network(3);
  CHECK(resolve_reach_method(with_follows, ReachMethod::automatic, ReachQuery::reach) ==
        ReachMethod::exact);
  CHECK(resolve_reach_method(declared_only, ReachMethod::automatic, ReachQuery::planning) ==
        ReachMethod::declared);
  CHECK(resolve_reach_method(declared_only, ReachMethod::sketch, ReachQuery::reach, true) ==
        ReachMethod::sketch);
  CHECK_THROWS_WITH(resolve_reach_method(declared_only, ReachMethod::sketch, ReachQuery::reach),
                    Catch::StartsWith("sketched reach needs follows"));
  CHECK_THROWS_WITH(resolve_reach_method(declared_only, ReachMethod::sketch, ReachQuery::planning),
                    Catch::StartsWith("sketch planning needs follows"));
  CHECK_THROWS_WITH(resolve_reach_method(declared_only, ReachMethod::exact, ReachQuery::planning),
                    Catch::StartsWith("exact planning needs follows"));
  const std::vector<NodeId> hosts{0, 1};
  ReachOptions exact;
  exact.method = ReachMethod::exact;
  CHECK_THROWS_AS(reach(declared_only, hosts, exact), UsageError);
  OracleOptions planning;
  planning.method = ReachMethod::exact;
  CHECK_THROWS_AS(make_reach_oracle(declared_only, hosts, planning), UsageError);
}
