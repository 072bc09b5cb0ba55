// Planting bot farms; see fraud.hpp for the model.
#include "generator/fraud.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "generator/csv_writer.hpp"
#include "generator/random.hpp"
#include "graph/errors.hpp"

namespace castgraph::generator {
namespace {

constexpr std::uint32_t kMinFarmFans = 30;
constexpr std::uint32_t kMinBuyers = 3, kMaxBuyers = 8;
constexpr std::uint32_t kMinBuyerFollows = 2;  // a fake fan follows at least this many buyers
// Popular camouflage picks among the largest fanbases: this share of them, at least 10.
constexpr double kPopularShare = 0.05;

// Each host's largest fanbase: where a buyer's fake follows go.
std::vector<std::uint32_t> main_fanbases(const Cast& cast) {
  std::vector<std::uint32_t> mains;
  for (const HostRecord& host : cast.hosts) {
    if (host.fanbase_count == 0) continue;
    std::uint32_t best = host.first_fanbase;
    for (std::uint32_t f = host.first_fanbase; f < host.first_fanbase + host.fanbase_count; ++f)
      if (cast.fanbases[f].declared > cast.fanbases[best].declared) best = f;
    mains.push_back(best);
  }
  return mains;
}

std::vector<std::uint32_t> popular_fanbases(const Cast& cast) {
  std::vector<std::uint32_t> all(cast.fanbases.size());
  for (std::uint32_t f = 0; f < all.size(); ++f) all[f] = f;
  std::ranges::stable_sort(all, std::greater<>{},
                           [&](std::uint32_t f) { return cast.fanbases[f].declared; });
  const auto keep = std::max<std::size_t>(
      10, static_cast<std::size_t>(kPopularShare * static_cast<double>(all.size())));
  all.resize(std::min(all.size(), keep));
  return all;
}

// Farm sizes, log-uniform in [budget/50, budget/5] (at least kMinFarmFans), until
// `budget` fake fans are placed: about a dozen farms at any scale.
std::vector<std::uint32_t> farm_sizes(Rng& rng, std::uint64_t budget) {
  std::vector<std::uint32_t> sizes;
  const double low = std::max<double>(kMinFarmFans, static_cast<double>(budget) / 50);
  const double high = std::max<double>(low, static_cast<double>(budget) / 5);
  std::uint64_t placed = 0;
  while (placed < budget) {
    const auto size = static_cast<std::uint32_t>(
        std::llround(std::exp(rng.between(std::log(low), std::log(high)))));
    sizes.push_back(size);
    placed += size;
  }
  return sizes;
}

Farm make_farm(Rng& rng, const std::vector<std::uint32_t>& mains, std::uint32_t fans,
               std::uint64_t first_fan) {
  Farm farm;
  farm.first_fan = first_fan;
  farm.fans = fans;
  farm.density = rng.between(0.6, 1.0);
  farm.camouflage = rng.between(0.0, 1.0);
  farm.popular_camouflage = rng.chance(0.5);
  const auto buyers = static_cast<std::uint32_t>(
      std::min<std::uint64_t>(kMinBuyers + rng.below(kMaxBuyers - kMinBuyers + 1), mains.size()));
  while (farm.buyers.size() < buyers) {
    const std::uint32_t fanbase = mains[rng.below(mains.size())];
    if (std::ranges::find(farm.buyers, fanbase) == farm.buyers.end())
      farm.buyers.push_back(fanbase);
  }
  std::ranges::sort(farm.buyers);
  return farm;
}

// One fake fan's follows: buyers with the farm's density (at least kMinBuyerFollows),
// then camouflage, sorted and without repeats.
void fake_fan_follows(Rng& rng, const Farm& farm, std::uint64_t fan,
                      const std::vector<std::uint32_t>& popular, std::size_t fanbase_count,
                      std::vector<FakeFollow>& out) {
  std::vector<std::uint32_t> chosen;
  for (std::uint32_t buyer : farm.buyers)
    if (rng.chance(farm.density)) chosen.push_back(buyer);
  while (chosen.size() < std::min<std::size_t>(kMinBuyerFollows, farm.buyers.size())) {
    const std::uint32_t buyer = farm.buyers[rng.below(farm.buyers.size())];
    if (std::ranges::find(chosen, buyer) == chosen.end()) chosen.push_back(buyer);
  }
  const double expected = farm.camouflage * static_cast<double>(chosen.size());
  auto camouflage = static_cast<std::uint32_t>(expected);
  if (rng.chance(expected - camouflage)) ++camouflage;
  for (std::uint32_t c = 0; c < camouflage; ++c)
    chosen.push_back(farm.popular_camouflage
                         ? popular[rng.below(popular.size())]
                         : static_cast<std::uint32_t>(rng.below(fanbase_count)));
  std::ranges::sort(chosen);
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  for (std::uint32_t fanbase : chosen) out.push_back({fan, fanbase});
}

}  // namespace

std::vector<FarmRegion> farm_regions(const Preset& preset) {
  std::vector<FarmRegion> regions;
  for (const ProvincePlan& plan : preset.provinces)
    for (const auto& city : plan.cities()) regions.push_back({plan.province->name, city.name});
  return regions;
}

PlantedFraud plant_farms(const Preset& preset, const Cast& cast, double share,
                         std::uint64_t genuine_fans, std::uint64_t first_person,
                         std::uint64_t seed) {
  PlantedFraud fraud;
  const auto budget =
      static_cast<std::uint64_t>(std::llround(share * static_cast<double>(genuine_fans)));
  const std::vector<std::uint32_t> mains = main_fanbases(cast);
  if (budget == 0 || mains.size() < kMinBuyers) return fraud;
  const std::vector<std::uint32_t> popular = popular_fanbases(cast);
  const std::size_t regions = farm_regions(preset).size();
  Rng rng(seed, "fraud");
  std::uint64_t next_fan = first_person;
  for (std::uint32_t size : farm_sizes(rng, budget)) {
    fraud.farms.push_back(make_farm(rng, mains, size, next_fan));
    const Farm& farm = fraud.farms.back();
    const std::uint32_t home = static_cast<std::uint32_t>(rng.below(regions));
    for (std::uint32_t i = 0; i < size; ++i, ++next_fan) {
      fake_fan_follows(rng, farm, next_fan, popular, cast.fanbases.size(), fraud.follows);
      // Most of a farm's accounts claim one home, the rest anywhere.
      fraud.fan_region.push_back(rng.chance(0.7) ? home
                                                 : static_cast<std::uint32_t>(rng.below(regions)));
    }
  }
  return fraud;
}

std::filesystem::path truth_directory(const std::filesystem::path& dataset) {
  std::filesystem::path clean = dataset.lexically_normal();
  if (clean.filename().empty()) clean = clean.parent_path();
  return clean.string() + ".truth";
}

void write_fraud_truth(const PlantedFraud& fraud, const Cast& cast,
                       const std::filesystem::path& truth) {
  std::error_code error;
  std::filesystem::create_directories(truth, error);
  if (error) throw IoError("cannot create " + truth.string() + ": " + error.message());
  CsvWriter fans(truth / "fraud.csv");
  fans.field("fan").field("farm").end_row();
  CsvWriter farms(truth / "farms.csv");
  farms.field("farm").field("fans").field("buyers").field("density").field("camouflage");
  farms.field("camouflage_kind").end_row();
  for (std::size_t f = 0; f < fraud.farms.size(); ++f) {
    const Farm& farm = fraud.farms[f];
    for (std::uint64_t fan = farm.first_fan; fan < farm.first_fan + farm.fans; ++fan)
      fans.field("f" + std::to_string(fan + 1)).field(f + 1).end_row();
    std::string buyers;
    for (std::uint32_t fanbase : farm.buyers)
      buyers += (buyers.empty() ? "h" : " h") + std::to_string(cast.fanbases[fanbase].host + 1);
    char density[16], camouflage[16];
    std::snprintf(density, sizeof density, "%.3f", farm.density);
    std::snprintf(camouflage, sizeof camouflage, "%.3f", farm.camouflage);
    farms.field(f + 1).field(farm.fans).field(buyers).field(density).field(camouflage);
    farms.field(farm.popular_camouflage ? "popular" : "random").end_row();
  }
  fans.commit();
  farms.commit();
}

}  // namespace castgraph::generator
