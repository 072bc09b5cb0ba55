// The ego view: a host and every host within options.hops hops of it in the projected
// host graph (hosts are adjacent when they co-stream or share at least one fan). When
// the neighbourhood holds more than options.top hosts, the nearest rings are kept, best
// ranked first, and the rest of each ring folds into one node carrying its count.
// Edges: shared audience and co-streams between drawn hosts; folded rings hang off the
// ego so that the layout keeps them near.
#include <fmt/format.h>

#include <algorithm>

#include "graph/errors.hpp"
#include "viz/diagram_builder.hpp"

namespace castgraph::viz {

Diagram build_ego_view(DiagramBuilder builder) {
  const Network& network = builder.network();
  const DiagramOptions& options = builder.options();
  if (!options.ego) throw UsageError({"the ego view needs a host (", Parameter{"ego"}, " HOST)"});
  const NodeId ego = *options.ego;
  if (ego >= network.broadcasters.size()) throw UsageError("the ego host is out of range");

  // Breadth-first search, ring by ring.
  std::vector<int> hop(network.broadcasters.size(), -1);
  std::vector<std::vector<NodeId>> rings{{ego}};
  hop[ego] = 0;
  for (std::size_t h = 1; h <= options.hops; ++h) {
    std::vector<NodeId> next;
    for (NodeId host : rings.back())
      for (NodeId other : host_neighbours(network, host))
        if (hop[other] < 0) {
          hop[other] = static_cast<int>(h);
          next.push_back(other);
        }
    if (next.empty()) break;
    rings.push_back(std::move(next));
  }
  // Within a ring, best ranked first.
  std::vector<std::size_t> rank_of(network.broadcasters.size());
  for (std::size_t r = 0; r < builder.ranked().size(); ++r) rank_of[builder.ranked()[r]] = r;
  for (auto& ring : rings)
    std::sort(ring.begin(), ring.end(),
              [&](NodeId a, NodeId b) { return rank_of[a] < rank_of[b]; });

  std::vector<std::size_t> node_of(network.broadcasters.size(), kNoIndex);
  std::vector<NodeId> shown;
  std::vector<std::size_t> shown_nodes;
  std::size_t total = 0;
  for (std::size_t h = 0; h < rings.size(); ++h) {
    std::vector<NodeId> rest;
    for (NodeId host : rings[h]) {
      ++total;
      if (shown.size() >= options.top && host != ego) {
        rest.push_back(host);
        continue;
      }
      const std::size_t node = builder.add_host(host);
      node_of[host] = node;
      shown.push_back(host);
      shown_nodes.push_back(node);
    }
    if (rest.empty()) continue;
    const std::size_t fold = builder.add_folded(fmt::format("hop:{}", h),
                                                fmt::format("第 {} 跳 hop {}", h, h), rest, -1);
    for (NodeId host : rest) node_of[host] = fold;
    builder.add_edge(node_of[ego], fold, DiagramEdgeKind::member, 1);
  }
  add_audience_edges(builder, shown, shown_nodes, 3 * shown.size());
  add_collab_edges(builder, node_of);
  Diagram diagram = std::move(builder).finish(
      fmt::format("{} 的 {} 跳关系圈 · {}-hop neighbourhood", network.broadcasters.names[ego],
                  options.hops, options.hops),
      fmt::format("{} 位主播在 {} 跳内 · {} hosts within {} hops (co-streams or shared fans)",
                  total, options.hops, total, options.hops));
  for (auto& node : diagram.nodes)
    if (node.kind == DiagramNodeKind::host) {
      node.hop = hop[node.source];
      node.emphasised = node.source == ego;
    } else if (node.kind == DiagramNodeKind::folded) {
      node.hop = std::stoi(node.key.substr(node.key.rfind(':') + 1));
    }
  return diagram;
}

}  // namespace castgraph::viz
