// An upper bound on the best roster's reach from the LP relaxation of maximum coverage,
// reached through its Lagrangian dual (Fisher 1981, "The Lagrangian relaxation method for
// solving integer programming problems"; for coverage, Beasley 1990 and Nemhauser &
// Wolsey 1988 §II.3.6).
//
// Over compressed rows (coverage_rows.hpp), with x_c = 1 when candidate c is booked and
// z_r = 1 when row r is reached:
//
//   max Σ_c solo_c x_c + Σ_r w_r z_r   s.t.  z_r ≤ Σ_{c ∈ r} x_c,  z_r ≤ 1,
//       Σ_c x_c ≤ k,  Σ_c fee_c x_c ≤ B,  Σ_{c ∈ base} x_c ≤ cap,  x_forced = 1.
//
// Relaxing z_r ≤ Σ x_c with a multiplier λ_r ∈ [0, w_r] gives, for EVERY such λ,
//
//   L(λ) = Σ_r (w_r − λ_r) + max_x Σ_c x_c (solo_c + Σ_{r ∋ c} λ_r)
//
// with x over the fractional rosters of the constraints (k with caps: greedy by value,
// exact on that matroid; budget: the fractional knapsack; both: the smaller of the two),
// and L(λ) ≥ the reach of every feasible roster: a roster that reaches row r pays at least
// λ_r back through its members, one that misses it loses nothing as λ_r ≤ w_r. So any
// pass's value is a valid bound, and passes of projected subgradient descent with Polyak
// steps towards the greedy value drive it down towards the LP optimum.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "algorithms/coverage_rows.hpp"
#include "algorithms/lazy_greedy.hpp"

namespace castgraph {

// L(λ) as above for `problem`'s constraints (its hosts parallel rows' candidates; its
// costs are read only under a budget). Writes the maximising fractional roster into
// `roster` (resized to the candidates). λ must have rows.rows() entries in [0, w_r].
// O(members + candidates log candidates).
double lagrangian_bound(const CoverageRows& rows, const GreedyProblem& problem,
                        std::span<const double> multipliers, std::vector<double>& roster);

struct CoverageBound {
  double value = 0;                 // ≥ the reach of every feasible roster
  int passes = 0;                   // L(λ) evaluations made
  std::vector<double> multipliers;  // the λ that gave value
};

// The smallest L(λ) over at most `max_passes` subgradient passes started from `start` (or
// λ = w, the sum-of-the-largest-reaches bound, when empty), stepping towards
// `lower_bound` (the reach of a known feasible roster); stops early once the bound is
// less than one person above it (reach counts whole people, so that proves the roster).
// O(max_passes · (members + candidates log candidates)).
CoverageBound subgradient_bound(const CoverageRows& rows, const GreedyProblem& problem,
                                double lower_bound, int max_passes,
                                std::span<const double> start = {});

}  // namespace castgraph
