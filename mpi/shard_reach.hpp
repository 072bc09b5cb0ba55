// Reach's sketch and breakdowns over the ranks' shards, each equal to castgraph's on the
// whole dataset. Every function here is collective.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "algorithms/reach.hpp"
#include "algorithms/reach_breakdown.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// reach_sketch over all ranks: each rank builds every host's registers from its own fans
// (hashed by external id, as one process hashes them), and a max-reduce merges them into
// the registers one process builds. Moves hosts · 2^precision bytes per rank.
SketchReach sketch_all(World& world, const Network& shard, const HostSet& set, int precision);

// reach_breakdown over all ranks. `options.method` is the method that answered (exact,
// sketch or declared); `follows` the follows of all ranks. By province or city each rank
// counts the people of its own fans, summed by label; by platform, base or kind each
// group's reach is counted as the whole reach was.
std::vector<BreakdownGroup> breakdown_all(World& world, const Network& shard,
                                          std::span<const NodeId> hosts,
                                          const ReachOptions& options, BreakdownBy by,
                                          std::uint64_t unique_reach, std::uint64_t follows);

}  // namespace castgraph::mpi
