#include "algorithms/co_follow_groups.hpp"

#include <algorithm>
#include <numeric>

namespace castgraph {
namespace {

NodeId find_root(std::vector<NodeId>& parent, NodeId x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::vector<std::vector<NodeId>> co_follow_groups(const Csr& follows, const Csr& followers,
                                                  const CoFollowOptions& options) {
  const auto fanbases = static_cast<NodeId>(followers.rows());
  std::vector<NodeId> parent(fanbases);
  std::iota(parent.begin(), parent.end(), NodeId{0});
  std::vector<std::uint32_t> together(fanbases, 0);
  std::vector<NodeId> touched;
  for (NodeId a = 0; a < fanbases; ++a) {
    // Co-followers of a with every later fanbase b, counted through a's followers.
    touched.clear();
    for (NodeId fan : followers.neighbours(a)) {
      if (follows.degree(fan) < 2 || follows.degree(fan) > options.cap) continue;
      for (NodeId b : follows.neighbours(fan))
        if (b > a && together[b]++ == 0) touched.push_back(b);
    }
    for (NodeId b : touched) {
      const std::uint64_t both = together[b];
      together[b] = 0;
      const auto larger = static_cast<double>(std::max(followers.degree(a), followers.degree(b)));
      if (both >= options.min_fans && static_cast<double>(both) >= options.min_overlap * larger)
        parent[find_root(parent, a)] = find_root(parent, b);
    }
  }
  std::vector<std::vector<NodeId>> by_root(fanbases);
  for (NodeId f = 0; f < fanbases; ++f) by_root[find_root(parent, f)].push_back(f);
  std::vector<std::vector<NodeId>> groups;
  for (auto& group : by_root)
    if (group.size() >= 2) groups.push_back(std::move(group));
  std::ranges::sort(groups, {}, [](const std::vector<NodeId>& g) { return g.front(); });
  return groups;
}

}  // namespace castgraph
