// castgraph-mpi communities: the audience layer of the projection from the host-pair
// counts of all ranks (shard_projection.hpp: each pair summed at its owner, then every
// owner's pairs gathered on rank 0, which must hold the graph for igraph anyway), the
// other layers from the shared part every rank holds, igraph's Leiden or Louvain on rank
// 0, and each community's reach summed over ranks. Byte for byte castgraph's output.
#pragma once

#include "cli/communities_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective. Throws AgreedFailure on every rank when any rank fails.
void run_communities(World& world, const cli::CommunitiesCommandOptions& command);

}  // namespace castgraph::mpi
