#include "algorithms/panel_error.hpp"

#include <cmath>

namespace castgraph {

double PanelError::standard_error() const { return std::sqrt(variance); }

std::vector<std::uint64_t> reached_fan_bits(const Network& network, const HostSet& set) {
  std::vector<std::uint64_t> bits((network.fans.size() + 63) / 64, 0);
  for (const std::vector<NodeId>& fanbases : set.fanbases)
    for (NodeId fanbase : fanbases)
      for (NodeId fan : network.relations.followers.neighbours(fanbase))
        if (set.counts(network, fan)) bits[fan / 64] |= std::uint64_t{1} << (fan % 64);
  return bits;
}

PanelError panel_error(const Network& network, const HostSet& set) {
  PanelError panel;
  // long double: a sum of up to 10^8 terms each up to w² must not lose the small ones.
  long double variance = 0;
  const bool weighted = !network.fans.weights.empty();
  for_each_reached_fan(network, set, [&](NodeId fan) {
    ++panel.members;
    if (!weighted) return;
    const auto w = static_cast<long double>(network.fans.weights[fan]);
    variance += w * (w - 1);
  });
  panel.variance = static_cast<double>(variance);
  return panel;
}

}  // namespace castgraph
