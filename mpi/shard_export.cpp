#include "mpi/shard_export.hpp"

#include <limits>
#include <optional>

#include "algorithms/reached_fans.hpp"
#include "graph/errors.hpp"
#include "mpi/agreement.hpp"
#include "mpi/communities_over_ranks.hpp"
#include "mpi/root_prints.hpp"
#include "mpi/shard_commands.hpp"
#include "mpi/shard_projection.hpp"

namespace castgraph::mpi {
namespace {

void refuse_fans(const cli::ExportCommandOptions& options) {
  if (options.fans)
    throw UsageError(
        "castgraph-mpi export does not take --fans: one node per fan would gather every fan "
        "and follow of the dataset on rank 0, the memory castgraph-mpi spreads over ranks; "
        "use castgraph export --fans on one node, or --audience for the host-host graph "
        "the fans make");
}

// castgraph's communities for --communities, on every rank (rank 0 writes them).
std::optional<Communities> communities_if_asked(World& world, const Network& shard,
                                                const cli::ExportCommandOptions& options,
                                                std::uint64_t follows) {
  if (!options.communities) return std::nullopt;
  return find_communities_over_ranks(world, shard, follows, cli::export_community_options(options),
                                     RootFailure::ends_every_rank);
}

}  // namespace

void run_export(World& world, const cli::ExportCommandOptions& options) {
  std::string format;
  agree_on(world, [&] {
    format = cli::export_format(options);
    refuse_fans(options);
  });
  const Network shard = open_shard(world, options.dataset, {});
  const std::uint64_t follows = world.sum(shard.follow_count());
  const std::optional<Communities> communities =
      communities_if_asked(world, shard, options, follows);
  const Communities* found = communities ? &*communities : nullptr;
  if (!options.audience)
    return root_prints(world, [&] { cli::write_network_export(shard, format, options, found); });
  agree_on(world, [&] { viz::require_audience_follows(follows); });
  // Every pair with its shared people (no cap: the counts are exact), best first, on rank
  // 0; each host's people summed over ranks.
  const TopOverlap top =
      top_overlaps_over_ranks(world, shard, std::numeric_limits<std::size_t>::max(), {});
  const std::vector<std::uint64_t> reach = world.sum_at_root(per_host_reach(shard));
  viz::AudienceExportOptions export_options;
  export_options.communities = found;
  export_options.pairs = &top.pairs;
  export_options.host_reach = reach;
  root_prints(world, [&] { cli::write_audience_export(shard, format, options, export_options); });
}

}  // namespace castgraph::mpi
