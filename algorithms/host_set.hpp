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

#include "algorithms/host_lookup.hpp"  // resolve_host, resolve_hosts
#include "graph/network.hpp"
#include "graph/place_names.hpp"  // place_stem

namespace castgraph {

struct HostSet {
  std::vector<NodeId> hosts;                  // distinct, in the caller's order
  std::vector<std::vector<NodeId>> fanbases;  // per host: its fanbases that count
  std::optional<NodeId> platform;             // only fanbases on this platform count
  // Only fans of this place count: a province's code in network.fans.province, or with
  // by_city a city's code in network.fans.city.
  std::optional<std::uint32_t> province_code;
  bool by_city = false;
  std::string region;  // the place's label as the data spells it, "" when unfiltered

  std::size_t size() const { return hosts.size(); }
  // The fan column the place filter reads.
  const CategoryColumn& place_column(const Network& network) const {
    return by_city ? network.fans.city : network.fans.province;
  }
  // True when `fan` passes the place filter. O(1).
  bool counts(const Network& network, NodeId fan) const {
    return !province_code || place_column(network).code(fan) == *province_code;
  }
};

// The code of place `name` among `labels` (fan provinces or cities), matching with or
// without an administrative suffix: 辽宁 = 辽宁省, 沈阳 = 沈阳市, 内蒙古 = 内蒙古自治区.
// nullopt when none matches. O(labels).
std::optional<std::uint32_t> find_place(const Interner& labels, std::string_view name);

// Builds the HostSet for `hosts`, keeping each host's fanbases on `platform` (all when
// absent) and fans whose province is `region` and city is `city` (all when empty; names
// match by find_place). Throws UsageError for a host id out of range, a host listed
// twice, a region or city no fan has (the message lists those that exist), or a city
// with fans outside the region. O(hosts of the network + fanbases of the chosen +
// provinces + cities), and O(fans) when both region and city are given.
HostSet make_host_set(const Network& network, std::span<const NodeId> hosts,
                      std::optional<NodeId> platform = std::nullopt, std::string_view region = {},
                      std::string_view city = {});

// The platform with external id or exact name `key`; UsageError listing the platforms
// otherwise. O(platforms).
NodeId resolve_platform(const Network& network, std::string_view key);

}  // namespace castgraph
