// Calibrated declared fan counts; see fan_counts.hpp. Draws are stratified (the i-th of
// n draws comes from the i-th n-quantile), so a small band still spans its whole range.
#include "generator/fan_counts.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace castgraph::generator {
namespace {

// n stratified draws from the truncated Pareto; jitter = false takes the midpoints.
std::vector<std::uint64_t> band_draws(std::uint32_t n, double low, double high, double alpha,
                                      Rng* jitter) {
  std::vector<std::uint64_t> values(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const double u = (i + (jitter ? jitter->uniform() : 0.5)) / n;
    const double x = std::floor(truncated_pareto_quantile(u, low, high, alpha));
    values[i] = std::clamp(static_cast<std::uint64_t>(x), static_cast<std::uint64_t>(low),
                           static_cast<std::uint64_t>(high) - 1);
  }
  return values;
}

double midpoint_mean(std::uint32_t n, double low, double high, double alpha) {
  double sum = 0;
  for (auto v : band_draws(n, low, high, alpha, nullptr)) sum += static_cast<double>(v);
  return sum / n;
}

// The exponent whose stratified mean is `target`; the mean falls as alpha grows.
double solve_alpha(std::uint32_t n, double low, double high, double target) {
  double lo = 0.05, hi = 12.0;
  if (target > midpoint_mean(n, low, high, lo) || target < midpoint_mean(n, low, high, hi))
    throw std::invalid_argument("preset: the bottom band cannot reach the declared total");
  for (int step = 0; step < 60; ++step) {
    const double mid = (lo + hi) / 2;
    (midpoint_mean(n, low, high, mid) > target ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

// Moves the sum of `values` to `target` by nudging values within [low, high).
void settle_total(std::vector<std::uint64_t>& values, std::uint64_t low, std::uint64_t high,
                  std::uint64_t target) {
  std::uint64_t sum = 0;
  for (auto v : values) sum += v;
  for (std::size_t i = 0; i < values.size() && sum != target; ++i) {
    const std::uint64_t left = values.size() - i;
    auto& v = values[i];
    if (sum < target) {
      const std::uint64_t want = std::max<std::uint64_t>(1, (target - sum) / left);
      const std::uint64_t step = std::min({want, target - sum, high - 1 - v});
      v += step;
      sum += step;
    } else {
      const std::uint64_t want = std::max<std::uint64_t>(1, (sum - target) / left);
      const std::uint64_t step = std::min({want, sum - target, v - low});
      v -= step;
      sum -= step;
    }
  }
  if (sum != target) throw std::invalid_argument("preset: declared total out of reach");
}

}  // namespace

double truncated_pareto_quantile(double u, double low, double high, double alpha) {
  const double tail = std::pow(low / high, alpha);  // P(X >= high) before truncation
  return low * std::pow(1.0 - u * (1.0 - tail), -1.0 / alpha);
}

std::vector<std::uint64_t> calibrated_fan_counts(const ProvincePlan& plan, Rng& rng) {
  std::vector<std::uint64_t> counts;
  counts.reserve(plan.hosts);
  std::uint64_t top_sum = 0;
  for (const auto& band : plan.top_bands) {
    for (auto v : band_draws(band.hosts, band.low, band.high, band.alpha, &rng)) {
      counts.push_back(v);
      top_sum += v;
    }
  }
  if (counts.size() > plan.hosts || top_sum >= plan.declared_total)
    throw std::invalid_argument("preset: tier bands exceed the host count or the total");
  const auto bottom_hosts = static_cast<std::uint32_t>(plan.hosts - counts.size());
  const std::uint64_t bottom_total = plan.declared_total - top_sum;
  if (bottom_hosts == 0 && bottom_total != 0)
    throw std::invalid_argument("preset: no hosts left below the bands to reach the total");
  if (bottom_hosts > 0) {
    const double low = static_cast<double>(plan.bottom_low);
    const double high = static_cast<double>(plan.bottom_high);
    const double alpha =
        solve_alpha(bottom_hosts, low, high, static_cast<double>(bottom_total) / bottom_hosts);
    auto bottom = band_draws(bottom_hosts, low, high, alpha, &rng);
    settle_total(bottom, plan.bottom_low, plan.bottom_high, bottom_total);
    counts.insert(counts.end(), bottom.begin(), bottom.end());
  }
  for (std::size_t i = counts.size(); i > 1; --i) std::swap(counts[i - 1], counts[rng.below(i)]);
  return counts;
}

}  // namespace castgraph::generator
