#include "graph/without_fans.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace castgraph {
namespace {

// `csr` without the edges (row, target) that `keep` rejects.
template <class Keep>
Csr filtered(const Csr& csr, Keep&& keep) {
  std::vector<std::uint64_t> offsets{0};
  offsets.reserve(csr.rows() + 1);
  std::vector<NodeId> targets;
  targets.reserve(csr.edges());
  for (NodeId row = 0; row < csr.rows(); ++row) {
    for (NodeId target : csr.neighbours(row))
      if (keep(row, target)) targets.push_back(target);
    offsets.push_back(targets.size());
  }
  return Csr(Column<std::uint64_t>(std::move(offsets)), Column<NodeId>(std::move(targets)));
}

}  // namespace

FollowersLeftOut followers_left_out(const Network& network,
                                    std::span<const std::uint8_t> left_out) {
  const Csr& followers = network.relations.followers;
  FollowersLeftOut counts;
  counts.seen.resize(followers.rows());
  counts.dropped.resize(followers.rows());
  for (NodeId fanbase = 0; fanbase < followers.rows(); ++fanbase) {
    counts.seen[fanbase] = followers.degree(fanbase);
    for (NodeId fan : followers.neighbours(fanbase)) counts.dropped[fanbase] += left_out[fan];
  }
  return counts;
}

FansLeftOut leave_out_fans(Network& network, std::span<const std::uint8_t> left_out) {
  if (left_out.empty()) return {};
  return leave_out_fans(network, left_out, followers_left_out(network, left_out));
}

FansLeftOut leave_out_fans(Network& network, std::span<const std::uint8_t> left_out,
                           const FollowersLeftOut& followers) {
  FansLeftOut gone;
  if (left_out.empty()) return gone;
  Relations& r = network.relations;
  for (NodeId fan = 0; fan < r.follows.rows(); ++fan)
    if (left_out[fan] && r.follows.degree(fan) > 0) {
      ++gone.fans;
      gone.follows += r.follows.degree(fan);
    }
  if (std::ranges::any_of(followers.dropped, [](std::uint64_t d) { return d > 0; })) {
    std::vector<std::uint64_t> declared(network.fanbases.size());
    for (NodeId fanbase = 0; fanbase < declared.size(); ++fanbase) {
      const auto seen = followers.seen[fanbase];
      const auto dropped = followers.dropped[fanbase];
      const double kept =
          seen ? 1.0 - static_cast<double>(dropped) / static_cast<double>(seen) : 1.0;
      declared[fanbase] = static_cast<std::uint64_t>(
          std::llround(static_cast<double>(network.fanbases.fans[fanbase]) * kept));
    }
    network.fanbases.fans = Column<std::uint64_t>(std::move(declared));
  }
  if (gone.fans == 0) return gone;
  r.follows = filtered(r.follows, [&](NodeId fan, NodeId) { return !left_out[fan]; });
  r.followers = filtered(r.followers, [&](NodeId, NodeId fan) { return !left_out[fan]; });
  return gone;
}

}  // namespace castgraph
