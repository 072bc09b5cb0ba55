#include "algorithms/reach_breakdown.hpp"

#include <algorithm>
#include <map>

#include "algorithms/host_set.hpp"
#include "algorithms/panel_error.hpp"
#include "graph/errors.hpp"

namespace castgraph {
namespace {

constexpr std::string_view kUnknown = "unknown";

std::string label_or_unknown(std::string_view label) {
  return std::string(label.empty() ? kUnknown : label);
}

// People of the reach by the fans' own place (province or city), from follows.
std::map<std::string, std::uint64_t> by_fan_place(const Network& network,
                                                  std::span<const NodeId> hosts,
                                                  const ReachOptions& options,
                                                  const CategoryColumn& place) {
  if (network.follow_count() == 0)
    throw UsageError(
        "an audience breakdown by where people live needs follows (follows.csv); this "
        "dataset has none");
  const HostSet set = make_host_set(network, hosts, options.platform, options.region, options.city);
  std::vector<std::uint64_t> people(place.labels().size() + 1, 0);  // last: unknown
  for_each_reached_fan(network, set, [&](NodeId fan) {
    const std::uint32_t code = place.code(fan);
    people[code == kNoNode ? people.size() - 1 : code] += network.fans.weight(fan);
  });
  std::map<std::string, std::uint64_t> groups;
  for (std::size_t code = 0; code < people.size(); ++code) {
    if (people[code] == 0) continue;
    const std::string_view label =
        code + 1 == people.size() ? kUnknown : place.labels()[static_cast<NodeId>(code)];
    groups[label_or_unknown(label)] += people[code];
  }
  return groups;
}

// People of the reach by a property of the hosts: the reach of each group's hosts.
template <typename LabelOf>
std::map<std::string, std::uint64_t> by_host_group(std::span<const NodeId> hosts,
                                                   const ReachOptions& options,
                                                   const GroupReach& group_reach,
                                                   LabelOf&& label_of) {
  std::map<std::string, std::vector<NodeId>> members;
  for (NodeId host : hosts) members[label_or_unknown(label_of(host))].push_back(host);
  std::map<std::string, std::uint64_t> groups;
  for (const auto& [label, group] : members) groups[label] = group_reach(group, options);
  return groups;
}

// People of the reach by platform: the reach of every host on that platform alone.
std::map<std::string, std::uint64_t> by_platform(const Network& network,
                                                 std::span<const NodeId> hosts,
                                                 const ReachOptions& options,
                                                 const GroupReach& group_reach) {
  std::vector<bool> used(network.platforms.size(), false);
  for (NodeId host : hosts)
    for (NodeId fanbase : network.relations.owns.neighbours(host))
      used[network.fanbases.platform[fanbase]] = true;
  std::map<std::string, std::uint64_t> groups;
  for (NodeId platform = 0; platform < network.platforms.size(); ++platform) {
    if (!used[platform] || (options.platform && *options.platform != platform)) continue;
    ReachOptions on_platform = options;
    on_platform.platform = platform;
    groups[std::string(network.platforms.names[platform])] = group_reach(hosts, on_platform);
  }
  return groups;
}

}  // namespace

std::string_view to_string(BreakdownBy by) {
  switch (by) {
    case BreakdownBy::province:
      return "province";
    case BreakdownBy::city:
      return "city";
    case BreakdownBy::platform:
      return "platform";
    case BreakdownBy::base:
      return "base";
    case BreakdownBy::kind:
      return "kind";
  }
  return "?";
}

BreakdownBy parse_breakdown(std::string_view text) {
  for (BreakdownBy by : {BreakdownBy::province, BreakdownBy::city, BreakdownBy::platform,
                         BreakdownBy::base, BreakdownBy::kind})
    if (text == to_string(by)) return by;
  throw UsageError("unknown breakdown '" + std::string(text) +
                   "'; use province, city, platform, base or kind");
}

std::map<std::string, std::uint64_t> breakdown_people(const Network& network,
                                                      std::span<const NodeId> hosts,
                                                      const ReachOptions& options, BreakdownBy by,
                                                      const GroupReach& group_reach) {
  const GroupReach reach_of =
      group_reach ? group_reach : [&](std::span<const NodeId> group, const ReachOptions& with) {
        return reach(network, group, with).unique_reach;
      };
  switch (by) {
    case BreakdownBy::province:
      return by_fan_place(network, hosts, options, network.fans.province);
    case BreakdownBy::city:
      return by_fan_place(network, hosts, options, network.fans.city);
    case BreakdownBy::platform:
      return by_platform(network, hosts, options, reach_of);
    case BreakdownBy::base:
      return by_host_group(hosts, options, reach_of, [&](NodeId host) {
        const NodeId base = network.broadcasters.base[host];
        return base == kNoNode ? std::string_view{} : network.bases.names[base];
      });
    case BreakdownBy::kind:
      return by_host_group(hosts, options, reach_of,
                           [&](NodeId host) { return network.broadcasters.kind[host]; });
  }
  return {};
}

std::vector<BreakdownGroup> breakdown_groups(const std::map<std::string, std::uint64_t>& people,
                                             std::uint64_t unique_reach) {
  std::vector<BreakdownGroup> out;
  for (const auto& [label, count] : people) {
    const double share =
        unique_reach == 0 ? 0.0 : static_cast<double>(count) / static_cast<double>(unique_reach);
    out.push_back({label, count, share});
  }
  std::ranges::stable_sort(
      out, [](const BreakdownGroup& a, const BreakdownGroup& b) { return a.people > b.people; });
  return out;
}

std::vector<BreakdownGroup> reach_breakdown(const Network& network, std::span<const NodeId> hosts,
                                            const ReachOptions& options, BreakdownBy by,
                                            std::uint64_t unique_reach) {
  return breakdown_groups(breakdown_people(network, hosts, options, by), unique_reach);
}

}  // namespace castgraph
