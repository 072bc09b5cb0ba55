#include "algorithms/lazy_greedy.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <string>
#include <unordered_map>

#include "graph/errors.hpp"

namespace castgraph {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
const double kOneMinusInverseE = 1.0 - std::exp(-1.0);

// A heap entry: the gain of `index` as computed when `round` picks had been made, and the
// key it is ranked by (the gain, or gain per yuan under a budget).
struct Entry {
  double key = 0;
  double gain = 0;
  std::size_t index = 0;
  std::size_t round = 0;
};

// Max-heap order: larger key first, then the lower index.
struct Lower {
  bool operator()(const Entry& a, const Entry& b) const {
    return a.key < b.key || (a.key == b.key && a.index > b.index);
  }
};

double key_of(double gain, double cost, bool budgeted) {
  if (!budgeted) return gain;
  if (cost <= 0) return gain > 0 ? kInfinity : 0.0;
  return gain / cost;
}

// One lazy greedy run from the forced hosts and `seeds`.
class Run {
 public:
  Run(ReachOracle& oracle, const GreedyProblem& problem)
      : oracle_(oracle),
        problem_(problem),
        chosen_(problem.hosts.size(), false),
        upper_(problem.hosts.size(), 0.0),
        never_(problem.hosts.size(), false) {}

  GreedyResult operator()(std::span<const std::size_t> seeds, bool with_bound) {
    oracle_.clear();
    for (std::size_t f : problem_.forced) book(f, true);
    forced_spent_ = spent_;
    for (std::size_t s : seeds) book(s, false);

    std::priority_queue<Entry, std::vector<Entry>, Lower> heap;
    const bool budgeted = problem_.budget.has_value();
    // The first round's gains, asked of the oracle in one batch.
    std::vector<std::size_t> open;
    std::vector<NodeId> open_hosts;
    for (std::size_t i = 0; i < problem_.hosts.size(); ++i) {
      if (chosen_[i]) continue;
      if (budgeted && problem_.costs[i] > *problem_.budget - forced_spent_ + slack()) {
        never_[i] = true;  // unaffordable whatever else is booked: in no feasible roster
        continue;
      }
      open.push_back(i);
      open_hosts.push_back(problem_.hosts[i]);
    }
    const bool any_candidate = !open.empty();
    std::vector<double> gains(open.size());
    oracle_.gains(open_hosts, gains);
    for (std::size_t j = 0; j < open.size(); ++j) {
      const std::size_t i = open[j];
      upper_[i] = gains[j];
      heap.push(
          {key_of(upper_[i], problem_.costs[i], budgeted), upper_[i], i, result_.picks.size()});
    }
    first_gains_ = upper_;

    double bound = kInfinity;
    bool dropped_budget = false, dropped_cap = false;
    while (true) {
      if (problem_.k && result_.picks.size() >= *problem_.k) {
        result_.stop = StopReason::k_reached;
        break;
      }
      // The top's key is the largest; a stale one bounds the fresh one, so a top with no
      // gain means no host adds anything.
      if (heap.empty() || heap.top().gain <= 0) {
        result_.stop = dropped_budget  ? StopReason::budget_spent
                       : dropped_cap   ? StopReason::capped
                       : any_candidate ? StopReason::no_gain
                                       : StopReason::no_eligible;
        break;
      }
      const Entry top = heap.top();
      heap.pop();
      if (!within_budget(top.index)) {
        // Only a host that would still add people makes "the budget" the reason to stop.
        const double gain =
            top.round == result_.picks.size() ? top.gain : oracle_.gain(problem_.hosts[top.index]);
        dropped_budget = dropped_budget || gain > 0;
        continue;
      }
      if (!within_cap(top.index)) {
        dropped_cap = true;
        continue;
      }
      if (top.round != result_.picks.size()) {
        upper_[top.index] = oracle_.gain(problem_.hosts[top.index]);
        heap.push({key_of(upper_[top.index], problem_.costs[top.index], budgeted),
                   upper_[top.index], top.index, result_.picks.size()});
        continue;
      }
      if (top.gain < problem_.min_gain) {
        result_.stop = StopReason::min_gain;
        break;
      }
      if (with_bound && bound_due()) bound = std::min(bound, upper_bound());
      book(top.index, false);
    }
    if (result_.stop == StopReason::no_gain || result_.stop == StopReason::no_eligible)
      if (unaffordable_would_add()) result_.stop = StopReason::budget_spent;
    if (with_bound) bound = std::min(bound, upper_bound());
    result_.value = oracle_.value();
    result_.spent = spent_;
    result_.upper_bound = std::max(bound, result_.value);
    result_.gain_bounds = upper_;
    result_.oracle_holds_roster = true;
    return std::move(result_);
  }

  // Gains of every candidate given the forced hosts alone (after operator()).
  const std::vector<double>& first_gains() const { return first_gains_; }

 private:
  double slack() const { return problem_.budget ? 1e-9 * std::max(1.0, *problem_.budget) : 0; }

  // The bound costs O(n log n); a budget may buy thousands of hosts, so after the first
  // 32 picks it is taken about 32 times per doubling of the roster (and at the end). Any
  // step's bound is valid, so skipping some only loses tightness.
  bool bound_due() const {
    const std::size_t picks = result_.picks.size();
    return picks < 32 || picks % (picks / 32) == 0;
  }

  // True when a host left out as unaffordable from the start would add people: then the
  // budget, not a lack of audience, is why the plan stops. Stops at the first such host.
  bool unaffordable_would_add() {
    for (std::size_t i = 0; i < never_.size(); ++i)
      if (never_[i] && oracle_.gain(problem_.hosts[i]) > 0) return true;
    return false;
  }

  bool within_budget(std::size_t i) const {
    return !problem_.budget || spent_ + problem_.costs[i] <= *problem_.budget + slack();
  }
  bool within_cap(std::size_t i) const {
    if (!problem_.max_per_group || problem_.groups[i] == kNoGroup) return true;
    const auto found = per_group_.find(problem_.groups[i]);
    return found == per_group_.end() || found->second < *problem_.max_per_group;
  }

  void book(std::size_t i, bool forced) {
    const double gain = oracle_.add(problem_.hosts[i]);
    if (problem_.budget) spent_ += problem_.costs[i];
    chosen_[i] = true;
    if (problem_.groups[i] != kNoGroup) ++per_group_[problem_.groups[i]];
    result_.picks.push_back({i, gain, oracle_.value(), spent_, forced});
  }

  // f(S) + the most the hosts outside S could add within the constraint (see the header).
  double upper_bound() const {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < upper_.size(); ++i)
      if (!chosen_[i] && !never_[i] && upper_[i] > 0) open.push_back(i);
    double best = kInfinity;
    if (problem_.k) {
      const std::size_t slots = *problem_.k - std::min(*problem_.k, problem_.forced.size());
      std::ranges::sort(open, [&](std::size_t a, std::size_t b) { return upper_[a] > upper_[b]; });
      std::unordered_map<std::uint32_t, std::size_t> taken;
      double sum = 0;
      std::size_t used = 0;
      for (std::size_t i : open) {
        if (used == slots) break;
        if (problem_.max_per_group && problem_.groups[i] != kNoGroup &&
            taken[problem_.groups[i]]++ >= *problem_.max_per_group)
          continue;
        sum += upper_[i];
        ++used;
      }
      best = std::min(best, sum);
    }
    if (problem_.budget) {
      double room = std::max(0.0, *problem_.budget - forced_spent_);
      std::ranges::sort(open, [&](std::size_t a, std::size_t b) {
        return key_of(upper_[a], problem_.costs[a], true) >
               key_of(upper_[b], problem_.costs[b], true);
      });
      double sum = 0;
      for (std::size_t i : open) {
        const double cost = problem_.costs[i];
        if (cost <= room) {
          sum += upper_[i];
          room -= cost;
        } else {
          sum += upper_[i] * room / cost;
          break;
        }
      }
      best = std::min(best, sum);
    }
    return oracle_.value() + best;
  }

  ReachOracle& oracle_;
  const GreedyProblem& problem_;
  std::vector<bool> chosen_;
  std::vector<double> upper_;  // the latest gain computed per host: ≥ its gain now
  std::vector<bool> never_;
  std::vector<double> first_gains_;
  std::unordered_map<std::uint32_t, std::size_t> per_group_;
  double spent_ = 0, forced_spent_ = 0;
  GreedyResult result_;
};

// Seeds of 1-3 hosts that respect every constraint together with the forced hosts.
std::vector<std::vector<std::size_t>> feasible_seeds(const GreedyProblem& problem) {
  std::vector<bool> forced(problem.hosts.size(), false);
  double forced_cost = 0;
  std::unordered_map<std::uint32_t, std::size_t> forced_groups;
  for (std::size_t f : problem.forced) {
    forced[f] = true;
    if (problem.budget) forced_cost += problem.costs[f];
    if (problem.groups[f] != kNoGroup) ++forced_groups[problem.groups[f]];
  }
  std::vector<std::size_t> free;
  for (std::size_t i = 0; i < problem.hosts.size(); ++i)
    if (!forced[i]) free.push_back(i);
  const std::size_t room = std::min<std::size_t>(
      3, problem.k ? *problem.k - std::min(*problem.k, problem.forced.size()) : 3);
  const std::uint64_t m = free.size();
  std::uint64_t count = 0;
  if (room >= 1) count += m;
  if (room >= 2) count += m * (m - (m > 0)) / 2;
  if (room >= 3 && m >= 3) count += m * (m - 1) * (m - 2) / 6;
  if (count > kMaxEnumeratedSeeds)
    throw UsageError({"partial enumeration (", Parameter{"enumerate"},
                      ") would run " + std::to_string(count) + " greedy completions over " +
                          std::to_string(m) +
                          " eligible hosts; it is meant for small rosters (at most " +
                          std::to_string(kMaxEnumeratedSeeds) +
                          " completions, about 66 hosts): narrow the candidates with filters"});
  auto feasible = [&](const std::vector<std::size_t>& seed) {
    double cost = forced_cost;
    std::unordered_map<std::uint32_t, std::size_t> groups = forced_groups;
    for (std::size_t i : seed) {
      cost += problem.budget ? problem.costs[i] : 0;
      if (problem.max_per_group && problem.groups[i] != kNoGroup &&
          ++groups[problem.groups[i]] > *problem.max_per_group)
        return false;
    }
    return !problem.budget || cost <= *problem.budget * (1 + 1e-12);
  };
  std::vector<std::vector<std::size_t>> seeds;
  for (std::size_t a = 0; a < m && room >= 1; ++a) {
    if (std::vector<std::size_t> s{free[a]}; feasible(s)) seeds.push_back(s);
    for (std::size_t b = a + 1; b < m && room >= 2; ++b) {
      if (std::vector<std::size_t> s{free[a], free[b]}; feasible(s)) seeds.push_back(s);
      for (std::size_t c = b + 1; c < m && room >= 3; ++c)
        if (std::vector<std::size_t> s{free[a], free[b], free[c]}; feasible(s)) seeds.push_back(s);
    }
  }
  return seeds;
}

}  // namespace

std::string_view to_string(StopReason reason) {
  switch (reason) {
    case StopReason::k_reached:
      return "k_reached";
    case StopReason::budget_spent:
      return "budget_spent";
    case StopReason::no_gain:
      return "no_gain";
    case StopReason::min_gain:
      return "min_gain";
    case StopReason::optimal:
      return "optimal";
    case StopReason::time_limit:
      return "time_limit";
    case StopReason::capped:
      return "max_per_base";
    case StopReason::no_eligible:
      return "no_eligible";
  }
  return "?";
}

GreedyResult lazy_greedy(ReachOracle& oracle, const GreedyProblem& problem, bool enumerate) {
  if (problem.costs.size() != problem.hosts.size() || problem.groups.size() != problem.hosts.size())
    throw UsageError("lazy_greedy: costs and groups must parallel hosts");
  // Enumerate first so that a refusal comes before any work.
  const std::vector<std::vector<std::size_t>> seeds =
      enumerate ? feasible_seeds(problem) : std::vector<std::vector<std::size_t>>{};

  Run plain(oracle, problem);
  GreedyResult best = plain({}, /*with_bound=*/true);
  const double bound = best.upper_bound;

  if (problem.budget) {
    // The best single host that fits beside the forced ones (Khuller, Moss & Naor 1999).
    const std::vector<double>& gains = plain.first_gains();
    std::vector<bool> forced(problem.hosts.size(), false);
    double forced_cost = 0;
    for (std::size_t f : problem.forced) forced[f] = true, forced_cost += problem.costs[f];
    std::optional<std::size_t> single;
    for (std::size_t i = 0; i < problem.hosts.size(); ++i) {
      if (forced[i] || problem.costs[i] + forced_cost > *problem.budget * (1 + 1e-12)) continue;
      if (problem.max_per_group && problem.groups[i] != kNoGroup &&
          std::ranges::count_if(problem.forced, [&](std::size_t f) {
            return problem.groups[f] == problem.groups[i];
          }) >= static_cast<std::ptrdiff_t>(*problem.max_per_group))
        continue;
      if (!single || gains[i] > gains[*single]) single = i;
    }
    const bool picked = single && std::ranges::any_of(best.picks, [&](const GreedyPick& p) {
                          return p.index == *single;
                        });
    if (single && !picked && gains[*single] > 0) {
      const std::size_t seed[] = {*single};
      GreedyResult seeded = Run(oracle, problem)(seed, false);
      if (seeded.value > best.value) {
        best = std::move(seeded);
        best.best_single_won = true;
      } else {
        best.oracle_holds_roster = false;
      }
    }
  }
  for (const std::vector<std::size_t>& seed : seeds) {
    GreedyResult run = Run(oracle, problem)(seed, false);
    ++best.seeds_tried;
    if (run.value > best.value) {
      const std::uint64_t tried = best.seeds_tried;
      best = std::move(run);
      best.seeds_tried = tried;
    } else {
      best.oracle_holds_roster = false;
    }
  }

  const bool capped = problem.max_per_group.has_value();
  if (problem.budget && !problem.k)
    best.guarantee = capped ? 0.0 : enumerate ? kOneMinusInverseE : kOneMinusInverseE / 2;
  else if (problem.k && !problem.budget)
    best.guarantee = capped ? 0.5 : kOneMinusInverseE;
  best.upper_bound = std::max(bound, best.value);
  if (problem.forced.empty()) best.alone = plain.first_gains();
  return best;
}

}  // namespace castgraph
