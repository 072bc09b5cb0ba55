// The ego view: a host and the hosts tied to it, and only those: hosts sharing audience
// with it (people following both) or co-streaming with it. They are ranked by shared
// people (then co-streams, then the diagram's ranking), each drawn with an edge to the
// centre that carries the count; beyond options.top, the rest fold into one node hung
// off the centre. Ties among the neighbours are left out: on liaoning they drew a
// knot around the biggest neighbours that hid the ranking by shared people. Hosts
// further out (options.hops > 1) are counted in the note, never drawn: a host with no
// tie to the centre would float and suggest a relation that is not there.
#include <fmt/format.h>

#include <algorithm>

#include "graph/errors.hpp"
#include "graph/value_rules.hpp"
#include "viz/chinese_number.hpp"
#include "viz/diagram_builder.hpp"

namespace castgraph::viz {
namespace {

// People following both `ego` and each other host (fan weights, each fan once), as
// overlap counts them, over all fans (`totals`: a sum, as each fan is in one part).
// O(the ego's fans' follows + hosts).
std::vector<std::uint64_t> shared_with(const Network& network, NodeId ego,
                                       const FanTotals& totals) {
  std::vector<NodeId> fans;
  for (NodeId fanbase : network.relations.owns.neighbours(ego))
    for (NodeId fan : network.relations.followers.neighbours(fanbase)) fans.push_back(fan);
  std::sort(fans.begin(), fans.end());
  fans.erase(std::unique(fans.begin(), fans.end()), fans.end());
  std::vector<std::uint64_t> shared(network.broadcasters.size(), 0);
  std::vector<NodeId> hosts;
  for (NodeId fan : fans) {
    hosts.clear();
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      hosts.push_back(network.fanbases.broadcaster[fanbase]);
    std::sort(hosts.begin(), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    for (NodeId host : hosts)
      if (host != ego) shared[host] = saturating_add(shared[host], network.fans.weight(fan));
  }
  if (totals.sum) totals.sum(shared);
  return shared;
}

// Hosts within `hops` of `ego` in the projected host graph, the ego included: one ring
// at a time, each ring's neighbours found together (one union over the parts per hop).
std::size_t neighbourhood_size(const Network& network, NodeId ego, std::size_t hops,
                               const FanTotals& totals) {
  std::vector<char> seen(network.broadcasters.size(), 0);
  std::vector<NodeId> ring{ego};
  seen[ego] = 1;
  std::size_t count = 1;
  for (std::size_t h = 0; h < hops && !ring.empty(); ++h) {
    const std::vector<std::uint8_t> tied = tied_hosts(network, ring, totals);
    std::vector<NodeId> next;
    for (NodeId other = 0; other < tied.size(); ++other)
      if (tied[other] && !seen[other]) seen[other] = 1, next.push_back(other), ++count;
    ring = std::move(next);
  }
  return count;
}

}  // namespace

Diagram build_ego_view(DiagramBuilder builder) {
  const Network& network = builder.network();
  const DiagramOptions& options = builder.options();
  if (!options.ego) throw UsageError({"the ego view needs a host (", Parameter{"ego"}, " HOST)"});
  const NodeId ego = *options.ego;
  if (ego >= network.broadcasters.size()) throw UsageError("the ego host is out of range");

  const std::vector<std::uint64_t> shared = shared_with(network, ego, options.fan_totals);
  std::vector<std::uint64_t> costreams(network.broadcasters.size(), 0);
  const Csr& collab = network.relations.collab;
  const auto partners = collab.neighbours(ego);
  for (std::size_t k = 0; k < partners.size(); ++k) {
    const double weight = network.relations.collab_weight.empty()
                              ? 1.0
                              : network.relations.collab_weight[collab.offsets()[ego] + k];
    costreams[partners[k]] =
        saturating_add(costreams[partners[k]], std::max<std::uint64_t>(1, rounded_count(weight)));
  }
  std::vector<std::size_t> rank_of(network.broadcasters.size());
  for (std::size_t r = 0; r < builder.ranked().size(); ++r) rank_of[builder.ranked()[r]] = r;
  std::vector<NodeId> tied = host_neighbours(network, ego, options.fan_totals);
  std::sort(tied.begin(), tied.end(), [&](NodeId a, NodeId b) {
    if (shared[a] != shared[b]) return shared[a] > shared[b];
    if (costreams[a] != costreams[b]) return costreams[a] > costreams[b];
    return rank_of[a] < rank_of[b];
  });

  const std::size_t centre = builder.add_host(ego);
  std::vector<NodeId> shown;
  std::vector<std::size_t> shown_nodes;
  std::vector<NodeId> rest;
  for (NodeId host : tied) {
    if (shown.size() >= options.top) {
      rest.push_back(host);
      continue;
    }
    const std::size_t node = builder.add_host(host);
    shown.push_back(host);
    shown_nodes.push_back(node);
    if (shared[host] > 0) builder.add_edge(centre, node, DiagramEdgeKind::audience, shared[host]);
    if (costreams[host] > 0)
      builder.add_edge(centre, node, DiagramEdgeKind::collab, costreams[host]);
  }
  if (!rest.empty()) {
    const std::size_t fold = builder.add_folded(
        "hop:1", fmt::format("另有 {} 位相连主播 more tied hosts", rest.size()), rest, -1);
    builder.add_edge(centre, fold, DiagramEdgeKind::member, 1);
  }

  std::string note = fmt::format(
      "{} 位主播与其相连(共同受众或连麦), 按共同受众人数排序, 线上数字 = 共同受众人数 · {} hosts "
      "tied to it (shared audience or co-streams), ranked by people shared, the number on each "
      "edge",
      tied.size(), tied.size());
  if (options.hops > 1) {
    const std::size_t within =
        neighbourhood_size(network, ego, options.hops, options.fan_totals) - 1;
    note += fmt::format(
        "; {} 跳内共 {} 位(只画直接相连的) · {} hosts within {} hops (only "
        "those tied to it are drawn)",
        options.hops, within, within, options.hops);
  }
  Diagram diagram = std::move(builder).finish(
      fmt::format("{} 的关系圈 · hosts tied to {}", network.broadcasters.names[ego],
                  network.broadcasters.names[ego]),
      note);
  for (auto& edge : diagram.edges)
    if (edge.from == centre || edge.to == centre) {
      if (edge.kind == DiagramEdgeKind::audience) edge.label = chinese_count(edge.weight) + " 人";
      if (edge.kind == DiagramEdgeKind::collab) edge.label = fmt::format("连麦 {}", edge.weight);
    }
  for (auto& node : diagram.nodes) {
    node.hop = node.source == ego && node.kind == DiagramNodeKind::host ? 0 : 1;
    node.emphasised = node.hop == 0;
  }
  return diagram;
}

}  // namespace castgraph::viz
