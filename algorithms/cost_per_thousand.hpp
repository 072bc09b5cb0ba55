// Cost per thousand people reached (千人成本, CPM): what a campaign pays in fees for each
// 1,000 people it reaches, the measure media buyers compare hosts and rosters by.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "graph/network.hpp"

namespace castgraph {

struct CostPerThousand {
  double fees = 0;                   // yuan: the known fees of the hosts, summed
  std::vector<NodeId> unknown_fees;  // hosts whose fee is unknown, in the given order
  // fees / people × 1,000, when every fee is known and someone is reached.
  std::optional<double> yuan_per_thousand;
};

// The fees of `hosts` (broadcasters.csv `fee`) against the `people` they reach together.
// O(hosts).
CostPerThousand cost_per_thousand(const Network& network, std::span<const NodeId> hosts,
                                  std::uint64_t people);

// fee / people × 1,000; nullopt when the fee is unknown (NaN) or nobody is reached.
std::optional<double> yuan_per_thousand(double fee, std::uint64_t people);

}  // namespace castgraph
