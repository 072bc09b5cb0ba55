#include "algorithms/overlap.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <queue>
#include <tuple>

#include "algorithms/host_masks.hpp"
#include "algorithms/reach_exact.hpp"
#include "graph/value_rules.hpp"

namespace castgraph {
namespace {

// Stable LSD radix sort of (fan << 32 | host) keys by their fan half, 11 bits a pass:
// keys arrive host by host, so within one fan the hosts stay in order.
void sort_by_fan(std::vector<std::uint64_t>& keys, std::size_t fans) {
  constexpr int kDigitBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
  const int fan_bits = std::max(1, static_cast<int>(std::bit_width(fans)));
  std::vector<std::uint64_t> scratch(keys.size());
  for (int shift = 32; shift < 32 + fan_bits; shift += kDigitBits) {
    std::array<std::size_t, kBuckets + 1> start{};
    for (std::uint64_t key : keys) ++start[((key >> shift) & (kBuckets - 1)) + 1];
    for (std::size_t b = 0; b < kBuckets; ++b) start[b + 1] += start[b];
    for (std::uint64_t key : keys) scratch[start[(key >> shift) & (kBuckets - 1)]++] = key;
    keys.swap(scratch);
  }
}

double jaccard_of(std::uint64_t shared, std::uint64_t a, std::uint64_t b) {
  const std::uint64_t either = a + b - shared;
  return either == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(either);
}

// A deduplicated relation as offsets + targets.
struct Adjacency {
  std::vector<std::uint64_t> offsets{0};
  std::vector<NodeId> targets;
  std::span<const NodeId> of(std::size_t row) const {
    return std::span(targets).subspan(offsets[row], offsets[row + 1] - offsets[row]);
  }
};

Adjacency fans_by_host(const Network& network) {
  std::vector<NodeId> all(network.broadcasters.size());
  for (NodeId host = 0; host < all.size(); ++host) all[host] = host;
  const HostSet set = make_host_set(network, all);
  Adjacency adjacency;
  for (std::size_t h = 0; h < set.size(); ++h) {
    const std::vector<NodeId> fans = host_fans(network, set, h);
    adjacency.targets.insert(adjacency.targets.end(), fans.begin(), fans.end());
    adjacency.offsets.push_back(adjacency.targets.size());
  }
  return adjacency;
}

// The transpose; rows come out sorted because hosts are visited in order.
Adjacency transpose(const Adjacency& forward, std::size_t rows) {
  Adjacency reverse;
  reverse.offsets.assign(rows + 1, 0);
  for (NodeId target : forward.targets) ++reverse.offsets[target + 1];
  for (std::size_t r = 0; r < rows; ++r) reverse.offsets[r + 1] += reverse.offsets[r];
  reverse.targets.resize(forward.targets.size());
  std::vector<std::uint64_t> next(reverse.offsets.begin(), reverse.offsets.end() - 1);
  for (std::size_t source = 0; source + 1 < forward.offsets.size(); ++source)
    for (NodeId target : forward.of(source))
      reverse.targets[next[target]++] = static_cast<NodeId>(source);
  return reverse;
}

}  // namespace

bool ranks_before(const HostPair& x, const HostPair& y) {
  if (x.shared != y.shared) return x.shared > y.shared;
  return std::tie(x.a, x.b) < std::tie(y.a, y.b);
}

double directional_share(std::uint64_t shared, std::uint64_t reach) {
  return reach == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(reach);
}

double OverlapMatrix::share(std::size_t i, std::size_t j) const {
  return directional_share(at(i, j), reach(i));
}

double OverlapMatrix::jaccard(std::size_t i, std::size_t j) const {
  return jaccard_of(at(i, j), reach(i), reach(j));
}

namespace {

// Groups (fan, host) pairs by fan with a radix sort: any number of hosts.
OverlapMatrix overlap_matrix_by_sorting(const Network& network, const HostSet& set) {
  const std::size_t k = set.size();
  OverlapMatrix matrix{set.hosts, std::vector<std::uint64_t>(k * k, 0)};
  std::vector<std::uint64_t> keys;
  for (std::size_t h = 0; h < k; ++h)
    for (NodeId fan : host_fans(network, set, h)) keys.push_back(std::uint64_t{fan} << 32 | h);
  sort_by_fan(keys, network.fans.size());
  for (std::size_t begin = 0, end; begin < keys.size(); begin = end) {
    const NodeId fan = static_cast<NodeId>(keys[begin] >> 32);
    for (end = begin + 1; end < keys.size() && (keys[end] >> 32) == fan;) ++end;
    const std::uint64_t weight = network.fans.weight(fan);
    for (std::size_t x = begin; x < end; ++x) {
      const std::size_t i = static_cast<std::uint32_t>(keys[x]);
      matrix.shared[i * k + i] += weight;
      for (std::size_t y = x + 1; y < end; ++y) {
        const std::size_t j = static_cast<std::uint32_t>(keys[y]);
        matrix.shared[i * k + j] += weight;
        matrix.shared[j * k + i] += weight;
      }
    }
  }
  return matrix;
}

// Each reached fan comes with the bitmask of the hosts reaching it (host_masks.hpp), so
// nothing is sorted: the upper triangle is summed, then mirrored.
OverlapMatrix overlap_matrix_by_masks(const Network& network, const HostSet& set) {
  const std::size_t k = set.size();
  OverlapMatrix matrix{set.hosts, std::vector<std::uint64_t>(k * k, 0)};
  HostMaskScan scan(network, set);
  std::vector<std::size_t> reaching;
  scan.scan([&](const ReachedFan& fan) {
    reaching.clear();
    for (std::size_t w = 0; w < fan.hosts.size(); ++w)
      for (std::uint64_t bits = fan.hosts[w]; bits != 0; bits &= bits - 1)
        reaching.push_back(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
    for (std::size_t x = 0; x + 1 < reaching.size(); ++x)
      for (std::size_t y = x + 1; y < reaching.size(); ++y)
        matrix.shared[reaching[x] * k + reaching[y]] += fan.people;
  });
  for (std::size_t i = 0; i < k; ++i) {
    matrix.shared[i * k + i] = scan.own_reach()[i];
    for (std::size_t j = i + 1; j < k; ++j) matrix.shared[j * k + i] = matrix.shared[i * k + j];
  }
  return matrix;
}

}  // namespace

OverlapMatrix overlap_matrix(const Network& network, const HostSet& set, OverlapStrategy strategy) {
  if (strategy == OverlapStrategy::automatic)
    strategy = set.size() <= kMaxMaskHosts ? OverlapStrategy::masks : OverlapStrategy::sorting;
  return strategy == OverlapStrategy::masks ? overlap_matrix_by_masks(network, set)
                                            : overlap_matrix_by_sorting(network, set);
}

OverlapMatrix overlap_matrix_sketch(const Network& network, const HostSet& set, std::size_t k) {
  const std::size_t n = set.size();
  OverlapMatrix matrix{set.hosts, std::vector<std::uint64_t>(n * n, 0), true};
  std::vector<BottomK> sketches;
  for (std::size_t h = 0; h < n; ++h)
    sketches.push_back(bottom_k(network, host_fans(network, set, h), k));
  auto people = [](double estimate) { return rounded_count(estimate); };
  for (std::size_t i = 0; i < n; ++i) {
    matrix.shared[i * n + i] = people(estimate_people(sketches[i]));
    for (std::size_t j = i + 1; j < n; ++j)
      matrix.shared[i * n + j] = matrix.shared[j * n + i] =
          people(estimate_overlap(sketches[i], sketches[j]).shared);
  }
  return matrix;
}

HostPair describe_pair(NodeId a, NodeId b, std::uint64_t shared, std::uint64_t reach_a,
                       std::uint64_t reach_b) {
  return {a,
          b,
          shared,
          jaccard_of(shared, reach_a, reach_b),
          directional_share(shared, reach_a),
          directional_share(shared, reach_b)};
}

void BestPairs::offer(const HostPair& pair) {
  // A min-heap on rank: its top is the worst pair kept so far.
  if (count_ == 0) return;
  if (heap_.size() < count_) {
    heap_.push_back(pair);
    std::ranges::push_heap(heap_, ranks_before);
  } else if (ranks_before(pair, heap_.front())) {
    std::ranges::pop_heap(heap_, ranks_before);
    heap_.back() = pair;
    std::ranges::push_heap(heap_, ranks_before);
  }
}

std::vector<HostPair> BestPairs::take() && {
  std::ranges::sort(heap_, ranks_before);
  return std::move(heap_);
}

namespace {

// The fans' host lists and each host's reach and the fans over the cap, then for each
// host a in order, visit(a, touched, shared): the hosts b > a sharing people with a, in
// first-touched order, with shared[b] their people (reset to 0 after the visit). Row by
// row after Gustavson's sparse product (see top_overlaps in the header).
template <typename Visit>
void for_each_pair_row(const Network& network, std::size_t cap, PairCounts& counts, Visit&& visit) {
  const std::size_t hosts = network.broadcasters.size();
  const Adjacency host_fans = fans_by_host(network);
  const Adjacency fan_hosts = transpose(host_fans, network.fans.size());
  counts.reach.assign(hosts, 0);
  for (std::size_t a = 0; a < hosts; ++a)
    for (NodeId fan : host_fans.of(a)) counts.reach[a] += network.fans.weight(fan);
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    if (cap == 0 || fan_hosts.of(fan).size() <= cap) continue;
    ++counts.skipped_fans;
    counts.skipped_people += network.fans.weight(fan);
  }
  std::vector<std::uint64_t> shared(hosts, 0);
  std::vector<NodeId> touched;
  for (NodeId a = 0; a < hosts; ++a) {
    for (NodeId fan : host_fans.of(a)) {
      const std::span<const NodeId> others = fan_hosts.of(fan);
      if (cap != 0 && others.size() > cap) continue;
      const std::uint64_t weight = network.fans.weight(fan);
      if (weight == 0) continue;  // keeps "shared[b] == 0" meaning "not touched yet"
      for (auto b = std::ranges::upper_bound(others, a); b != others.end(); ++b) {
        if (shared[*b] == 0) touched.push_back(*b);
        shared[*b] += weight;
        ++counts.pair_updates;
      }
    }
    visit(a, std::span<const NodeId>(touched), std::span<const std::uint64_t>(shared));
    for (NodeId b : touched) shared[b] = 0;
    touched.clear();
  }
}

}  // namespace

TopOverlap top_overlaps(const Network& network, std::size_t count,
                        const TopOverlapOptions& options) {
  PairCounts counts;
  BestPairs best(count);
  for_each_pair_row(
      network, options.max_hosts_per_fan, counts,
      [&](NodeId a, std::span<const NodeId> touched, std::span<const std::uint64_t> shared) {
        for (NodeId b : touched)
          best.offer(describe_pair(a, b, shared[b], counts.reach[a], counts.reach[b]));
      });
  TopOverlap result;
  result.pairs = std::move(best).take();
  result.skipped_fans = counts.skipped_fans;
  result.skipped_people = counts.skipped_people;
  result.pair_updates = counts.pair_updates;
  return result;
}

PairCounts count_pairs(const Network& network, const TopOverlapOptions& options) {
  PairCounts counts;
  std::vector<PairCount> row;
  for_each_pair_row(
      network, options.max_hosts_per_fan, counts,
      [&](NodeId a, std::span<const NodeId> touched, std::span<const std::uint64_t> shared) {
        row.clear();
        for (NodeId b : touched) row.push_back({a, b, shared[b]});
        std::ranges::sort(row, {}, &PairCount::b);
        counts.pairs.insert(counts.pairs.end(), row.begin(), row.end());
      });
  return counts;
}

}  // namespace castgraph
