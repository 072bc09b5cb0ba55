#include "algorithms/plan_certificate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "algorithms/coverage_bound.hpp"
#include "algorithms/coverage_focus.hpp"
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

// Shares of the largest gain above which a candidate is modelled, tried in turn while a
// constant enters the maximising roster (coverage_focus.hpp); 0 models every candidate.
constexpr double kFocusShares[] = {1.0, 0.25, 0.0};

// The LP bound over rows of the candidates that can matter (coverage_focus.hpp), widened
// until no unmodelled candidate enters the maximising roster or the roster is proven.
// Records the rows and passes of the last round in `certificate`; keeps the smallest bound
// of all rounds (each is valid). With the greedy's hints the candidates' reach alone is
// known and the thresholds are the greedy's smallest gains (at least the exact ones, so
// the first round may model too few; the widening catches that), or under a budget the
// exact gain per yuan when the planner found it (largest_gain_per_yuan_left), which saves
// a scan of every follow; otherwise both come from candidate_reach.
CoverageBound focused_bound(const Network& network, const HostSet& set,
                            const GreedyProblem& problem, std::span<const std::size_t> greedy,
                            double greedy_value, int passes, const GreedyHints& hints,
                            const CoverageCounting& counting, Certificate& certificate) {
  std::vector<double> alone = hints.alone;
  FocusThresholds thresholds{
      hints.smallest_gain, hints.largest_gain_per_yuan_left.value_or(hints.smallest_gain_per_yuan)};
  if (alone.empty()) {
    CandidateReach reach = counting.reach(network, set, greedy);
    thresholds = largest_gains(problem, reach, greedy);
    alone = std::move(reach.alone);
  }
  CoverageBound best{std::numeric_limits<double>::infinity(), 0, {}};
  std::vector<char> modelled(problem.hosts.size(), 0), last;
  for (double share : kFocusShares) {
    const std::vector<char> wider = focus_candidates(problem, alone, greedy, thresholds, share);
    for (std::size_t c = 0; c < wider.size(); ++c) modelled[c] = modelled[c] || wider[c];
    if (modelled == last) continue;
    const CoverageRows rows = counting.rows(network, set, modelled, alone);
    last = modelled;
    // The greedy roster's multipliers start a k-only problem close to its optimum; under a
    // budget the knapsack's fractions move far from them, and λ = w converges better.
    const std::vector<double> start =
        problem.budget ? std::vector<double>{} : roster_multipliers(rows, greedy);
    const CoverageBound bound = subgradient_bound(rows, problem, greedy_value, passes, start);
    certificate.rows = rows.rows();
    certificate.passes += bound.passes;
    if (bound.value < best.value) best = bound;
    if (std::floor(best.value * (1 + 1e-9)) <= greedy_value || rows.unmodelled == 0) break;
    const std::vector<std::size_t> entered =
        unmodelled_in_roster(rows, problem, modelled, bound.multipliers);
    if (entered.empty()) break;
    for (std::size_t c : entered) modelled[c] = 1;
  }
  return best;
}

}  // namespace

Certificate certify_plan(const Network& network, const GreedyProblem& problem,
                         std::span<const std::size_t> greedy, double greedy_value,
                         double online_bound, const CertificateRequest& request,
                         const GreedyHints& hints, const CoverageCounting& counting) {
  Certificate certificate;
  const bool tight = online_bound <= greedy_value * (1 + 1e-12);
  if (problem.hosts.empty() || (tight && !request.optimal) ||
      (request.passes <= 0 && !request.optimal))
    return certificate;
  const HostSet set =
      make_host_set(network, problem.hosts, request.platform, request.region, request.city);
  if (request.passes > 0 && !tight) {
    const CoverageBound bound = focused_bound(network, set, problem, greedy, greedy_value,
                                              request.passes, hints, counting, certificate);
    certificate.lp_bound = std::max(bound.value, greedy_value);
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
    const CoverageRows rows = counting.rows(network, set, {}, {});
    certificate.rows = rows.rows();
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
