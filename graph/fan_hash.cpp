#include "graph/fan_hash.hpp"

#include <xxhash.h>

namespace castgraph {

std::uint64_t stable_fan_hash(std::string_view external_id) {
  return XXH3_64bits(external_id.data(), external_id.size());
}

}  // namespace castgraph
