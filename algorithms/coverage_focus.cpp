#include "algorithms/coverage_focus.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <utility>

#include "algorithms/coverage_bound.hpp"

namespace castgraph {

FocusThresholds largest_gains(const GreedyProblem& problem, const CandidateReach& reach,
                              std::span<const std::size_t> roster) {
  const std::size_t n = problem.hosts.size();
  std::vector<char> in_roster(n, 0);
  for (std::size_t c : roster) in_roster[c] = 1;
  for (std::size_t c : problem.forced) in_roster[c] = 1;
  // Roster members per capped group: a candidate of a full group is kept out of the count
  // relaxation's roster by the cap, whatever it is worth, so its gain sets no threshold.
  std::unordered_map<std::uint32_t, std::size_t> per_group;
  if (problem.max_per_group)
    for (std::size_t c = 0; c < n; ++c)
      if (in_roster[c] && problem.groups[c] != kNoGroup) ++per_group[problem.groups[c]];
  auto group_full = [&](std::size_t c) {
    if (!problem.max_per_group || problem.groups[c] == kNoGroup) return false;
    const auto found = per_group.find(problem.groups[c]);
    return found != per_group.end() && found->second >= *problem.max_per_group;
  };
  FocusThresholds largest;
  for (std::size_t c = 0; c < n; ++c) {
    if (in_roster[c]) continue;
    if (problem.budget && problem.costs[c] > *problem.budget) continue;
    if (!group_full(c)) largest.gain = std::max(largest.gain, reach.added[c]);
    if (problem.budget && problem.costs[c] > 0)
      largest.gain_per_yuan = std::max(largest.gain_per_yuan, reach.added[c] / problem.costs[c]);
  }
  return largest;
}

double largest_gain_per_yuan_left(ReachOracle& oracle, const GreedyProblem& problem,
                                  std::span<const std::size_t> roster,
                                  std::span<const double> gain_bounds) {
  if (!problem.budget) return 0;
  std::vector<char> in_roster(problem.hosts.size(), 0);
  for (std::size_t c : roster) in_roster[c] = 1;
  for (std::size_t c : problem.forced) in_roster[c] = 1;
  std::vector<std::pair<double, std::size_t>> open;  // bound per yuan, candidate
  for (std::size_t c = 0; c < problem.hosts.size(); ++c)
    if (!in_roster[c] && problem.costs[c] > 0 && problem.costs[c] <= *problem.budget &&
        gain_bounds[c] > 0)
      open.emplace_back(gain_bounds[c] / problem.costs[c], c);
  std::ranges::sort(open, std::greater<>{});
  double largest = 0;
  for (const auto& [bound, c] : open) {
    if (bound <= largest) break;
    largest = std::max(largest, oracle.gain(problem.hosts[c]) / problem.costs[c]);
  }
  return largest;
}

std::vector<char> focus_candidates(const GreedyProblem& problem, std::span<const double> alone,
                                   std::span<const std::size_t> roster,
                                   const FocusThresholds& thresholds, double share) {
  std::vector<char> modelled(problem.hosts.size(), 0);
  for (std::size_t c : roster) modelled[c] = 1;
  for (std::size_t c : problem.forced) modelled[c] = 1;
  for (std::size_t c = 0; c < modelled.size(); ++c) {
    if (modelled[c] || alone[c] <= 0) continue;
    const bool by_count = (problem.k || !problem.budget) && alone[c] > share * thresholds.gain;
    const bool by_budget =
        problem.budget &&
        (problem.costs[c] <= 0 || alone[c] > share * thresholds.gain_per_yuan * problem.costs[c]);
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
