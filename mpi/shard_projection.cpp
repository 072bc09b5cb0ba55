#include "mpi/shard_projection.hpp"

#include <algorithm>

#include "mpi/wire.hpp"

namespace castgraph::mpi {
namespace {

// The rank that adds up pair (a, b): a mix of both ids (SplitMix64's finaliser), so that
// the pairs of one busy host spread over every rank.
int pair_owner(NodeId a, NodeId b, int ranks) {
  std::uint64_t x = (std::uint64_t{a} << 32) | b;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  x ^= x >> 31;
  return static_cast<int>(x % static_cast<std::uint64_t>(ranks));
}

}  // namespace

void put_pair(std::string& out, const PairCount& pair) {
  put(out, std::uint32_t{pair.a});
  put(out, std::uint32_t{pair.b});
  put(out, pair.shared);
}

std::vector<PairCount> add_up_pairs(const std::vector<std::string>& from) {
  std::vector<PairCount> pairs;
  for (const std::string& bytes : from) {
    WireReader in(bytes);
    while (!in.done()) {
      PairCount pair;
      pair.a = in.number<std::uint32_t>();
      pair.b = in.number<std::uint32_t>();
      pair.shared = in.number<std::uint64_t>();
      pairs.push_back(pair);
    }
  }
  std::ranges::sort(pairs, [](const PairCount& x, const PairCount& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  std::vector<PairCount> summed;
  for (const PairCount& pair : pairs) {
    if (!summed.empty() && summed.back().a == pair.a && summed.back().b == pair.b)
      summed.back().shared += pair.shared;
    else
      summed.push_back(pair);
  }
  return summed;
}

PairCounts reduce_pairs_to_owners(World& world, const Network& shard,
                                  const TopOverlapOptions& options) {
  PairCounts counts = count_pairs(shard, options);
  counts.reach = world.sum(std::move(counts.reach));
  const auto totals = world.sum({counts.skipped_fans, counts.skipped_people, counts.pair_updates});
  counts.skipped_fans = totals[0];
  counts.skipped_people = totals[1];
  counts.pair_updates = totals[2];
  counts.pairs = sum_pairs_at_owners(world, std::move(counts.pairs));
  return counts;
}

std::vector<PairCount> sum_pairs_at_owners(World& world, std::vector<PairCount> pairs) {
  std::vector<std::string> to(static_cast<std::size_t>(world.size()));
  for (const PairCount& pair : pairs)
    put_pair(to[static_cast<std::size_t>(pair_owner(pair.a, pair.b, world.size()))], pair);
  pairs.clear();
  pairs.shrink_to_fit();
  return add_up_pairs(world.exchange(to));
}

TopOverlap top_overlaps_over_ranks(World& world, const Network& shard, std::size_t count,
                                   const TopOverlapOptions& options) {
  const PairCounts counts = reduce_pairs_to_owners(world, shard, options);
  BestPairs best(count);
  for (const PairCount& pair : counts.pairs)
    best.offer(
        describe_pair(pair.a, pair.b, pair.shared, counts.reach[pair.a], counts.reach[pair.b]));
  // Each owner's best `count` to rank 0, which keeps the best of them: the best `count`
  // of all pairs are among them.
  std::vector<std::string> to(static_cast<std::size_t>(world.size()));
  for (const HostPair& pair : std::move(best).take())
    put_pair(to[0], PairCount{pair.a, pair.b, pair.shared});
  const std::vector<std::string> from = world.exchange(to);
  TopOverlap top;
  top.skipped_fans = counts.skipped_fans;
  top.skipped_people = counts.skipped_people;
  top.pair_updates = counts.pair_updates;
  if (!world.root()) return top;
  BestPairs overall(count);
  for (const PairCount& pair : add_up_pairs(from))
    overall.offer(
        describe_pair(pair.a, pair.b, pair.shared, counts.reach[pair.a], counts.reach[pair.b]));
  top.pairs = std::move(overall).take();
  return top;
}

}  // namespace castgraph::mpi
