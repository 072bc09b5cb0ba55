// Weighted MinHash: a bottom-k sketch with exponential ranks. MinHash (Broder 1997, "On
// the resemblance and containment of documents") keeps the k fans of smallest hash; for
// people-weighted sets, each fan gets the rank r = -ln(u)/w, u = its uniform hash and w
// its weight, so a fan standing for w people is w times as likely to be kept (Cohen and
// Kaplan 2007, "Summarizing data using bottom-k sketches"). The rank depends on the fan
// alone, so the sketch of a union is the k smallest of the parts' sketches.
//
// Estimates use the k−1 smallest ranks as the sample and the k-th, τ, as threshold: a fan
// of weight w is in the sample with probability p = 1 − exp(−wτ), and Σ w/p over the
// sampled fans in a subset estimates the subset's people (Horvitz-Thompson). A fan in the
// union's sample belongs to host A exactly when it is in A's sketch, so one union sample
// answers shared people and Jaccard. Relative error of the union ≈ 1/sqrt(k − 2); of
// shared people ≈ 1/sqrt(k · J) for Jaccard J.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/network.hpp"

namespace castgraph {

inline constexpr std::size_t kDefaultBottomK = 1024;

struct BottomK {
  struct Entry {
    double rank;
    NodeId fan;
    std::uint64_t weight;
  };
  std::size_t k = kDefaultBottomK;
  std::vector<Entry> entries;  // at most k, by rank ascending, fans distinct
};

// The sketch of `fans` (distinct), weighted by the network's fan weights. O(n log k).
BottomK bottom_k(const Network& network, std::span<const NodeId> fans,
                 std::size_t k = kDefaultBottomK);

// The sketch of the union of the two sets. O(k).
BottomK merge_bottom_k(const BottomK& a, const BottomK& b);

// Estimated people in the sketched set (exact while it holds fewer than k fans). O(k).
double estimate_people(const BottomK& sketch);

struct OverlapEstimate {
  double shared = 0;  // people in both
  double either = 0;  // people in at least one
  double jaccard = 0;
};

// Shared people and Jaccard of the two sketched sets. O(k).
OverlapEstimate estimate_overlap(const BottomK& a, const BottomK& b);

}  // namespace castgraph
