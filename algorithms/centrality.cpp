#include "algorithms/centrality.hpp"

#include <algorithm>
#include <numeric>
#include <random>
#include <unordered_map>

#include "graph/errors.hpp"
#include "igraph_bridge.hpp"

namespace castgraph {
namespace {

namespace bridge = igraph_bridge;

struct Neighbours {
  std::vector<std::uint64_t> offsets;
  std::vector<NodeId> targets;
};

Neighbours neighbours_of(const HostGraph& graph) {
  Neighbours adjacency;
  adjacency.offsets.assign(graph.vertices + 1, 0);
  for (const WeightedEdge& edge : graph.edges) {
    ++adjacency.offsets[edge.a + 1];
    ++adjacency.offsets[edge.b + 1];
  }
  for (std::size_t v = 0; v < graph.vertices; ++v) adjacency.offsets[v + 1] += adjacency.offsets[v];
  adjacency.targets.resize(2 * graph.edges.size());
  std::vector<std::uint64_t> next(adjacency.offsets.begin(), adjacency.offsets.end() - 1);
  for (const WeightedEdge& edge : graph.edges) {
    adjacency.targets[next[edge.a]++] = edge.b;
    adjacency.targets[next[edge.b]++] = edge.a;
  }
  return adjacency;
}

}  // namespace

std::vector<double> pagerank(const HostGraph& graph, const PageRankOptions& options) {
  if (!(options.damping >= 0 && options.damping < 1))
    throw UsageError("the PageRank damping must be in [0, 1)");
  if (graph.vertices == 0) return {};
  const bridge::Graph igraph(graph);
  const bridge::RealVector weights = bridge::edge_weights(graph);
  bridge::RealVector scores(0);
  igraph_real_t eigenvalue = 0;
  const bridge::OneOpenMpThread same_answer_every_run;
  bridge::check(igraph_pagerank(igraph.c_struct(), IGRAPH_PAGERANK_ALGO_PRPACK, scores.c_struct(),
                                &eigenvalue, igraph_vss_all(), false, options.damping,
                                options.weighted ? weights.c_struct() : nullptr, nullptr),
                "pagerank");
  return scores.to_std();
}

std::vector<double> brandes_from(const HostGraph& graph, const std::vector<NodeId>& sources) {
  const std::size_t n = graph.vertices;
  const Neighbours adjacency = neighbours_of(graph);
  std::vector<double> score(n, 0.0), sigma(n), delta(n);
  std::vector<std::int64_t> distance(n);
  std::vector<NodeId> order;
  order.reserve(n);
  for (NodeId s : sources) {
    std::ranges::fill(sigma, 0.0);
    std::ranges::fill(delta, 0.0);
    std::ranges::fill(distance, -1);
    order.clear();
    sigma[s] = 1;
    distance[s] = 0;
    order.push_back(s);
    for (std::size_t head = 0; head < order.size(); ++head) {
      const NodeId v = order[head];
      for (std::uint64_t i = adjacency.offsets[v]; i < adjacency.offsets[v + 1]; ++i) {
        const NodeId w = adjacency.targets[i];
        if (distance[w] < 0) {
          distance[w] = distance[v] + 1;
          order.push_back(w);
        }
        if (distance[w] == distance[v] + 1) sigma[w] += sigma[v];
      }
    }
    // Dependencies in order of decreasing distance; predecessors are the neighbours one
    // step closer to s.
    for (std::size_t k = order.size(); k-- > 1;) {
      const NodeId w = order[k];
      for (std::uint64_t i = adjacency.offsets[w]; i < adjacency.offsets[w + 1]; ++i) {
        const NodeId v = adjacency.targets[i];
        if (distance[v] == distance[w] - 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
      }
      score[w] += delta[w];
    }
  }
  for (double& value : score) value /= 2;  // undirected: each pair was seen from both ends
  return score;
}

Betweenness betweenness(const HostGraph& graph, const BetweennessOptions& options) {
  const std::size_t n = graph.vertices;
  Betweenness result;
  if (n == 0) return result;
  if (n <= options.exact_limit || options.samples == 0 || options.samples >= n) {
    const bridge::Graph igraph(graph);
    bridge::RealVector scores(0);
    bridge::check(
        igraph_betweenness(igraph.c_struct(), scores.c_struct(), igraph_vss_all(), false, nullptr),
        "betweenness");
    result.score = scores.to_std();
    result.sources = n;
    return result;
  }
  std::vector<NodeId> all(n);
  std::iota(all.begin(), all.end(), NodeId{0});
  std::mt19937_64 random(options.seed);
  // A partial Fisher–Yates shuffle: the first `samples` entries are a uniform sample.
  for (std::size_t i = 0; i < options.samples; ++i) {
    std::uniform_int_distribution<std::size_t> pick(i, n - 1);
    std::swap(all[i], all[pick(random)]);
  }
  all.resize(options.samples);
  std::ranges::sort(all);
  result.score = brandes_from(graph, all);
  const double scale = static_cast<double>(n) / static_cast<double>(options.samples);
  for (double& value : result.score) value *= scale;
  result.sampled = true;
  result.sources = options.samples;
  return result;
}

std::vector<double> participation(const HostGraph& graph, const Communities& communities) {
  if (communities.of_host.size() != graph.vertices)
    throw UsageError("participation: the communities do not cover the graph's vertices");
  const std::vector<double> strength = graph.strength();
  // Weight from each vertex into each community, as (vertex, community) → weight.
  std::vector<std::unordered_map<std::uint32_t, double>> into(graph.vertices);
  for (const WeightedEdge& edge : graph.edges) {
    into[edge.a][communities.of_host[edge.b]] += edge.weight;
    into[edge.b][communities.of_host[edge.a]] += edge.weight;
  }
  std::vector<double> result(graph.vertices, 0.0);
  for (std::size_t v = 0; v < graph.vertices; ++v) {
    if (strength[v] <= 0) continue;
    double concentration = 0;
    for (const auto& [community, weight] : into[v])
      concentration += (weight / strength[v]) * (weight / strength[v]);
    result[v] = std::max(0.0, 1.0 - concentration);
  }
  return result;
}

}  // namespace castgraph
