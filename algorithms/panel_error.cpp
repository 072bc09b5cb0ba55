#include "algorithms/panel_error.hpp"

#include <cmath>

namespace castgraph {

double PanelError::variance() const {
  return static_cast<double>(static_cast<long double>(weight_excess));
}

double PanelError::standard_error() const { return std::sqrt(variance()); }

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
  const bool weighted = !network.fans.weights.empty();
  for_each_reached_fan(network, set, [&](NodeId fan) {
    ++panel.members;
    if (!weighted) return;
    const auto w = static_cast<unsigned __int128>(network.fans.weights[fan]);
    panel.weight_excess += w * (w - 1);
  });
  return panel;
}

}  // namespace castgraph
