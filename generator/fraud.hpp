// Planted bot farms: the ground truth `castgraph audit` is measured against. A farm is a
// block of fake fans who follow a handful of "buyer" hosts (each buyer with the farm's
// density, at least two of them per fan) plus a few camouflage follows, either of random
// hosts or of popular ones (the two camouflage kinds of Hooi et al., KDD 2016, §5). Farms
// vary in size (log-uniform), buyers (3 to 8) and density (0.6 to 1).
//
// Fake fans are new people numbered after the people pool, so planting farms changes no
// genuine row: a dataset with farms is the same dataset plus extra rows. Which fans are
// fake is written outside the dataset (write_fraud_truth), where no command reads it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "generator/cast.hpp"
#include "generator/presets.hpp"

namespace castgraph::generator {

struct Farm {
  std::vector<std::uint32_t> buyers;  // fanbases bought for
  std::uint64_t first_fan = 0;        // person number of its first fake fan
  std::uint32_t fans = 0;
  double density = 0;     // chance that a fake fan follows a given buyer
  double camouflage = 0;  // camouflage follows per buyer follow, on average
  bool popular_camouflage = false;
};

struct FakeFollow {
  std::uint64_t fan;  // person number
  std::uint32_t fanbase;
};

struct PlantedFraud {
  std::vector<Farm> farms;
  std::vector<FakeFollow> follows;        // by fan, then fanbase; no repeats
  std::vector<std::uint32_t> fan_region;  // per fake fan: index into regions(preset)
};

// A fake fan's home: a city of one of the preset's provinces.
struct FarmRegion {
  std::string_view province, city;
};
std::vector<FarmRegion> farm_regions(const Preset& preset);

// Farms holding about `share` x `genuine_fans` fake fans (none when share is 0), numbered
// from person `first_person`. Deterministic in (cast, seed, share, genuine_fans).
// O(fake follows + fanbases log fanbases).
PlantedFraud plant_farms(const Preset& preset, const Cast& cast, double share,
                         std::uint64_t genuine_fans, std::uint64_t first_person,
                         std::uint64_t seed);

// The truth folder of a dataset directory: DIR.truth beside DIR.
std::filesystem::path truth_directory(const std::filesystem::path& dataset);

// Writes truth/fraud.csv (fan,farm: every fake fan) and truth/farms.csv (one row per farm:
// size, buyers as host ids, density, camouflage). Throws IoError.
void write_fraud_truth(const PlantedFraud& fraud, const Cast& cast,
                       const std::filesystem::path& truth);

}  // namespace castgraph::generator
