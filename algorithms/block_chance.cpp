#include "algorithms/block_chance.hpp"

#include <algorithm>

namespace castgraph {

NetworkDegrees network_degrees(const Csr& follows, const Csr& followers) {
  NetworkDegrees degrees;
  degrees.follows = follows.edges();
  degrees.fanbase_followers.resize(followers.rows());
  for (NodeId fanbase = 0; fanbase < followers.rows(); ++fanbase)
    degrees.fanbase_followers[fanbase] = followers.degree(fanbase);
  return degrees;
}

BlockChance block_chance(const Csr& follows, const Csr& followers, std::span<const NodeId> fans,
                         std::span<const NodeId> fanbases) {
  return block_chance(follows, network_degrees(follows, followers), fans, fanbases);
}

BlockChance block_chance(const Csr& follows, const NetworkDegrees& degrees,
                         std::span<const NodeId> fans, std::span<const NodeId> fanbases) {
  BlockChance chance;
  if (fans.empty() || fanbases.empty() || degrees.follows == 0) return chance;
  const auto total = static_cast<double>(degrees.follows);
  const auto followers_of = [&](NodeId fanbase) {
    return static_cast<double>(degrees.fanbase_followers[fanbase]);
  };
  for (NodeId fan : fans)
    for (NodeId fanbase : follows.neighbours(fan))
      chance.edges += std::ranges::binary_search(fanbases, fanbase) ? 1 : 0;
  const double pairs = static_cast<double>(fans.size()) * static_cast<double>(fanbases.size());
  chance.density = static_cast<double>(chance.edges) / pairs;
  if (pairs <= double(1 << 26)) {
    for (NodeId fan : fans) {
      const auto d = static_cast<double>(follows.degree(fan));
      for (NodeId fanbase : fanbases)
        chance.expected += std::min(1.0, d * followers_of(fanbase) / total);
    }
  } else {
    double fan_degrees = 0, fanbase_degrees = 0;
    for (NodeId fan : fans) fan_degrees += static_cast<double>(follows.degree(fan));
    for (NodeId fanbase : fanbases) fanbase_degrees += followers_of(fanbase);
    chance.expected = fan_degrees * fanbase_degrees / total;
  }
  chance.lift = chance.expected > 0 ? static_cast<double>(chance.edges) / chance.expected : 0.0;
  return chance;
}

}  // namespace castgraph
