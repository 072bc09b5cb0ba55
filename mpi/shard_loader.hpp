// Loading one rank's shard of a CSV dataset: every platform, base, host, fanbase and
// collab (small, read whole by every rank, so ids agree everywhere), plus only the fans
// this rank owns (fan_owner.hpp) and their follows.
//
// fans.csv and follows.csv are each read once in all: every rank reads the records that
// begin in its byte range (record_range.hpp), checks them as load_dataset would (the same
// functions, dataset_loading.hpp), and sends each row to its fan's owner in one
// MPI_Alltoallv. The owner adds them in file order (rank by rank, each rank's rows in
// order), so a repeated fan id is found at the row one process would name. Strict: the
// first error in the file, whichever rank found it, ends every rank with the same message
// (agreement.hpp). Lenient: every rank's skipped rows go to rank 0, which lists them as
// one process would. The totals graph/value_rules.hpp bounds are checked in file order too:
// sums before each rank's range come from the others, and only when a total passes its
// limit do the owners tell the readers what each row added, to name the row.
#pragma once

#include <filesystem>

#include <vector>

#include "graph/network.hpp"
#include "loaders/dataset_loader.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

struct ShardLoad {
  Network network;
  // With `lenient`, the rows skipped, in the order load_dataset lists them, on rank 0
  // only; empty elsewhere.
  std::vector<Reject> rejects;
};

// Collective. Throws AgreedFailure on every rank when the dataset cannot be loaded.
// Lenient: skips bad rows as load_dataset does, and stops as it does when more than half
// of a file's rows are bad, counted over every rank's range.
// GB18030 files (`encoding`) are converted whole on every rank before each reads its
// range of the UTF-8 text (DatasetFile), so lines, columns and ranges are those of one
// process; the conversion costs each rank the whole file's memory while it loads.
ShardLoad load_shard(World& world, const std::filesystem::path& directory, bool lenient,
                     TextEncoding encoding);

}  // namespace castgraph::mpi
