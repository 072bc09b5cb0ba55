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
// none. Throws DataError naming `file` and the section when the section's name states a
// precision outside kMinHllPrecision..kMaxHllPrecision or its size does not fit the
// network. Registers are checked as they are read (their checksums), not their values.
std::optional<FanbaseSketches> stored_sketches(const OpenedSnapshot& snapshot,
                                               const std::filesystem::path& file);

// stored_sketches, and every register's value within what its precision allows, for
// `castgraph check`. O(registers).
void check_stored_sketches(const OpenedSnapshot& snapshot, const std::filesystem::path& file);

}  // namespace castgraph::cli
