#include "algorithms/plan_certificate.hpp"

#include <algorithm>
#include <cmath>

#include "algorithms/coverage_bound.hpp"
#include "algorithms/coverage_rows.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/plan_ilp.hpp"

namespace castgraph {
namespace {

// Multipliers that start the subgradient at the greedy roster S: λ_r = 0 on the rows S
// reaches and w_r elsewhere. Then a host outside S is worth exactly what it would add to
// S and one in S its solo people, so L(λ) = f(S) − Σ_S solo + the best k of those values:
// never above the online bound f(S) + the best k gains, and f(S) itself when S's members
// are worth the most. O(members).
std::vector<double> roster_multipliers(const CoverageRows& rows,
                                       std::span<const std::size_t> roster) {
  std::vector<char> chosen(rows.candidates(), 0);
  for (std::size_t c : roster) chosen[c] = 1;
  std::vector<double> lambda(rows.rows());
  for (std::size_t r = 0; r < rows.rows(); ++r)
    lambda[r] = std::ranges::any_of(rows.row(r), [&](std::uint32_t c) { return chosen[c] != 0; })
                    ? 0.0
                    : rows.weights[r];
  return lambda;
}

}  // namespace

Certificate certify_plan(const Network& network, const GreedyProblem& problem,
                         std::span<const std::size_t> greedy, double greedy_value,
                         double online_bound, const CertificateRequest& request,
                         const CompressCoverage& compress) {
  Certificate certificate;
  const bool tight = online_bound <= greedy_value * (1 + 1e-12);
  if (problem.hosts.empty() || (tight && !request.optimal) ||
      (request.passes <= 0 && !request.optimal))
    return certificate;
  const HostSet set =
      make_host_set(network, problem.hosts, request.platform, request.region, request.city);
  const CoverageRows rows = compress(network, set);
  certificate.rows = rows.rows();
  if (request.passes > 0 && !tight) {
    // The greedy roster's multipliers start a k-only problem close to its optimum; under a
    // budget the knapsack's fractions move far from them, and λ = w converges better.
    const std::vector<double> start =
        problem.budget ? std::vector<double>{} : roster_multipliers(rows, greedy);
    const CoverageBound bound =
        subgradient_bound(rows, problem, greedy_value, request.passes, start);
    certificate.lp_bound = std::max(bound.value, greedy_value);
    certificate.passes = bound.passes;
  }
  // Whole people: a bound less than one person above the greedy's reach proves it.
  const bool proven =
      certificate.lp_bound > 0 && std::floor(certificate.lp_bound * (1 + 1e-9)) <= greedy_value;
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
