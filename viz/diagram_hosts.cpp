// The hosts view: the projected host graph. The top hosts are drawn one by one, in a
// cluster per community (when computed) or base; the other hosts of a kept group fold
// into one node in it, and groups beyond options.max_groups fold into one node together.
// Edges: shared audience between top hosts, thinned host by host (each keeps its
// strongest ties, DiagramOptions::ties_per_host), and co-streams between any drawn nodes, merged
// for folded ones.
#include <fmt/format.h>

#include "viz/diagram_builder.hpp"

namespace castgraph::viz {

Diagram build_hosts_view(DiagramBuilder builder) {
  const Network& network = builder.network();
  const DiagramOptions& options = builder.options();
  const bool by_community = builder.communities() != nullptr;
  const std::vector<NodeId> top = builder.top_hosts();
  std::vector<char> is_top(network.broadcasters.size(), 0);
  for (NodeId host : top) is_top[host] = 1;

  const std::vector<HostGroup> groups = builder.groups(by_community);
  const std::vector<char> keep = groups_to_keep(groups, is_top, options.max_groups);

  std::vector<std::size_t> node_of(network.broadcasters.size(), kNoIndex);
  std::vector<std::size_t> top_nodes(top.size());
  std::vector<NodeId> other_hosts;
  std::size_t other_groups = 0;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const HostGroup& group = groups[g];
    if (!keep[g]) {
      other_hosts.insert(other_hosts.end(), group.hosts.begin(), group.hosts.end());
      ++other_groups;
      continue;
    }
    const int cluster = group.id != kNoNode ? builder.add_cluster(group.key, group.name) : -1;
    std::vector<NodeId> rest;
    for (NodeId host : group.hosts)
      if (is_top[host])
        node_of[host] = builder.add_host(host, cluster);
      else
        rest.push_back(host);
    if (rest.empty()) continue;
    const std::size_t fold = builder.add_folded(group.key, group.name, rest, cluster,
                                                builder.group_category(group, by_community));
    for (NodeId host : rest) node_of[host] = fold;
  }
  if (!other_hosts.empty()) {
    const std::size_t fold = builder.add_folded(
        "other-groups",
        fmt::format("其他 {} 个{}", other_groups, by_community ? "社区 communities" : "基地 bases"),
        other_hosts, -1);
    for (NodeId host : other_hosts) node_of[host] = fold;
  }
  for (std::size_t i = 0; i < top.size(); ++i) top_nodes[i] = node_of[top[i]];
  add_audience_edges(builder, top, top_nodes);
  add_collab_edges(builder, node_of);

  const std::string note = fmt::format(
      "前 {} 位主播 / 共 {} 位; 其余按{}合并; 线宽 = 共同受众{} · top {} of {} hosts; edge width = "
      "shared audience{}",
      top.size(), network.broadcasters.size(), by_community ? "社区" : "基地",
      builder.has_follows() ? "与连麦" : "(无关注数据, 仅连麦)", top.size(),
      network.broadcasters.size(),
      builder.has_follows() ? " and co-streams" : " (no follows: co-streams only)");
  return std::move(builder).finish("主播关系图 host graph", note);
}

}  // namespace castgraph::viz
