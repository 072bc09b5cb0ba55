// Audience make-up (reach_breakdown) against a brute-force breakdown built from the
// fan -> fanbases side of the graph, on random networks with bases, kinds and cities.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "algorithms/cost_per_thousand.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/reach.hpp"
#include "algorithms/reach_breakdown.hpp"
#include "graph/errors.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;

namespace {

const std::vector<std::pair<std::string, std::string>> kPlaces{
    {"辽宁", "沈阳"}, {"辽宁", "大连"}, {"吉林", "长春"}, {"", ""}};

// 10 hosts in 3 bases (host 9 in none) of 2 kinds (host 8 of none) on 3 platforms; 400
// fans of weight 1-3 in four places (one unknown), each following 0-4 fanbases.
Network make_network(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&](int low, int high) { return std::uniform_int_distribution(low, high)(rng); };
  NetworkBuilder builder;
  for (int p = 0; p < 3; ++p)
    builder.add_platform("p" + std::to_string(p), "平台" + std::to_string(p), 100000);
  for (int b = 0; b < 3; ++b) builder.add_base("b" + std::to_string(b), "基地" + std::to_string(b));
  std::vector<NodeId> fanbases;
  for (int h = 0; h < 10; ++h) {
    const NodeId base = h == 9 ? kNoNode : static_cast<NodeId>(h % 3);
    const std::string kind = h == 8 ? "" : (h % 2 ? "factory" : "influencer");
    const NodeId host = *builder.add_broadcaster(
        "h" + std::to_string(h), "主播" + std::to_string(h), base, "", kind, 1000.0 * (h + 1));
    for (int p = 0; p < 3; ++p)
      if (p == h % 3 || uniform(0, 2) == 0)
        fanbases.push_back(*builder.add_fanbase(host, static_cast<NodeId>(p), 100));
  }
  for (int f = 0; f < 400; ++f) {
    const auto& [province, city] = kPlaces[static_cast<std::size_t>(uniform(0, 3))];
    const NodeId fan = *builder.add_fan("f" + std::to_string(f),
                                        static_cast<std::uint64_t>(uniform(1, 3)), province, city);
    for (int k = uniform(0, 4); k > 0; --k)
      builder.add_follow(
          fan,
          fanbases[static_cast<std::size_t>(uniform(0, static_cast<int>(fanbases.size()) - 1))]);
  }
  return std::move(builder).finish();
}

// Brute force: for every fan, walk its follows; a fan is in group g when one of its
// follows is a chosen host's fanbase that puts it in g.
std::map<std::string, std::uint64_t> reference(const Network& network,
                                               const std::vector<NodeId>& hosts, BreakdownBy by) {
  std::map<std::string, std::uint64_t> people;
  const std::set<NodeId> chosen(hosts.begin(), hosts.end());
  auto or_unknown = [](std::string_view label) {
    return label.empty() ? std::string("unknown") : std::string(label);
  };
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    std::set<std::string> groups;
    for (NodeId fanbase : network.relations.follows.neighbours(fan)) {
      const NodeId host = network.fanbases.broadcaster[fanbase];
      if (!chosen.contains(host)) continue;
      switch (by) {
        case BreakdownBy::province:
          groups.insert(or_unknown(network.fans.province[fan]));
          break;
        case BreakdownBy::city:
          groups.insert(or_unknown(network.fans.city[fan]));
          break;
        case BreakdownBy::platform:
          groups.insert(std::string(network.platforms.names[network.fanbases.platform[fanbase]]));
          break;
        case BreakdownBy::base: {
          const NodeId base = network.broadcasters.base[host];
          groups.insert(or_unknown(base == kNoNode ? "" : network.bases.names[base]));
          break;
        }
        case BreakdownBy::kind:
          groups.insert(or_unknown(network.broadcasters.kind[host]));
          break;
      }
    }
    for (const std::string& group : groups) people[group] += network.fans.weight(fan);
  }
  return people;
}

}  // namespace

TEST_CASE("reach broken down by place, platform, base and kind matches a brute-force count") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const Network network = make_network(seed);
    const std::vector<NodeId> hosts{0, 2, 3, 5, 8, 9};
    const ReachResult whole = reach(network, hosts);
    for (BreakdownBy by : {BreakdownBy::province, BreakdownBy::city, BreakdownBy::platform,
                           BreakdownBy::base, BreakdownBy::kind}) {
      INFO("seed " << seed << ", by " << to_string(by));
      const auto groups = reach_breakdown(network, hosts, {}, by, whole.unique_reach);
      std::map<std::string, std::uint64_t> found;
      for (const BreakdownGroup& group : groups) {
        found[group.group] = group.people;
        CHECK(group.share == Approx(double(group.people) / double(whole.unique_reach)));
      }
      CHECK(found == reference(network, hosts, by));
      for (std::size_t i = 1; i < groups.size(); ++i)
        CHECK(groups[i - 1].people >= groups[i].people);
      if (by == BreakdownBy::province || by == BreakdownBy::city) {
        std::uint64_t total = 0;
        for (const BreakdownGroup& group : groups) total += group.people;
        CHECK(total == whole.unique_reach);  // each person lives in one place
      }
    }
  }
}

TEST_CASE("a city filter keeps that city's fans, named with or without its suffix") {
  const Network network = make_network(3);
  const std::vector<NodeId> hosts{0, 1, 2, 3, 4};
  const auto by_city = reference(network, hosts, BreakdownBy::city);
  ReachOptions options;
  options.city = "沈阳市";
  CHECK(reach(network, hosts, options).unique_reach == by_city.at("沈阳"));
  options.region = "辽宁省";
  CHECK(reach(network, hosts, options).unique_reach == by_city.at("沈阳"));
  options.city = "";
  CHECK(reach(network, hosts, options).unique_reach ==
        reference(network, hosts, BreakdownBy::province).at("辽宁"));
  options.region = "吉林";
  options.city = "沈阳";
  CHECK_THROWS_AS(reach(network, hosts, options), UsageError);  // 沈阳 is not in 吉林
  options.region = "";
  options.city = "广州";
  CHECK_THROWS_AS(reach(network, hosts, options), UsageError);
}

TEST_CASE("place names match with or without their administrative suffix") {
  CHECK(place_stem("辽宁省") == "辽宁");
  CHECK(place_stem("沈阳市") == "沈阳");
  CHECK(place_stem("内蒙古自治区") == "内蒙古");
  CHECK(place_stem("新疆维吾尔自治区") == "新疆");
  CHECK(place_stem("香港特别行政区") == "香港");
  CHECK(place_stem("辽宁") == "辽宁");
  CHECK(place_stem("市") == "市");
}

TEST_CASE("cost per thousand people is the fees over the people reached, times 1,000") {
  const Network network = make_network(1);
  const std::vector<NodeId> hosts{0, 4};  // fees 1,000 and 5,000 yuan
  const CostPerThousand cost = cost_per_thousand(network, hosts, 300);
  CHECK(cost.fees == 6000.0);
  CHECK(cost.unknown_fees.empty());
  REQUIRE(cost.yuan_per_thousand);
  CHECK(*cost.yuan_per_thousand == Approx(20'000.0));
  CHECK_FALSE(cost_per_thousand(network, hosts, 0).yuan_per_thousand);
}
