// castgraph-mpi rank --by pagerank, betweenness or bridging: the graph castgraph reads,
// built over the ranks (the co-stream graph every rank holds whole; the audience graph
// or the projection from the host pairs of every rank's fans, summed at their owners and
// gathered on rank 0, communities_over_ranks.hpp), scored on rank 0 by castgraph's own
// code (cli::score_on_graph), and the scores shared bit for bit with every rank, so that
// every rank orders the hosts alike and asks for the same hosts' provinces.
#pragma once

#include <cstdint>

#include "cli/rank_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective: cli::score_on_graph of castgraph's graph for options.by, on every rank;
// `follows` are those of all ranks. A failure on rank 0 (igraph) ends every rank.
cli::GraphScores graph_scores_over_ranks(World& world, const Network& shard,
                                         const cli::RankCommandOptions& options,
                                         std::uint64_t follows);

}  // namespace castgraph::mpi
