// The reach sketches a snapshot carries: built by `castgraph snapshot`, stored as four
// extra sections named after their precision ("sketches.hll.p14.dense_slot", ".dense",
// ".sparse_offsets", ".sparse"; algorithms/fanbase_sketches.hpp), and handed to reach
// queries so that `--method sketch` never touches a follow edge.
#pragma once

#include <optional>
#include <vector>

#include "algorithms/fanbase_sketches.hpp"
#include "loaders/snapshot.hpp"

namespace castgraph::cli {

// The extra sections that store `sketches` (they borrow its arrays).
std::vector<SnapshotExtra> sketch_sections(const FanbaseSketches& sketches);

// The sketches stored in an opened snapshot, borrowing its memory; nullopt when it has
// none. Throws DataError naming `file` and the section when a section's name states a
// precision outside kMinHllPrecision..kMaxHllPrecision, a part is missing or of the wrong
// element size, or the layout does not fit the network (sketch_layout_problem, which
// reads the slots and offsets: O(fanbases)). Registers and sparse entries are checked as
// they are read (their checksums, chunk by chunk), not their values.
std::optional<FanbaseSketches> stored_sketches(const OpenedSnapshot& snapshot,
                                               const std::filesystem::path& file);

// stored_sketches, and every register's and sparse entry's value (sketch_value_problem),
// for `castgraph check`. O(stored sketches).
void check_stored_sketches(const OpenedSnapshot& snapshot, const std::filesystem::path& file);

}  // namespace castgraph::cli
