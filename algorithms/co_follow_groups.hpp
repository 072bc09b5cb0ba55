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
#include <vector>

#include "graph/csr.hpp"

namespace castgraph {

struct CoFollowOptions {
  std::uint64_t min_fans = 10;
  double min_overlap = 0.3;
  std::uint64_t cap = 64;
};

// Groups of two or more fanbases (each sorted; groups by their first fanbase).
// `follows` fan -> fanbases, `followers` its transpose.
std::vector<std::vector<NodeId>> co_follow_groups(const Csr& follows, const Csr& followers,
                                                  const CoFollowOptions& options = {});

}  // namespace castgraph
