// Centrality of hosts on a host graph (the collab graph or a projection): who sits at the
// centre (PageRank), who lies on the paths between others (betweenness), and whose
// connections span communities (participation coefficient, "bridging").
#pragma once

#include <cstdint>
#include <vector>

#include "algorithms/communities.hpp"
#include "algorithms/projection.hpp"

namespace castgraph {

struct PageRankOptions {
  double damping = 0.85;
  bool weighted = true;  // edge weights bias the walk; false treats every edge alike
};

// PageRank of every vertex of the undirected weighted graph (Brin & Page 1998, "The
// anatomy of a large-scale hypertextual Web search engine"): the stationary distribution
// of a walk that follows an edge with probability `damping` (chosen in proportion to its
// weight) and jumps to a uniform vertex otherwise; isolated vertices jump uniformly.
// Sums to 1. igraph_pagerank with PRPACK (exact up to rounding): O(V + E) per iteration
// of its solver, O(V + E) memory.
std::vector<double> pagerank(const HostGraph& graph, const PageRankOptions& options = {});

struct BetweennessOptions {
  // Exact (igraph_betweenness) up to this many vertices; above it, sampled.
  std::size_t exact_limit = 4000;
  std::size_t samples = 256;  // sources for the sampled estimate
  std::uint64_t seed = 1;     // which sources
};

struct Betweenness {
  std::vector<double> score;  // pairs (s, t), s < t, whose shortest paths pass through v
  bool sampled = false;
  std::size_t sources = 0;  // BFS sources used (= vertices when exact)
};

// Unweighted (hop-count) betweenness of every vertex (Brandes 2001, "A faster algorithm
// for betweenness centrality"). Exact: O(V·E) time, O(V + E) memory. Sampled (Brandes &
// Pich 2007): dependencies accumulated from `samples` uniformly drawn sources and scaled
// by V/samples — an unbiased estimate in O(samples·E); the same seed draws the same
// sources. Edge weights are similarities, not lengths, so they are not used here.
Betweenness betweenness(const HostGraph& graph, const BetweennessOptions& options = {});

// Brandes' accumulation from the given sources only, unscaled and halved (each unordered
// pair once when `sources` are all vertices). The slow reference the tests check igraph
// against, and the engine of the sampled estimate. O(|sources|·(V + E)).
std::vector<double> brandes_from(const HostGraph& graph, const std::vector<NodeId>& sources);

// Participation coefficient of every vertex (Guimerà & Amaral 2005, "Functional
// cartography of complex metabolic networks"): P_i = 1 − Σ_c (s_ic / s_i)², where s_ic
// is the weight of i's edges into community c and s_i its strength. 0 for a host whose
// ties all stay in one community (or who has none); towards 1 − 1/C when spread evenly
// over C communities. On the audience projection, high P marks hosts whose audience spans
// communities: bridges. O(V + E) time and memory.
std::vector<double> participation(const HostGraph& graph, const Communities& communities);

}  // namespace castgraph
