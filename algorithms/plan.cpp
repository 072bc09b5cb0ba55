#include "algorithms/plan.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "algorithms/host_set.hpp"
#include "algorithms/hyperloglog.hpp"
#include "graph/errors.hpp"

namespace castgraph {
namespace {

std::string describe(const Network& network, NodeId host) {
  return std::string(network.broadcasters.ids[host]) + " (" +
         std::string(network.broadcasters.names[host]) + ")";
}

// Why `host` fails the filters, or nothing when it passes them.
std::vector<MessagePart> filter_failure(const Network& network, NodeId host,
                                        const PlanOptions& options) {
  const Broadcasters& hosts = network.broadcasters;
  if (!options.kinds.empty() &&
      std::ranges::find(options.kinds, hosts.kind[host]) == options.kinds.end())
    return {"its kind '" + std::string(hosts.kind[host]) + "' is not among ", Parameter{"kinds"}};
  if (!options.province.empty() && hosts.province[host] != options.province)
    return {"its province '" + std::string(hosts.province[host]) + "' is not " + options.province};
  if (options.min_fans > 0 && declared_fans(network, host, options.platform) < options.min_fans)
    return {"it has " + std::to_string(declared_fans(network, host, options.platform)) +
                " declared fans, below ",
            Parameter{"min_fans"}, " " + std::to_string(options.min_fans)};
  return {};
}

void check_options(const PlanOptions& options) {
  if (options.k.has_value() == options.budget.has_value())
    throw UsageError({"give exactly one of ", Parameter{"k"}, " and ", Parameter{"budget"}});
  if (options.k && *options.k == 0) throw UsageError({Parameter{"k"}, " must be at least 1"});
  if (options.budget && !(*options.budget >= 0))
    throw UsageError({Parameter{"budget"}, " must be a non-negative number of yuan"});
  if (options.max_per_base && *options.max_per_base == 0)
    throw UsageError({Parameter{"max_per_base"}, " must be at least 1"});
}

}  // namespace

Plan plan_roster(const Network& network, const PlanOptions& options) {
  check_options(options);
  const std::size_t n = network.broadcasters.size();
  for (NodeId host : options.include)
    if (host >= n) throw UsageError("host id " + std::to_string(host) + " is out of range");
  std::vector<bool> excluded(n, false), included(n, false);
  for (NodeId host : options.exclude) {
    if (host >= n) throw UsageError("host id " + std::to_string(host) + " is out of range");
    excluded[host] = true;
  }

  const bool budgeted = options.budget.has_value();
  GreedyProblem problem;
  problem.k = options.k;
  problem.budget = options.budget;
  problem.max_per_group = options.max_per_base;
  auto add_candidate = [&](NodeId host) {
    problem.hosts.push_back(host);
    const double fee = network.broadcasters.fee[host];
    problem.costs.push_back(budgeted ? fee : 0.0);
    problem.groups.push_back(
        network.broadcasters.base[host] == kNoNode ? kNoGroup : network.broadcasters.base[host]);
  };

  for (NodeId host : options.include) {
    if (included[host]) throw UsageError("host " + describe(network, host) + " is included twice");
    if (excluded[host])
      throw UsageError("host " + describe(network, host) + " is both included and excluded");
    if (std::vector<MessagePart> why = filter_failure(network, host, options); !why.empty()) {
      why.insert(why.begin(),
                 "included host " + describe(network, host) + " breaks a constraint: ");
      throw UsageError(std::move(why));
    }
    const double fee = network.broadcasters.fee[host];
    if (budgeted && !(fee >= 0))
      throw UsageError({"included host " + describe(network, host) +
                            " has no known fee, so it cannot be booked under ",
                        Parameter{"budget"}});
    included[host] = true;
    problem.forced.push_back(problem.hosts.size());
    add_candidate(host);
  }
  // Constraints the included hosts must meet together.
  if (options.k && options.include.size() > *options.k)
    throw UsageError({Parameter{"include"},
                      " books " + std::to_string(options.include.size()) + " hosts, more than ",
                      Parameter{"k"}, " " + std::to_string(*options.k)});
  if (budgeted) {
    double cost = 0;
    for (std::size_t f : problem.forced) cost += problem.costs[f];
    if (cost > *options.budget * (1 + 1e-12))
      throw UsageError("the included hosts cost " + std::to_string(std::llround(cost)) +
                       " yuan, more than the budget of " +
                       std::to_string(std::llround(*options.budget)));
  }
  if (options.max_per_base)
    for (std::size_t f : problem.forced) {
      const std::uint32_t group = problem.groups[f];
      if (group == kNoGroup) continue;
      const auto same = std::ranges::count_if(
          problem.forced, [&](std::size_t g) { return problem.groups[g] == group; });
      if (static_cast<std::size_t>(same) > *options.max_per_base)
        throw UsageError({"the included hosts hold " + std::to_string(same) + " from base " +
                              std::string(network.bases.ids[group]) + ", more than ",
                          Parameter{"max_per_base"}, " " + std::to_string(*options.max_per_base)});
    }

  Plan plan;
  for (NodeId host = 0; host < n; ++host) {
    if (included[host] || excluded[host] || !filter_failure(network, host, options).empty())
      continue;
    const double fee = network.broadcasters.fee[host];
    if (budgeted && !(fee >= 0)) {
      plan.unknown_fee_excluded.push_back(host);
      continue;
    }
    add_candidate(host);
  }
  plan.candidates = problem.hosts.size();

  OracleOptions oracle_options;
  oracle_options.method = options.method;
  oracle_options.platform = options.platform;
  oracle_options.region = options.region;
  oracle_options.sketch_precision = options.sketch_precision;
  const std::unique_ptr<ReachOracle> oracle =
      make_reach_oracle(network, problem.hosts, oracle_options);
  plan.method = oracle->method();
  if (plan.method == ReachMethod::sketch)
    plan.relative_error = hll_relative_error(options.sketch_precision);

  const GreedyResult result = lazy_greedy(*oracle, problem, options.enumerate);
  double spent = 0;
  for (const GreedyPick& pick : result.picks) {
    const NodeId host = problem.hosts[pick.index];
    const double fee = network.broadcasters.fee[host];
    if (fee >= 0) spent += fee;
    plan.picks.push_back({host, fee, pick.gain, pick.value, spent, pick.forced});
  }
  plan.unique_reach = result.value;
  plan.spent = spent;
  plan.upper_bound = result.upper_bound;
  plan.ratio = result.upper_bound > 0 ? result.value / result.upper_bound : 1.0;
  plan.guarantee = result.guarantee;
  plan.stop_reason = result.stop;
  plan.best_single_won = result.best_single_won;
  plan.seeds_tried = result.seeds_tried;
  plan.evaluations = oracle->evaluations();
  return plan;
}

}  // namespace castgraph
