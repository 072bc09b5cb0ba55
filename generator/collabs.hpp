// Co-streams between hosts (collabs.csv). Most happen within a base; the rest between
// hosts of one province and category (a community), and a few anywhere, with popular
// hosts more likely to be invited. Bigger hosts co-stream more. Each pair appears once,
// with the number of co-streams as its weight.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "generator/cast.hpp"

namespace castgraph::generator {

struct Collab {
  std::uint32_t a;  // host index, a < b
  std::uint32_t b;
  std::uint32_t weight;
  std::string_view kind;  // costream (连麦), pk (PK battle) or guest
};

// Sorted by (a, b). Deterministic in (cast, seed). O(hosts log hosts).
std::vector<Collab> generate_collabs(const Cast& cast, std::uint64_t seed);

}  // namespace castgraph::generator
