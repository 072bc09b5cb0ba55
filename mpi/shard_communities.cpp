#include "mpi/shard_communities.hpp"

#include <algorithm>

#include "mpi/agreement.hpp"
#include "mpi/shard_commands.hpp"
#include "mpi/shard_projection.hpp"
#include "mpi/wire.hpp"

namespace castgraph::mpi {
namespace {

// Every owner's pairs on rank 0, by (a, b) (the owners' sets are disjoint); empty on the
// other ranks. Collective.
std::vector<PairCount> gather_pairs(World& world, const std::vector<PairCount>& mine) {
  std::vector<std::string> to(static_cast<std::size_t>(world.size()));
  for (const PairCount& pair : mine) put_pair(to[0], pair);
  return add_up_pairs(world.exchange(to));  // disjoint owners: nothing to add, only sort
}

// Each community's people over all ranks: every fan adds its weight once per community
// it follows someone in, and each fan lives on one rank. `found` is rank 0's; the others
// learn it here. Collective; the sums are on rank 0 only.
std::vector<std::uint64_t> community_reach_over_ranks(World& world, const Network& shard,
                                                      const Communities& found) {
  std::string bytes;
  if (world.root()) {
    put(bytes, std::uint32_t{found.count});
    for (std::uint32_t community : found.of_host) put(bytes, community);
  }
  bytes = world.broadcast(std::move(bytes), 0);
  WireReader in(bytes);
  Communities known;
  known.count = in.number<std::uint32_t>();
  known.of_host.resize(shard.broadcasters.size());
  for (std::uint32_t& community : known.of_host) community = in.number<std::uint32_t>();
  return world.sum_at_root(community_reach(shard, known));
}

}  // namespace

HostGraph audience_over_ranks(World& world, const Network& shard, const CommunityOptions& options,
                              std::uint64_t follows, FansOverCap& left_out) {
  const ProjectionOptions projection = projection_options(options);
  HostGraph audience{shard.broadcasters.size(), {}};
  if (options.audience_layer && follows > 0) {
    PairCounts counts = reduce_pairs_to_owners(world, shard, {projection.max_hosts_per_fan});
    counts.pairs = gather_pairs(world, counts.pairs);
    if (projection.max_hosts_per_fan > 0) left_out = {counts.skipped_fans, counts.skipped_people};
    if (world.root())
      audience = audience_graph_from_pairs(shard.broadcasters.size(), counts, projection);
  }
  return audience;
}

void run_communities(World& world, const cli::CommunitiesCommandOptions& command) {
  CommunityOptions options;
  agree_on(world, [&] { options = cli::to_options(command); });
  const Network shard = open_shard(world, command.dataset, command.tables);
  const std::uint64_t follows = world.sum(shard.follow_count());
  agree_on(world, [&] {
    if (world.root()) cli::note_audience_left_out(command, options, follows);
    cli::check_layers(options, follows);
  });
  const ProjectionOptions projection = projection_options(options);
  FansOverCap left_out;
  HostGraph audience = audience_over_ranks(world, shard, options, follows, left_out);
  // Rank 0 projects and clusters; a failure there (igraph) ends every rank.
  HostGraph graph;
  Communities found;
  agree_on(world, [&] {
    if (!world.root()) return;
    graph = project_hosts(shard, projection, std::move(audience));
    found = find_communities(graph, options);
  });
  std::vector<std::uint64_t> reach;
  if (follows > 0) reach = community_reach_over_ranks(world, shard, found);
  agree_on(world, [&] {
    if (!world.root()) return;
    const std::vector<CommunitySummary> summaries =
        summarize_communities(shard, found, {}, std::move(reach));
    cli::report_communities(shard, command, options, graph, left_out, found, summaries);
  });
}

}  // namespace castgraph::mpi
