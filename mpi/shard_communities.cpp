#include "mpi/shard_communities.hpp"

#include "mpi/agreement.hpp"
#include "mpi/communities_over_ranks.hpp"
#include "mpi/shard_commands.hpp"

namespace castgraph::mpi {

void run_communities(World& world, const cli::CommunitiesCommandOptions& command) {
  CommunityOptions options;
  agree_on(world, [&] { options = cli::to_options(command); });
  const Network shard = open_shard(world, command.dataset, command.tables);
  const std::uint64_t follows = world.sum(shard.follow_count());
  agree_on(world, [&] {
    if (world.root()) cli::note_audience_left_out(command, options, follows);
    cli::check_layers(options, follows);
  });
  const ProjectionOverRanks projected = project_hosts_over_ranks(world, shard, options, follows);
  const Communities found = find_communities_on_root(world, projected.graph, options);
  // Each community's people over all ranks: every fan adds its weight once per community
  // it follows someone in, and each fan lives on one rank; the sums are on rank 0 only.
  std::vector<std::uint64_t> reach;
  if (follows > 0)
    reach = world.sum_at_root(community_reach(shard, share_communities(world, shard, found)));
  agree_on(world, [&] {
    if (!world.root()) return;
    const std::vector<CommunitySummary> summaries =
        summarize_communities(shard, found, {}, std::move(reach));
    cli::report_communities(shard, command, options, projected.graph, projected.left_out, found,
                            summaries);
  });
}

}  // namespace castgraph::mpi
