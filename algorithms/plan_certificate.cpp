#include "algorithms/plan_certificate.hpp"

#include <algorithm>

#include "algorithms/coverage_bound.hpp"
#include "algorithms/coverage_rows.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/plan_ilp.hpp"

namespace castgraph {

Certificate certify_plan(const Network& network, const GreedyProblem& problem,
                         std::span<const std::size_t> greedy, double greedy_value,
                         double online_bound, const CertificateRequest& request) {
  Certificate certificate;
  const bool tight = online_bound <= greedy_value * (1 + 1e-12);
  if (problem.hosts.empty() || (tight && !request.optimal) ||
      (request.passes <= 0 && !request.optimal))
    return certificate;
  const HostSet set = make_host_set(network, problem.hosts, request.platform, request.region);
  const CoverageRows rows = compress_coverage(network, set);
  certificate.rows = rows.rows();
  if (request.passes > 0 && !tight) {
    const CoverageBound bound = subgradient_bound(rows, problem, greedy_value, request.passes);
    certificate.lp_bound = std::max(bound.value, greedy_value);
    certificate.passes = bound.passes;
  }
  const bool proven =
      certificate.lp_bound > 0 && certificate.lp_bound <= greedy_value * (1 + 1e-12);
  if (request.optimal && (proven || tight)) {
    // The bounds already prove the greedy roster optimal: nothing for a solver to do.
    certificate.solved = true;
    certificate.roster.assign(greedy.begin(), greedy.end());
    certificate.roster_value = greedy_value;
    certificate.ilp_bound = std::max(greedy_value, proven ? certificate.lp_bound : online_bound);
    certificate.proven_optimal = true;
  } else if (request.optimal) {
    const IlpSolution solution = solve_coverage_ilp(rows, problem, greedy, request.time_limit);
    certificate.solved = true;
    certificate.roster = solution.roster;
    certificate.roster_value = solution.value;
    certificate.ilp_bound = solution.upper_bound;
    certificate.proven_optimal = solution.proven_optimal;
    certificate.seconds = solution.seconds;
    certificate.nodes = solution.nodes;
    if (solution.lp_bound > 0 &&
        (certificate.lp_bound == 0 || solution.lp_bound < certificate.lp_bound))
      certificate.lp_bound = solution.lp_bound;
  }
  return certificate;
}

}  // namespace castgraph
