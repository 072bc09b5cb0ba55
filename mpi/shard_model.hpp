// reach --method model over MPI ranks: the duplication model of algorithms/reach_model.hpp,
// whose every part read from follows is a sum over fans (the people each class of host
// pair shares, the fans left out, the exact reach of the hosts with follows) or "some fan
// follows this host", so each rank counts its own fans and the ranks add up; the fit and
// the estimate are then derived on every rank from the same sums, as castgraph derives them.
#pragma once

#include "algorithms/reach.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective; castgraph's reach() with --method model. Throws AgreedFailure on every rank
// for what the model refuses (a region, no host with follows, a platform without a
// population).
ReachResult model_reach(World& world, const Network& shard, const HostSet& set);

}  // namespace castgraph::mpi
