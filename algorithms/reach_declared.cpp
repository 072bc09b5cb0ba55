#include "algorithms/reach_declared.hpp"

#include <algorithm>
#include <string>

#include "graph/errors.hpp"

namespace castgraph {
namespace {

// The platforms on which the set's kept fanbases declare fans, in first-seen order.
// Throws UsageError naming the first of them with no population.
std::vector<NodeId> involved_platforms(const Network& network, const HostSet& set,
                                       const std::vector<MessagePart>& advice) {
  std::vector<NodeId> involved;
  for (const std::vector<NodeId>& fanbases : set.fanbases)
    for (NodeId fanbase : fanbases)
      if (network.fanbases.fans[fanbase] > 0 &&
          std::ranges::find(involved, network.fanbases.platform[fanbase]) == involved.end())
        involved.push_back(network.fanbases.platform[fanbase]);
  for (NodeId platform : involved) {
    const std::uint64_t population = network.platforms.population[platform];
    if (population == kUnknownCount || population == 0) {
      std::vector<MessagePart> message{
          "platform " + std::string(network.platforms.ids[platform]) + " (" +
          std::string(network.platforms.names[platform]) +
          ") has no population, which the declared reach model needs; add it to platforms.csv"};
      message.insert(message.end(), advice.begin(), advice.end());
      throw UsageError(std::move(message));
    }
  }
  return involved;
}

}  // namespace

DeclaredModel::DeclaredModel(const Network& network, const HostSet& set,
                             const std::vector<MessagePart>& advice)
    : hosts_(set.size()) {
  if (set.province_code)
    throw UsageError({"declared fan counts have no provinces, so ", Parameter{"region"},
                      " needs follows (", Parameter{"method"}, " exact or sketch)"});
  const std::vector<NodeId> involved = involved_platforms(network, set, advice);
  auto population = [&](NodeId platform) {
    return static_cast<double>(network.platforms.population[platform]);
  };
  for (NodeId platform : involved) universe_ = std::max(universe_, population(platform));
  for (NodeId platform : involved) presence_.push_back(population(platform) / universe_);
  shares_.assign(hosts_ * involved.size(), 0.0);
  for (std::size_t h = 0; h < hosts_; ++h)
    for (NodeId fanbase : set.fanbases[h]) {
      const auto column = std::ranges::find(involved, network.fanbases.platform[fanbase]);
      if (column == involved.end()) continue;
      shares_[h * involved.size() + static_cast<std::size_t>(column - involved.begin())] =
          std::min(1.0, static_cast<double>(network.fanbases.fans[fanbase]) / population(*column));
    }
}

double DeclaredModel::reach_given_missed(std::span<const double> missed) const {
  double unreached = 1.0;
  for (std::size_t p = 0; p < platforms(); ++p) unreached *= 1.0 - presence_[p] * (1.0 - missed[p]);
  return universe_ * (1.0 - unreached);
}

DeclaredReach reach_declared(const Network& network, const HostSet& set) {
  const DeclaredModel model(network, set, {" or use follows (", Parameter{"method"}, " exact)"});
  const std::size_t hosts = model.hosts();
  const std::size_t platforms = model.platforms();
  if (platforms > kMaxDeclaredPlatforms)
    throw UsageError({"the declared model combines at most " +
                          std::to_string(kMaxDeclaredPlatforms) + " platforms; use ",
                      Parameter{"platform"}});
  DeclaredReach result;
  result.universe = model.universe();
  result.platforms = platforms;
  result.per_host.assign(hosts, 0.0);
  result.exclusive.assign(hosts, 0.0);

  std::vector<double> reached(hosts), before(hosts + 1), after(hosts + 1);
  for (std::uint32_t on = 0; on < (1u << platforms); ++on) {
    // The probability that a person of the market is on exactly the platforms in `on`.
    double probability = 1.0;
    for (std::size_t p = 0; p < platforms; ++p)
      probability *= (on >> p & 1) ? model.presence(p) : 1.0 - model.presence(p);
    if (probability == 0.0) continue;
    for (std::size_t i = 0; i < hosts; ++i) {
      double missed = 1.0;
      for (std::size_t p = 0; p < platforms; ++p)
        if (on >> p & 1) missed *= 1.0 - model.share(i, p);
      reached[i] = 1.0 - missed;
    }
    // Poisson-binomial distribution of the number of hosts reaching the person,
    // truncated at 3 (index 3 holds "3 or more").
    std::array<double, 4> count{1.0, 0.0, 0.0, 0.0};
    for (double r : reached) {
      count[3] += count[2] * r;
      for (int c = 2; c >= 1; --c) count[c] = count[c] * (1.0 - r) + count[c - 1] * r;
      count[0] *= 1.0 - r;
    }
    result.unique += probability * (1.0 - count[0]);
    for (int c = 1; c <= 3; ++c) result.frequency[c - 1] += probability * count[c];
    before[0] = after[hosts] = 1.0;
    for (std::size_t i = 0; i < hosts; ++i) before[i + 1] = before[i] * (1.0 - reached[i]);
    for (std::size_t i = hosts; i-- > 0;) after[i] = after[i + 1] * (1.0 - reached[i]);
    for (std::size_t i = 0; i < hosts; ++i) {
      result.per_host[i] += probability * reached[i];
      result.exclusive[i] += probability * reached[i] * before[i] * after[i + 1];
    }
  }
  const double universe = model.universe();
  result.unique *= universe;
  for (double& f : result.frequency) f *= universe;
  for (double& r : result.per_host) r *= universe;
  for (double& e : result.exclusive) e *= universe;
  return result;
}

}  // namespace castgraph
