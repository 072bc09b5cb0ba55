// Which rank owns a fan: the fan's stable hash (graph/fan_hash.hpp, XXH3 of its external
// id) mod the ranks, so that the owner depends neither on the order of the files nor on
// the process reading the row, and is the same hash the HyperLogLog sketches use.
#pragma once

#include <cstdint>
#include <string_view>

#include "graph/fan_hash.hpp"

namespace castgraph::mpi {

inline int fan_owner(std::string_view fan_id, int ranks) {
  return static_cast<int>(stable_fan_hash(fan_id) % static_cast<std::uint64_t>(ranks));
}

}  // namespace castgraph::mpi
