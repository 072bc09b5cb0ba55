#include "algorithms/host_set.hpp"

#include <algorithm>
#include <string>

#include "graph/errors.hpp"

namespace castgraph {
namespace {

std::string describe_host(const Network& network, NodeId host) {
  std::string text = std::string(network.broadcasters.ids[host]) + " (" +
                     std::string(network.broadcasters.names[host]);
  if (auto province = network.broadcasters.province[host]; !province.empty())
    text += ", " + std::string(province);
  return text + ")";
}

// The code of the place called `name` in `column`, for the parameter `what` ("region",
// "city"); UsageError listing the places that exist otherwise.
std::uint32_t place_code(const CategoryColumn& column, std::string_view name, std::string_view what,
                         std::string_view plural) {
  if (column.codes().empty())
    throw UsageError({Parameter{std::string(what)},
                      " needs fan " + std::string(plural) + ", but this dataset's fans have none"});
  if (auto code = find_place(column.labels(), name)) return *code;
  std::string known;
  for (NodeId code = 0; code < column.labels().size(); ++code) {
    if (column.labels()[code].empty()) continue;
    known += (known.empty() ? "" : ", ") + std::string(column.labels()[code]);
  }
  throw UsageError("no fan has " + std::string(what) + " '" + std::string(name) + "'; " +
                   std::string(plural) + ": " + known);
}

// Throws UsageError when a fan of the city lives in another province than `province`.
void check_city_in_province(const Network& network, std::uint32_t city, std::uint32_t province,
                            std::string_view city_name, std::string_view province_name) {
  for (NodeId fan = 0; fan < network.fans.size(); ++fan)
    if (network.fans.city.code(fan) == city && network.fans.province.code(fan) != province)
      throw UsageError("city '" + std::string(city_name) + "' has fans outside province '" +
                       std::string(province_name) + "'; give the city alone");
}

}  // namespace

std::optional<std::uint32_t> find_place(const Interner& labels, std::string_view name) {
  if (auto code = labels.find(name)) return static_cast<std::uint32_t>(*code);
  const std::string_view stem = place_stem(name);
  if (stem.empty()) return std::nullopt;
  for (NodeId code = 0; code < labels.size(); ++code)
    if (place_stem(labels[code]) == stem) return code;
  return std::nullopt;
}

HostSet make_host_set(const Network& network, std::span<const NodeId> hosts,
                      std::optional<NodeId> platform, std::string_view region,
                      std::string_view city) {
  HostSet set;
  set.platform = platform;
  if (!region.empty()) {
    set.province_code = place_code(network.fans.province, region, "region", "provinces");
    set.region = network.fans.province.labels()[*set.province_code];
  }
  if (!city.empty()) {
    const std::uint32_t code = place_code(network.fans.city, city, "city", "cities");
    if (set.province_code) check_city_in_province(network, code, *set.province_code, city, region);
    set.province_code = code;
    set.by_city = true;
    set.region = network.fans.city.labels()[code];
  }
  if (platform && *platform >= network.platforms.size())
    throw UsageError("platform id " + std::to_string(*platform) + " is out of range");
  std::vector<bool> listed(network.broadcasters.size(), false);
  for (NodeId host : hosts) {
    if (host >= network.broadcasters.size())
      throw UsageError("host id " + std::to_string(host) + " is out of range");
    if (listed[host]) throw UsageError("host " + describe_host(network, host) + " is listed twice");
    listed[host] = true;
    set.hosts.push_back(host);
    std::vector<NodeId>& kept = set.fanbases.emplace_back();
    for (NodeId fanbase : network.relations.owns.neighbours(host))
      if (!platform || network.fanbases.platform[fanbase] == *platform) kept.push_back(fanbase);
  }
  return set;
}

NodeId resolve_platform(const Network& network, std::string_view key) {
  if (auto platform = find_platform(network, key)) return *platform;
  std::string known;
  for (NodeId platform = 0; platform < network.platforms.size(); ++platform)
    known += (known.empty() ? "" : ", ") + std::string(network.platforms.ids[platform]) + " (" +
             std::string(network.platforms.names[platform]) + ")";
  throw UsageError("no platform has id or name '" + std::string(key) + "'; platforms: " + known);
}

}  // namespace castgraph
