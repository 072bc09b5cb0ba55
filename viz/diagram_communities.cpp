// The communities view: one node per community, sized by the people it reaches (from
// follows, else its declared fans), labelled with its size and best hosts; edges by
// shared audience between communities (people following hosts of both), else by
// co-streams. Beyond options.top communities, the smallest fold into one node. Audience
// edges are thinned node by node (ties_to_keep), as in the host views.
//
// Reach and shared audience come from one pass over fans: each fan adds its weight to
// every community it reaches and to every pair of them, O(follows + Σ_f c_f²) for c_f
// communities reached by fan f.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "viz/chinese_number.hpp"
#include "viz/diagram_builder.hpp"
#include "viz/palette.hpp"

namespace castgraph::viz {

CommunityAudience community_audience(const Network& network, const Communities& communities) {
  CommunityAudience audience;
  audience.reach.assign(communities.count, 0);
  std::vector<std::uint32_t> reached;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    reached.clear();
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      reached.push_back(communities.of_host[network.fanbases.broadcaster[fanbase]]);
    std::sort(reached.begin(), reached.end());
    reached.erase(std::unique(reached.begin(), reached.end()), reached.end());
    const std::uint64_t weight = network.fans.weight(fan);
    for (std::size_t i = 0; i < reached.size(); ++i) {
      audience.reach[reached[i]] = saturating_add(audience.reach[reached[i]], weight);
      for (std::size_t j = i + 1; j < reached.size(); ++j) {
        auto& people = audience.shared[{reached[i], reached[j]}];
        people = saturating_add(people, weight);
      }
    }
  }
  return audience;
}

Diagram build_communities_view(DiagramBuilder builder) {
  const Network& network = builder.network();
  const DiagramOptions& options = builder.options();
  const Communities& communities = *builder.communities();
  const std::uint32_t count = communities.count;

  std::vector<std::uint64_t> reach(count, 0), fans(count, 0), hosts(count, 0);
  std::vector<std::vector<NodeId>> best(count);  // best-ranked hosts, up to three
  for (NodeId host : builder.ranked()) {
    const std::uint32_t c = communities.of_host[host];
    fans[c] = saturating_add(fans[c], builder.fans(host));
    ++hosts[c];
    if (best[c].size() < 3) best[c].push_back(host);
  }
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> shared;
  if (builder.has_follows()) {
    CommunityAudience audience = options.community_audience
                                     ? options.community_audience(communities)
                                     : community_audience(network, communities);
    reach = std::move(audience.reach);
    shared = std::move(audience.shared);
  } else {
    reach = fans;
  }

  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return reach[a] > reach[b]; });
  const std::uint64_t largest = count > 0 ? std::max<std::uint64_t>(1, reach[order[0]]) : 1;
  std::vector<std::size_t> node_of_community(count, kNoIndex);
  std::vector<NodeId> folded_hosts;
  std::size_t folded = 0;
  for (std::size_t rank = 0; rank < order.size(); ++rank) {
    const std::uint32_t c = order[rank];
    if (rank >= options.top) {
      ++folded;
      continue;
    }
    DiagramNode node;
    node.kind = DiagramNodeKind::community;
    node.key = fmt::format("community:{}", c);
    std::vector<std::string> names;
    for (NodeId host : best[c]) names.emplace_back(network.broadcasters.names[host]);
    node.label = fmt::format("社区 {} · {} 位主播\n{} {}\n{}", community_number(c), hosts[c],
                             builder.has_follows() ? "触达" : "粉丝", chinese_count(reach[c]),
                             fmt::join(names, ", "));
    node.tooltip = fmt::format("community {}: {} hosts", community_number(c), hosts[c]);
    const double share = std::sqrt(static_cast<double>(reach[c]) / static_cast<double>(largest));
    node.size = 1.0 + 2.5 * share;
    node.font_size = 10 + 6 * share;
    node.source = c;
    node.count = hosts[c];
    node.fans = fans[c];
    node.reach = reach[c];
    const std::size_t index = builder.add_node(std::move(node));
    node_of_community[c] = index;
    if (options.color == ColorBy::community)
      builder.colour_later(index, builder.identity().community(c));
  }
  if (folded > 0) {
    for (NodeId host = 0; host < network.broadcasters.size(); ++host)
      if (node_of_community[communities.of_host[host]] == kNoIndex) folded_hosts.push_back(host);
    const std::size_t fold = builder.add_folded(
        "other-communities", fmt::format("其他 {} 个社区 other communities", folded), folded_hosts,
        -1);
    for (std::uint32_t c = 0; c < count; ++c)
      if (node_of_community[c] == kNoIndex) node_of_community[c] = fold;
  }
  // Shared audience between drawn nodes (folded communities merge), thinned node by node
  // as the host views are, so that each community keeps its strongest ties.
  std::map<std::pair<std::size_t, std::size_t>, std::uint64_t> between;
  for (const auto& [pair, people] : shared) {
    auto a = node_of_community[pair.first], b = node_of_community[pair.second];
    if (a == b) continue;
    auto& sum = between[{std::min(a, b), std::max(a, b)}];
    sum = saturating_add(sum, people);
  }
  std::vector<WeightedEdge> edges;
  for (const auto& [pair, people] : between)
    edges.push_back({static_cast<NodeId>(pair.first), static_cast<NodeId>(pair.second),
                     static_cast<double>(people)});
  std::size_t vertices = 0;  // node indices run below this
  for (const WeightedEdge& edge : edges) vertices = std::max<std::size_t>(vertices, edge.b + 1);
  const std::vector<char> keep = ties_to_keep(options, vertices, edges);
  for (std::size_t e = 0; e < edges.size(); ++e)
    if (keep[e])
      builder.add_edge(edges[e].a, edges[e].b, DiagramEdgeKind::audience,
                       between.at({edges[e].a, edges[e].b}));
  std::vector<std::size_t> node_of(network.broadcasters.size(), kNoIndex);
  for (NodeId host = 0; host < network.broadcasters.size(); ++host)
    node_of[host] = node_of_community[communities.of_host[host]];
  add_collab_edges(builder, node_of);

  return std::move(builder).finish(
      "社区 communities",
      fmt::format("{} 个社区, 模块度 {:.3f}; 大小 = 触达, 线宽 = 共同受众 · {} communities, "
                  "modularity {:.3f}; size = reach, width = shared audience",
                  count, communities.modularity, count, communities.modularity));
}

}  // namespace castgraph::viz
