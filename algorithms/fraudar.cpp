// Fraudar's peeling; see fraudar.hpp. Nodes taking part get compact slots: rows first,
// then every column, so the MinTree and the priorities cover only what is peeled.
#include "algorithms/fraudar.hpp"

#include <algorithm>
#include <cmath>

#include "algorithms/min_tree.hpp"

namespace castgraph {
namespace {

struct Slots {
  std::vector<NodeId> row_of_slot;  // slot -> row, for the rows taking part
  std::vector<NodeId> slot_of_row;  // row -> slot, kNoNode when left out
};

Slots taking_part(const PeelGraph& graph) {
  Slots slots;
  slots.slot_of_row.assign(graph.rows.rows(), kNoNode);
  for (NodeId row = 0; row < graph.rows.rows(); ++row) {
    if (graph.rows.degree(row) == 0) continue;
    if (!graph.active_rows.empty() && graph.active_rows[row] == 0) continue;
    slots.slot_of_row[row] = static_cast<NodeId>(slots.row_of_slot.size());
    slots.row_of_slot.push_back(row);
  }
  return slots;
}

double edge_weight(const PeelGraph& graph, NodeId /*row*/, NodeId column) {
  return graph.column_weights[column];
}

}  // namespace

std::vector<double> fraudar_column_weights(const Csr& columns, double c) {
  std::vector<std::uint64_t> degrees(columns.rows());
  for (NodeId column = 0; column < columns.rows(); ++column)
    degrees[column] = columns.degree(column);
  return fraudar_column_weights(degrees, c);
}

std::vector<double> fraudar_column_weights(std::span<const std::uint64_t> degrees, double c) {
  std::vector<double> weights(degrees.size());
  for (std::size_t column = 0; column < degrees.size(); ++column)
    weights[column] = 1.0 / std::log(static_cast<double>(degrees[column]) + c);
  return weights;
}

PeeledBlock peel_densest_block(const PeelGraph& graph) {
  const Slots slots = taking_part(graph);
  const std::size_t row_count = slots.row_of_slot.size();
  const std::size_t column_count = graph.columns.rows();
  const std::size_t nodes = row_count + column_count;
  std::vector<double> priority(nodes, 0.0);
  double mass = 0;
  std::size_t alive = row_count;
  for (std::size_t s = 0; s < row_count; ++s)
    for (NodeId column : graph.rows.neighbours(slots.row_of_slot[s])) {
      const double w = edge_weight(graph, slots.row_of_slot[s], column);
      priority[s] += w;
      if (priority[row_count + column] == 0) ++alive;
      priority[row_count + column] += w;
      mass += w;
    }
  std::vector<std::uint8_t> removed(nodes, 0);
  for (std::size_t column = 0; column < column_count; ++column)
    if (priority[row_count + column] == 0) removed[row_count + column] = 1;  // untouched
  MinTree tree(nodes);
  tree.assign(nodes, [&](std::size_t s) {
    return removed[s] ? MinTree::kRemoved : static_cast<float>(priority[s]);
  });

  // Peel; order[k] is the k-th node removed. The best block is what remained before
  // the step that left the best average.
  std::vector<NodeId> order;
  order.reserve(alive);
  double best = alive ? mass / static_cast<double>(alive) : 0.0;
  std::size_t best_step = 0;
  while (!tree.empty()) {
    const std::size_t s = tree.smallest();
    tree.set(s, MinTree::kRemoved);
    removed[s] = 1;
    order.push_back(static_cast<NodeId>(s));
    mass -= priority[s];
    --alive;
    if (s < row_count) {
      for (NodeId column : graph.rows.neighbours(slots.row_of_slot[s])) {
        const std::size_t c = row_count + column;
        if (removed[c]) continue;
        priority[c] -= edge_weight(graph, slots.row_of_slot[s], column);
        tree.set(c, static_cast<float>(priority[c]));
      }
    } else {
      const NodeId column = static_cast<NodeId>(s - row_count);
      for (NodeId row : graph.columns.neighbours(column)) {
        const NodeId r = slots.slot_of_row[row];
        if (r == kNoNode || removed[r]) continue;
        priority[r] -= edge_weight(graph, row, column);
        tree.set(r, static_cast<float>(priority[r]));
      }
    }
    const double average = alive ? std::max(0.0, mass) / static_cast<double>(alive) : 0.0;
    if (average > best) {
      best = average;
      best_step = order.size();
    }
  }

  PeeledBlock block;
  for (std::size_t k = best_step; k < order.size(); ++k) {
    const NodeId s = order[k];
    if (s < row_count)
      block.rows.push_back(slots.row_of_slot[s]);
    else
      block.columns.push_back(static_cast<NodeId>(s - row_count));
  }
  std::ranges::sort(block.rows);
  std::ranges::sort(block.columns);
  block.average = weighted_average(graph, block.rows, block.columns);
  block.mass = block.average * static_cast<double>(block.rows.size() + block.columns.size());
  return block;
}

double weighted_average(const PeelGraph& graph, std::span<const NodeId> rows,
                        std::span<const NodeId> columns) {
  if (rows.empty() && columns.empty()) return 0.0;
  double mass = 0;
  for (NodeId row : rows)
    for (NodeId column : graph.rows.neighbours(row))
      if (std::ranges::binary_search(columns, column)) mass += edge_weight(graph, row, column);
  return mass / static_cast<double>(rows.size() + columns.size());
}

}  // namespace castgraph
