// Fraudar's greedy peeling (Hooi, Song, Beutel, Shah, Shin, Faloutsos, "FRAUDAR: Bounding
// Graph Fraud in the Face of Camouflage", KDD 2016): the densest block of a bipartite
// graph of rows (fans) and columns (fanbases), where density is the weighted average
//   g(S) = f(S) / |S|,  f(S) = sum over edges inside S of the column's weight,
//   |S| = rows in S + columns in S,
// and a column of degree x weighs 1 / log(x + c) (c = 5 in the paper): following a
// popular column says little, so camouflage follows of popular hosts add little to f.
// Starting from the whole graph, the node of least priority (the weight its edges into
// what remains add to f) is removed, one at a time, and the best g seen is kept. The
// paper's Theorem 1: the g found is at least half the best g over all subsets of the
// graph, and its Theorem 2: camouflage (any edges from the block's rows to other columns)
// does not change the weights inside the block, so it cannot hide the block.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/csr.hpp"

namespace castgraph {

inline constexpr double kFraudarWeightConstant = 5.0;  // the paper's c

// 1 / log(degree + c) for every column of `columns` (column -> rows). O(columns).
std::vector<double> fraudar_column_weights(const Csr& columns, double c = kFraudarWeightConstant);
// The same from the columns' degrees, which may be counted over more rows than one Csr
// holds (the whole network's, over MPI ranks).
std::vector<double> fraudar_column_weights(std::span<const std::uint64_t> degrees,
                                           double c = kFraudarWeightConstant);

struct PeelGraph {
  const Csr& rows;                         // row -> columns, no repeats
  const Csr& columns;                      // column -> rows: the transpose of `rows`
  std::span<const double> column_weights;  // per column, positive
  // Per row: 1 when the row takes part, 0 when it is left out with its edges (a block
  // already found, say). Empty: every row takes part.
  std::span<const std::uint8_t> active_rows = {};
};

struct PeeledBlock {
  std::vector<NodeId> rows;     // sorted
  std::vector<NodeId> columns;  // sorted
  double mass = 0;              // f of the block
  double average = 0;           // g = mass / (rows + columns); 0 when nothing is left
};

// The block of largest g met while peeling every taking-part row and every column they
// touch. Time O(E log V) for E edges and V nodes taking part; memory O(rows + columns).
PeeledBlock peel_densest_block(const PeelGraph& graph);

// f(S) / |S| of the block `rows` x `columns` of `graph` (the objective, computed directly:
// for tests and for checking a block). O(edges of the rows x log columns).
double weighted_average(const PeelGraph& graph, std::span<const NodeId> rows,
                        std::span<const NodeId> columns);

}  // namespace castgraph
