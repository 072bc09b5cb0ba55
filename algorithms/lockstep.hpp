// Lockstep signals that fit follow data without timestamps (after CopyCatch, Beutel et al.,
// WWW 2013, without its time axis): accounts run by one farm tend to follow exactly the same
// set of hosts, and a few accounts follow implausibly many.
#pragma once

#include <cstdint>
#include <span>

#include "graph/csr.hpp"

namespace castgraph {

// The share of `fans` whose whole follow set (a row of `follows`) is shared by at least
// `twins` - 1 other fans of `fans`. O(follows of the fans x log).
double identical_follow_share(const Csr& follows, std::span<const NodeId> fans,
                              std::size_t twins = 3);

// Fans following more fanbases than `limit`. O(fans).
std::uint64_t fans_following_more_than(const Csr& follows, std::uint64_t limit);

}  // namespace castgraph
