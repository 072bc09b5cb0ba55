#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <set>

#include "algorithms/overlap.hpp"
#include "algorithms/random_follow_network.hpp"

using namespace castgraph;
using castgraph::testing::random_network;
using castgraph::testing::RandomNetworkShape;
using castgraph::testing::reference_host_fans;
using castgraph::testing::reference_people;

namespace {

std::set<NodeId> intersection(const std::set<NodeId>& a, const std::set<NodeId>& b) {
  std::set<NodeId> both;
  std::ranges::set_intersection(a, b, std::inserter(both, both.end()));
  return both;
}

std::vector<NodeId> all_hosts(const Network& network) {
  std::vector<NodeId> hosts(network.broadcasters.size());
  std::iota(hosts.begin(), hosts.end(), 0);
  return hosts;
}

// Every pair, by brute force, optionally leaving out fans of more than `cap` hosts.
std::vector<HostPair> reference_pairs(const Network& network, std::size_t cap) {
  const std::vector<NodeId> hosts = all_hosts(network);
  auto sets = reference_host_fans(network, hosts);
  std::vector<int> hosts_of(network.fans.size(), 0);
  for (const auto& fans : sets)
    for (NodeId fan : fans) ++hosts_of[fan];
  std::vector<HostPair> pairs;
  for (NodeId a = 0; a < hosts.size(); ++a)
    for (NodeId b = a + 1; b < hosts.size(); ++b) {
      std::uint64_t shared = 0;
      for (NodeId fan : intersection(sets[a], sets[b]))
        if (cap == 0 || static_cast<std::size_t>(hosts_of[fan]) <= cap)
          shared += network.fans.weight(fan);
      if (shared == 0) continue;
      const double either = static_cast<double>(reference_people(network, sets[a]) +
                                                reference_people(network, sets[b]) - shared);
      pairs.push_back({a, b, shared, static_cast<double>(shared) / either});
    }
  std::ranges::sort(pairs, [](const HostPair& x, const HostPair& y) {
    return x.shared != y.shared ? x.shared > y.shared : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return pairs;
}

constexpr std::array kOverlapStrategies{OverlapStrategy::automatic, OverlapStrategy::masks,
                                        OverlapStrategy::sorting};

// The people each pair of hosts shares, by brute-force set intersection, computed once so
// that every strategy is compared with the same reference.
struct ReferenceMatrix {
  std::vector<std::uint64_t> reach;
  std::vector<std::vector<std::uint64_t>> shared;  // shared[i][j] for j > i
};

ReferenceMatrix reference_matrix(const Network& network, const std::vector<NodeId>& hosts,
                                 std::optional<NodeId> platform, const std::string& region) {
  const auto sets = reference_host_fans(network, hosts, platform, region);
  ReferenceMatrix reference;
  reference.shared.resize(hosts.size());
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    reference.reach.push_back(reference_people(network, sets[i]));
    reference.shared[i].resize(hosts.size());
    for (std::size_t j = i + 1; j < hosts.size(); ++j)
      reference.shared[i][j] = reference_people(network, intersection(sets[i], sets[j]));
  }
  return reference;
}

void check_matrix_against_sets(const Network& network, const std::vector<NodeId>& hosts,
                               std::optional<NodeId> platform, const std::string& region,
                               OverlapStrategy strategy, const ReferenceMatrix& reference) {
  const HostSet set = make_host_set(network, hosts, platform, region);
  const OverlapMatrix matrix = overlap_matrix(network, set, strategy);
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    REQUIRE(matrix.reach(i) == reference.reach[i]);
    for (std::size_t j = 0; j < hosts.size(); ++j) {
      if (i == j) continue;
      const std::uint64_t shared = reference.shared[std::min(i, j)][std::max(i, j)];
      REQUIRE(matrix.at(i, j) == shared);
      const double either = static_cast<double>(matrix.reach(i) + matrix.reach(j) - shared);
      REQUIRE(matrix.jaccard(i, j) == Approx(either == 0 ? 0 : shared / either));
    }
  }
}

void check_every_strategy(const Network& network, const std::vector<NodeId>& hosts,
                          std::optional<NodeId> platform, const std::string& region) {
  const ReferenceMatrix reference = reference_matrix(network, hosts, platform, region);
  for (OverlapStrategy strategy : kOverlapStrategies)
    check_matrix_against_sets(network, hosts, platform, region, strategy, reference);
}

}  // namespace

TEST_CASE("the overlap matrix matches brute-force set intersections") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    RandomNetworkShape shape;
    shape.weighted = seed % 2 == 0;
    const Network network = random_network(seed, shape);
    std::vector<NodeId> hosts = all_hosts(network);
    std::ranges::reverse(hosts);
    hosts.resize(2 + seed % (hosts.size() - 1));
    const std::optional<NodeId> platform = seed % 3 == 0 ? std::optional<NodeId>(1) : std::nullopt;
    const std::string region = seed % 4 == 0 ? "辽宁" : "";
    INFO("seed " << seed);
    check_every_strategy(network, hosts, platform, region);
  }
}

// 100 and 300 hosts need two and five mask words per fan, and cross blocks of fans.
TEST_CASE("the overlap matrix of many hosts matches brute force on both paths") {
  for (int hosts_count : {100, 300}) {
    RandomNetworkShape shape;
    shape.hosts = hosts_count;
    shape.fans = hosts_count == 100 ? 40'000 : 8'000;
    shape.max_follows_per_fan = 8;
    const Network network = random_network(static_cast<std::uint64_t>(hosts_count), shape);
    INFO(hosts_count << " hosts");
    check_every_strategy(network, all_hosts(network), std::nullopt, "");
    check_every_strategy(network, all_hosts(network), std::nullopt, "吉林");
  }
}

TEST_CASE("top overlapping pairs match brute force over all pairs") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    RandomNetworkShape shape;
    shape.hosts = 15;
    shape.max_follows_per_fan = 8;
    shape.weighted = seed % 2 == 1;
    const Network network = random_network(100 + seed, shape);
    for (std::size_t cap : {std::size_t{0}, std::size_t{4}}) {
      const std::vector<HostPair> expected = reference_pairs(network, cap);
      const std::size_t count = 1 + seed % 12;
      TopOverlapOptions options;
      options.max_hosts_per_fan = cap;
      const TopOverlap top = top_overlaps(network, count, options);
      INFO("seed " << seed << ", cap " << cap);
      REQUIRE(top.pairs.size() == std::min(count, expected.size()));
      for (std::size_t r = 0; r < top.pairs.size(); ++r) {
        CHECK(top.pairs[r].a == expected[r].a);
        CHECK(top.pairs[r].b == expected[r].b);
        CHECK(top.pairs[r].shared == expected[r].shared);
        CHECK(top.pairs[r].jaccard == Approx(expected[r].jaccard));
      }
      if (cap == 0) CHECK(top.skipped_fans == 0);
    }
  }
}

TEST_CASE("asking for more pairs than share anyone returns only the sharing pairs") {
  const Network network = random_network(3);
  const TopOverlap top = top_overlaps(network, 10'000);
  CHECK(top.pairs.size() == reference_pairs(network, 0).size());
  CHECK(top_overlaps(network, 0).pairs.empty());
}

TEST_CASE("count_pairs counts every sharing pair and each host's reach as brute force does") {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    RandomNetworkShape shape;
    shape.hosts = 15;
    shape.max_follows_per_fan = 8;
    shape.weighted = seed % 2 == 0;
    const Network network = random_network(300 + seed, shape);
    for (std::size_t cap : {std::size_t{0}, std::size_t{3}}) {
      std::vector<HostPair> expected = reference_pairs(network, cap);
      std::ranges::sort(expected, [](const HostPair& x, const HostPair& y) {
        return x.a != y.a ? x.a < y.a : x.b < y.b;
      });
      const PairCounts counts = count_pairs(network, {cap});
      INFO("seed " << seed << ", cap " << cap);
      REQUIRE(counts.pairs.size() == expected.size());
      for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(counts.pairs[i].a == expected[i].a);
        CHECK(counts.pairs[i].b == expected[i].b);
        CHECK(counts.pairs[i].shared == expected[i].shared);
      }
      const auto sets = reference_host_fans(network, all_hosts(network));
      for (NodeId h = 0; h < sets.size(); ++h)
        CHECK(counts.reach[h] == reference_people(network, sets[h]));
      // The best pairs of the counts are top_overlaps' pairs.
      BestPairs best(5);
      for (const PairCount& pair : counts.pairs)
        best.offer(
            describe_pair(pair.a, pair.b, pair.shared, counts.reach[pair.a], counts.reach[pair.b]));
      const std::vector<HostPair> kept = std::move(best).take();
      const TopOverlap top = top_overlaps(network, 5, {cap});
      REQUIRE(kept.size() == top.pairs.size());
      for (std::size_t r = 0; r < kept.size(); ++r) {
        CHECK(kept[r].a == top.pairs[r].a);
        CHECK(kept[r].b == top.pairs[r].b);
        CHECK(kept[r].jaccard == top.pairs[r].jaccard);
      }
      CHECK(counts.skipped_fans == top.skipped_fans);
      CHECK(counts.skipped_people == top.skipped_people);
    }
  }
}

TEST_CASE("weighted MinHash is exact below k fans and close above it") {
  RandomNetworkShape shape;
  shape.fans = 30'000;
  shape.hosts = 8;
  const Network network = random_network(21, shape);
  const std::vector<NodeId> hosts{0, 1, 2, 3};
  const HostSet set = make_host_set(network, hosts);
  const OverlapMatrix exact = overlap_matrix(network, set);
  SECTION("with k above every host's fans the sketch keeps them all") {
    const OverlapMatrix sketched = overlap_matrix_sketch(network, set, 100'000);
    CHECK(sketched.estimated);
    CHECK(sketched.shared == exact.shared);
  }
  SECTION("with k = 4096, shared people within 4 error bounds") {
    const OverlapMatrix sketched = overlap_matrix_sketch(network, set, 4096);
    for (std::size_t i = 0; i < hosts.size(); ++i)
      for (std::size_t j = 0; j < hosts.size(); ++j) {
        const double truth = static_cast<double>(exact.at(i, j));
        const double jaccard = i == j ? 1.0 : std::max(exact.jaccard(i, j), 1e-3);
        const double bound = 4 * truth / std::sqrt(4096 * jaccard) + 5;
        INFO(i << "," << j << ": exact " << truth << ", sketch " << sketched.at(i, j));
        CHECK(std::abs(static_cast<double>(sketched.at(i, j)) - truth) < bound);
      }
  }
}

TEST_CASE("a MinHash sketch of a union is the merge of the parts' sketches") {
  const Network network = random_network(5, {.fans = 5000});
  std::vector<NodeId> low, high, all;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    (fan < 3000 ? low : high).push_back(fan);
    all.push_back(fan);
  }
  const BottomK merged = merge_bottom_k(bottom_k(network, low, 256), bottom_k(network, high, 256));
  const BottomK direct = bottom_k(network, all, 256);
  REQUIRE(merged.entries.size() == direct.entries.size());
  for (std::size_t i = 0; i < merged.entries.size(); ++i)
    CHECK(merged.entries[i].fan == direct.entries[i].fan);
}
