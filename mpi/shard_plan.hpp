// castgraph-mpi plan: the lazy greedy of castgraph (algorithms/plan.hpp, lazy_greedy.hpp)
// runs on rank 0 alone, over a ReachOracle whose questions every rank answers for its own
// fans (shard_plan_oracle.hpp). The LP bound and --optimal read the candidates' rows,
// which each rank compresses and rank 0 merges (coverage_rows.hpp): the same rows, in the
// same canonical order, as castgraph compresses, so the same bound to the bit.
// --method sketch: every rank builds the candidates' HyperLogLog registers from its own
// fans, one max-reduce merges them on rank 0, and the greedy runs there on them alone.
#pragma once

#include <optional>

#include "algorithms/plan.hpp"
#include "cli/plan_command.hpp"
#include "mpi/agreement.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// plan_roster over all ranks, into `plan` on rank 0: rank 0 plans and the others answer
// its questions until it is done. Collective; returns this rank's failure, not agreed on.
std::optional<LocalFailure> plan_over_ranks(World& world, const Network& shard,
                                            const PlanOptions& options, std::uint64_t follows,
                                            Plan& plan);

// Collective. Throws AgreedFailure on every rank when any rank fails.
void run_plan(World& world, const cli::PlanCommandOptions& options);

}  // namespace castgraph::mpi
