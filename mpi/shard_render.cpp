#include "mpi/shard_render.hpp"

#include <optional>

#include "algorithms/reached_fans.hpp"
#include "mpi/agreement.hpp"
#include "mpi/communities_over_ranks.hpp"
#include "mpi/root_prints.hpp"
#include "mpi/shard_commands.hpp"

namespace castgraph::mpi {
namespace {

// castgraph's communities when the view or colouring needs them, on every rank.
std::optional<Communities> communities_if_needed(World& world, const Network& shard,
                                                 const cli::RenderCommandOptions& options,
                                                 const viz::DiagramOptions& diagram,
                                                 std::uint64_t follows) {
  if (!cli::needs_communities(diagram)) return std::nullopt;
  return find_communities_over_ranks(world, shard, follows, cli::render_community_options(options),
                                     RootFailure::ends_every_rank);
}

}  // namespace

void run_render(World& world, const cli::RenderCommandOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  std::string format;
  agree_on(world, [&] { format = cli::render_format(options); });
  const Network shard = open_shard(world, options.dataset, {});
  viz::DiagramOptions diagram;
  agree_on(world, [&] { diagram = cli::diagram_options(shard, options); });
  const std::uint64_t follows = world.sum(shard.follow_count());
  const std::optional<Communities> communities =
      communities_if_needed(world, shard, options, diagram, follows);
  std::vector<std::uint64_t> reach;
  if (follows > 0) reach = world.sum(per_host_reach(shard));
  diagram.follows = follows;
  diagram.host_reach = reach;
  // Called by every rank with the same hosts, in the same order: a collective.
  diagram.shared_audience = [&world, &shard](const HostSet& set) {
    return overlap_over_ranks(world, shard, set);
  };
  diagram.community_audience = [&world, &shard](const Communities& found) {
    return community_audience_over_ranks(world, shard, found);
  };
  // The ego view's shared people are sums over fans, its neighbours a union over them.
  diagram.fan_totals.sum = [&world](std::vector<std::uint64_t>& counts) {
    counts = world.sum(std::move(counts));
  };
  diagram.fan_totals.any = [&world](std::vector<std::uint8_t>& flags) {
    flags = world.max(std::move(flags));
  };
  // The same inputs on every rank build the same diagram. A failure here would be a bug
  // and, outside agreement, ends every rank (main's world.abort) rather than hang them.
  const viz::Diagram built =
      viz::build_diagram(shard, diagram, communities ? &*communities : nullptr);
  root_prints(world, [&] { cli::write_render(built, format, options, started); });
}

}  // namespace castgraph::mpi
