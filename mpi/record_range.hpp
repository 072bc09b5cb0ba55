// Each rank's share of one CSV file: the records that begin in its byte range, found with
// loaders/csv_split.hpp so that a quoted field holding a line break never straddles two
// ranks, and the line its range starts on, so that errors name the line one process would.
#pragma once

#include <cstdint>
#include <string_view>

#include "mpi/world.hpp"

namespace castgraph::mpi {

struct RecordRange {
  std::uint64_t begin = 0, end = 0;  // bytes; ranks' ranges tile the content in rank order
  std::size_t line = 1;              // the line `begin` is on
};

// Collective. `file` is the whole file, its content starting at `content_begin` (after a
// BOM). O(file / ranks) per rank, plus one all-gather and one exclusive scan.
RecordRange record_range(World& world, std::string_view file, std::uint64_t content_begin);

}  // namespace castgraph::mpi
