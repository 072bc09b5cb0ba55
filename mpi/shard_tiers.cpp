#include "mpi/shard_tiers.hpp"

#include "mpi/agreement.hpp"
#include "mpi/root_prints.hpp"
#include "mpi/shard_commands.hpp"

namespace castgraph::mpi {

void run_tiers(World& world, const cli::TiersOptions& options) {
  // The thresholds first, before any file is read, as castgraph checks them.
  TierOptions thresholds;
  agree_on(world, [&] { thresholds = cli::tier_options(options); });
  const Network shard = open_shard(world, options.dataset, options.tables);
  // O(hosts + fanbases) on every rank: the cheapest way to check --platform everywhere.
  std::vector<TierGroup> groups;
  agree_on(world, [&] { groups = cli::compute_tiers(shard, thresholds, options); });
  root_prints(world, [&] { cli::print_tiers(groups, options); });
}

}  // namespace castgraph::mpi
