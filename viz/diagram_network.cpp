// The network view: the top hosts, held together by the people they share. Host–host
// shared-audience ties (thinned host by host, DiagramOptions::ties_per_host) and
// co-streams carry the picture; each kept base is a base node with its top hosts and one
// folded node for its other hosts, joined by dotted membership lines; bases beyond
// options.max_groups (that hold no top host) fold into one node together. Platforms are
// summarised in the note (hosts and fans on each) rather than drawn: one spoke per
// fanbase made a hairball that hid the host–host structure.
#include <fmt/format.h>

#include <algorithm>

#include "graph/value_rules.hpp"
#include "viz/chinese_number.hpp"
#include "viz/diagram_builder.hpp"

namespace castgraph::viz {
namespace {

// "抖音 8102 位主播 · 粉丝 3.1亿", a line per platform, most hosts first.
std::string platform_summary(const Network& network) {
  std::vector<std::uint64_t> hosts(network.platforms.size(), 0), fans(network.platforms.size(), 0);
  for (NodeId f = 0; f < network.fanbases.size(); ++f) {
    ++hosts[network.fanbases.platform[f]];
    fans[network.fanbases.platform[f]] =
        saturating_add(fans[network.fanbases.platform[f]], network.fanbases.fans[f]);
  }
  std::vector<NodeId> order(network.platforms.size());
  for (NodeId p = 0; p < order.size(); ++p) order[p] = p;
  std::stable_sort(order.begin(), order.end(),
                   [&](NodeId a, NodeId b) { return hosts[a] > hosts[b]; });
  std::vector<std::string> parts;
  for (NodeId p : order)
    parts.push_back(fmt::format("{} {} 位主播 · 粉丝 {}", network.platforms.names[p], hosts[p],
                                chinese_count(fans[p])));
  return fmt::format("{}", fmt::join(parts, "\n"));
}

}  // namespace

Diagram build_network_view(DiagramBuilder builder) {
  const Network& network = builder.network();
  const DiagramOptions& options = builder.options();
  const std::vector<NodeId> top = builder.top_hosts();
  std::vector<char> is_top(network.broadcasters.size(), 0);
  for (NodeId host : top) is_top[host] = 1;

  const std::vector<HostGroup> groups = builder.groups(false);
  const std::vector<char> keep = groups_to_keep(groups, is_top, options.max_groups);

  std::vector<std::size_t> node_of(network.broadcasters.size(), kNoIndex);
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
    const std::size_t fold = builder.add_folded(group.key, group.name, rest, cluster,
                                                builder.group_category(group, false));
    for (NodeId host : rest) node_of[host] = fold;
    if (base_node != kNoIndex) builder.add_edge(fold, base_node, DiagramEdgeKind::member, 1);
  }
  if (!folded_bases_hosts.empty()) {
    const std::size_t fold =
        builder.add_folded("other-bases", fmt::format("其他 {} 个基地 other bases", folded_bases),
                           folded_bases_hosts, -1);
    for (NodeId host : folded_bases_hosts) node_of[host] = fold;
  }

  // Host–host ties among the top hosts only: folded nodes would draw a hairball.
  std::vector<std::size_t> top_nodes(top.size());
  std::vector<std::size_t> top_only(network.broadcasters.size(), kNoIndex);
  for (std::size_t i = 0; i < top.size(); ++i) top_nodes[i] = top_only[top[i]] = node_of[top[i]];
  add_audience_edges(builder, top, top_nodes);
  add_collab_edges(builder, top_only);

  const std::string note = fmt::format(
      "前 {} 位主播(按{}) / 共 {} 位; 其余按基地合并; 蓝线 = 共同受众(骨干: 每位主播最强的联系"
      "与显著联系), 虚线 = 连麦\ntop {} of {} hosts by {}, the rest folded by base; blue = "
      "shared audience (backbone: each host's strongest and its significant ties), dashed = "
      "co-streams\n平台 platforms:\n{}",
      top.size(), builder.ranks_by_reach() ? "触达" : "粉丝", network.broadcasters.size(),
      top.size(), network.broadcasters.size(), builder.ranks_by_reach() ? "reach" : "fans",
      platform_summary(network));
  return std::move(builder).finish("直播电商网络 livestream network", note);
}

}  // namespace castgraph::viz
