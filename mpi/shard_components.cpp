#include "mpi/shard_components.hpp"

#include <numeric>
#include <vector>

namespace castgraph::mpi {
namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t size) : parent_(size) {
    std::iota(parent_.begin(), parent_.end(), NodeId{0});
  }
  NodeId find(NodeId x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(NodeId a, NodeId b) {
    a = find(a), b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }
  std::size_t size() const { return parent_.size(); }

 private:
  std::vector<NodeId> parent_;
};

}  // namespace

std::uint64_t count_components(World& world, const Network& shard) {
  // Shared nodes numbered as WholeNetwork numbers them: platforms, bases, hosts, fanbases.
  const NodeId bases = static_cast<NodeId>(shard.platforms.size());
  const NodeId hosts = bases + static_cast<NodeId>(shard.bases.size());
  const NodeId fanbases = hosts + static_cast<NodeId>(shard.broadcasters.size());
  UnionFind parts(fanbases + shard.fanbases.size());
  for (NodeId f = 0; f < shard.fanbases.size(); ++f) {
    parts.join(fanbases + f, hosts + shard.fanbases.broadcaster[f]);
    parts.join(fanbases + f, shard.fanbases.platform[f]);
  }
  for (NodeId h = 0; h < shard.broadcasters.size(); ++h) {
    if (shard.broadcasters.base[h] != kNoNode)
      parts.join(hosts + h, bases + shard.broadcasters.base[h]);
    for (NodeId other : shard.relations.collab.neighbours(h)) parts.join(hosts + h, hosts + other);
  }
  std::uint64_t lone_fans = 0;
  for (NodeId fan = 0; fan < shard.fans.size(); ++fan) {
    const auto followed = shard.relations.follows.neighbours(fan);
    if (followed.empty()) ++lone_fans;
    for (NodeId fanbase : followed) parts.join(fanbases + followed[0], fanbases + fanbase);
  }
  std::vector<std::uint64_t> roots(parts.size());
  for (NodeId node = 0; node < parts.size(); ++node) roots[node] = parts.find(node);
  const auto all = world.gather_all(roots);
  for (std::size_t r = 0; r < static_cast<std::size_t>(world.size()); ++r)
    for (NodeId node = 0; node < parts.size(); ++node)
      parts.join(node, static_cast<NodeId>(all[r * parts.size() + node]));
  std::uint64_t components = 0;
  for (NodeId node = 0; node < parts.size(); ++node) components += parts.find(node) == node;
  return components + world.sum(lone_fans);
}

}  // namespace castgraph::mpi
