#include "algorithms/coverage_bound.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace castgraph {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Room {
  std::size_t slots = 0;
  double budget = kInfinity;
  std::unordered_map<std::uint32_t, std::size_t> per_group;  // forced hosts per group
};

// The value of the forced hosts, and what they leave of k, the budget and the caps.
double book_forced(const GreedyProblem& problem, std::span<const double> value,
                   std::vector<double>& roster, Room& room) {
  room.slots = problem.k ? *problem.k : value.size();
  room.slots -= std::min(room.slots, problem.forced.size());
  double forced_value = 0, cost = 0;
  for (std::size_t f : problem.forced) {
    roster[f] = 1;
    forced_value += value[f];
    if (problem.budget) cost += problem.costs[f];
    if (problem.groups[f] != kNoGroup) ++room.per_group[problem.groups[f]];
  }
  if (problem.budget) room.budget = std::max(0.0, *problem.budget - cost);
  return forced_value;
}

bool affordable(const GreedyProblem& problem, const Room& room, std::size_t c) {
  return !problem.budget || problem.costs[c] <= room.budget * (1 + 1e-12);
}

// max Σ value·x with at most room.slots hosts and the caps: greedy by value (integral).
double best_by_count(const GreedyProblem& problem, std::span<const double> value,
                     std::span<const std::size_t> order, Room room, std::vector<double>& x) {
  double total = 0;
  std::size_t used = 0;
  for (std::size_t c : order) {
    if (used == room.slots || value[c] <= 0) break;
    if (problem.max_per_group && problem.groups[c] != kNoGroup &&
        room.per_group[problem.groups[c]]++ >= *problem.max_per_group)
      continue;
    x[c] = 1;
    total += value[c];
    ++used;
  }
  return total;
}

// max Σ value·x with Σ cost·x within the budget left: the fractional knapsack.
double best_by_budget(const GreedyProblem& problem, std::span<const double> value,
                      std::vector<std::size_t>& order, const Room& room, std::vector<double>& x) {
  auto density = [&](std::size_t c) {
    const double cost = problem.costs[c];
    return cost > 0 ? value[c] / cost : (value[c] > 0 ? kInfinity : 0.0);
  };
  std::ranges::sort(order, [&](std::size_t a, std::size_t b) { return density(a) > density(b); });
  double total = 0, left = room.budget;
  for (std::size_t c : order) {
    if (value[c] <= 0) continue;
    const double cost = problem.costs[c];
    if (cost <= left) {
      x[c] = 1;
      total += value[c];
      left -= cost;
    } else {
      x[c] = left / cost;
      total += value[c] * x[c];
      break;
    }
  }
  return total;
}

// max Σ value·x with both at most room.slots hosts and the budget left, relaxed: for any
// μ ≥ 0, μ·slots + the fractional knapsack of (value − μ)⁺ bounds it (Lagrangian of the
// count constraint). That is convex in μ, so a golden-section search over [0, max value]
// finds a good μ; any μ found is valid. Caps are dropped (a relaxation). Writes the
// knapsack's fractions at the best μ into x. O(iterations · candidates log candidates).
double best_by_both(const GreedyProblem& problem, std::span<const double> value,
                    std::vector<std::size_t>& order, const Room& room, std::vector<double>& x) {
  std::vector<double> shifted(value.size()), fractions(value.size());
  auto bound_at = [&](double mu) {
    for (std::size_t c : order) shifted[c] = std::max(0.0, value[c] - mu), fractions[c] = 0;
    return mu * static_cast<double>(room.slots) +
           best_by_budget(problem, shifted, order, room, fractions);
  };
  double top = 0;
  for (std::size_t c : order) top = std::max(top, value[c]);
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  double low = 0, high = top;
  double best = kInfinity;
  auto consider = [&](double mu) {
    const double at = bound_at(mu);
    if (at < best) {
      best = at;
      for (std::size_t c : order) x[c] = fractions[c];
    }
    return at;
  };
  consider(0);
  for (int step = 0; step < 24 && high - low > 1e-9 * std::max(1.0, top); ++step) {
    const double a = high - ratio * (high - low), b = low + ratio * (high - low);
    if (consider(a) <= consider(b))
      high = b;
    else
      low = a;
  }
  return best;
}

}  // namespace

double lagrangian_bound(const CoverageRows& rows, const GreedyProblem& problem,
                        std::span<const double> multipliers, std::vector<double>& roster) {
  const std::size_t n = rows.candidates();
  std::vector<double> value(rows.solo);
  double slack = 0;
  for (std::size_t r = 0; r < rows.rows(); ++r) {
    slack += rows.weights[r] - multipliers[r];
    for (std::uint32_t c : rows.row(r)) value[c] += multipliers[r];
  }
  roster.assign(n, 0.0);
  Room room;
  const double forced = book_forced(problem, value, roster, room);
  std::vector<char> is_forced(n, 0);
  for (std::size_t f : problem.forced) is_forced[f] = 1;
  std::vector<std::size_t> open;
  for (std::size_t c = 0; c < n; ++c)
    if (!is_forced[c] && affordable(problem, room, c)) open.push_back(c);

  double best = kInfinity;
  std::vector<double> x(n, 0.0);
  if (problem.k || !problem.budget) {
    std::ranges::sort(open, [&](std::size_t a, std::size_t b) { return value[a] > value[b]; });
    best = best_by_count(problem, value, open, room, x);
    for (std::size_t c : open) roster[c] = x[c];
  }
  if (problem.budget) {
    std::ranges::fill(x, 0.0);
    const double by_budget = best_by_budget(problem, value, open, room, x);
    if (by_budget < best) {
      best = by_budget;
      for (std::size_t c : open) roster[c] = x[c];
    }
  }
  if (problem.k && problem.budget) {
    const double joint = best_by_both(problem, value, open, room, x);
    if (joint < best) {
      best = joint;
      for (std::size_t c : open) roster[c] = x[c];
    }
  }
  return slack + forced + best;
}

// Share of the last direction kept in the next under a budget. Measured on liaoning
// budgets at scales 0.01 and 0.1 (120 passes; bench/RESULTS.md): with 0.85, --budget
// 2000000 states 0.51% instead of 2.04% at 0.01 and 0.82% instead of 3.94% at 0.1; 0.7
// did less, 0.93 helped some budgets and hurt others; --budget 500000 barely moves (its
// gap is the LP's own).
constexpr double kDeflection = 0.85;

CoverageBound subgradient_bound(const CoverageRows& rows, const GreedyProblem& problem,
                                double lower_bound, int max_passes, std::span<const double> start) {
  std::vector<double> lambda(start.begin(), start.end());
  if (lambda.empty()) lambda = rows.weights;
  CoverageBound bound{kInfinity, 0, lambda};
  std::vector<double> roster, step(rows.rows());
  double theta = 2.0;
  int since_improved = 0;
  // Under a budget the fractional knapsack's roster flips between passes, and plain steps
  // zigzag: each direction keeps kDeflection of the last one (Camerini, Fratta & Maffioli
  // 1975, "On improving relaxation methods by modified gradient techniques"). Any λ in
  // the box gives a valid bound, so only the speed changes.
  const double deflection = problem.budget ? kDeflection : 0.0;
  std::vector<double> direction(rows.rows(), 0.0);
  for (int pass = 0; pass < max_passes; ++pass) {
    const double value = lagrangian_bound(rows, problem, lambda, roster);
    ++bound.passes;
    if (value < bound.value) {
      bound.value = value;
      bound.multipliers = lambda;
      since_improved = 0;
    } else if (++since_improved >= 5) {
      theta /= 2;
      since_improved = 0;
    }
    const double gap = bound.value - lower_bound;
    // Rows stand for whole people, so a bound less than one person above a roster's reach
    // proves that roster best; the slack covers rounding in the sums.
    if (gap < 1 - 1e-9 * std::max(1.0, lower_bound)) break;
    // Projected subgradient of L at λ: Σ_{c ∈ r} x_c − 1, zero where the box stops λ.
    double norm = 0;
    for (std::size_t r = 0; r < rows.rows(); ++r) {
      double covered = -1;
      for (std::uint32_t c : rows.row(r)) covered += roster[c];
      const bool stuck =
          (lambda[r] <= 0 && covered > 0) || (lambda[r] >= rows.weights[r] && covered < 0);
      step[r] = stuck ? 0.0 : covered + deflection * direction[r];
      norm += step[r] * step[r];
    }
    if (norm == 0) break;  // L is minimal at λ
    const double size = theta * std::max(value - lower_bound, 1e-9 * value) / norm;
    for (std::size_t r = 0; r < rows.rows(); ++r)
      lambda[r] = std::clamp(lambda[r] - size * step[r], 0.0, rows.weights[r]);
    if (deflection > 0) direction.swap(step);
  }
  return bound;
}

}  // namespace castgraph
