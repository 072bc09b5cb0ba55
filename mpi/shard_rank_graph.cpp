#include "mpi/shard_rank_graph.hpp"

#include <cstring>

#include "algorithms/projection.hpp"
#include "mpi/agreement.hpp"
#include "mpi/communities_over_ranks.hpp"
#include "mpi/wire.hpp"

namespace castgraph::mpi {
namespace {

// castgraph's graph named `name` (cli::rank_graph_name), on rank 0; the co-stream graph
// reads no fan, so rank 0 builds it alone.
HostGraph graph_on_root(World& world, const Network& shard, const cli::RankCommandOptions& options,
                        const std::string& name, std::uint64_t follows) {
  const ProjectionOptions projection = cli::rank_projection(options, name);
  if (name == "collab") return world.root() ? collab_graph(shard) : HostGraph{};
  if (name == "audience") return audience_graph_over_ranks(world, shard, projection, follows).graph;
  return project_hosts_over_ranks(world, shard, projection, follows).graph;
}

// Rank 0's scores on every rank: the doubles' bits, so that every rank orders alike.
cli::GraphScores share_scores(World& world, const cli::GraphScores& mine) {
  std::string bytes;
  if (world.root()) {
    put(bytes, mine.basis);
    put(bytes, std::uint32_t{mine.estimated ? 1u : 0u});
    for (double score : mine.score) {
      std::uint64_t bits = 0;
      std::memcpy(&bits, &score, sizeof bits);
      put(bytes, bits);
    }
  }
  bytes = world.broadcast(std::move(bytes), 0);
  WireReader in(bytes);
  cli::GraphScores shared;
  shared.basis = in.text();
  shared.estimated = in.number<std::uint32_t>() != 0;
  while (!in.done()) {
    const auto bits = in.number<std::uint64_t>();
    double score = 0;
    std::memcpy(&score, &bits, sizeof score);
    shared.score.push_back(score);
  }
  return shared;
}

}  // namespace

cli::GraphScores graph_scores_over_ranks(World& world, const Network& shard,
                                         const cli::RankCommandOptions& options,
                                         std::uint64_t follows) {
  std::string name;
  agree_on(world, [&] { name = cli::rank_graph_name(shard, options); });
  const HostGraph graph = graph_on_root(world, shard, options, name, follows);
  cli::GraphScores scores;
  agree_on(world, [&] {
    if (world.root()) scores = cli::score_on_graph(options, graph, name);
  });
  return share_scores(world, scores);
}

}  // namespace castgraph::mpi
