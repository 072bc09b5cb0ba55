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

bool co_follow_pair_kept(std::uint64_t both, std::uint64_t followers_a, std::uint64_t followers_b,
                         const CoFollowOptions& options) {
  const auto larger = static_cast<double>(std::max(followers_a, followers_b));
  return both >= options.min_fans && static_cast<double>(both) >= options.min_overlap * larger;
}

std::vector<std::vector<NodeId>> groups_from_pairs(
    std::size_t fanbases, std::span<const std::pair<NodeId, NodeId>> kept) {
  std::vector<NodeId> parent(fanbases);
  std::iota(parent.begin(), parent.end(), NodeId{0});
  for (const auto& [a, b] : kept) parent[find_root(parent, a)] = find_root(parent, b);
  std::vector<std::vector<NodeId>> by_root(fanbases);
  for (NodeId f = 0; f < fanbases; ++f) by_root[find_root(parent, f)].push_back(f);
  std::vector<std::vector<NodeId>> groups;
  for (auto& group : by_root)
    if (group.size() >= 2) groups.push_back(std::move(group));
  std::ranges::sort(groups, {}, [](const std::vector<NodeId>& g) { return g.front(); });
  return groups;
}

std::vector<std::vector<NodeId>> co_follow_groups(const Csr& follows, const Csr& followers,
                                                  const CoFollowOptions& options) {
  std::vector<std::pair<NodeId, NodeId>> kept;
  for_each_co_follow_pair(
      follows, followers, options.cap, [&](NodeId a, NodeId b, std::uint64_t both) {
        if (co_follow_pair_kept(both, followers.degree(a), followers.degree(b), options))
          kept.emplace_back(a, b);
      });
  return groups_from_pairs(followers.rows(), kept);
}

}  // namespace castgraph
