// castgraph-mpi export: castgraph's files, written by rank 0 with castgraph's writers.
// The typed network (platforms, bases, hosts, fanbases, co-streams) is the part every
// rank holds whole; what comes from fans is counted over ranks: --communities from the
// distributed projection (communities_over_ranks.hpp), and --audience's pairs and each
// host's reach as sums over the ranks' disjoint fans (shard_projection.hpp). --fans is
// refused: it writes one node per fan, which would gather every fan and follow of the
// dataset on rank 0, the memory castgraph-mpi exists to spread.
#pragma once

#include "cli/export_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective. Throws AgreedFailure on every rank when any rank fails.
void run_export(World& world, const cli::ExportCommandOptions& options);

}  // namespace castgraph::mpi
