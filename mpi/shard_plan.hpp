// castgraph-mpi plan: the lazy greedy of castgraph (algorithms/plan.hpp, lazy_greedy.hpp)
// runs on rank 0 alone, over a ReachOracle whose questions every rank answers for its own
// fans (shard_plan_oracle.hpp). The LP bound and --optimal read the candidates' rows,
// which each rank compresses and rank 0 merges (coverage_rows.hpp): the same rows, in the
// same canonical order, as castgraph compresses, so the same bound to the bit.
#pragma once

#include "cli/plan_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective. Throws AgreedFailure on every rank when any rank fails. Refuses --method
// sketch, --region and --city (not yet distributed) on every rank before any work.
void run_plan(World& world, const cli::PlanCommandOptions& options);

}  // namespace castgraph::mpi
