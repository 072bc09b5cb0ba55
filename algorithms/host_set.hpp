// HostSet: the hosts a query is about, the fanbases of theirs that count, and which fans
// count. Every reach and overlap method starts from one, so "platform Douyin, region
// 辽宁" means the same thing to the exact scan, the sketches and the declared model.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.hpp"

namespace castgraph {

struct HostSet {
  std::vector<NodeId> hosts;                   // distinct, in the caller's order
  std::vector<std::vector<NodeId>> fanbases;   // per host: its fanbases that count
  std::optional<NodeId> platform;              // only fanbases on this platform count
  std::optional<std::uint32_t> province_code;  // only fans of this province count
  std::string region;                          // the province label, "" when unfiltered

  std::size_t size() const { return hosts.size(); }
  // True when `fan` passes the region filter. O(1).
  bool counts(const Network& network, NodeId fan) const {
    return !province_code || network.fans.province.code(fan) == *province_code;
  }
};

// Builds the HostSet for `hosts`, keeping each host's fanbases on `platform` (all when
// absent) and fans whose province is `region` (all when empty). Throws UsageError for a
// host id out of range, a host listed twice, or a region no fan has (the message lists
// the provinces that exist). O(hosts of the network + fanbases of the chosen + provinces).
HostSet make_host_set(const Network& network, std::span<const NodeId> hosts,
                      std::optional<NodeId> platform = std::nullopt, std::string_view region = {});

// The host with external id or exact name `key`. Throws UsageError when no host matches
// (naming up to five hosts whose name contains `key`) or when the name is shared by
// several hosts (listing them with their ids, so the caller can pick one). O(hosts).
NodeId resolve_host(const Network& network, std::string_view key);

// resolve_host for each key, in order.
std::vector<NodeId> resolve_hosts(const Network& network, std::span<const std::string> keys);

// The platform with external id or exact name `key`; UsageError listing the platforms
// otherwise. O(platforms).
NodeId resolve_platform(const Network& network, std::string_view key);

}  // namespace castgraph
