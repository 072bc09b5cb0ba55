#include "algorithms/projection.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <string>

#include "algorithms/host_set.hpp"
#include "algorithms/reach_exact.hpp"
#include "graph/errors.hpp"
#include "igraph_bridge.hpp"

namespace castgraph {
namespace {

struct Adjacency {
  std::vector<std::uint64_t> offsets{0};
  std::vector<NodeId> targets;
  std::span<const NodeId> of(std::size_t row) const {
    return std::span(targets).subspan(offsets[row], offsets[row + 1] - offsets[row]);
  }
};

// Each host's distinct fans (all platforms), and the transpose: each fan's hosts, sorted.
std::pair<Adjacency, Adjacency> host_fan_incidence(const Network& network) {
  std::vector<NodeId> all(network.broadcasters.size());
  for (NodeId host = 0; host < all.size(); ++host) all[host] = host;
  const HostSet set = make_host_set(network, all);
  Adjacency forward;
  for (std::size_t h = 0; h < set.size(); ++h) {
    const std::vector<NodeId> fans = host_fans(network, set, h);
    forward.targets.insert(forward.targets.end(), fans.begin(), fans.end());
    forward.offsets.push_back(forward.targets.size());
  }
  Adjacency reverse;
  const std::size_t rows = network.fans.size();
  reverse.offsets.assign(rows + 1, 0);
  for (NodeId fan : forward.targets) ++reverse.offsets[fan + 1];
  for (std::size_t r = 0; r < rows; ++r) reverse.offsets[r + 1] += reverse.offsets[r];
  reverse.targets.resize(forward.targets.size());
  std::vector<std::uint64_t> next(reverse.offsets.begin(), reverse.offsets.end() - 1);
  for (std::size_t host = 0; host + 1 < forward.offsets.size(); ++host)
    for (NodeId fan : forward.of(host)) reverse.targets[next[fan]++] = static_cast<NodeId>(host);
  return {std::move(forward), std::move(reverse)};
}

double audience_weight(AudienceWeight kind, std::uint64_t shared, std::uint64_t reach_a,
                       std::uint64_t reach_b) {
  const double s = static_cast<double>(shared);
  switch (kind) {
    case AudienceWeight::shared:
      return s;
    case AudienceWeight::jaccard:
      return s / static_cast<double>(reach_a + reach_b - shared);
    case AudienceWeight::cosine:
      return s / std::sqrt(static_cast<double>(reach_a) * static_cast<double>(reach_b));
  }
  return s;
}

// Sorts by (a, b) and adds up the weights of repeated pairs.
void merge_parallel(std::vector<WeightedEdge>& edges) {
  std::ranges::sort(edges, [](const WeightedEdge& x, const WeightedEdge& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  std::size_t out = 0;
  for (std::size_t i = 0; i < edges.size(); ++i) {
    if (out > 0 && edges[out - 1].a == edges[i].a && edges[out - 1].b == edges[i].b)
      edges[out - 1].weight += edges[i].weight;
    else
      edges[out++] = edges[i];
  }
  edges.resize(out);
}

// Keeps the `most` strongest edges of one host's row. Ties are broken by a fixed rule on
// the ids (within a row the other ends differ, so the rule orders every tie), so the
// choice repeats whatever order the row came in.
void keep_strongest(std::vector<WeightedEdge>& row, std::size_t most) {
  if (row.size() <= most) return;
  std::ranges::nth_element(row, row.begin() + static_cast<std::ptrdiff_t>(most),
                           [](const WeightedEdge& x, const WeightedEdge& y) {
                             return x.weight != y.weight ? x.weight > y.weight
                                                         : (x.a ^ x.b) < (y.a ^ y.b);
                           });
  row.resize(most);
}

// Sorts by (a, b) and drops repeats (an edge kept by both ends arrives twice with the same
// weight). The order is canonical: the layer's weight total, summed in it, then does not
// depend on the order of the fans (or on how they are split over MPI ranks).
void sort_unique(std::vector<WeightedEdge>& edges) {
  std::ranges::sort(edges, [](const WeightedEdge& x, const WeightedEdge& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  auto repeats = std::ranges::unique(
      edges, [](const WeightedEdge& x, const WeightedEdge& y) { return x.a == y.a && x.b == y.b; });
  edges.erase(repeats.begin(), repeats.end());
}

WeightedEdge ordered(NodeId x, NodeId y, double weight) {
  return x < y ? WeightedEdge{x, y, weight} : WeightedEdge{y, x, weight};
}

}  // namespace

std::vector<double> HostGraph::strength() const {
  std::vector<double> sum(vertices, 0.0);
  for (const WeightedEdge& edge : edges) {
    sum[edge.a] += edge.weight;
    sum[edge.b] += edge.weight;
  }
  return sum;
}

std::string_view to_string(AudienceWeight weight) {
  switch (weight) {
    case AudienceWeight::shared:
      return "shared";
    case AudienceWeight::jaccard:
      return "jaccard";
    case AudienceWeight::cosine:
      return "cosine";
  }
  return "shared";
}

AudienceWeight parse_audience_weight(std::string_view text) {
  if (text == "shared") return AudienceWeight::shared;
  if (text == "jaccard") return AudienceWeight::jaccard;
  if (text == "cosine") return AudienceWeight::cosine;
  throw UsageError("unknown audience weight '" + std::string(text) +
                   "': use shared, jaccard or cosine");
}

FansOverCap fans_over_cap(const Network& network, std::size_t cap) {
  FansOverCap over;
  if (cap == 0) return over;
  std::vector<NodeId> hosts;
  for (NodeId fan = 0; fan < network.relations.follows.rows(); ++fan) {
    const std::span<const NodeId> fanbases = network.relations.follows.neighbours(fan);
    if (fanbases.size() <= cap) continue;  // fewer fan bases than the cap: fewer hosts too
    hosts.clear();
    for (NodeId fanbase : fanbases) hosts.push_back(network.fanbases.broadcaster[fanbase]);
    std::ranges::sort(hosts);
    const auto distinct = std::ranges::unique(hosts).begin() - hosts.begin();
    if (static_cast<std::size_t>(distinct) <= cap) continue;
    ++over.fans;
    over.people += network.fans.weight(fan);
  }
  return over;
}

HostGraph audience_graph(const Network& network, const ProjectionOptions& options) {
  if (network.follow_count() == 0)
    throw UsageError("the audience layer needs follows (follows.csv); this dataset has none");
  const std::size_t hosts = network.broadcasters.size();
  const auto [host_fans_of, fan_hosts_of] = host_fan_incidence(network);
  const std::size_t cap = options.max_hosts_per_fan;
  std::vector<std::uint64_t> reach(hosts, 0);
  for (std::size_t a = 0; a < hosts; ++a)
    for (NodeId fan : host_fans_of.of(a)) reach[a] += network.fans.weight(fan);

  HostGraph graph{hosts, {}};
  std::vector<std::uint64_t> shared(hosts, 0);
  std::vector<NodeId> touched;
  std::vector<WeightedEdge> row;
  for (NodeId a = 0; a < hosts; ++a) {
    for (NodeId fan : host_fans_of.of(a)) {
      const std::span<const NodeId> others = fan_hosts_of.of(fan);
      if (cap != 0 && others.size() > cap) continue;
      const std::uint64_t weight = network.fans.weight(fan);
      if (weight == 0) continue;  // keeps "shared[b] == 0" meaning "not touched yet"
      // Without top_k each pair is formed once, from its smaller end.
      auto first = options.top_k == 0 ? std::ranges::upper_bound(others, a) : others.begin();
      for (auto b = first; b != others.end(); ++b) {
        if (*b == a) continue;
        if (shared[*b] == 0) touched.push_back(*b);
        shared[*b] += weight;
      }
    }
    row.clear();
    for (NodeId b : touched) {
      if (shared[b] >= std::max<std::uint64_t>(options.min_shared, 1))
        row.push_back(
            ordered(a, b, audience_weight(options.audience_weight, shared[b], reach[a], reach[b])));
      shared[b] = 0;
    }
    touched.clear();
    if (options.top_k != 0) keep_strongest(row, options.top_k);
    graph.edges.insert(graph.edges.end(), row.begin(), row.end());
  }
  sort_unique(graph.edges);
  return graph;
}

HostGraph audience_graph_from_pairs(std::size_t hosts, const PairCounts& counts,
                                    const ProjectionOptions& options) {
  HostGraph graph{hosts, {}};
  const std::uint64_t least = std::max<std::uint64_t>(options.min_shared, 1);
  for (const PairCount& pair : counts.pairs)
    if (pair.shared >= least)
      graph.edges.push_back({pair.a, pair.b,
                             audience_weight(options.audience_weight, pair.shared,
                                             counts.reach[pair.a], counts.reach[pair.b])});
  if (options.top_k != 0) {
    // Each host's row, both ends, then its top_k kept as audience_graph keeps them.
    std::vector<std::vector<WeightedEdge>> rows(hosts);
    for (const WeightedEdge& edge : graph.edges) {
      rows[edge.a].push_back(edge);
      rows[edge.b].push_back(edge);
    }
    graph.edges.clear();
    for (std::vector<WeightedEdge>& row : rows) {
      keep_strongest(row, options.top_k);
      graph.edges.insert(graph.edges.end(), row.begin(), row.end());
    }
  }
  sort_unique(graph.edges);
  return graph;
}

HostGraph collab_graph(const Network& network) {
  HostGraph graph{network.broadcasters.size(), {}};
  const Csr& collab = network.relations.collab;
  for (NodeId a = 0; a < collab.rows(); ++a) {
    const std::uint64_t begin = collab.offsets()[a];
    const std::span<const NodeId> others = collab.neighbours(a);
    for (std::size_t i = 0; i < others.size(); ++i)
      if (a < others[i])
        graph.edges.push_back({a, others[i], network.relations.collab_weight[begin + i]});
  }
  merge_parallel(graph.edges);
  return graph;
}

HostGraph base_graph(const Network& network, const ProjectionOptions& options) {
  HostGraph graph{network.broadcasters.size(), {}};
  const Csr& members_of = network.relations.base_members;
  const std::size_t limit = std::max<std::size_t>(options.base_clique_limit, 2);
  for (NodeId base = 0; base < members_of.rows(); ++base) {
    const std::span<const NodeId> members = members_of.neighbours(base);
    const std::size_t m = members.size();
    if (m < 2) continue;
    if (m <= limit + 1) {
      const double weight = 1.0 / static_cast<double>(m - 1);
      for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = i + 1; j < m; ++j)
          graph.edges.push_back(ordered(members[i], members[j], weight));
      continue;
    }
    // Ring lattice: each member linked to the next limit/2 members around the ring.
    const std::size_t half = limit / 2;
    const double weight = 1.0 / static_cast<double>(2 * half);
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t step = 1; step <= half; ++step)
        graph.edges.push_back(ordered(members[i], members[(i + step) % m], weight));
  }
  merge_parallel(graph.edges);
  return graph;
}

HostGraph project_hosts(const Network& network, const ProjectionOptions& options) {
  HostGraph audience{network.broadcasters.size(), {}};
  if (options.audience_layer > 0 && network.follow_count() > 0)
    audience = audience_graph(network, options);
  return project_hosts(network, options, std::move(audience));
}

HostGraph project_hosts(const Network& network, const ProjectionOptions& options,
                        HostGraph audience) {
  HostGraph graph{network.broadcasters.size(), {}};
  auto add_layer = [&](HostGraph layer, double layer_weight) {
    if (layer.edges.empty()) return;
    double total = 0;
    for (const WeightedEdge& edge : layer.edges) total += edge.weight;
    if (total <= 0) return;
    const double scale = layer_weight * static_cast<double>(layer.edges.size()) / total;
    for (WeightedEdge& edge : layer.edges) edge.weight *= scale;
    graph.edges.insert(graph.edges.end(), layer.edges.begin(), layer.edges.end());
  };
  if (options.audience_layer > 0) add_layer(std::move(audience), options.audience_layer);
  if (options.collab_layer > 0) add_layer(collab_graph(network), options.collab_layer);
  if (options.base_layer > 0) add_layer(base_graph(network, options), options.base_layer);
  merge_parallel(graph.edges);
  return graph;
}

HostGraph famous_graph(std::string_view name) {
  const std::string text(name);
  igraph_bridge::Graph famous(0);
  try {
    famous = igraph_bridge::Graph::famous(text.c_str());
  } catch (const igraph_bridge::IgraphError&) {
    throw UsageError("igraph knows no famous graph called '" + text + "'");
  }
  HostGraph graph{static_cast<std::size_t>(famous.vertices()), {}};
  for (igraph_integer_t e = 0; e < famous.edges(); ++e)
    graph.edges.push_back(ordered(static_cast<NodeId>(IGRAPH_FROM(famous.c_struct(), e)),
                                  static_cast<NodeId>(IGRAPH_TO(famous.c_struct(), e)), 1.0));
  merge_parallel(graph.edges);
  return graph;
}

}  // namespace castgraph
