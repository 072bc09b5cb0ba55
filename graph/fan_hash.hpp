// The stable hash of a fan: XXH3-64 (Collet, libxxhash) of its external id, the id as
// written in fans.csv and follows.csv. Dense NodeIds are handed out in the order the files
// are read, so anything keyed by them (sketch registers, a rank's share of the fans) would
// change when the rows are shuffled or split; the external id does not. HyperLogLog
// sketches (algorithms/hyperloglog.hpp) hash this, so stored sketches do not depend on
// file order and sketches built on different machines merge; castgraph-mpi gives each fan
// to rank stable_fan_hash(id) mod P.
#pragma once

#include <cstdint>
#include <string_view>

namespace castgraph {

// XXH3_64bits(external_id) with seed 0: fixed by XXH3's specification, so the same on
// every machine, run and version of libxxhash from 0.8 on. O(length).
std::uint64_t stable_fan_hash(std::string_view external_id);

}  // namespace castgraph
