#include "mpi/shard_plan.hpp"

#include <iostream>
#include <sstream>

#include "algorithms/plan.hpp"
#include "graph/errors.hpp"
#include "mpi/agreement.hpp"
#include "mpi/shard_commands.hpp"
#include "mpi/shard_plan_oracle.hpp"

namespace castgraph::mpi {
namespace {

// How rank 0's plan_roster counts: the declared model and every refusal exactly as
// castgraph (they read no fan, and with no follows anywhere rank 0's shard has none
// either); exact reach from all ranks; sketches from every rank's registers, max-merged
// once, after which the greedy runs on rank 0 alone as castgraph's does.
PlanCounting counting_over_ranks(PlanAnswers& answers, std::uint64_t follows) {
  PlanCounting counting;
  counting.oracle = [&answers, follows](
                        const Network& network, std::span<const NodeId> candidates,
                        const OracleOptions& options) -> std::unique_ptr<ReachOracle> {
    const bool exact =
        options.method == ReachMethod::exact || options.method == ReachMethod::automatic;
    if (follows > 0 && options.method == ReachMethod::sketch) {
      // As make_reach_oracle: the set (and its place's refusal) first.
      const HostSet set =
          make_host_set(network, candidates, options.platform, options.region, options.city);
      return make_sketch_oracle(
          network, set,
          gather_sketch_registers(answers, set, options.platform, options.sketch_precision),
          options.sketch_precision);
    }
    if (!exact || follows == 0) return make_reach_oracle(network, candidates, options);
    return make_rank_oracle(answers, candidates, {options.platform, options.region, options.city});
  };
  counting.coverage.rows = [&answers](const Network&, const HostSet& set,
                                      std::span<const char> modelled,
                                      std::span<const double> alone) {
    return gather_coverage_rows(answers, set, set.platform, modelled, alone);
  };
  counting.coverage.reach = [&answers](const Network&, const HostSet& set,
                                       std::span<const std::size_t> roster) {
    return gather_candidate_reach(answers, set, set.platform, roster);
  };
  return counting;
}

}  // namespace

std::optional<LocalFailure> plan_over_ranks(World& world, const Network& shard,
                                            const PlanOptions& options, std::uint64_t follows,
                                            Plan& plan) {
  // Rank 0 plans and asks; the others answer until it is done.
  PlanAnswers answers(world, shard);
  if (world.root()) {
    auto failure =
        attempt([&] { plan = plan_roster(shard, options, counting_over_ranks(answers, follows)); });
    end_plan_questions(answers);
    return failure;
  }
  serve_plan_questions(answers);
  return answers.take_failure();
}

void run_plan(World& world, const cli::PlanCommandOptions& command) {
  PlanOptions options;
  agree_on(world, [&] { options = cli::parse_plan_options(command); });
  const Network shard = open_shard(world, command.dataset, command.tables);
  const std::uint64_t follows = world.sum(shard.follow_count());
  agree_on(world, [&] {
    std::ostringstream quiet;
    cli::resolve_plan_hosts(shard, command, options, world.root() ? std::cerr : quiet);
  });
  // All agree on how it went, so a refusal on rank 0 (an included host that breaks a
  // limit) ends every rank.
  Plan plan;
  agree(world, plan_over_ranks(world, shard, options, follows, plan));
  agree_on(world, [&] {
    if (world.root()) cli::report_plan(shard, plan, options, command);
  });
}

}  // namespace castgraph::mpi
