// Compressed sparse rows: the neighbours of row r are targets[offsets[r] .. offsets[r+1]).
// One relation of one direction; the reverse direction, where a query needs it, is a
// second Csr built by transposing (see csr_builder.hpp). After gapbs' CSRGraph.
#pragma once

#include <cstdint>
#include <span>

#include "graph/column.hpp"
#include "graph/ids.hpp"

namespace castgraph {

class Csr {
 public:
  Csr() = default;
  Csr(Column<std::uint64_t> offsets, Column<NodeId> targets)
      : offsets_(std::move(offsets)), targets_(std::move(targets)) {}

  std::size_t rows() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::uint64_t edges() const { return targets_.size(); }
  std::span<const NodeId> neighbours(NodeId row) const {
    // Only this row's targets: a query of a few hosts checks a few rows of a snapshot.
    const std::uint64_t first = offsets_[row];
    return targets_.range(first, offsets_[row + 1] - first);
  }
  std::uint64_t degree(NodeId row) const { return offsets_[row + 1] - offsets_[row]; }

  const Column<std::uint64_t>& offsets() const { return offsets_; }
  const Column<NodeId>& targets() const { return targets_; }

 private:
  Column<std::uint64_t> offsets_;  // rows() + 1 entries; offsets_[0] == 0
  Column<NodeId> targets_;
};

}  // namespace castgraph
