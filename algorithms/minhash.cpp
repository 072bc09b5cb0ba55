#include "algorithms/minhash.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "algorithms/hyperloglog.hpp"
#include "graph/fan_hash.hpp"

namespace castgraph {
namespace {

// Ranks come from their own hash stream, independent of the HyperLogLog items.
constexpr std::uint64_t kRankSalt = 0x5bd1e9955bd1e995ULL;

// The fan's rank hashes its external id (graph/fan_hash.hpp), not its NodeId: the same fan
// keeps its rank when the files are shuffled, so the estimate does not depend on file order.
double rank_of(const Network& network, NodeId fan, std::uint64_t weight) {
  const std::uint64_t hash = fan_item_hash(stable_fan_hash(network.fans.ids[fan]), kRankSalt);
  const double u = (static_cast<double>(hash >> 11) + 0.5) * 0x1.0p-53;  // in (0, 1)
  return -std::log(u) / static_cast<double>(weight);
}

bool by_rank(const BottomK::Entry& x, const BottomK::Entry& y) {
  return x.rank != y.rank ? x.rank < y.rank : x.fan < y.fan;
}

// The threshold τ and the sample size: all entries with τ = ∞ while the set has fewer
// than k fans (every fan is then known), else the first k − 1 with τ = the k-th rank.
struct Sample {
  std::size_t size;
  double threshold;
};

Sample sample_of(const BottomK& sketch) {
  if (sketch.entries.size() < sketch.k)
    return {sketch.entries.size(), std::numeric_limits<double>::infinity()};
  return {sketch.k - 1, sketch.entries[sketch.k - 1].rank};
}

// w / P(sampled): the people one sampled fan stands for.
double scaled(const BottomK::Entry& entry, double threshold) {
  const double w = static_cast<double>(entry.weight);
  if (std::isinf(threshold)) return w;
  return w / -std::expm1(-w * threshold);
}

bool holds(const BottomK& sketch, const BottomK::Entry& entry) {
  return std::binary_search(sketch.entries.begin(), sketch.entries.end(), entry, by_rank);
}

}  // namespace

BottomK bottom_k(const Network& network, std::span<const NodeId> fans, std::size_t k) {
  BottomK sketch{std::max<std::size_t>(k, 2), {}};
  // A max-heap on rank: its top is the worst fan kept so far.
  for (NodeId fan : fans) {
    const std::uint64_t weight = network.fans.weight(fan);
    if (weight == 0) continue;
    const BottomK::Entry entry{rank_of(network, fan, weight), fan, weight};
    if (sketch.entries.size() < sketch.k) {
      sketch.entries.push_back(entry);
      std::ranges::push_heap(sketch.entries, by_rank);
    } else if (by_rank(entry, sketch.entries.front())) {
      std::ranges::pop_heap(sketch.entries, by_rank);
      sketch.entries.back() = entry;
      std::ranges::push_heap(sketch.entries, by_rank);
    }
  }
  std::ranges::sort_heap(sketch.entries, by_rank);
  return sketch;
}

BottomK merge_bottom_k(const BottomK& a, const BottomK& b) {
  BottomK merged{std::min(a.k, b.k), {}};
  std::ranges::set_union(a.entries, b.entries, std::back_inserter(merged.entries), by_rank);
  if (merged.entries.size() > merged.k) merged.entries.resize(merged.k);
  return merged;
}

double estimate_people(const BottomK& sketch) {
  const Sample sample = sample_of(sketch);
  double people = 0;
  for (std::size_t i = 0; i < sample.size; ++i)
    people += scaled(sketch.entries[i], sample.threshold);
  return people;
}

OverlapEstimate estimate_overlap(const BottomK& a, const BottomK& b) {
  const BottomK either = merge_bottom_k(a, b);
  const Sample sample = sample_of(either);
  OverlapEstimate estimate;
  for (std::size_t i = 0; i < sample.size; ++i) {
    const BottomK::Entry& entry = either.entries[i];
    const double people = scaled(entry, sample.threshold);
    estimate.either += people;
    if (holds(a, entry) && holds(b, entry)) estimate.shared += people;
  }
  estimate.jaccard = estimate.either > 0 ? estimate.shared / estimate.either : 0;
  return estimate;
}

}  // namespace castgraph
