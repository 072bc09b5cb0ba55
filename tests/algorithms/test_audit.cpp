// The audience audit (algorithms/audit.hpp and its parts): the MinTree against a linear
// scan, Fraudar's peeling against a brute-force densest block and the paper's factor-2
// bound, the chance score and the lockstep groups on hand-checked graphs, leaving fans
// out, and precision / recall on farms planted by the generator.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "algorithms/audit.hpp"
#include "algorithms/block_chance.hpp"
#include "algorithms/co_follow_groups.hpp"
#include "algorithms/fraudar.hpp"
#include "algorithms/lockstep.hpp"
#include "algorithms/min_tree.hpp"
#include "generator/fraud.hpp"
#include "generator/generate.hpp"
#include "generator/presets.hpp"
#include "graph/csr_builder.hpp"
#include "graph/without_fans.hpp"
#include "loaders/dataset_loader.hpp"
#include "support/temp_dir.hpp"

using namespace castgraph;
using castgraph::testing::TempDir;

namespace {

struct Bipartite {
  Csr rows, columns;
  std::vector<double> weights;
};

Bipartite bipartite(std::size_t rows, std::size_t columns,
                    const std::vector<std::pair<NodeId, NodeId>>& edges) {
  std::vector<NodeId> sources, targets;
  for (auto [r, c] : edges) sources.push_back(r), targets.push_back(c);
  Bipartite g;
  g.rows = build_csr(rows, sources, targets, true);
  g.columns = transpose(g.rows, columns);
  g.weights = fraudar_column_weights(g.columns);
  return g;
}

// The best g over every non-empty subset of rows and columns: the slow reference.
double brute_force_best(const Bipartite& g) {
  const std::size_t rows = g.rows.rows(), columns = g.columns.rows();
  const PeelGraph graph{g.rows, g.columns, g.weights};
  double best = 0;
  for (std::uint32_t rmask = 0; rmask < (1u << rows); ++rmask)
    for (std::uint32_t cmask = 0; cmask < (1u << columns); ++cmask) {
      std::vector<NodeId> rs, cs;
      for (NodeId r = 0; r < rows; ++r)
        if (rmask >> r & 1) rs.push_back(r);
      for (NodeId c = 0; c < columns; ++c)
        if (cmask >> c & 1) cs.push_back(c);
      best = std::max(best, weighted_average(graph, rs, cs));
    }
  return best;
}

std::set<std::string> truth_fans(const std::filesystem::path& truth) {
  std::ifstream in(truth / "fraud.csv");
  std::string line;
  std::getline(in, line);  // header
  std::set<std::string> fans;
  while (std::getline(in, line)) fans.insert(line.substr(0, line.find(',')));
  return fans;
}

}  // namespace

TEST_CASE("the MinTree always names the smallest slot, as a linear scan does", "[audit]") {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 20; ++round) {
    const std::size_t n = 1 + rng() % 70;
    MinTree tree(n);
    std::vector<float> values(n, MinTree::kRemoved);
    tree.assign(n, [&](std::size_t i) { return values[i] = static_cast<float>(rng() % 50); });
    for (int step = 0; step < 300; ++step) {
      const std::size_t i = rng() % n;
      values[i] = rng() % 4 == 0 ? MinTree::kRemoved : static_cast<float>(rng() % 50);
      tree.set(i, values[i]);
      const auto smallest = std::ranges::min_element(values) - values.begin();
      REQUIRE(tree.empty() == (values[smallest] == MinTree::kRemoved));
      if (!tree.empty()) REQUIRE(tree.smallest() == static_cast<std::size_t>(smallest));
    }
  }
}

TEST_CASE("a column weighs 1 / log(degree + 5)", "[audit]") {
  const Bipartite g = bipartite(3, 2, {{0, 0}, {1, 0}, {2, 0}});
  CHECK(g.weights[0] == Approx(1 / std::log(8.0)));
  CHECK(g.weights[1] == Approx(1 / std::log(5.0)));
}

TEST_CASE("peeling finds at least half the best density, as Fraudar's Theorem 1 says", "[audit]") {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 200; ++round) {
    const std::size_t rows = 1 + rng() % 6, columns = 1 + rng() % 5;
    std::vector<std::pair<NodeId, NodeId>> edges;
    const auto density = static_cast<double>(rng() % 100) / 100.0;
    for (NodeId r = 0; r < rows; ++r)
      for (NodeId c = 0; c < columns; ++c)
        if (std::uniform_real_distribution<>(0, 1)(rng) < density) edges.emplace_back(r, c);
    const Bipartite g = bipartite(rows, columns, edges);
    const PeelGraph graph{g.rows, g.columns, g.weights};
    const PeeledBlock block = peel_densest_block(graph);
    const double best = brute_force_best(g);
    INFO("round " << round);
    REQUIRE(block.average <= best + 1e-12);
    REQUIRE(block.average >= best / 2 - 1e-12);
    REQUIRE(block.average == Approx(weighted_average(graph, block.rows, block.columns)));
  }
}

//   rows 0-5 follow columns 0,1,2 (a complete 6 x 3 block);
//   rows 6-11 follow one column each of 3..8 (noise), row 0 also follows column 8
//   (camouflage).
TEST_CASE("a complete block with camouflage is peeled out exactly", "[audit]") {
  std::vector<std::pair<NodeId, NodeId>> edges;
  for (NodeId r = 0; r < 6; ++r)
    for (NodeId c = 0; c < 3; ++c) edges.emplace_back(r, c);
  for (NodeId r = 6; r < 12; ++r) edges.emplace_back(r, 3 + (r - 6));
  edges.emplace_back(0, 8);
  const Bipartite g = bipartite(12, 9, edges);
  const PeeledBlock block = peel_densest_block({g.rows, g.columns, g.weights});
  CHECK(block.rows == std::vector<NodeId>{0, 1, 2, 3, 4, 5});
  CHECK(block.columns == std::vector<NodeId>{0, 1, 2});
  // Set aside, the next block is no longer the same rows.
  std::vector<std::uint8_t> active(12, 1);
  for (NodeId r = 0; r < 6; ++r) active[r] = 0;
  const PeeledBlock next = peel_densest_block({g.rows, g.columns, g.weights, active});
  for (NodeId r : next.rows) CHECK(r >= 6);
}

//   fans 0-3 follow fanbases 0 and 1; fan 4 follows 1 and 2; fans 5-9 follow 2 only.
//   M = 15 follows; degrees: fans 0-4: 2, fans 5-9: 1; fanbases 0: 4, 1: 5, 2: 6.
TEST_CASE("a block's score is its follows over what a same-degree random graph expects",
          "[audit]") {
  std::vector<std::pair<NodeId, NodeId>> edges;
  for (NodeId f = 0; f < 4; ++f) edges.emplace_back(f, 0), edges.emplace_back(f, 1);
  edges.emplace_back(4, 1), edges.emplace_back(4, 2);
  for (NodeId f = 5; f < 10; ++f) edges.emplace_back(f, 2);
  const Bipartite g = bipartite(10, 3, edges);
  const std::vector<NodeId> fans{0, 1, 2, 3}, fanbases{0, 1};
  const BlockChance chance = block_chance(g.rows, g.columns, fans, fanbases);
  CHECK(chance.edges == 8);
  CHECK(chance.density == Approx(1.0));
  // Each of 4 fans of degree 2: 2*4/15 + 2*5/15 = 18/15.
  CHECK(chance.expected == Approx(4 * 18.0 / 15));
  CHECK(chance.lift == Approx(8 / (4 * 18.0 / 15)));
}

TEST_CASE("fanbases sharing most of both audiences form a group, one-sided overlap does not",
          "[audit]") {
  // Fanbases 0 and 1: the same 12 fans. Fanbase 2: 40 fans, 12 of them also follow 3
  // (a small host inside a big one's audience: 12/40 < 0.5).
  std::vector<std::pair<NodeId, NodeId>> edges;
  for (NodeId f = 0; f < 12; ++f) edges.emplace_back(f, 0), edges.emplace_back(f, 1);
  for (NodeId f = 12; f < 52; ++f) edges.emplace_back(f, 2);
  for (NodeId f = 12; f < 24; ++f) edges.emplace_back(f, 3);
  const Bipartite g = bipartite(52, 4, edges);
  CoFollowOptions options;
  options.min_overlap = 0.5;
  const auto groups = co_follow_groups(g.rows, g.columns, options);
  REQUIRE(groups.size() == 1);
  CHECK(groups[0] == std::vector<NodeId>{0, 1});
  options.min_overlap = 0.25;
  CHECK(co_follow_groups(g.rows, g.columns, options).size() == 2);
  options.min_fans = 13;
  CHECK(co_follow_groups(g.rows, g.columns, options).empty());
}

TEST_CASE("lockstep share counts fans whose whole follow set two others share", "[audit]") {
  // Fans 0-2 follow {0,1}; fans 3-4 follow {0,2}; fan 5 follows {1}.
  const Bipartite g = bipartite(
      6, 3,
      {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {2, 1}, {3, 0}, {3, 2}, {4, 0}, {4, 2}, {5, 1}});
  const std::vector<NodeId> fans{0, 1, 2, 3, 4, 5};
  CHECK(identical_follow_share(g.rows, fans) == Approx(3.0 / 6));
  CHECK(identical_follow_share(g.rows, fans, 2) == Approx(5.0 / 6));
  CHECK(fans_following_more_than(g.rows, 1) == 5);
}

TEST_CASE("farms planted by the generator are found, and nothing without them", "[audit]") {
  TempDir dir;
  generator::GenerateOptions options;
  options.scale = 0.002;
  options.seed = 5;
  options.fraud = 0.03;
  const auto dataset = dir.path() / "farms";
  const auto report =
      generator::generate_dataset(*generator::find_preset("liaoning"), options, dataset);
  REQUIRE(report.farms >= 5);
  const std::set<std::string> truth = truth_fans(generator::truth_directory(dataset));
  REQUIRE(truth.size() == report.fake_fans);

  Network network = load_dataset(dataset).network;
  const AuditResult result = audit(network);
  std::size_t hits = 0, flagged = 0;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    if (!result.suspicious[fan]) continue;
    ++flagged;
    hits += truth.contains(std::string(network.fans.ids[fan]));
  }
  const double precision = double(hits) / double(flagged);
  const double recall = double(hits) / double(truth.size());
  INFO("flagged " << flagged << ", planted " << truth.size() << ", right " << hits);
  CHECK(precision >= 0.95);
  CHECK(recall >= 0.9);
  CHECK(result.suspicious_fans == flagged);
  for (const AuditBlock& block : result.blocks) CHECK(block.lift >= AuditOptions{}.min_lift);

  // The hosts whose followers were bought rank first; quality follows the share.
  const HostAudit& worst = result.hosts.front();
  CHECK(worst.suspicious_share > 0.5);
  CHECK(worst.quality == std::lround(100 * (1 - worst.suspicious_share)));

  // Left out, the flagged fans follow nobody and nothing more is flagged.
  const FansLeftOut gone = leave_out_fans(network, result.suspicious);
  CHECK(gone.fans == flagged);
  CHECK(audit(network).suspicious_fans == 0);

  // The same network without farms: nothing flagged.
  options.fraud = 0;
  generator::generate_dataset(*generator::find_preset("liaoning"), options, dir.path() / "clean");
  CHECK(!std::filesystem::exists(generator::truth_directory(dir.path() / "clean")));
  CHECK(audit(load_dataset(dir.path() / "clean").network).suspicious_fans == 0);
}

//   fan 0 follows fanbases 0 and 1; fan 1 follows 0; fan 2 follows 1. Fanbase 0 declares
//   100 fans, fanbase 1 declares 40. Leaving out fan 0 halves both audiences seen.
TEST_CASE("leaving fans out removes their follows and shrinks declared fans by the share",
          "[audit]") {
  Network network;
  network.relations.follows = bipartite(3, 2, {{0, 0}, {0, 1}, {1, 0}, {2, 1}}).rows;
  network.relations.followers = transpose(network.relations.follows, 2);
  network.fanbases.broadcaster = Column<NodeId>(std::vector<NodeId>{0, 1});
  network.fanbases.fans = Column<std::uint64_t>(std::vector<std::uint64_t>{100, 40});
  const std::vector<std::uint8_t> left_out{1, 0, 0};
  const FansLeftOut gone = leave_out_fans(network, left_out);
  CHECK(gone.fans == 1);
  CHECK(gone.follows == 2);
  CHECK(network.relations.follows.degree(0) == 0);
  CHECK(network.relations.follows.edges() == 2);
  CHECK(std::ranges::equal(network.relations.followers.neighbours(0), std::vector<NodeId>{1}));
  CHECK(std::ranges::equal(network.relations.followers.neighbours(1), std::vector<NodeId>{2}));
  CHECK(network.fanbases.fans[0] == 50);
  CHECK(network.fanbases.fans[1] == 20);
}
