// Tiers: which fan-count band each host falls in (by default below 100k, 100k-1M,
// 1M-10M, 10M+), with per-band host counts and fans, and cumulative counts (100k+, 1M+,
// 10M+). A host's fans are its declared fans summed over its fanbases, or over the one
// fanbase on a chosen platform. O(hosts + fanbases) per table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/network.hpp"

namespace castgraph {

// How band names write the thresholds: in k, M and B, or in 万 and 亿, the units a
// person gave them in (10万,100万 makes "10万-100万", not "100k-1M").
enum class TierUnits { western, chinese };

struct TierOptions {
  std::vector<std::uint64_t> thresholds{100'000, 1'000'000, 10'000'000};  // strictly increasing
  // Only this platform's fanbases; hosts without a fanbase there are left out.
  std::optional<NodeId> platform;
  TierUnits units = TierUnits::western;  // how band names write the thresholds
};

struct TierBand {
  std::string name;                  // "<100k", "100k-1M", ..., "10M+"
  std::uint64_t min = 0;             // fans >= min
  std::optional<std::uint64_t> max;  // fans < max; none for the top band
  std::uint64_t hosts = 0;
  std::uint64_t fans = 0;  // saturating sum
};

struct TierCumulative {
  std::string name;  // "100k+"
  std::uint64_t min = 0;
  std::uint64_t hosts = 0;
};

struct TierTable {
  std::vector<std::uint64_t> thresholds;
  std::vector<TierBand> bands;             // thresholds.size() + 1 bands
  std::vector<TierCumulative> cumulative;  // one per threshold
};

enum class TierGrouping { platform, base, province, kind };

struct TierGroup {
  std::string key;   // the platform / base id, the province or kind; "" for none
  std::string name;  // the platform / base name, or the key again
  TierTable table;
};

// Throws UsageError when thresholds are empty or not strictly increasing.
TierTable tiers(const Network& network, const TierOptions& options = {});

// One table per group, in order of first appearance of the group's id.
std::vector<TierGroup> tiers_by(const Network& network, TierGrouping grouping,
                                const TierOptions& options = {});

// The band a fan count falls in: 0 below the first threshold, i when it reaches
// thresholds[i-1] but not thresholds[i].
std::size_t tier_band(std::uint64_t fans, const std::vector<std::uint64_t>& thresholds);

// western: 100000 -> "100k", 1000000 -> "1M", 2500000 -> "2.5M", 999 -> "999".
// chinese: 100000 -> "10万", 15000 -> "1.5万", 100000000 -> "1亿", 999 -> "999".
// A threshold the units cannot write in one decimal is written out in digits, since a
// band name must not round its bound.
std::string threshold_name(std::uint64_t threshold, TierUnits units = TierUnits::western);

}  // namespace castgraph
