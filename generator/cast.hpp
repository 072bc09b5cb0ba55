// The cast of a synthetic dataset: bases, hosts (broadcasters) and their fan bases,
// everything but the audience. Hosts carry their full-scale declared fans (calibrated per
// province, see fan_counts.hpp), a home city and base, a category, a kind and a fee; a
// host's declared fans are split over one to four platforms, the first taking most.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "generator/geography.hpp"
#include "generator/presets.hpp"

namespace castgraph::generator {

inline constexpr std::uint32_t kNoBase = std::numeric_limits<std::uint32_t>::max();

// Host kinds written to broadcasters.csv.
inline constexpr std::string_view kInfluencer = "influencer";
inline constexpr std::string_view kFactory = "factory";
inline constexpr std::string_view kVillage = "village";

struct BaseRecord {
  std::string name;
  std::uint32_t province;  // index into Preset::provinces
  std::uint32_t city;      // index into that plan's cities()
  std::string_view kind;
  Category speciality;
};

struct HostRecord {
  std::string name;
  std::uint32_t base = kNoBase;
  std::uint32_t province = 0;
  std::uint32_t city = 0;
  std::string_view kind;
  Category category = Category::clothing;
  std::uint64_t declared = 0;  // summed over its fan bases
  std::uint64_t fee = 0;       // yuan per appearance
  std::uint32_t first_fanbase = 0;
  std::uint32_t fanbase_count = 0;
};

struct FanbaseRecord {
  std::uint32_t host;
  std::uint32_t platform;  // index into Preset::platforms
  std::uint64_t declared;  // full-scale declared fans
  std::string handle;
};

struct Cast {
  std::vector<BaseRecord> bases;
  std::vector<HostRecord> hosts;
  std::vector<FanbaseRecord> fanbases;
};

// Deterministic in (preset, seed); independent of the scale. O(hosts).
Cast build_cast(const Preset& preset, std::uint64_t seed);

// A host's fee in yuan: a floor plus fans^0.8, jittered by +-20%, rounded to 100 yuan.
std::uint64_t host_fee(std::uint64_t declared_fans, double jitter);

}  // namespace castgraph::generator
