// Centrality (algorithms/centrality.hpp): PageRank against power iteration, betweenness
// against Brandes' algorithm and hand counts, participation on a drawn graph.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <random>

#include "algorithms/centrality.hpp"
#include "algorithms/projection.hpp"

using namespace castgraph;

namespace {

// The slow reference: x ← (1−d)/n + d·(Σ_u x_u w_uv / s_u + Σ_{s_u = 0} x_u / n), iterated
// until nothing moves by more than 1e-15.
std::vector<double> power_iteration(const HostGraph& graph, double damping) {
  const std::size_t n = graph.vertices;
  const std::vector<double> strength = graph.strength();
  std::vector<double> x(n, 1.0 / n), next(n);
  for (int round = 0; round < 10000; ++round) {
    double dangling = 0;
    for (std::size_t v = 0; v < n; ++v)
      if (strength[v] == 0) dangling += x[v];
    std::ranges::fill(next, (1 - damping) / n + damping * dangling / n);
    for (const WeightedEdge& e : graph.edges) {
      next[e.b] += damping * x[e.a] * e.weight / strength[e.a];
      next[e.a] += damping * x[e.b] * e.weight / strength[e.b];
    }
    double change = 0;
    for (std::size_t v = 0; v < n; ++v) change = std::max(change, std::abs(next[v] - x[v]));
    x.swap(next);
    if (change < 1e-15) break;
  }
  return x;
}

//   0 — 1 — 2 — 3 — 4
HostGraph path5() { return HostGraph{5, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}}}; }

}  // namespace

TEST_CASE("PageRank equals power iteration within 1e-9, weighted and with an isolated host") {
  HostGraph karate = famous_graph("Zachary");
  std::mt19937_64 random(5);
  for (WeightedEdge& edge : karate.edges)
    edge.weight = std::uniform_real_distribution(0.5, 3.0)(random);
  karate.vertices += 1;  // vertex 34 has no edges: it jumps uniformly
  const std::vector<double> ours = pagerank(karate);
  const std::vector<double> reference = power_iteration(karate, 0.85);
  REQUIRE(ours.size() == reference.size());
  for (std::size_t v = 0; v < ours.size(); ++v) CHECK(ours[v] == Approx(reference[v]).margin(1e-9));
  CHECK(std::accumulate(ours.begin(), ours.end(), 0.0) == Approx(1.0).margin(1e-12));
  // Karate's two leaders (vertices 33 and 0) rank first.
  const auto top = std::ranges::max_element(ours) - ours.begin();
  CHECK((top == 33 || top == 0));
}

TEST_CASE("betweenness on a path counts the pairs each vertex separates") {
  const Betweenness exact = betweenness(path5());
  CHECK_FALSE(exact.sampled);
  CHECK(exact.score == std::vector<double>{0, 3, 4, 3, 0});
  CHECK(brandes_from(path5(), {0, 1, 2, 3, 4}) == std::vector<double>{0, 3, 4, 3, 0});
}

TEST_CASE("igraph's exact betweenness equals Brandes from every source on the karate club") {
  const HostGraph karate = famous_graph("Zachary");
  std::vector<NodeId> all(karate.vertices);
  std::iota(all.begin(), all.end(), NodeId{0});
  const std::vector<double> reference = brandes_from(karate, all);
  const Betweenness exact = betweenness(karate);
  for (std::size_t v = 0; v < all.size(); ++v)
    CHECK(exact.score[v] == Approx(reference[v]).margin(1e-9));
}

TEST_CASE("sampled betweenness is repeatable and close to exact on a larger graph") {
  // A ring of 600 with chords: every vertex about equally central.
  HostGraph graph{600, {}};
  for (NodeId v = 0; v + 1 < 600; ++v) graph.edges.push_back({v, v + 1, 1});
  graph.edges.push_back({0, 599, 1});
  for (NodeId v = 0; v < 300; v += 10) graph.edges.push_back({v, v + 300, 1});
  std::ranges::sort(graph.edges,
                    [](auto& x, auto& y) { return std::pair(x.a, x.b) < std::pair(y.a, y.b); });
  BetweennessOptions sampled{.exact_limit = 100, .samples = 200, .seed = 9};
  const Betweenness first = betweenness(graph, sampled);
  CHECK(first.sampled);
  CHECK(first.sources == 200);
  CHECK(betweenness(graph, sampled).score == first.score);
  const Betweenness exact = betweenness(graph, BetweennessOptions{.exact_limit = 1000});
  const double total = std::accumulate(exact.score.begin(), exact.score.end(), 0.0);
  const double estimate = std::accumulate(first.score.begin(), first.score.end(), 0.0);
  CHECK(estimate == Approx(total).epsilon(0.1));
}

TEST_CASE("participation: 0 inside one community, 1/2 split evenly over two") {
  //   1   3        communities: {0, 1, 2} and {3, 4}
  //    \ /
  //     0          0's ties: half to its own community, half to the other
  //    / \.
  //   2   4
  const HostGraph star{5, {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}}};
  const Communities communities{{0, 0, 0, 1, 1}, 2, 0};
  const std::vector<double> p = participation(star, communities);
  CHECK(p[0] == Approx(0.5));
  CHECK(p[1] == 0);
  CHECK(p[3] == 0);  // all of 3's ties go to community 0: one community, P = 0
}
