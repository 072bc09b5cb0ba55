// Small random networks for roster planning (12 hosts, so every roster can be tried),
// with fees, bases, kinds and provinces, and the brute-force references that plan tests
// compare against: every roster's exact reach, and every constraint checked on a roster.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "algorithms/plan.hpp"
#include "graph/network.hpp"
#include "graph/network_builder.hpp"

namespace castgraph::testing {

// 12 hosts in 3 bases (the last two in none), fees 1,000-10,000 yuan (host 5's unknown),
// kinds and provinces at random, 2 platforms, 250 fans of weight 1-4 following 0-4
// fanbases, skewed toward the low ids as stars are.
inline Network random_planning_network(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&](int low, int high) { return std::uniform_int_distribution(low, high)(rng); };
  NetworkBuilder builder;
  builder.add_platform("p0", "平台0", 10'000);
  builder.add_platform("p1", "平台1", 4'000);
  for (int b = 0; b < 3; ++b) builder.add_base("b" + std::to_string(b), "基地" + std::to_string(b));
  const std::vector<std::string> kinds{"village", "factory", "influencer"};
  const std::vector<std::string> provinces{"辽宁", "吉林"};
  std::vector<NodeId> fanbases;
  for (int h = 0; h < 12; ++h) {
    const NodeId base = h >= 10 ? kNoNode : static_cast<NodeId>(uniform(0, 2));
    const double fee = h == 5 ? NAN : 1000.0 * uniform(1, 10);
    const NodeId id =
        *builder.add_broadcaster("h" + std::to_string(h), "主播" + std::to_string(h), base,
                                 provinces[uniform(0, 1)], kinds[uniform(0, 2)], fee);
    for (NodeId p = 0; p < 2; ++p)
      if (p == static_cast<NodeId>(h % 2) || uniform(0, 2) == 0)
        fanbases.push_back(
            *builder.add_fanbase(id, p, static_cast<std::uint64_t>(uniform(0, 3000))));
  }
  for (int f = 0; f < 250; ++f) {
    const NodeId fan =
        *builder.add_fan("f" + std::to_string(f), static_cast<std::uint64_t>(uniform(1, 4)),
                         provinces[uniform(0, 1)]);
    for (int k = uniform(0, 4); k > 0; --k) {
      const int pick = std::min(uniform(0, static_cast<int>(fanbases.size()) - 1),
                                uniform(0, static_cast<int>(fanbases.size()) - 1));
      builder.add_follow(fan, fanbases[pick]);
    }
  }
  return std::move(builder).finish();
}

// Exact reach of every subset of hosts (bit h = host h), from the fan side of the graph.
inline std::vector<double> all_subset_reach(const Network& network, const PlanOptions& options) {
  const std::size_t n = network.broadcasters.size();
  std::vector<std::uint32_t> reached_by(network.fans.size(), 0);  // mask of hosts
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    if (!options.region.empty() && network.fans.province[fan] != options.region) continue;
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      if (!options.platform || network.fanbases.platform[fanbase] == *options.platform)
        reached_by[fan] |= 1u << network.fanbases.broadcaster[fanbase];
  }
  std::vector<double> reach(std::size_t{1} << n, 0.0);
  for (std::uint32_t set = 0; set < reach.size(); ++set)
    for (NodeId fan = 0; fan < network.fans.size(); ++fan)
      if (reached_by[fan] & set) reach[set] += static_cast<double>(network.fans.weight(fan));
  return reach;
}

inline bool passes_filters(const Network& network, NodeId h, const PlanOptions& options) {
  if (!options.kinds.empty() &&
      std::ranges::find(options.kinds, network.broadcasters.kind[h]) == options.kinds.end())
    return false;
  if (!options.province.empty() && network.broadcasters.province[h] != options.province)
    return false;
  if (!options.bases.empty()) {
    const NodeId base = network.broadcasters.base[h];
    if (base == kNoNode ||
        std::ranges::find(options.bases, network.bases.ids[base]) == options.bases.end())
      return false;
  }
  return declared_fans(network, h, options.platform) >= options.min_fans;
}

// Every constraint of `options`, checked on a roster given as a host mask.
inline bool feasible(const Network& network, std::uint32_t set, const PlanOptions& options) {
  double cost = 0;
  std::size_t size = 0;
  std::map<NodeId, std::size_t> per_base;
  for (NodeId h = 0; h < network.broadcasters.size(); ++h) {
    const bool in = set >> h & 1;
    const bool included = std::ranges::find(options.include, h) != options.include.end();
    if (included && !in) return false;
    if (!in) continue;
    if (std::ranges::find(options.exclude, h) != options.exclude.end()) return false;
    if (!passes_filters(network, h, options)) return false;
    const double fee = network.broadcasters.fee[h];
    if (options.budget && std::isnan(fee)) return false;
    if (fee >= 0) cost += fee;
    ++size;
    if (network.broadcasters.base[h] != kNoNode) ++per_base[network.broadcasters.base[h]];
  }
  if (options.k && size > *options.k) return false;
  if (options.budget && cost > *options.budget) return false;
  if (options.max_per_base)
    for (const auto& [base, count] : per_base)
      if (count > *options.max_per_base) return false;
  return true;
}

}  // namespace castgraph::testing
