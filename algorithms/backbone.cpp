// Per-vertex edge thinning; see backbone.hpp.
#include "algorithms/backbone.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace castgraph {

std::vector<char> strongest_ties(std::size_t vertices, std::span<const WeightedEdge> edges,
                                 std::size_t k) {
  std::vector<std::vector<std::size_t>> at(vertices);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    at[edges[e].a].push_back(e);
    at[edges[e].b].push_back(e);
  }
  std::vector<char> keep(edges.size(), 0);
  for (auto& incident : at) {
    std::stable_sort(incident.begin(), incident.end(), [&](std::size_t x, std::size_t y) {
      return edges[x].weight > edges[y].weight;
    });
    for (std::size_t i = 0; i < std::min(k, incident.size()); ++i) keep[incident[i]] = 1;
  }
  return keep;
}

std::vector<double> disparity_alpha(std::size_t vertices, std::span<const WeightedEdge> edges) {
  std::vector<double> strength(vertices, 0);
  std::vector<std::size_t> degree(vertices, 0);
  for (const WeightedEdge& edge : edges) {
    strength[edge.a] += edge.weight, strength[edge.b] += edge.weight;
    ++degree[edge.a], ++degree[edge.b];
  }
  auto alpha_at = [&](NodeId v, double weight) {
    if (degree[v] <= 1 || strength[v] <= 0) return 1.0;
    return std::pow(1.0 - weight / strength[v], static_cast<double>(degree[v] - 1));
  };
  std::vector<double> alpha(edges.size());
  for (std::size_t e = 0; e < edges.size(); ++e)
    alpha[e] =
        std::min(alpha_at(edges[e].a, edges[e].weight), alpha_at(edges[e].b, edges[e].weight));
  return alpha;
}

}  // namespace castgraph
