// castgraph-mpi communities: the audience layer of the projection from the host-pair
// counts of all ranks (shard_projection.hpp: each pair summed at its owner, then every
// owner's pairs gathered on rank 0, which must hold the graph for igraph anyway), the
// other layers from the shared part every rank holds, igraph's Leiden or Louvain on rank
// 0, and each community's reach summed over ranks. Byte for byte castgraph's output.
#pragma once

#include "cli/communities_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// The audience layer of the projection castgraph's project_hosts makes for `options`, on
// rank 0 (empty elsewhere, and without follows or that layer); the fans the cap on hosts
// per fan left out in `left_out`, on every rank. Collective.
HostGraph audience_over_ranks(World& world, const Network& shard, const CommunityOptions& options,
                              std::uint64_t follows, FansOverCap& left_out);

// Collective. Throws AgreedFailure on every rank when any rank fails.
void run_communities(World& world, const cli::CommunitiesCommandOptions& command);

}  // namespace castgraph::mpi
