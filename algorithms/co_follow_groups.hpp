// Lockstep between hosts: groups of fanbases whose followers are largely the same people.
// For every pair of fanbases a, b the co-followers C(a, b) are counted, and the pair is
// kept when C >= min_fans and C / max(d_a, d_b) >= min_overlap, d the fanbases' follower
// counts: most of *both* audiences are the same people, as when one farm of accounts
// follows several buyers in lockstep (CopyCatch, Beutel et al., WWW 2013, without the
// time axis). Hosts of one base share a local audience, but a small share of each (on the
// generated Liaoning network no genuine pair reaches 0.3; planted farm pairs sit at 0.33
// to 0.98). The kept pairs' connected components are the groups.
//
// Time O(sum over fans of min(d, cap)^2) with a dense counter over fanbases, memory
// O(fanbases); fans following more than `cap` fanbases are left out of the count.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "graph/csr.hpp"

namespace castgraph {

struct CoFollowOptions {
  std::uint64_t min_fans = 10;
  double min_overlap = 0.3;
  std::uint64_t cap = 64;
};

// Calls visit(a, b, both) for every pair of fanbases a < b that `both` > 0 fans of
// `follows` follow together (fans following 2 to `cap` fanbases), a in increasing order.
// Over disjoint sets of fans (MPI ranks) the counts add up. A dense counter over fanbases.
template <typename Visit>
void for_each_co_follow_pair(const Csr& follows, const Csr& followers, std::uint64_t cap,
                             Visit&& visit) {
  const auto fanbases = static_cast<NodeId>(followers.rows());
  std::vector<std::uint32_t> together(fanbases, 0);
  std::vector<NodeId> touched;
  for (NodeId a = 0; a < fanbases; ++a) {
    // Co-followers of a with every later fanbase b, counted through a's followers.
    touched.clear();
    for (NodeId fan : followers.neighbours(a)) {
      if (follows.degree(fan) < 2 || follows.degree(fan) > cap) continue;
      for (NodeId b : follows.neighbours(fan))
        if (b > a && together[b]++ == 0) touched.push_back(b);
    }
    for (NodeId b : touched) {
      const std::uint64_t both = together[b];
      together[b] = 0;
      visit(a, b, both);
    }
  }
}

// Whether fanbases with `followers_a` and `followers_b` followers (of the whole network)
// and `both` co-followers are in lockstep.
bool co_follow_pair_kept(std::uint64_t both, std::uint64_t followers_a, std::uint64_t followers_b,
                         const CoFollowOptions& options);

// The connected components of two or more of the `kept` pairs over `fanbases` fanbases,
// as co_follow_groups orders them; independent of the order of `kept`.
std::vector<std::vector<NodeId>> groups_from_pairs(std::size_t fanbases,
                                                   std::span<const std::pair<NodeId, NodeId>> kept);

// Groups of two or more fanbases (each sorted; groups by their first fanbase).
// `follows` fan -> fanbases, `followers` its transpose.
std::vector<std::vector<NodeId>> co_follow_groups(const Csr& follows, const Csr& followers,
                                                  const CoFollowOptions& options = {});

}  // namespace castgraph
