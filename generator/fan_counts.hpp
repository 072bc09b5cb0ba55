// Declared fan counts of a province's hosts, calibrated to its published figures: the
// big hosts are drawn band by band (exact counts per tier band), the rest from a
// truncated Pareto whose exponent is solved so that all declared fans add up exactly to
// the province's total. Heavy-tailed, as follower counts are (Clauset, Shalizi and
// Newman 2009), with the tier counts fixed rather than left to chance.
#pragma once

#include <cstdint>
#include <vector>

#include "generator/presets.hpp"
#include "generator/random.hpp"

namespace castgraph::generator {

// The inverse CDF of a Pareto(alpha) distribution truncated to [low, high), at u in [0, 1).
double truncated_pareto_quantile(double u, double low, double high, double alpha);

// plan.hosts counts that sum to plan.declared_total, shuffled. Each band's hosts land in
// that band; the others in [bottom_low, bottom_high). O(hosts * 60).
// Throws std::invalid_argument when the plan cannot be met (a bug in the preset table).
std::vector<std::uint64_t> calibrated_fan_counts(const ProvincePlan& plan, Rng& rng);

}  // namespace castgraph::generator
