// A community's summary as JSON, the one way `communities --json` (and anything else that
// writes one) spells it: {community, size, declared_fans, reach, reach_estimated,
// province, province_share, base, platform, kind, top_hosts: [{id, name}]}; `community` is
// its number, 1 for the largest (community_number), as every output numbers it.
// In cli/ because JSON is how the command line speaks; the algorithm stays JSON-free.
#pragma once

#include <nlohmann/json.hpp>

#include "algorithms/community_summary.hpp"
#include "graph/network.hpp"

namespace castgraph::cli {

// Keys in the order above; reach is null when unknown. O(top hosts).
nlohmann::ordered_json to_json(const CommunitySummary& summary, const Network& network);

}  // namespace castgraph::cli
