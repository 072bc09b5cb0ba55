// Leaving fans out of a network: the one seam behind --exclude-suspicious. The fans keep
// their ids and attributes but follow nobody, so every count that starts from follows
// (exact and sketched reach, overlap, planning, per-host reach, communities) leaves them
// out without knowing why; and each fanbase's declared fans shrink by the share of its
// followers seen that were left out, so the declared model agrees.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/network.hpp"

namespace castgraph {

struct FansLeftOut {
  std::uint64_t fans = 0;     // fans left out that followed someone
  std::uint64_t follows = 0;  // their follow edges
};

// Removes every follow of the fans with left_out[fan] != 0 (left_out has one entry per
// fan, or is empty to leave everything). O(fans + fanbases + follows); the new relations
// own their memory, the old ones are released.
FansLeftOut leave_out_fans(Network& network, std::span<const std::uint8_t> left_out);

// Per fanbase: its followers seen, and how many of them `left_out` marks. Over disjoint
// sets of fans (MPI ranks) both add up. O(follows).
struct FollowersLeftOut {
  std::vector<std::uint64_t> seen, dropped;
};
FollowersLeftOut followers_left_out(const Network& network, std::span<const std::uint8_t> left_out);

// leave_out_fans with each fanbase's share taken from `followers` (of the whole dataset
// when `network` holds some of its fans, as an MPI rank's shard does): the declared fans
// shrink by the same share on every rank, whatever fans the rank holds.
FansLeftOut leave_out_fans(Network& network, std::span<const std::uint8_t> left_out,
                           const FollowersLeftOut& followers);

}  // namespace castgraph
