// Which candidates the LP bound must model row by row, and which it may count as a
// constant: the hosts too small to enter any roster that could beat the greedy's.
//
// Any candidate c may be left out of the rows with its whole reach R_c as its value
// (coverage_rows.hpp): its value in the Lagrangian L(λ) (coverage_bound.hpp) is
// solo_c + Σ_{r ∋ c} λ_r ≤ R_c because λ_r ≤ w_r, so the relaxed maximum can only grow and
// every bound stays valid. It costs tightness only when such a constant enters the
// maximising roster. At the LP optimum, when the greedy roster S is optimal and the LP
// integral, every row S misses has λ_r = w_r (complementary slackness), so a host outside
// S is worth at least what it would add to S, and the k-th value of the maximising roster
// is at least the largest such gain g; a host with R_c ≤ g can then never enter. Under a
// budget the same holds for R_c / fee against the largest gain per yuan. When the LP is
// not integral the rule is a guess, so the caller checks the maximising roster
// (unmodelled_in_roster) and widens the set when a constant entered.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "algorithms/coverage_rows.hpp"
#include "algorithms/lazy_greedy.hpp"

namespace castgraph {

// Gains that set the threshold: a host whose reach alone is at most `gain` (under a budget:
// whose reach alone per yuan is at most `gain_per_yuan`) is left out of the rows.
struct FocusThresholds {
  double gain = 0;
  double gain_per_yuan = 0;
};

// The exact thresholds: the largest gain (per yuan) an affordable candidate outside the
// roster (and, with caps, outside a full group) would add to it. O(candidates).
FocusThresholds largest_gains(const GreedyProblem& problem, const CandidateReach& reach,
                              std::span<const std::size_t> roster);

// The exact largest gain per yuan of largest_gains, from the greedy's state instead of a
// scan of every follow: `oracle` holds `roster` (with the forced hosts), and
// gain_bounds[c] ≥ what candidate c would add to it (GreedyResult::gain_bounds). The
// candidates are asked in order of bound per yuan until no bound can beat the best gain
// per yuan found (lazy evaluation, as the greedy's own); those with a fee above the budget
// or of 0 yuan are left out, as largest_gains leaves them. O(n log n) plus the oracle's
// queries, usually few.
double largest_gain_per_yuan_left(ReachOracle& oracle, const GreedyProblem& problem,
                                  std::span<const std::size_t> roster,
                                  std::span<const double> gain_bounds);

// The candidates to model (parallel to problem.hosts): the roster's, the forced ones, and
// every candidate whose reach alone (`alone`, per yuan under a budget) is more than
// `share` times the thresholds. share = 0 models every candidate with any reach.
// O(candidates).
std::vector<char> focus_candidates(const GreedyProblem& problem, std::span<const double> alone,
                                   std::span<const std::size_t> roster,
                                   const FocusThresholds& thresholds, double share);

// The unmodelled candidates that the maximising fractional roster of L(multipliers) books
// (any fraction): where the constants cost the bound some tightness. One L evaluation.
std::vector<std::size_t> unmodelled_in_roster(const CoverageRows& rows,
                                              const GreedyProblem& problem,
                                              std::span<const char> modelled,
                                              std::span<const double> multipliers);

}  // namespace castgraph
