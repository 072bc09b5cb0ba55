// Connected components of the whole network when each rank holds a shard of the fans.
#pragma once

#include <cstdint>

#include "graph/network.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective; the count graph/whole_network.hpp's count_components gives on the whole
// network. A fan joins the fanbases it follows, so every rank joins, in a union-find over
// the nodes all ranks share (platforms, bases, hosts, fanbases), the fanbases of each of
// its fans; every rank then merges all ranks' partitions (one all-gather of 8 bytes per
// shared node per rank), and each fan without follows is a component of its own.
// O(shared nodes · ranks + follows of the shard).
std::uint64_t count_components(World& world, const Network& shard);

}  // namespace castgraph::mpi
