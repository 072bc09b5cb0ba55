#include "algorithms/host_set.hpp"

#include <algorithm>
#include <string>

#include "graph/errors.hpp"

namespace castgraph {
namespace {

std::string describe_host(const Network& network, NodeId host) {
  std::string text = std::string(network.broadcasters.ids[host]) + " (" +
                     std::string(network.broadcasters.names[host]);
  if (auto province = network.broadcasters.province[host]; !province.empty())
    text += ", " + std::string(province);
  return text + ")";
}

std::optional<std::uint32_t> province_code(const Network& network, std::string_view region) {
  const CategoryColumn& province = network.fans.province;
  if (province.codes().empty())
    throw UsageError(
        {Parameter{"region"}, " needs fan provinces, but this dataset's fans have none"});
  if (auto code = province.labels().find(region)) return *code;
  std::string known;
  for (NodeId code = 0; code < province.labels().size(); ++code) {
    if (province.labels()[code].empty()) continue;
    known += (known.empty() ? "" : ", ") + std::string(province.labels()[code]);
  }
  throw UsageError("no fan has province '" + std::string(region) + "'; provinces: " + known);
}

}  // namespace

HostSet make_host_set(const Network& network, std::span<const NodeId> hosts,
                      std::optional<NodeId> platform, std::string_view region) {
  HostSet set;
  set.platform = platform;
  if (!region.empty()) {
    set.province_code = province_code(network, region);
    set.region = region;
  }
  if (platform && *platform >= network.platforms.size())
    throw UsageError("platform id " + std::to_string(*platform) + " is out of range");
  std::vector<bool> listed(network.broadcasters.size(), false);
  for (NodeId host : hosts) {
    if (host >= network.broadcasters.size())
      throw UsageError("host id " + std::to_string(host) + " is out of range");
    if (listed[host]) throw UsageError("host " + describe_host(network, host) + " is listed twice");
    listed[host] = true;
    set.hosts.push_back(host);
    std::vector<NodeId>& kept = set.fanbases.emplace_back();
    for (NodeId fanbase : network.relations.owns.neighbours(host))
      if (!platform || network.fanbases.platform[fanbase] == *platform) kept.push_back(fanbase);
  }
  return set;
}

NodeId resolve_host(const Network& network, std::string_view key) {
  const std::vector<NodeId> found = find_broadcasters(network, key);
  if (found.size() == 1) return found.front();
  if (found.size() > 1) {
    std::string listed;
    for (NodeId host : found) listed += "\n  " + describe_host(network, host);
    throw UsageError("host name '" + std::string(key) +
                     "' is ambiguous; give one of the ids:" + listed);
  }
  std::string similar;
  int shown = 0;
  for (NodeId host = 0; host < network.broadcasters.size() && shown < 5; ++host) {
    if (network.broadcasters.names[host].find(key) == std::string_view::npos &&
        network.broadcasters.ids[host].find(key) == std::string_view::npos)
      continue;
    similar += "\n  " + describe_host(network, host);
    ++shown;
  }
  throw UsageError("no host has id or name '" + std::string(key) + "'" +
                   (similar.empty() ? std::string() : "; similar:" + similar));
}

std::vector<NodeId> resolve_hosts(const Network& network, std::span<const std::string> keys) {
  std::vector<NodeId> hosts;
  hosts.reserve(keys.size());
  for (const std::string& key : keys) hosts.push_back(resolve_host(network, key));
  return hosts;
}

NodeId resolve_platform(const Network& network, std::string_view key) {
  if (auto platform = find_platform(network, key)) return *platform;
  std::string known;
  for (NodeId platform = 0; platform < network.platforms.size(); ++platform)
    known += (known.empty() ? "" : ", ") + std::string(network.platforms.ids[platform]) + " (" +
             std::string(network.platforms.names[platform]) + ")";
  throw UsageError("no platform has id or name '" + std::string(key) + "'; platforms: " + known);
}

}  // namespace castgraph
