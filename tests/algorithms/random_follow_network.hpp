// Random networks with follows for property tests of reach and overlap, and the slow
// std::set references those tests compare against.
#pragma once

#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "graph/network.hpp"
#include "graph/network_builder.hpp"

namespace castgraph::testing {

struct RandomNetworkShape {
  int platforms = 3;
  int hosts = 12;
  int fans = 300;
  int max_follows_per_fan = 5;
  bool weighted = true;
};

inline const std::vector<std::string>& test_provinces() {
  static const std::vector<std::string> provinces{"辽宁", "吉林", "黑龙江"};
  return provinces;
}

// Hosts 0 and 1 always have fanbases on platforms 0 and 1 (so fans meet them on two
// platforms); the last host has a fanbase nobody follows; the one before it has none.
inline Network random_network(std::uint64_t seed, const RandomNetworkShape& shape = {}) {
  std::mt19937_64 rng(seed);
  auto uniform = [&](int low, int high) { return std::uniform_int_distribution(low, high)(rng); };
  NetworkBuilder builder;
  for (int p = 0; p < shape.platforms; ++p)
    builder.add_platform("p" + std::to_string(p), "平台" + std::to_string(p),
                         1'000'000u * static_cast<unsigned>(p + 1));
  std::vector<NodeId> followable;
  for (int h = 0; h < shape.hosts; ++h) {
    const NodeId host =
        *builder.add_broadcaster("h" + std::to_string(h), "主播" + std::to_string(h));
    if (h == shape.hosts - 2) continue;
    for (int p = 0; p < shape.platforms; ++p) {
      const bool on = h < 2 ? p < 2 : uniform(0, 2) == 0 || p == h % shape.platforms;
      if (!on) continue;
      const NodeId fanbase = *builder.add_fanbase(host, static_cast<NodeId>(p), uniform(0, 50'000));
      if (h != shape.hosts - 1) followable.push_back(fanbase);
    }
  }
  for (int f = 0; f < shape.fans; ++f) {
    const std::uint64_t weight = shape.weighted ? static_cast<std::uint64_t>(uniform(1, 4)) : 1;
    const NodeId fan =
        *builder.add_fan("f" + std::to_string(f), weight, test_provinces()[uniform(0, 2)]);
    // Skewed: low fanbase ids (hosts 0 and 1) are followed more, as stars are.
    const int follows = uniform(0, shape.max_follows_per_fan);
    for (int k = 0; k < follows; ++k) {
      const int pick = std::min(uniform(0, static_cast<int>(followable.size()) - 1),
                                uniform(0, static_cast<int>(followable.size()) - 1));
      builder.add_follow(fan, followable[pick]);
    }
  }
  return std::move(builder).finish();
}

// The fans each host reaches, from the fan -> fanbases side of the graph (the code under
// test reads the other side), with the platform and province filters.
inline std::vector<std::set<NodeId>> reference_host_fans(const Network& network,
                                                         const std::vector<NodeId>& hosts,
                                                         std::optional<NodeId> platform = {},
                                                         std::string_view province = {}) {
  std::vector<std::set<NodeId>> sets(hosts.size());
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    if (!province.empty() && network.fans.province[fan] != province) continue;
    for (NodeId fanbase : network.relations.follows.neighbours(fan)) {
      if (platform && network.fanbases.platform[fanbase] != *platform) continue;
      for (std::size_t i = 0; i < hosts.size(); ++i)
        if (network.fanbases.broadcaster[fanbase] == hosts[i]) sets[i].insert(fan);
    }
  }
  return sets;
}

inline std::uint64_t reference_people(const Network& network, const std::set<NodeId>& fans) {
  std::uint64_t total = 0;
  for (NodeId fan : fans) total += network.fans.weight(fan);
  return total;
}

}  // namespace castgraph::testing
