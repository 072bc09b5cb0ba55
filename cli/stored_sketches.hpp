// The reach sketches a snapshot carries: built by `castgraph snapshot`, stored as an
// extra section named after their precision ("sketches.hll.p12"), and handed to reach
// queries so that `--method sketch` never touches a follow edge.
#pragma once

#include <optional>

#include "algorithms/reach_sketch.hpp"
#include "loaders/snapshot.hpp"

namespace castgraph::cli {

// The extra section that stores `sketches` (it borrows their registers).
SnapshotExtra sketch_section(const FanbaseSketches& sketches);

// The sketches stored in an opened snapshot, borrowing its memory; nullopt when it has
// none. Throws DataError when the section does not fit the network.
std::optional<FanbaseSketches> stored_sketches(const OpenedSnapshot& snapshot);

}  // namespace castgraph::cli
