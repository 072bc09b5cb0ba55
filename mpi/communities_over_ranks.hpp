// castgraph's communities over MPI ranks, for every command that colours or groups hosts
// by community (communities, render, export --communities, report): the audience layer of
// the projection from the host-pair counts of all ranks (shard_projection.hpp: each pair
// summed at its owner, then every owner's pairs gathered on rank 0, which must hold the
// graph for igraph anyway), the other layers from the shared part every rank holds, and
// igraph's Leiden or Louvain on rank 0. The same host graph and communities as castgraph's.
#pragma once

#include <cstdint>

#include "algorithms/communities.hpp"
#include "algorithms/projection.hpp"
#include "mpi/world.hpp"
#include "viz/diagram.hpp"

namespace castgraph::mpi {

// All collective. Throw AgreedFailure on every rank when any rank fails.

struct ProjectionOverRanks {
  HostGraph graph;       // project_hosts over all fans, on rank 0; empty on the others
  FansOverCap left_out;  // fans over the cap on hosts per fan, summed, on every rank
};
// audience_graph(network, projection) of the whole dataset, whose follows number
// `follows` over all ranks (on rank 0; empty on the others).
ProjectionOverRanks audience_graph_over_ranks(World& world, const Network& shard,
                                              const ProjectionOptions& projection,
                                              std::uint64_t follows);
// project_hosts(network, projection) of the whole dataset: the audience layer as above
// when it is weighed in, the other layers from what every rank holds.
ProjectionOverRanks project_hosts_over_ranks(World& world, const Network& shard,
                                             const ProjectionOptions& projection,
                                             std::uint64_t follows);
// The same with projection_options(options).
ProjectionOverRanks project_hosts_over_ranks(World& world, const Network& shard,
                                             const CommunityOptions& options,
                                             std::uint64_t follows);

// How a failure of the community search on rank 0 (igraph) reaches every rank.
enum class RootFailure {
  // As agree_on: every rank throws the same AgreedFailure, which ends the command.
  ends_every_rank,
  // As share_root_refusal (root_refusal.hpp): rank 0's UsageError or ExternalError is
  // thrown on every rank, for a report to print its section as not available and go on.
  refused_on_every_rank,
};

// find_communities(graph, options) on rank 0 (empty on the others); a failure there
// travels as `failure` says.
Communities find_communities_on_root(World& world, const HostGraph& graph,
                                     const CommunityOptions& options,
                                     RootFailure failure = RootFailure::ends_every_rank);

// find_communities(project_hosts(...), options) of castgraph on the whole dataset, whose
// follows number `follows` over all ranks, on every rank: the projection over ranks, the
// search on rank 0 (a failure there travels as `failure` says), the result shared. What
// render, export and report colour or group hosts by.
Communities find_communities_over_ranks(World& world, const Network& shard, std::uint64_t follows,
                                        const CommunityOptions& options, RootFailure failure);

// Rank 0's communities of the shard's hosts, with their modularity, on every rank.
Communities share_communities(World& world, const Network& shard, const Communities& found);

// viz::community_audience of the whole dataset, on every rank: each community's people
// and those each pair of communities shares are sums over fans, and each fan lives on one
// rank. `found` must be the same on every rank (share_communities).
viz::CommunityAudience community_audience_over_ranks(World& world, const Network& shard,
                                                     const Communities& found);

}  // namespace castgraph::mpi
