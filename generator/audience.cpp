// The audience model; see audience.hpp for the method.
#include "generator/audience.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "generator/random.hpp"

namespace castgraph::generator {
namespace {

constexpr std::uint32_t kFull = std::numeric_limits<std::uint32_t>::max();
constexpr double kBaseAnchorShare = 0.35;  // picks around the base's anchor, not the platform's

std::vector<double> cumulative(const std::vector<double>& weights) {
  std::vector<double> sums(weights.size());
  double total = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) sums[i] = (total += weights[i]);
  for (auto& s : sums) s /= total;
  return sums;
}

std::uint32_t pick(Rng& rng, const std::vector<double>& cumulative) {
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), rng.uniform());
  return static_cast<std::uint32_t>(
      std::min<std::size_t>(it - cumulative.begin(), cumulative.size() - 1));
}

// How much of a host's audience is drawn from its own province: 0.9 for a host with
// 1,000 fans or fewer, falling by 0.1625 per tenfold to 0.25 at ten million.
double locality(std::uint64_t declared) {
  const double tens = std::log10(std::max<double>(static_cast<double>(declared), 1000.0) / 1000.0);
  return std::clamp(0.9 - 0.1625 * tens, 0.25, 0.9);
}

bool is_own_province(const Preset& preset, std::string_view province) {
  for (const auto& plan : preset.provinces)
    if (plan.province->name == province) return true;
  return false;
}

}  // namespace

Audience::Audience(const Preset& preset, std::uint64_t people, std::uint64_t seed) : seed_(seed) {
  double local_total = 0, outside_total = 0;
  for (const auto& plan : preset.provinces)
    for (const auto& city : plan.cities()) local_total += city.population_millions;
  for (const auto& region : outside_regions())
    if (!is_own_province(preset, region.province)) outside_total += region.population_millions;
  for (std::int32_t p = 0; p < static_cast<std::int32_t>(preset.provinces.size()); ++p) {
    const auto& plan = preset.provinces[p];
    std::vector<double> city_weights;
    plan_regions_.emplace_back();
    for (const auto& city : plan.cities()) {
      plan_regions_.back().push_back(static_cast<std::uint32_t>(regions_.size()));
      city_weights.push_back(city.population_millions);
      regions_.push_back({plan.province->name, city.name, p,
                          (1 - preset.outside_share) * city.population_millions / local_total});
    }
    plan_city_cumulative_.push_back(cumulative(city_weights));
  }
  for (const auto& region : outside_regions())
    if (!is_own_province(preset, region.province))
      regions_.push_back({region.province, region.city, -1,
                          preset.outside_share * region.population_millions / outside_total});

  std::vector<double> region_weights, category_weights;
  for (const auto& region : regions_) region_weights.push_back(region.weight);
  for (int c = 0; c < kCategoryCount; ++c)
    category_weights.push_back(category_info(static_cast<Category>(c)).audience_share);
  region_cumulative_ = cumulative(region_weights);
  std::vector<double> far_weights(region_weights);
  for (std::size_t r = 0; r < regions_.size(); ++r)
    if (regions_[r].plan >= 0 && preset.outside_share > 0) far_weights[r] = 0;
  far_cumulative_ = cumulative(far_weights);
  category_cumulative_ = cumulative(category_weights);

  std::uint64_t next = 0;
  for (const auto& region : regions_) {
    for (int c = 0; c < kCategoryCount; ++c) {
      const double share = region.weight * category_weights[c];
      const auto size =
          std::max<std::uint64_t>(1, std::llround(share * static_cast<double>(people)));
      if (next + size + 1 >= kFull) throw std::length_error("people pool exceeds 2^32");
      cells_.push_back({static_cast<std::uint32_t>(next), static_cast<std::uint32_t>(size)});
      next += size + 1;  // and the sentinel
      pool_size_ += size;
    }
  }
  slots_.resize(next);
  for (std::uint32_t s = 0; s < next; ++s) slots_[s] = {s, 0};
}

std::uint32_t Audience::find(std::uint32_t slot) {
  std::uint32_t root = slot;
  while (slots_[root].next_free != root) root = slots_[root].next_free;
  while (slot != root) {  // full path compression
    const std::uint32_t next = slots_[slot].next_free;
    slots_[slot].next_free = root;
    slot = next;
  }
  return root;
}

std::uint32_t Audience::take(std::uint32_t cell, std::uint32_t start) {
  const Cell& c = cells_[cell];
  const std::uint32_t sentinel = c.first + c.size;
  std::uint32_t slot = find(start);
  if (slot == sentinel) slot = find(c.first);  // wrap around
  if (slot == sentinel) return kFull;
  slots_[slot].next_free = slot + 1;
  ++slots_[slot].follows;
  taken_.push_back(slot);
  return slot;
}

std::uint32_t Audience::any_cell(Rng& rng) const {
  return pick(rng, region_cumulative_) * kCategoryCount + pick(rng, category_cumulative_);
}

std::uint32_t Audience::pick_cell(Rng& rng, const HostRecord& host, std::uint32_t home,
                                  double local) const {
  const std::uint32_t own = static_cast<std::uint32_t>(host.category);
  const double u = rng.uniform();
  if (u < 0.5 * local) return home * kCategoryCount + own;  // near home, in their interest
  if (u < 0.75 * local) return home * kCategoryCount + pick(rng, category_cumulative_);
  if (u < local)
    return plan_regions_[host.province][pick(rng, plan_city_cumulative_[host.province])] *
               kCategoryCount +
           own;
  if (u < local + 0.5 * (1 - local))  // the rest of the country, in their interest
    return pick(rng, far_cumulative_) * kCategoryCount + own;
  return any_cell(rng);
}

std::uint32_t Audience::start_slot(std::uint32_t cell, std::uint64_t key, double u) const {
  const std::uint64_t size = cells_[cell].size;
  const std::uint64_t anchor = mix(key, cell) % size;
  const auto offset = static_cast<std::uint64_t>(static_cast<double>(size) * u * u * u);
  return cells_[cell].first + static_cast<std::uint32_t>((anchor + offset) % size);
}

std::span<const std::uint32_t> Audience::draw(const Cast& cast, std::uint32_t fanbase,
                                              std::uint64_t rows) {
  if (rows > pool_size_) throw std::length_error("a fan base exceeds the people pool");
  const FanbaseRecord& fb = cast.fanbases[fanbase];
  const HostRecord& host = cast.hosts[fb.host];
  const std::uint32_t home = plan_regions_[host.province][host.city];
  const double local = locality(host.declared);
  const std::uint64_t base_key = host.base == kNoBase ? 0 : mix(seed_, 1, host.base);
  const std::uint64_t platform_key = mix(seed_, 2, fb.platform);
  Rng rng(mix(seed_, 3, fanbase));
  taken_.clear();
  people_.clear();
  // Candidates are chosen a batch at a time and their slots prefetched: the pool is far
  // larger than the caches, and waiting for memory is what a draw mostly does.
  constexpr std::uint64_t kBatch = 32;
  struct Candidate {
    std::uint32_t cell;
    std::uint32_t start;
  };
  Candidate batch[kBatch];
  for (std::uint64_t row = 0; row < rows; row += kBatch) {
    const std::uint64_t n = std::min(kBatch, rows - row);
    for (std::uint64_t i = 0; i < n; ++i) {
      const std::uint32_t cell = pick_cell(rng, host, home, local);
      const bool by_base = base_key != 0 && rng.chance(kBaseAnchorShare);
      batch[i] = {cell, start_slot(cell, by_base ? base_key : platform_key, rng.uniform())};
      __builtin_prefetch(&slots_[batch[i].start], 1);
    }
    for (std::uint64_t i = 0; i < n; ++i) {
      std::uint32_t cell = batch[i].cell;
      std::uint32_t slot = take(cell, batch[i].start);
      for (int attempt = 0; slot == kFull; ++attempt) {  // the cell is full: look elsewhere
        cell =
            attempt < 32 ? any_cell(rng) : static_cast<std::uint32_t>((cell + 1) % cells_.size());
        slot = take(cell, start_slot(cell, platform_key, rng.uniform()));
      }
      people_.push_back(slot - cell);
    }
  }
  for (std::uint32_t slot : taken_) slots_[slot].next_free = slot;
  return people_;
}

}  // namespace castgraph::generator
