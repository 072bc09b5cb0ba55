// Where a host's audience lives: the provinces of the people following the host (each
// fan once per host, however many of its fanbases the fan follows, weighed by the fan's
// weight), as shares of the host's people. Fans without a province count as "unknown".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/network.hpp"

namespace castgraph {

struct PlaceShare {
  std::string place;  // the province as the data spells it, or "unknown"
  double people = 0;  // people of the host's audience living there
  double share = 0;   // people / the host's people
  bool known = true;  // false for "unknown"
};

// Per host (all hosts, by NodeId): its `count` largest provinces, largest first (ties: known
// places first, then by name). Empty for a host without follows. O(follows + hosts · provinces).
std::vector<std::vector<PlaceShare>> audience_provinces(const Network& network,
                                                        std::size_t count = 3);

}  // namespace castgraph
