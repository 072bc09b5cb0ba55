// castgraph-mpi render: castgraph's picture, drawn by Graphviz on rank 0. Every rank
// builds the same diagram in step from what all of them know alike: the hosts, bases and
// platforms of its shard, each host's reach summed over ranks, castgraph's communities
// (communities_over_ranks.hpp) and the dataset's follow count; when the diagram asks for
// the people shared among the hosts it draws, every rank counts its own fans' share and
// the counts are summed (each fan lives on one rank), so each rank asks at the same
// moment, and so for the people of each community and those each pair of communities
// shares. The ego view's people shared with the ego are summed the same way, and its
// neighbours (hosts sharing a fan with the ego, or with a ring of hosts for --hops) are the
// union of each rank's, one max-reduce of a flag per host for each ring.
#pragma once

#include "cli/render_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective. Throws AgreedFailure on every rank when any rank fails.
void run_render(World& world, const cli::RenderCommandOptions& options);

}  // namespace castgraph::mpi
