// The network view: platforms, bases and the top hosts. Each kept base is a cluster
// holding its base node, its top hosts and one folded node for its other hosts; bases
// beyond options.max_groups (that hold no top host) fold into one node together.
// Edges: host -> platform (width by the host's fans there), host -> base, co-streams.
#include <fmt/format.h>

#include <algorithm>

#include "viz/diagram_builder.hpp"

namespace castgraph::viz {

Diagram build_network_view(DiagramBuilder builder) {
  const Network& network = builder.network();
  const DiagramOptions& options = builder.options();
  const std::vector<NodeId> top = builder.top_hosts();
  std::vector<char> is_top(network.broadcasters.size(), 0);
  for (NodeId host : top) is_top[host] = 1;

  std::vector<HostGroup> groups = builder.groups(false);
  // Keep every base holding a top host, then the biggest by fans up to max_groups.
  std::vector<char> keep(groups.size(), 0);
  std::size_t kept = 0;
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (NodeId host : groups[g].hosts)
      if (is_top[host]) {
        keep[g] = 1;
        ++kept;
        break;
      }
  for (std::size_t g = 0; g < groups.size() && kept < options.max_groups; ++g)
    if (!keep[g]) keep[g] = 1, ++kept;

  std::vector<std::size_t> node_of(network.broadcasters.size(), kNoIndex);
  for (NodeId platform = 0; platform < network.platforms.size(); ++platform)
    builder.add_platform(platform);

  std::vector<NodeId> folded_bases_hosts;
  std::size_t folded_bases = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const HostGroup& group = groups[g];
    const bool has_base = group.id != kNoNode;
    if (!keep[g] && has_base) {
      folded_bases_hosts.insert(folded_bases_hosts.end(), group.hosts.begin(), group.hosts.end());
      ++folded_bases;
      continue;
    }
    const int cluster = has_base ? builder.add_cluster(group.key, group.name) : -1;
    const std::size_t base_node = has_base ? builder.add_base(group.id, cluster) : kNoIndex;
    std::vector<NodeId> rest;
    for (NodeId host : group.hosts) {
      if (!is_top[host]) {
        rest.push_back(host);
        continue;
      }
      node_of[host] = builder.add_host(host, cluster);
      if (base_node != kNoIndex)
        builder.add_edge(node_of[host], base_node, DiagramEdgeKind::member, 1);
    }
    if (rest.empty()) continue;
    const bool colour_by_base = options.color == ColorBy::base;
    const auto [colour_key, colour_label] =
        colour_by_base ? builder.category(rest.front()) : std::pair<std::string, std::string>{};
    const std::size_t fold =
        builder.add_folded(group.key, group.name, rest, cluster, colour_key, colour_label);
    for (NodeId host : rest) node_of[host] = fold;
    if (base_node != kNoIndex) builder.add_edge(fold, base_node, DiagramEdgeKind::member, 1);
  }
  if (!folded_bases_hosts.empty()) {
    const std::size_t fold =
        builder.add_folded("other-bases", fmt::format("其他 {} 个基地 other bases", folded_bases),
                           folded_bases_hosts, -1);
    for (NodeId host : folded_bases_hosts) node_of[host] = fold;
  }

  // Host (or its folded node) -> platform, weighted by declared fans there.
  for (NodeId fanbase = 0; fanbase < network.fanbases.size(); ++fanbase) {
    const NodeId host = network.fanbases.broadcaster[fanbase];
    const NodeId platform = network.fanbases.platform[fanbase];
    builder.add_edge(node_of[host], platform,  // platforms are nodes 0..platforms-1
                     DiagramEdgeKind::fanbase,
                     std::max<std::uint64_t>(1, network.fanbases.fans[fanbase]));
  }
  // Co-streams among the top hosts only: folded nodes would draw a hairball.
  std::vector<std::size_t> top_only(network.broadcasters.size(), kNoIndex);
  for (NodeId host : top) top_only[host] = node_of[host];
  add_collab_edges(builder, top_only);

  const std::string note = fmt::format(
      "前 {} 位主播(按{}) / 共 {} 位; 其余按基地合并 · top {} of {} hosts by {}, the rest folded "
      "by base",
      top.size(), builder.ranks_by_reach() ? "触达" : "粉丝", network.broadcasters.size(),
      top.size(), network.broadcasters.size(), builder.ranks_by_reach() ? "reach" : "fans");
  return std::move(builder).finish("直播电商网络 livestream network", note);
}

}  // namespace castgraph::viz
