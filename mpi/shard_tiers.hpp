// castgraph-mpi tiers: hosts per fan-count band. The bands count declared fans of hosts
// and fanbases, which every rank's shard holds whole, so no count crosses ranks: every
// rank checks the flags and the platform alike (so a bad one fails all of them the same
// way), and the root prints castgraph's bytes.
#pragma once

#include "cli/tiers_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective. Throws AgreedFailure on every rank when any rank fails.
void run_tiers(World& world, const cli::TiersOptions& options);

}  // namespace castgraph::mpi
