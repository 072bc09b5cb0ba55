// Thinning a weighted undirected graph node by node instead of by one global cut, so that
// a host among weaker ties keeps its own strongest ones (a global "top 90 edges" hands
// every edge to the heaviest corner of the graph and leaves the rest floating):
//
//   strongest ties     an edge stays when it is among the k heaviest at either end
//                      (ties by edge order); every vertex with an edge keeps its heaviest
//   disparity filter   Serrano, Boguñá & Vespignani 2009, "Extracting the multiscale
//                      backbone of complex weighted networks" (PNAS 106:6483): at vertex i
//                      of degree k_i and strength s_i, edge ij has p_ij = w_ij / s_i and
//                      α_ij = (1 − p_ij)^(k_i − 1), the chance that a uniform random split
//                      of s_i gives it that large a share. An edge stays when α < alpha at
//                      either end. Degree-one vertices give α = 1, so the filter alone
//                      can strand them; castgraph's diagrams use strongest ties (see
//                      viz/diagram.cpp for why).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "algorithms/projection.hpp"

namespace castgraph {

// keep[e] for every edge e of `edges` over vertices 0..vertices-1. O(E log E).
std::vector<char> strongest_ties(std::size_t vertices, std::span<const WeightedEdge> edges,
                                 std::size_t k);

// The smaller of the two ends' α for every edge (1 where an end has degree one). O(V + E).
std::vector<double> disparity_alpha(std::size_t vertices, std::span<const WeightedEdge> edges);

}  // namespace castgraph
