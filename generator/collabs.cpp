// Collab generation; see collabs.hpp.
#include "generator/collabs.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "generator/random.hpp"

namespace castgraph::generator {
namespace {

struct Groups {
  std::vector<std::vector<std::uint32_t>> by_base;
  std::map<std::pair<std::uint32_t, int>, std::vector<std::uint32_t>> by_community;
  std::vector<double> popularity_cumulative;
};

Groups group_hosts(const Cast& cast) {
  Groups groups;
  groups.by_base.resize(cast.bases.size());
  double total = 0;
  for (std::uint32_t h = 0; h < cast.hosts.size(); ++h) {
    const HostRecord& host = cast.hosts[h];
    if (host.base != kNoBase) groups.by_base[host.base].push_back(h);
    groups.by_community[{host.province, static_cast<int>(host.category)}].push_back(h);
    total += std::sqrt(static_cast<double>(host.declared));
    groups.popularity_cumulative.push_back(total);
  }
  for (auto& c : groups.popularity_cumulative) c /= total;
  return groups;
}

// Mean 0.6 for a host with 1,000 fans, rising by 0.5 per tenfold; geometric-like tail.
std::uint32_t collab_count(Rng& rng, std::uint64_t declared) {
  const double mean =
      0.6 + 0.5 * std::log10(std::max<double>(static_cast<double>(declared), 1000) / 1000);
  return static_cast<std::uint32_t>(std::floor(-std::log(1.0 - rng.uniform()) * mean));
}

std::uint32_t partner(Rng& rng, const Groups& groups, const HostRecord& host) {
  const double u = rng.uniform();
  if (host.base != kNoBase && u < 0.7) {
    const auto& members = groups.by_base[host.base];
    return members[rng.below(members.size())];
  }
  if (u < 0.9) {
    const auto& members = groups.by_community.at({host.province, static_cast<int>(host.category)});
    return members[rng.below(members.size())];
  }
  const auto& cum = groups.popularity_cumulative;
  const auto it = std::upper_bound(cum.begin(), cum.end(), rng.uniform());
  return static_cast<std::uint32_t>(std::min<std::size_t>(it - cum.begin(), cum.size() - 1));
}

std::string_view collab_kind(Rng& rng) {
  const double u = rng.uniform();
  return u < 0.6 ? "costream" : u < 0.9 ? "pk" : "guest";
}

}  // namespace

std::vector<Collab> generate_collabs(const Cast& cast, std::uint64_t seed) {
  Rng rng(seed, "collabs");
  const Groups groups = group_hosts(cast);
  std::vector<Collab> raw;
  for (std::uint32_t h = 0; h < cast.hosts.size(); ++h) {
    const std::uint32_t n = std::min<std::uint32_t>(collab_count(rng, cast.hosts[h].declared), 40);
    for (std::uint32_t i = 0; i < n; ++i) {
      const std::uint32_t other = partner(rng, groups, cast.hosts[h]);
      if (other == h) continue;
      const std::uint32_t times =
          1 + static_cast<std::uint32_t>(-std::log(1.0 - rng.uniform()) * 1.5);
      raw.push_back({std::min(h, other), std::max(h, other), times, collab_kind(rng)});
    }
  }
  std::sort(raw.begin(), raw.end(), [](const Collab& x, const Collab& y) {
    return std::tie(x.a, x.b, x.weight, x.kind) < std::tie(y.a, y.b, y.weight, y.kind);
  });
  std::vector<Collab> merged;
  for (const Collab& c : raw) {
    if (!merged.empty() && merged.back().a == c.a && merged.back().b == c.b)
      merged.back().weight += c.weight;
    else
      merged.push_back(c);
  }
  return merged;
}

}  // namespace castgraph::generator
