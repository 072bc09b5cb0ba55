// Checking a Network's internal consistency: every column as long as its kind, every
// relation's offsets monotone and its targets within the target kind, every string and
// category index in range, every string valid UTF-8. A Network the CSV loader builds
// always passes; one opened from a snapshot file is checked before use, so damaged data
// is refused instead of crashing a later query. O(nodes + edges + string bytes).
#pragma once

#include <optional>
#include <string>

#include "graph/network.hpp"

namespace castgraph {

// nullopt when consistent, else what is wrong ("follows: target 7 out of range (5 fanbases)").
std::optional<std::string> check_network(const Network& network);

}  // namespace castgraph
