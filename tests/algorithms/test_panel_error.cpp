// Reach from a panel: the people it stands for and the Horvitz–Thompson standard error,
// checked by hand on a drawn network and by drawing many panels from a known census.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "algorithms/panel_error.hpp"
#include "algorithms/reach.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;

namespace {

//   抖音: fb0 [h1]    fb1 [h2]
//          |  \      /   |
//          a   b (10)    c (3)     d (2) follows nobody
//
// h1 and h2 reach a (w 1), b (w 10) and c (w 3): 14 people from 3 panel members, and
// SE² = 1·0 + 10·9 + 3·2 = 96. h1 alone: a and b, 11 people, SE² = 90.
Network drawn_panel() {
  NetworkBuilder builder;
  const NodeId douyin = *builder.add_platform("douyin", "抖音", 1000);
  const NodeId h1 = *builder.add_broadcaster("h1", "李佳");
  const NodeId h2 = *builder.add_broadcaster("h2", "王小明");
  const NodeId fb0 = *builder.add_fanbase(h1, douyin, 100);
  const NodeId fb1 = *builder.add_fanbase(h2, douyin, 100);
  const NodeId a = *builder.add_fan("a", 1);
  const NodeId b = *builder.add_fan("b", 10);
  const NodeId c = *builder.add_fan("c", 3);
  builder.add_fan("d", 2);
  builder.add_follow(a, fb0);
  builder.add_follow(b, fb0);
  builder.add_follow(b, fb1);
  builder.add_follow(c, fb1);
  return std::move(builder).finish();
}

// A census of `fans` people over `hosts` hosts on two platforms (host 0 on both), each
// person following 0-3 fanbases, stars more; and each person's design weight, the
// inverse of the chance a panel draws them: 1, 2, 5, 10 or 40.
struct Census {
  int hosts = 8, fans = 6000;
  std::vector<std::vector<int>> follows;  // per person: fanbase indexes
  std::vector<std::uint64_t> design_weight;
  std::vector<std::pair<int, int>> fanbases;  // (host, platform)
};

Census make_census(std::uint64_t seed) {
  Census census;
  std::mt19937_64 rng(seed);
  for (int h = 0; h < census.hosts; ++h) census.fanbases.push_back({h, h % 2});
  census.fanbases.push_back({0, 1});
  const std::array<std::uint64_t, 5> weights{1, 2, 5, 10, 40};
  std::uniform_int_distribution<int> follows(0, 3), weight(0, 4);
  std::uniform_int_distribution<int> fanbase(0, static_cast<int>(census.fanbases.size()) - 1);
  for (int f = 0; f < census.fans; ++f) {
    std::vector<int>& mine = census.follows.emplace_back();
    for (int k = follows(rng); k > 0; --k) mine.push_back(std::min(fanbase(rng), fanbase(rng)));
    census.design_weight.push_back(weights[static_cast<std::size_t>(weight(rng))]);
  }
  return census;
}

// The census itself (every weight 1) when `panel_seed` is 0, else a Poisson panel: each
// person drawn with chance 1 / design weight, independently, and weighing that weight.
Network network_of(const Census& census, std::uint64_t panel_seed) {
  std::mt19937_64 rng(panel_seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  NetworkBuilder builder;
  builder.add_platform("p0", "平台0");
  builder.add_platform("p1", "平台1");
  for (int h = 0; h < census.hosts; ++h)
    builder.add_broadcaster("h" + std::to_string(h), "主播" + std::to_string(h));
  std::vector<NodeId> fanbases;
  for (const auto& [host, platform] : census.fanbases)
    fanbases.push_back(
        *builder.add_fanbase(static_cast<NodeId>(host), static_cast<NodeId>(platform), 1000));
  for (int f = 0; f < census.fans; ++f) {
    const std::uint64_t w = census.design_weight[static_cast<std::size_t>(f)];
    const bool drawn = panel_seed == 0 || unit(rng) < 1.0 / static_cast<double>(w);
    if (!drawn) continue;
    const NodeId fan = *builder.add_fan("f" + std::to_string(f), panel_seed == 0 ? 1 : w);
    for (int fb : census.follows[static_cast<std::size_t>(f)])
      builder.add_follow(fan, fanbases[static_cast<std::size_t>(fb)]);
  }
  return std::move(builder).finish();
}

}  // namespace

TEST_CASE("a panel's reach counts people and its error is the Horvitz-Thompson sum") {
  const Network network = drawn_panel();
  const std::vector<NodeId> both{0, 1}, first{0};
  const ReachResult result = reach(network, both);
  CHECK(result.unique_reach == 14);
  CHECK(result.panel_members == 3u);
  CHECK_FALSE(result.census);
  REQUIRE(result.standard_error);
  CHECK(*result.standard_error == Approx(std::sqrt(96.0)));
  const ReachResult alone = reach(network, first);
  CHECK(alone.unique_reach == 11);
  CHECK(alone.panel_members == 2u);
  CHECK(*alone.standard_error == Approx(std::sqrt(90.0)));
  for (ExactStrategy strategy : {ExactStrategy::bitset, ExactStrategy::planes}) {
    ReachOptions options;
    options.exact_strategy = strategy;
    CHECK(*reach(network, both, options).standard_error == Approx(std::sqrt(96.0)));
  }
}

TEST_CASE("a census's reach is exact: its standard error is 0 and every fan is a person") {
  const Census census = make_census(7);
  const Network network = network_of(census, 0);
  const std::vector<NodeId> hosts{0, 1, 2};
  const ReachResult result = reach(network, hosts);
  CHECK(result.census);
  CHECK(result.standard_error == 0.0);
  CHECK(result.panel_members == result.unique_reach);
  CHECK(result.unique_reach > 1000);
}

TEST_CASE("sketched and declared reach state their error in the same field, or none") {
  const Network network = drawn_panel();
  const std::vector<NodeId> both{0, 1};
  ReachOptions options;
  options.method = ReachMethod::sketch;
  const ReachResult sketch = reach(network, both, options);
  REQUIRE(sketch.standard_error);
  // relative_error × the unrounded estimate, which unique_reach rounds to a whole person.
  CHECK(*sketch.standard_error ==
        Approx(sketch.relative_error * double(sketch.unique_reach)).epsilon(0.05));
  CHECK(*sketch.standard_error > 0);
  CHECK_FALSE(sketch.panel_members);
  options.method = ReachMethod::declared;
  CHECK_FALSE(reach(network, both, options).standard_error);
}

// 400 panels drawn from one census, each with its own seed (so the test repeats exactly
// and cannot flake): the reach estimate must land within 2 of its own standard errors of
// the census count in at least 93% of draws (95.4% for a normal estimate), and in at most
// 99% (an error stated far too large would pass the first check alone); and the mean of
// the estimates must be within 3 standard errors of the mean of the census count.
TEST_CASE("panel estimates of reach are unbiased and their stated errors cover the census") {
  const Census census = make_census(2026);
  const std::vector<NodeId> hosts{0, 2, 3, 5};
  const double truth = static_cast<double>(reach(network_of(census, 0), hosts).unique_reach);
  REQUIRE(truth > 2000);
  constexpr int kDraws = 400;
  int covered = 0;
  double sum = 0, sum_squares = 0;
  for (int draw = 1; draw <= kDraws; ++draw) {
    const ReachResult result = reach(network_of(census, static_cast<std::uint64_t>(draw)), hosts);
    const double estimate = static_cast<double>(result.unique_reach);
    REQUIRE(result.standard_error);
    REQUIRE(*result.standard_error > 0);
    if (std::abs(estimate - truth) <= 2 * *result.standard_error) ++covered;
    sum += estimate;
    sum_squares += estimate * estimate;
  }
  const double mean = sum / kDraws;
  const double spread = std::sqrt((sum_squares - kDraws * mean * mean) / (kDraws - 1));
  const double error_of_mean = spread / std::sqrt(double{kDraws});
  INFO("census " << truth << ", mean estimate " << mean << " ± " << error_of_mean << ", " << covered
                 << " of " << kDraws << " within 2 SE");
  CHECK(covered >= 0.93 * kDraws);
  CHECK(covered <= 0.99 * kDraws);
  CHECK(std::abs(mean - truth) <= 3 * error_of_mean);
}
