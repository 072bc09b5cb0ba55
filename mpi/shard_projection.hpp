// The host-pair co-occurrences of the projection over MPI ranks: the people every pair of
// hosts shares. Each rank counts the pairs of the fans it holds (count_pairs, with
// castgraph's cap on hosts per fan: a fan is whole on its rank, so its number of hosts is
// exact there), sends each pair to the pair's owner (a hash of the pair mod the ranks) in
// one MPI_Alltoallv, and the owner adds up the ranks' counts. Every count is a sum of
// integers over disjoint fans, so the result is castgraph's, for any number of ranks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/overlap.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective: `pairs` (this rank's counts, a < b) sent to each pair's owner in one
// exchange; returns the pairs this rank owns, summed over all ranks, by (a, b).
std::vector<PairCount> sum_pairs_at_owners(World& world, std::vector<PairCount> pairs);

// Collective: this rank's share of the pairs (those it owns), summed over all ranks, by
// (a, b); every host's reach and the cap's totals, summed, on every rank.
PairCounts reduce_pairs_to_owners(World& world, const Network& shard,
                                  const TopOverlapOptions& options);

// Collective: the `count` pairs sharing the most people, with Jaccard, on every rank's
// result the same as top_overlaps over all fans would give (the owners keep their best
// `count`, and rank 0 keeps the best of those; the others return an empty list of pairs).
TopOverlap top_overlaps_over_ranks(World& world, const Network& shard, std::size_t count,
                                   const TopOverlapOptions& options);

// The wire form of pair counts: 16 bytes a pair (a, b, shared).
void put_pair(std::string& out, const PairCount& pair);
// Pairs from every rank's bytes, equal ones summed, by (a, b).
std::vector<PairCount> add_up_pairs(const std::vector<std::string>& from);

}  // namespace castgraph::mpi
