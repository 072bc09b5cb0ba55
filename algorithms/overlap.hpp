// Audience overlap between hosts: how many people two hosts share, and their Jaccard
// similarity |A ∩ B| / |A ∪ B| (in people, so fan weights count). Two questions:
// the full matrix for a chosen handful of hosts, and the most overlapping pairs of the
// whole dataset, found from co-occurrence over fans without forming all n² pairs.
#pragma once

#include <cstdint>
#include <vector>

#include "algorithms/host_set.hpp"
#include "algorithms/minhash.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct OverlapMatrix {
  std::vector<NodeId> hosts;          // HostSet order
  std::vector<std::uint64_t> shared;  // hosts × hosts, row-major; the diagonal is reach
  bool estimated = false;             // true when from sketches (overlap_matrix_sketch)
  std::size_t size() const { return hosts.size(); }
  std::uint64_t at(std::size_t i, std::size_t j) const { return shared[i * size() + j]; }
  std::uint64_t reach(std::size_t i) const { return at(i, i); }
  // 0 when neither host reaches anyone.
  double jaccard(std::size_t i, std::size_t j) const;
  // The directional share: of the people host i reaches, the share host j reaches too
  // (shared / reach of i); 0 when i reaches nobody. share(i, j) ≠ share(j, i) in general.
  double share(std::size_t i, std::size_t j) const;
};

// shared / reach: the share of one audience that also follows the other; 0 for nobody.
double directional_share(std::uint64_t shared, std::uint64_t reach);

enum class OverlapStrategy {
  automatic,  // masks up to kMaxMaskHosts hosts (host_masks.hpp), sorting beyond
  masks,      // one pass: each reached fan with the bitmask of hosts reaching it
  sorting,    // (fan, host) pairs grouped by fan with an LSD radix sort; any size
};

// Exact shared people for every pair of the set (platform and region filters apply);
// each fan's weight goes to every pair of hosts reaching it. O(M + Σ_f d_f²) for M
// memberships and d_f chosen hosts per fan. masks: O(hosts²) memory besides the scan's
// 256 KB, and several times faster than sorting on the largest hosts of liaoning
// (bench/reach_bench.cpp; bench/RESULTS.md has the figures); sorting: O(M + hosts²) memory.
OverlapMatrix overlap_matrix(const Network& network, const HostSet& set,
                             OverlapStrategy strategy = OverlapStrategy::automatic);

// The same matrix estimated from one weighted MinHash sketch per host (minhash.hpp):
// O(M log k) to sketch, O(hosts² · k log k) to compare; the sketches are mergeable, so
// stored per-fanbase sketches could replace the first step. Shared people of a pair
// carry a relative error of about 1/sqrt(k · Jaccard).
OverlapMatrix overlap_matrix_sketch(const Network& network, const HostSet& set,
                                    std::size_t k = kDefaultBottomK);

struct HostPair {
  NodeId a = kNoNode, b = kNoNode;  // a < b
  std::uint64_t shared = 0;         // people following both
  double jaccard = 0;
  double a_in_b = 0;  // the share of a's people who follow b too (directional_share)
  double b_in_a = 0;  // the share of b's people who follow a too
};

struct TopOverlapOptions {
  // Fans following more distinct hosts than this are left out of the pair counts (but
  // not of each host's reach), since one fan of d hosts costs d²/2 pair updates; their
  // number is reported. 0 means no cap: every fan counts and the answer is exact.
  std::size_t max_hosts_per_fan = 0;
};

struct TopOverlap {
  std::vector<HostPair> pairs;       // by shared people, descending; ties by (a, b)
  std::uint64_t skipped_fans = 0;    // fans over the cap
  std::uint64_t skipped_people = 0;  // their summed weight
  std::uint64_t pair_updates = 0;    // work done: Σ_f d_f(d_f − 1)/2 over counted fans
};

// The `count` host pairs sharing the most people, with Jaccard. Row by row after
// Gustavson's sparse matrix product: for host a, every fan of a adds its weight to each
// host b > a that fan follows, in a dense accumulator with a touched list; a bounded heap
// keeps the best pairs. Pairs sharing nobody are never formed. Time O(follows +
// Σ_f d_f²), memory O(follows + hosts) (host → fans and fan → hosts, deduplicated).
TopOverlap top_overlaps(const Network& network, std::size_t count,
                        const TopOverlapOptions& options = {});

// The pieces of top_overlaps, for castgraph-mpi, whose ranks each count the pairs of the
// fans they hold and add them up at the owner of each pair.

// True when x ranks before y: more shared people, then the lower (a, b).
bool ranks_before(const HostPair& x, const HostPair& y);
// The pair with its Jaccard and shares, from the shared people and the two hosts' reach.
HostPair describe_pair(NodeId a, NodeId b, std::uint64_t shared, std::uint64_t reach_a,
                       std::uint64_t reach_b);

// Keeps the `count` pairs offered that rank first (a bounded heap), O(log count) a pair.
class BestPairs {
 public:
  explicit BestPairs(std::size_t count) : count_(count) {}
  void offer(const HostPair& pair);
  // The pairs kept, best first.
  std::vector<HostPair> take() &&;

 private:
  std::size_t count_;
  std::vector<HostPair> heap_;  // worst on top
};

struct PairCount {
  NodeId a = kNoNode, b = kNoNode;  // a < b
  std::uint64_t shared = 0;
};

// Every host pair sharing people over this network's fans, with the counts top_overlaps
// reports beside them; over disjoint sets of fans (MPI ranks) each number is a sum.
struct PairCounts {
  std::vector<std::uint64_t> reach;  // per host id: its people (fans over the cap too)
  std::vector<PairCount> pairs;      // by (a, b); none sharing nobody
  std::uint64_t skipped_fans = 0;
  std::uint64_t skipped_people = 0;
  std::uint64_t pair_updates = 0;
};
// As top_overlaps counts them (the same cap per fan), but every pair kept: memory
// O(follows + hosts + pairs) instead of O(follows + hosts).
PairCounts count_pairs(const Network& network, const TopOverlapOptions& options = {});

}  // namespace castgraph
