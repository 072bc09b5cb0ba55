// Building Csr relations from edge lists by counting sort: O(rows + edges) time,
// no per-edge allocation.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/csr.hpp"

namespace castgraph {

// Groups (source[i], target[i]) pairs by source. Within a row, targets are sorted and
// duplicates removed when `deduplicate` is set (otherwise they keep input order).
Csr build_csr(std::size_t rows, std::span<const NodeId> sources, std::span<const NodeId> targets,
              bool deduplicate);

// Consecutive edges that share one target: a fanbase's rows in follows.csv, which comes
// grouped by host. Holding the targets as runs costs 4 bytes an edge less than a target
// per edge when the input is grouped (116.8 M follow rows: 467 MB at the load's peak);
// input in any other order is still right, at 4 bytes an edge more when no two
// neighbouring edges share a target.
struct TargetRun {
  NodeId target;
  std::uint32_t length;
};

// Appends `target` as the next edge's target, extending the last run when it matches.
void append_target(std::vector<TargetRun>& runs, NodeId target);

// build_csr with edge i's target given by the runs (the first runs[0].length edges have
// target runs[0].target, and so on): the same result as with the targets spelled out.
Csr build_csr(std::size_t rows, std::span<const NodeId> sources, std::span<const TargetRun> runs,
              bool deduplicate);

// The reverse relation: row t of the result lists every r with t in neighbours(r),
// in increasing order of r. `rows` is the number of rows of the result.
Csr transpose(const Csr& forward, std::size_t rows);

// A Csr in which row r has exactly the one neighbour column[r], or none when column[r]
// is kNoNode; used to turn "each host has at most one base" into the base -> hosts relation.
Csr csr_from_column(std::span<const NodeId> column);

}  // namespace castgraph
