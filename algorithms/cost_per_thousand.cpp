#include "algorithms/cost_per_thousand.hpp"

#include <cmath>

namespace castgraph {

std::optional<double> yuan_per_thousand(double fee, std::uint64_t people) {
  if (std::isnan(fee) || people == 0) return std::nullopt;
  return fee / static_cast<double>(people) * 1000.0;
}

CostPerThousand cost_per_thousand(const Network& network, std::span<const NodeId> hosts,
                                  std::uint64_t people) {
  CostPerThousand cost;
  for (NodeId host : hosts) {
    const double fee = network.broadcasters.fee[host];
    if (std::isnan(fee))
      cost.unknown_fees.push_back(host);
    else
      cost.fees += fee;
  }
  if (cost.unknown_fees.empty()) cost.yuan_per_thousand = yuan_per_thousand(cost.fees, people);
  return cost;
}

}  // namespace castgraph
