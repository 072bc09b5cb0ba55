// Where a host's audience lives: the provinces of the people following the host (each
// fan once per host, however many of its fanbases the fan follows, weighed by the fan's
// weight), as shares of the host's people. Fans without a province count as "unknown".
#pragma once

#include <cstdint>
#include <span>
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

// Per host (indexed by NodeId, one entry per host): its `count` largest provinces, largest
// first (ties: known places first, then by name). Empty for a host without follows and for
// a host not in `hosts`: a command showing five hosts reads only their follows.
// O(their follows · log + provinces).
std::vector<std::vector<PlaceShare>> audience_provinces(const Network& network,
                                                        std::span<const NodeId> hosts,
                                                        std::size_t count = 3);
// The same for every host.
std::vector<std::vector<PlaceShare>> audience_provinces(const Network& network,
                                                        std::size_t count = 3);

// Per host (indexed by NodeId): the people of its audience in each province (share left 0),
// in no order; empty for hosts not in `hosts`. The people are sums of whole weights, so the
// lists of several shards of one network (fans split among them) add up exactly to the
// whole network's.
std::vector<std::vector<PlaceShare>> audience_province_people(const Network& network,
                                                              std::span<const NodeId> hosts);
// The same for every host.
std::vector<std::vector<PlaceShare>> audience_province_people(const Network& network);

// The `count` largest of one host's places, with their shares of the host's people,
// ordered as audience_provinces orders them. O(places log places).
std::vector<PlaceShare> top_places(std::vector<PlaceShare> places, std::size_t count);

}  // namespace castgraph
