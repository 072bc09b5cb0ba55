// Presets: the calibrated figures each synthetic dataset reproduces. A preset names the
// provinces it covers (hosts, bases, declared-fan total and tier bands per province),
// the platforms with their approximate populations, and the shape of the audience.
// The figures and their sources are listed in generator/PRESETS.md.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "generator/geography.hpp"

namespace castgraph::generator {

// `hosts` hosts whose declared fans lie in [low, high), drawn from a Pareto
// distribution with exponent `alpha` truncated to that range.
struct TierBand {
  std::uint32_t hosts;
  std::uint64_t low;
  std::uint64_t high;
  double alpha;
};

struct ProvincePlan {
  const Province* province;
  std::uint32_t city_limit = 0;  // use only the first N cities (0: all of them)
  std::uint32_t hosts;
  std::uint32_t bases;
  std::uint64_t declared_total;     // the hosts' declared fans add up to exactly this
  std::vector<TierBand> top_bands;  // the big hosts, counted exactly
  // Every other host lies in [bottom_low, bottom_high); their shape is solved so that
  // the total comes out right.
  std::uint64_t bottom_low = 300;
  std::uint64_t bottom_high = 100'000;
  bool demo_bases = false;      // bases are national/provincial e-commerce demo bases
  double national_share = 0.0;  // of demo bases, the national ones
  std::span<const City> cities() const {
    auto all = province->cities;
    return city_limit == 0 || city_limit >= all.size() ? all : all.first(city_limit);
  }
};

struct PlatformSpec {
  std::string_view name;     // Chinese name as written in platforms.csv
  std::string_view english;  // for the docs and --help
  std::uint64_t population;  // approximate active users (see PRESETS.md)
  double host_share;         // how often a host picks it
};

struct Preset {
  std::string_view name;
  std::string_view summary;  // one line for --help
  std::vector<ProvincePlan> provinces;
  std::vector<PlatformSpec> platforms;
  double outside_share;      // share of the people pool living outside the provinces
  double pool_per_row;       // people in the pool per follow row written
  double independent_share;  // hosts that belong to no base
};

// All presets, in the order --help lists them.
const std::vector<Preset>& presets();
// The preset called `name`, or nullptr.
const Preset* find_preset(std::string_view name);

// Sums over a preset's provinces.
std::uint32_t host_count(const Preset& preset);
std::uint64_t declared_total(const Preset& preset);

}  // namespace castgraph::generator
