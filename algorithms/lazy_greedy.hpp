// Lazy greedy maximisation of a monotone submodular function (here: reach, through a
// ReachOracle) under a cardinality or a budget constraint, optionally with at most a
// number of picks per group (hosts per livestream base), with a data-dependent upper
// bound on the optimum.
//
// Cardinality (k picks): the greedy of Nemhauser, Wolsey & Fisher (1978, "An analysis of
// approximations for maximizing submodular set functions"), (1 − 1/e) of the optimum,
// evaluated lazily (CELF, Leskovec, Krause, Guestrin, Faloutsos, VanBriesen & Glance
// 2007, "Cost-effective outbreak detection in networks"): by submodularity a gain computed
// earlier bounds the gain now, so a max-heap of stale gains is re-evaluated only at its
// top. With per-group caps the constraint is a matroid and the greedy guarantees 1/2
// (Fisher, Nemhauser & Wolsey 1978).
//
// Budget (Σ fee ≤ B): the same lazy greedy on gain / fee, plus a second run seeded with
// the best single affordable host; the better of the two is within (1 − 1/e)/2 of the
// optimum (Khuller, Moss & Naor 1999, "The budgeted maximum coverage problem"; Leskovec
// et al. 2007). Partial enumeration (Sviridenko 2004, "A note on maximizing a submodular
// set function subject to a knapsack constraint") runs the greedy from every feasible seed
// of 1–3 hosts and restores (1 − 1/e), at O(n³) greedy runs: for small rosters only.
//
// Upper bound (Leskovec et al. 2007, §4.1): for any set S and the optimum O,
// f(O) ≤ f(S) + Σ_{h ∈ O∖S} δ_h(S). With k picks the sum is at most that of the k largest
// gains (with caps: the largest gains a group may hold, taken greedily, which is exact on
// that matroid); with a budget, at most the fractional knapsack over gains and fees. The
// stale gains of the lazy heap are upper bounds of δ_h(S) and are used as they are. The
// bound is taken before each of the first 32 picks of the plain greedy run, then about 32
// times per doubling of the roster, and at the end; the smallest is kept.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "algorithms/plan_oracle.hpp"

namespace castgraph {

inline constexpr std::uint32_t kNoGroup = 0xFFFFFFFFu;

// Partial enumeration runs at most this many greedy completions.
inline constexpr std::uint64_t kMaxEnumeratedSeeds = 50'000;

struct GreedyProblem {
  std::vector<NodeId> hosts;          // the candidates, forced ones included
  std::vector<double> costs;          // parallel to hosts; ≥ 0 (ignored without a budget)
  std::vector<std::uint32_t> groups;  // parallel to hosts; kNoGroup = no cap applies
  std::optional<std::size_t> k;       // at most k picks in all (forced ones count)
  std::optional<double> budget;       // Σ costs ≤ budget (forced ones count)
  std::optional<std::size_t> max_per_group;
  std::vector<std::size_t> forced;  // indices into hosts, booked first, in this order
  double min_gain = 0;              // stop when the next pick would add fewer people than this
};

enum class StopReason {
  k_reached,     // k hosts picked
  budget_spent,  // every host that would still add reach costs more than is left
  min_gain,      // the next pick would add fewer people than GreedyProblem::min_gain
  optimal,       // (set by the planner) the integer program proved the roster optimal
  time_limit,    // (set by the planner) the integer program stopped at its time limit
  no_gain,       // no remaining host adds reach
  capped,        // every host that would still add reach is in a group at its cap
  no_eligible,   // there was no candidate to pick from
};

std::string_view to_string(StopReason reason);

struct GreedyPick {
  std::size_t index = 0;  // into GreedyProblem::hosts
  double gain = 0;        // people it added
  double value = 0;       // people reached after it
  double spent = 0;       // Σ costs after it
  bool forced = false;
};

struct GreedyResult {
  std::vector<GreedyPick> picks;
  double value = 0;
  double spent = 0;
  double upper_bound = 0;  // ≥ the optimum (for the oracle's function), ≥ value
  StopReason stop = StopReason::no_eligible;
  double guarantee = 0;           // the a-priori ratio the algorithm ensures; 0 if none is known
  bool best_single_won = false;   // budget: the run seeded with the best single host won
  std::uint64_t seeds_tried = 0;  // partial enumeration: greedy completions run
  // Without forced hosts: each candidate's reach alone, as the first round computed it
  // (0 for one no budget could buy); empty otherwise.
  std::vector<double> alone;
  // Per candidate outside the roster, at least the people it would add to it: the last gain
  // the run that built the roster computed (submodularity: it was computed for part of the
  // roster). 0 for one no budget could buy.
  std::vector<double> gain_bounds;
  // True when the oracle holds this roster afterwards (no later run replaced it).
  bool oracle_holds_roster = false;
};

// The greedy roster for `problem` over `oracle` (which is cleared first and holds the
// returned roster afterwards only for the last run made): the plain lazy greedy; with a
// budget, also the run seeded by the best single affordable host; with `enumerate`, runs
// from every feasible seed of 1–3 hosts. Ties go to the lower index, so runs repeat.
// Throws UsageError when `enumerate` would need more than kMaxEnumeratedSeeds runs.
// Complexity: one run is O(n log n) heap work plus the oracle queries (n initial ones and
// the lazy re-evaluations, usually few per pick), plus O(n log n) per bound taken.
GreedyResult lazy_greedy(ReachOracle& oracle, const GreedyProblem& problem, bool enumerate = false);

}  // namespace castgraph
