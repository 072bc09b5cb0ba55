#include "algorithms/tiers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "graph/errors.hpp"

namespace castgraph {

namespace {

void check_thresholds(const std::vector<std::uint64_t>& thresholds) {
  if (thresholds.empty()) throw UsageError("tier thresholds must not be empty");
  for (std::size_t i = 1; i < thresholds.size(); ++i)
    if (thresholds[i] <= thresholds[i - 1])
      throw UsageError(fmt::format("tier thresholds must increase: {} does not exceed {}",
                                   thresholds[i], thresholds[i - 1]));
}

TierTable empty_table(const TierOptions& options) {
  const std::vector<std::uint64_t>& thresholds = options.thresholds;
  const auto name = [&options](std::uint64_t threshold) {
    return threshold_name(threshold, options.units);
  };
  TierTable table;
  table.thresholds = thresholds;
  table.bands.push_back({fmt::format("<{}", name(thresholds.front())), 0, thresholds.front()});
  for (std::size_t i = 0; i < thresholds.size(); ++i) {
    const bool top = i + 1 == thresholds.size();
    TierBand band;
    band.name = top ? fmt::format("{}+", name(thresholds[i]))
                    : fmt::format("{}-{}", name(thresholds[i]), name(thresholds[i + 1]));
    band.min = thresholds[i];
    if (!top) band.max = thresholds[i + 1];
    table.bands.push_back(band);
    table.cumulative.push_back({fmt::format("{}+", name(thresholds[i])), thresholds[i], 0});
  }
  return table;
}

void count_host(TierTable& table, std::uint64_t fans) {
  const std::size_t band = tier_band(fans, table.thresholds);
  table.bands[band].hosts += 1;
  table.bands[band].fans = saturating_add(table.bands[band].fans, fans);
  for (std::size_t i = 0; i < band; ++i) table.cumulative[i].hosts += 1;
}

bool on_platform(const Network& network, NodeId host, std::optional<NodeId> platform) {
  if (!platform) return true;
  const auto fanbases = network.relations.owns.neighbours(host);
  return std::ranges::any_of(fanbases,
                             [&](NodeId fb) { return network.fanbases.platform[fb] == *platform; });
}

// The group of `host` under `grouping`, or nullopt for platform grouping (handled apart).
std::string_view group_key(const Network& network, NodeId host, TierGrouping grouping) {
  switch (grouping) {
    case TierGrouping::base: {
      const NodeId base = network.broadcasters.base[host];
      return base == kNoNode ? std::string_view{} : network.bases.ids[base];
    }
    case TierGrouping::province:
      return network.broadcasters.province[host];
    case TierGrouping::kind:
      return network.broadcasters.kind[host];
    case TierGrouping::platform:
      break;
  }
  return {};
}

std::vector<TierGroup> tiers_by_platform(const Network& network, const TierOptions& options) {
  std::vector<TierGroup> groups;
  for (NodeId platform = 0; platform < network.platforms.size(); ++platform) {
    if (options.platform && *options.platform != platform) continue;
    TierOptions one = options;
    one.platform = platform;
    groups.push_back({std::string(network.platforms.ids[platform]),
                      std::string(network.platforms.names[platform]), tiers(network, one)});
  }
  return groups;
}

}  // namespace

std::size_t tier_band(std::uint64_t fans, const std::vector<std::uint64_t>& thresholds) {
  return static_cast<std::size_t>(std::upper_bound(thresholds.begin(), thresholds.end(), fans) -
                                  thresholds.begin());
}

std::string threshold_name(std::uint64_t threshold, TierUnits units) {
  struct Unit {
    std::uint64_t size;
    const char* suffix;
  };
  static constexpr Unit kWestern[] = {{1'000'000'000, "B"}, {1'000'000, "M"}, {1'000, "k"}};
  static constexpr Unit kChinese[] = {{100'000'000, "亿"}, {10'000, "万"}};
  const std::span<const Unit> scale = units == TierUnits::chinese ? std::span<const Unit>(kChinese)
                                                                  : std::span<const Unit>(kWestern);
  for (const Unit unit : scale) {
    if (threshold < unit.size) continue;
    if (threshold % unit.size == 0) return fmt::format("{}{}", threshold / unit.size, unit.suffix);
    if (threshold % (unit.size / 10) == 0)
      return fmt::format("{}.{}{}", threshold / unit.size, threshold % unit.size / (unit.size / 10),
                         unit.suffix);
  }
  return std::to_string(threshold);
}

TierTable tiers(const Network& network, const TierOptions& options) {
  check_thresholds(options.thresholds);
  TierTable table = empty_table(options);
  for (NodeId host = 0; host < network.broadcasters.size(); ++host)
    if (on_platform(network, host, options.platform))
      count_host(table, declared_fans(network, host, options.platform));
  return table;
}

std::vector<TierGroup> tiers_by(const Network& network, TierGrouping grouping,
                                const TierOptions& options) {
  check_thresholds(options.thresholds);
  if (grouping == TierGrouping::platform) return tiers_by_platform(network, options);
  std::vector<TierGroup> groups;
  std::vector<std::pair<std::string_view, std::size_t>> index;  // few groups: a flat list
  for (NodeId host = 0; host < network.broadcasters.size(); ++host) {
    if (!on_platform(network, host, options.platform)) continue;
    const std::string_view key = group_key(network, host, grouping);
    auto found = std::ranges::find(index, key, &std::pair<std::string_view, std::size_t>::first);
    if (found == index.end()) {
      std::string name(key);
      if (grouping == TierGrouping::base && !key.empty())
        name = network.bases.names[network.broadcasters.base[host]];
      groups.push_back({std::string(key), name, empty_table(options)});
      index.emplace_back(key, groups.size() - 1);
      found = index.end() - 1;
    }
    count_host(groups[found->second].table, declared_fans(network, host, options.platform));
  }
  return groups;
}

}  // namespace castgraph
