#include "graph/network.hpp"

namespace castgraph {

std::uint64_t people(const Network& network) {
  if (network.fans.weights.empty()) return network.fans.size();
  std::uint64_t total = 0;
  for (std::uint64_t weight : network.fans.weights) total = saturating_add(total, weight);
  return total;
}

std::uint64_t declared_fans(const Network& network, NodeId broadcaster,
                            std::optional<NodeId> platform) {
  std::uint64_t total = 0;
  for (NodeId fanbase : network.relations.owns.neighbours(broadcaster)) {
    if (platform && network.fanbases.platform[fanbase] != *platform) continue;
    total = saturating_add(total, network.fanbases.fans[fanbase]);
  }
  return total;
}

std::uint64_t declared_fans_total(const Network& network) {
  std::uint64_t total = 0;
  for (std::uint64_t fans : network.fanbases.fans) total = saturating_add(total, fans);
  return total;
}

std::vector<NodeId> find_broadcasters(const Network& network, std::string_view key) {
  if (auto id = network.broadcasters.ids.find(key)) return {*id};
  std::vector<NodeId> named;
  for (NodeId host = 0; host < network.broadcasters.size(); ++host)
    if (network.broadcasters.names[host] == key) named.push_back(host);
  return named;
}

std::optional<NodeId> find_platform(const Network& network, std::string_view key) {
  if (auto id = network.platforms.ids.find(key)) return id;
  for (NodeId platform = 0; platform < network.platforms.size(); ++platform)
    if (network.platforms.names[platform] == key) return platform;
  return std::nullopt;
}

}  // namespace castgraph
