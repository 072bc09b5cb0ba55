// Which rank owns a fan: a stable hash of the fan's external id, so that the owner
// depends neither on the order of the files nor on the process reading the row.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <string_view>

namespace castgraph::mpi {

inline int fan_owner(std::string_view fan_id, int ranks) {
  return static_cast<int>(XXH3_64bits(fan_id.data(), fan_id.size()) %
                          static_cast<std::uint64_t>(ranks));
}

}  // namespace castgraph::mpi
