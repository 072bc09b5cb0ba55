// Building Csr relations from edge lists by counting sort: O(rows + edges) time,
// no per-edge allocation.
#pragma once

#include <vector>

#include "graph/csr.hpp"

namespace castgraph {

// Groups (source[i], target[i]) pairs by source. Within a row, targets are sorted and
// duplicates removed when `deduplicate` is set (otherwise they keep input order).
Csr build_csr(std::size_t rows, std::span<const NodeId> sources, std::span<const NodeId> targets,
              bool deduplicate);

// The reverse relation: row t of the result lists every r with t in neighbours(r),
// in increasing order of r. `rows` is the number of rows of the result.
Csr transpose(const Csr& forward, std::size_t rows);

// A Csr in which row r has exactly the one neighbour column[r], or none when column[r]
// is kNoNode; used to turn "each host has at most one base" into the base -> hosts relation.
Csr csr_from_column(std::span<const NodeId> column);

}  // namespace castgraph
