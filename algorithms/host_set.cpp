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

std::string_view place_stem(std::string_view name) {
  // Longest first, so that 维吾尔自治区 is not cut to 维吾尔自治 + 区.
  static constexpr std::string_view kSuffixes[] = {
      "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区",
      "自治州",     "地区",         "省",         "市",         "盟"};
  for (std::string_view suffix : kSuffixes)
    if (name.size() > suffix.size() && name.ends_with(suffix))
      return name.substr(0, name.size() - suffix.size());
  return name;
}

std::optional<std::uint32_t> find_place(const Interner& labels, std::string_view name) {
  if (auto code = labels.find(name)) return static_cast<std::uint32_t>(*code);
  const std::string_view stem = place_stem(name);
  if (stem.empty()) return std::nullopt;
  for (NodeId code = 0; code < labels.size(); ++code)
    if (place_stem(labels[code]) == stem) return code;
  return std::nullopt;
}

namespace {}  // namespace

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

NodeId resolve_host(const Network& network, std::string_view key) {
  const std::vector<NodeId> found = find_broadcasters(network, key);
  if (found.size() == 1) return found.front();
  if (found.size() > 1) {
    std::string listed;
    for (NodeId host : found) listed += "\n  " + describe_host(network, host);
    throw UsageError("host name '" + std::string(key) +
                     "' is ambiguous; give one of the ids:" + listed);
  }
  std::string similar;
  int shown = 0;
  for (NodeId host = 0; host < network.broadcasters.size() && shown < 5; ++host) {
    if (network.broadcasters.names[host].find(key) == std::string_view::npos &&
        network.broadcasters.ids[host].find(key) == std::string_view::npos)
      continue;
    similar += "\n  " + describe_host(network, host);
    ++shown;
  }
  throw UsageError("no host has id or name '" + std::string(key) + "'" +
                   (similar.empty() ? std::string() : "; similar:" + similar));
}

std::vector<NodeId> resolve_hosts(const Network& network, std::span<const std::string> keys) {
  std::vector<NodeId> hosts;
  hosts.reserve(keys.size());
  for (const std::string& key : keys) hosts.push_back(resolve_host(network, key));
  return hosts;
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
