#include "algorithms/reach_model.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

#include "algorithms/reach_exact.hpp"
#include "graph/errors.hpp"

namespace castgraph {
namespace {

// What decides a pair's class: the host's base, province, main platform and kind.
struct HostAttributes {
  NodeId base = kNoNode;
  std::uint32_t province = kNoNode;
  NodeId platform = kNoNode;  // the platform of its largest kept fanbase
  std::uint32_t kind = kNoNode;
  auto key() const { return std::tuple(base, province, platform, kind); }
};

bool same(std::uint32_t a, std::uint32_t b) { return a != kNoNode && a == b; }

unsigned pair_class(const HostAttributes& a, const HostAttributes& b) {
  return (same(a.base, b.base) ? kSameBase : 0u) |
         (same(a.province, b.province) ? kSameProvince : 0u) |
         (same(a.platform, b.platform) ? kSamePlatform : 0u) |
         (same(a.kind, b.kind) ? kSameKind : 0u);
}

bool kept(const Network& network, NodeId fanbase, std::optional<NodeId> platform) {
  return !platform || network.fanbases.platform[fanbase] == *platform;
}

HostAttributes attributes(const Network& network, NodeId host, std::optional<NodeId> platform) {
  HostAttributes out;
  out.base = network.broadcasters.base[host];
  out.province = network.broadcasters.province.code(host);
  out.kind = network.broadcasters.kind.code(host);
  std::uint64_t largest = 0;
  for (NodeId fanbase : network.relations.owns.neighbours(host)) {
    if (!kept(network, fanbase, platform)) continue;
    const std::uint64_t fans = network.fanbases.fans[fanbase];
    if (out.platform == kNoNode || (fans != kUnknownCount && fans > largest)) {
      out.platform = network.fanbases.platform[fanbase];
      if (fans != kUnknownCount) largest = fans;
    }
  }
  return out;
}

// F: the host's declared fans on its kept fanbases (unknown counts count 0).
double declared(const Network& network, NodeId host, std::optional<NodeId> platform) {
  double fans = 0;
  for (NodeId fanbase : network.relations.owns.neighbours(host))
    if (kept(network, fanbase, platform) && network.fanbases.fans[fanbase] != kUnknownCount)
      fans += static_cast<double>(network.fanbases.fans[fanbase]);
  return fans;
}

bool has_followers(const Network& network, NodeId host, std::optional<NodeId> platform) {
  for (NodeId fanbase : network.relations.owns.neighbours(host))
    if (kept(network, fanbase, platform) &&
        !network.relations.followers.neighbours(fanbase).empty())
      return true;
  return false;
}

// U: the largest population among the platforms on which kept fanbases declare fans.
double market(const Network& network, std::optional<NodeId> platform) {
  double universe = 0;
  for (NodeId fanbase = 0; fanbase < network.fanbases.size(); ++fanbase) {
    if (!kept(network, fanbase, platform) || network.fanbases.fans[fanbase] == 0) continue;
    const NodeId p = network.fanbases.platform[fanbase];
    const std::uint64_t population = network.platforms.population[p];
    if (population == kUnknownCount || population == 0)
      throw UsageError({"platform " + std::string(network.platforms.ids[p]) + " (" +
                            std::string(network.platforms.names[p]) +
                            ") has no population, which the duplication model needs; add it to "
                            "platforms.csv or use follows (",
                        Parameter{"method"}, " exact)"});
    universe = std::max(universe, static_cast<double>(population));
  }
  return universe;
}

// Σ F_i·F_j/U and the number of pairs per class, by groups of hosts with equal attributes,
// so that the cost is groups² rather than hosts².
std::array<double, kPairClasses> expected_sharing(const Network& network,
                                                  std::optional<NodeId> platform,
                                                  const std::vector<char>& observed,
                                                  const std::vector<HostAttributes>& attributes_of,
                                                  DuplicationFit& fit) {
  struct Group {
    HostAttributes attributes;
    double count = 0, sum = 0, squares = 0;
  };
  std::map<decltype(HostAttributes{}.key()), Group> by_key;
  for (NodeId host = 0; host < network.broadcasters.size(); ++host) {
    if (!observed[host]) continue;
    Group& group = by_key[attributes_of[host].key()];
    group.attributes = attributes_of[host];
    const double fans = declared(network, host, platform);
    group.count += 1;
    group.sum += fans;
    group.squares += fans * fans;
  }
  std::vector<Group> groups;
  for (auto& [key, group] : by_key) groups.push_back(group);
  std::array<double, kPairClasses> expected{};
  for (std::size_t a = 0; a < groups.size(); ++a) {
    const Group& g = groups[a];
    const unsigned within = pair_class(g.attributes, g.attributes);
    expected[within] += (g.sum * g.sum - g.squares) / 2 / fit.universe;
    fit.pairs[within] += static_cast<std::uint64_t>(g.count * (g.count - 1) / 2);
    for (std::size_t b = a + 1; b < groups.size(); ++b) {
      const unsigned c = pair_class(g.attributes, groups[b].attributes);
      expected[c] += g.sum * groups[b].sum / fit.universe;
      fit.pairs[c] += static_cast<std::uint64_t>(g.count * groups[b].count);
    }
  }
  return expected;
}

}  // namespace

std::string describe_pair_class(unsigned pair_class) {
  std::string shared;
  auto add = [&](unsigned bit, const char* name) {
    if (!(pair_class & bit)) return;
    if (!shared.empty()) shared += "+";
    shared += name;
  };
  add(kSameBase, "base");
  add(kSameProvince, "province");
  add(kSamePlatform, "platform");
  add(kSameKind, "kind");
  return shared.empty() ? "nothing shared" : "same " + shared;
}

std::vector<bool> hosts_with_follows(const Network& network, const HostSet& set) {
  std::vector<bool> out;
  for (NodeId host : set.hosts) out.push_back(has_followers(network, host, set.platform));
  return out;
}

std::vector<char> observed_hosts(const Network& network, std::optional<NodeId> platform) {
  std::vector<char> observed(network.broadcasters.size(), 0);
  for (NodeId host = 0; host < network.broadcasters.size(); ++host)
    observed[host] = has_followers(network, host, platform) ? 1 : 0;
  return observed;
}

ObservedSharing observed_sharing(const Network& network, std::optional<NodeId> platform,
                                 const std::vector<char>& observed) {
  std::vector<HostAttributes> attributes_of;
  for (NodeId host = 0; host < network.broadcasters.size(); ++host)
    attributes_of.push_back(attributes(network, host, platform));
  ObservedSharing sharing;
  std::vector<NodeId> hosts;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    hosts.clear();
    for (NodeId fanbase : network.relations.follows.neighbours(fan)) {
      const NodeId host = network.fanbases.broadcaster[fanbase];
      if (kept(network, fanbase, platform) && observed[host]) hosts.push_back(host);
    }
    if (hosts.size() < 2) continue;
    std::ranges::sort(hosts);
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    if (hosts.size() > kFitMaxHostsPerFan) {
      ++sharing.fans_left_out;
      continue;
    }
    const std::uint64_t weight = network.fans.weight(fan);
    for (std::size_t a = 0; a < hosts.size(); ++a)
      for (std::size_t b = a + 1; b < hosts.size(); ++b)
        sharing.people[pair_class(attributes_of[hosts[a]], attributes_of[hosts[b]])] += weight;
  }
  return sharing;
}

DuplicationFit fit_duplication(const Network& network, std::optional<NodeId> platform,
                               const std::vector<char>& observed, const ObservedSharing& sharing,
                               std::uint64_t min_pairs_per_class) {
  DuplicationFit fit;
  fit.universe = market(network, platform);
  std::vector<HostAttributes> attributes_of;
  for (NodeId host = 0; host < network.broadcasters.size(); ++host) {
    fit.observed_hosts += observed[host] ? 1 : 0;
    attributes_of.push_back(attributes(network, host, platform));
  }
  if (fit.observed_hosts == 0)
    throw UsageError(
        {"the duplication model learns from hosts with follows, and this dataset "
         "has none; use ",
         Parameter{"method"}, " declared"});
  fit.fans_left_out = sharing.fans_left_out;
  for (std::size_t c = 0; c < kPairClasses; ++c)
    fit.shared_people[c] = static_cast<double>(sharing.people[c]);
  const std::array<double, kPairClasses> expected =
      expected_sharing(network, platform, observed, attributes_of, fit);
  const double all_shared =
      std::accumulate(fit.shared_people.begin(), fit.shared_people.end(), 0.0);
  const double all_expected = std::accumulate(expected.begin(), expected.end(), 0.0);
  fit.pooled = all_expected > 0 && all_shared > 0 ? all_shared / all_expected : 1.0;
  for (std::size_t c = 0; c < kPairClasses; ++c) {
    fit.fitted[c] = fit.pairs[c] >= min_pairs_per_class && expected[c] > 0;
    fit.factor[c] = fit.fitted[c] ? fit.shared_people[c] / expected[c] : fit.pooled;
  }
  return fit;
}

DuplicationFit fit_duplication(const Network& network, std::optional<NodeId> platform,
                               std::uint64_t min_pairs_per_class) {
  const std::vector<char> observed = observed_hosts(network, platform);
  return fit_duplication(network, platform, observed, observed_sharing(network, platform, observed),
                         min_pairs_per_class);
}

void check_model_query(const HostSet& set) {
  if (set.province_code)
    throw UsageError({"declared fan counts have no provinces, so ", Parameter{"region"},
                      " needs follows (", Parameter{"method"}, " exact or sketch)"});
}

HostSet counted_hosts(const Network& network, const HostSet& set,
                      const std::vector<char>& observed) {
  std::vector<NodeId> counted;
  for (NodeId host : set.hosts)
    if (observed[host]) counted.push_back(host);
  return make_host_set(network, counted, set.platform);
}

ModelReach reach_model(const Network& network, const HostSet& set,
                       std::uint64_t min_pairs_per_class) {
  check_model_query(set);
  const std::vector<char> observed = observed_hosts(network, set.platform);
  DuplicationFit fit = fit_duplication(network, set.platform, min_pairs_per_class);
  return reach_model(network, set, std::move(fit), observed,
                     reach_exact(network, counted_hosts(network, set, observed)));
}

ModelReach reach_model(const Network& network, const HostSet& set, DuplicationFit fit,
                       const std::vector<char>& observed, const ExactReach& exact) {
  ModelReach result;
  result.fit = std::move(fit);
  const double universe = result.fit.universe;
  for (NodeId host : set.hosts) result.from_follows.push_back(observed[host] != 0);
  std::vector<HostAttributes> attributes_of;
  std::vector<double> fans(set.size());
  result.per_host.assign(set.size(), 0.0);
  for (std::size_t h = 0, k = 0; h < set.size(); ++h) {
    attributes_of.push_back(attributes(network, set.hosts[h], set.platform));
    fans[h] = std::min(universe, declared(network, set.hosts[h], set.platform));
    if (result.from_follows[h]) {
      result.per_host[h] = static_cast<double>(exact.per_host[k++]);
      fans[h] = std::max(fans[h], result.per_host[h]);  // a reach the follows saw is at least F
    } else {
      result.per_host[h] = fans[h];
    }
  }
  // The share of host i's audience that host j reaches.
  auto reached_by = [&](std::size_t i, std::size_t j) {
    const double factor = result.fit.factor[pair_class(attributes_of[i], attributes_of[j])];
    return universe > 0 ? std::min(1.0, factor * fans[j] / universe) : 0.0;
  };

  std::vector<std::size_t> modelled;
  for (std::size_t h = 0; h < set.size(); ++h)
    if (!result.from_follows[h]) modelled.push_back(h);
  std::ranges::stable_sort(modelled,
                           [&](std::size_t a, std::size_t b) { return fans[a] > fans[b]; });

  result.unique = static_cast<double>(exact.unique);
  std::vector<char> before(set.size(), 0);
  for (std::size_t h = 0; h < set.size(); ++h) before[h] = result.from_follows[h] ? 1 : 0;
  for (std::size_t i : modelled) {
    double missed = 1.0;
    for (std::size_t j = 0; j < set.size(); ++j)
      if (before[j]) missed *= 1.0 - reached_by(i, j);
    result.unique += fans[i] * missed;
    before[i] = 1;
  }

  result.exclusive.assign(set.size(), 0.0);
  // A counted host's exclusive people are counted against the other counted hosts, and
  // modelled against the rest; a modelled host's are modelled against everyone.
  for (std::size_t i = 0, k = 0; i < set.size(); ++i) {
    const bool counted_i = result.from_follows[i];
    double alone = counted_i ? static_cast<double>(exact.exclusive[k++]) : fans[i];
    for (std::size_t j = 0; j < set.size(); ++j)
      if (j != i && !(counted_i && result.from_follows[j])) alone *= 1.0 - reached_by(i, j);
    result.exclusive[i] = alone;
  }
  return result;
}

}  // namespace castgraph
