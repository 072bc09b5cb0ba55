#include "algorithms/coverage_focus.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "algorithms/coverage_bound.hpp"

namespace castgraph {

std::vector<char> focus_candidates(const GreedyProblem& problem, const CandidateReach& reach,
                                   std::span<const std::size_t> roster, double share) {
  const std::size_t n = problem.hosts.size();
  std::vector<char> modelled(n, 0);
  for (std::size_t c : roster) modelled[c] = 1;
  for (std::size_t c : problem.forced) modelled[c] = 1;
  // Roster members per capped group: a candidate of a full group is kept out of the count
  // relaxation's roster by the cap, whatever it is worth, so its gain sets no threshold.
  std::unordered_map<std::uint32_t, std::size_t> per_group;
  if (problem.max_per_group)
    for (std::size_t c : roster)
      if (problem.groups[c] != kNoGroup) ++per_group[problem.groups[c]];
  auto group_full = [&](std::size_t c) {
    if (!problem.max_per_group || problem.groups[c] == kNoGroup) return false;
    const auto found = per_group.find(problem.groups[c]);
    return found != per_group.end() && found->second >= *problem.max_per_group;
  };
  // The largest gain, and gain per yuan, of an affordable candidate outside the roster.
  double best_gain = 0, best_density = 0;
  for (std::size_t c = 0; c < n; ++c) {
    if (modelled[c]) continue;
    if (problem.budget && problem.costs[c] > *problem.budget) continue;
    if (!group_full(c)) best_gain = std::max(best_gain, reach.added[c]);
    if (problem.budget && problem.costs[c] > 0)
      best_density = std::max(best_density, reach.added[c] / problem.costs[c]);
  }
  for (std::size_t c = 0; c < n; ++c) {
    if (modelled[c] || reach.alone[c] <= 0) continue;
    const bool by_count = (problem.k || !problem.budget) && reach.alone[c] > share * best_gain;
    const bool by_budget =
        problem.budget &&
        (problem.costs[c] <= 0 || reach.alone[c] > share * best_density * problem.costs[c]);
    modelled[c] = by_count || by_budget;
  }
  return modelled;
}

std::vector<std::size_t> unmodelled_in_roster(const CoverageRows& rows,
                                              const GreedyProblem& problem,
                                              std::span<const char> modelled,
                                              std::span<const double> multipliers) {
  std::vector<double> roster;
  lagrangian_bound(rows, problem, multipliers, roster);
  std::vector<std::size_t> entered;
  for (std::size_t c = 0; c < roster.size(); ++c)
    if (!modelled[c] && roster[c] > 0) entered.push_back(c);
  return entered;
}

}  // namespace castgraph
