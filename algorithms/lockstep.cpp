#include "algorithms/lockstep.hpp"

#include <algorithm>
#include <vector>

namespace castgraph {

double identical_follow_share(const Csr& follows, std::span<const NodeId> fans, std::size_t twins) {
  if (fans.empty()) return 0.0;
  std::vector<NodeId> sorted(fans.begin(), fans.end());
  const auto by_follows = [&](NodeId a, NodeId b) {
    return std::ranges::lexicographical_compare(follows.neighbours(a), follows.neighbours(b));
  };
  const auto same = [&](NodeId a, NodeId b) {
    return std::ranges::equal(follows.neighbours(a), follows.neighbours(b));
  };
  std::ranges::sort(sorted, by_follows);
  std::size_t in_lockstep = 0;
  for (std::size_t first = 0; first < sorted.size();) {
    std::size_t last = first + 1;
    while (last < sorted.size() && same(sorted[first], sorted[last])) ++last;
    if (last - first >= twins) in_lockstep += last - first;
    first = last;
  }
  return static_cast<double>(in_lockstep) / static_cast<double>(fans.size());
}

std::uint64_t fans_following_more_than(const Csr& follows, std::uint64_t limit) {
  std::uint64_t count = 0;
  for (NodeId fan = 0; fan < follows.rows(); ++fan) count += follows.degree(fan) > limit ? 1 : 0;
  return count;
}

}  // namespace castgraph
