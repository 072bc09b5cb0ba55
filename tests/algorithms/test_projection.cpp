// The host projection (algorithms/projection.hpp): audience edges equal a brute-force
// pair count, the weights, the sparsification, and the layers.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

#include "algorithms/projection.hpp"
#include "graph/errors.hpp"
#include "graph/network_builder.hpp"
#include "random_follow_network.hpp"

using namespace castgraph;

namespace {

//   fan   weight  follows            reach: h0 11, h1 11, h2 11, h3 2
//   f1       1    h0 h1              shared: h0–h1 11, h0–h2 10, h1–h2 10, h2–h3 1
//   f2      10    h0 h1 h2
//   f3       1    h2 h3             collab: h0—h3 (weight 2)
//   f4       1    h3                 base b: h0 h1 h2
Network four_hosts() {
  NetworkBuilder builder;
  const NodeId p = *builder.add_platform("p", "抖音");
  const NodeId base = *builder.add_base("b", "沈阳基地", "辽宁");
  std::vector<NodeId> fanbase;
  for (int h = 0; h < 4; ++h) {
    const NodeId host = *builder.add_broadcaster(
        "h" + std::to_string(h), "主播" + std::to_string(h), h < 3 ? base : kNoNode);
    fanbase.push_back(*builder.add_fanbase(host, p, 100));
  }
  const std::vector<std::pair<std::uint64_t, std::vector<int>>> fans{
      {1, {0, 1}}, {10, {0, 1, 2}}, {1, {2, 3}}, {1, {3}}};
  for (std::size_t f = 0; f < fans.size(); ++f) {
    const NodeId fan = *builder.add_fan("f" + std::to_string(f + 1), fans[f].first);
    for (int h : fans[f].second) builder.add_follow(fan, fanbase[h]);
  }
  builder.add_collab(0, 3, 2.0);
  return std::move(builder).finish();
}

std::map<std::pair<NodeId, NodeId>, double> as_map(const HostGraph& graph) {
  std::map<std::pair<NodeId, NodeId>, double> edges;
  for (const WeightedEdge& edge : graph.edges) {
    REQUIRE(edge.a < edge.b);
    edges[{edge.a, edge.b}] = edge.weight;
  }
  REQUIRE(edges.size() == graph.edges.size());  // no parallel edges
  return edges;
}

}  // namespace

TEST_CASE("audience edges carry shared people, Jaccard or cosine") {
  const Network network = four_hosts();
  const auto shared = as_map(audience_graph(network));
  CHECK(shared == std::map<std::pair<NodeId, NodeId>, double>{
                      {{0, 1}, 11}, {{0, 2}, 10}, {{1, 2}, 10}, {{2, 3}, 1}});
  ProjectionOptions jaccard;
  jaccard.audience_weight = AudienceWeight::jaccard;
  const auto j = as_map(audience_graph(network, jaccard));
  CHECK(j.at({0, 1}) == Approx(1.0));
  CHECK(j.at({0, 2}) == Approx(10.0 / 12));
  CHECK(j.at({2, 3}) == Approx(1.0 / 12));
  ProjectionOptions cosine;
  cosine.audience_weight = AudienceWeight::cosine;
  CHECK(as_map(audience_graph(network, cosine)).at({2, 3}) == Approx(1 / std::sqrt(22.0)));
}

TEST_CASE("min_shared drops weak audience edges, and top_k keeps each host's best") {
  const Network network = four_hosts();
  ProjectionOptions strong;
  strong.min_shared = 2;
  CHECK(as_map(audience_graph(network, strong)).count({2, 3}) == 0);
  CHECK(audience_graph(network, strong).edges.size() == 3);
  ProjectionOptions best;
  best.top_k = 1;
  // h0 → h1, h1 → h0, h2 → h0 (a tie with h1, broken by the fixed rule), h3 → h2.
  const auto kept = as_map(audience_graph(network, best));
  CHECK(kept.size() == 3);
  CHECK(kept.count({0, 1}) == 1);
  CHECK(kept.count({2, 3}) == 1);
}

TEST_CASE("a fan cap leaves out fans of many hosts") {
  ProjectionOptions capped;
  capped.max_hosts_per_fan = 2;  // f2 follows three hosts
  CHECK(as_map(audience_graph(four_hosts(), capped)) ==
        std::map<std::pair<NodeId, NodeId>, double>{{{0, 1}, 1}, {{2, 3}, 1}});
}

TEST_CASE("audience edges equal a brute-force count of shared people on random networks") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const Network network = testing::random_network(seed);
    const std::size_t hosts = network.broadcasters.size();
    std::vector<std::set<NodeId>> fans(hosts);
    for (NodeId fb = 0; fb < network.fanbases.size(); ++fb)
      for (NodeId fan : network.relations.followers.neighbours(fb))
        fans[network.fanbases.broadcaster[fb]].insert(fan);
    std::map<std::pair<NodeId, NodeId>, double> expected;
    for (NodeId a = 0; a < hosts; ++a)
      for (NodeId b = a + 1; b < hosts; ++b) {
        std::uint64_t shared = 0;
        for (NodeId fan : fans[a])
          if (fans[b].count(fan)) shared += network.fans.weight(fan);
        if (shared > 0) expected[{a, b}] = static_cast<double>(shared);
      }
    CHECK(as_map(audience_graph(network)) == expected);
  }
}

TEST_CASE("the audience layer from pair counts equals the one from follows, edge for edge") {
  // audience_graph was checked against brute force above; count_pairs is the other path
  // (castgraph-mpi's), with every weight, threshold, cap and top_k.
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Network network = testing::random_network(seed);
    ProjectionOptions options;
    options.audience_weight = seed % 3 == 0   ? AudienceWeight::shared
                              : seed % 3 == 1 ? AudienceWeight::jaccard
                                              : AudienceWeight::cosine;
    options.min_shared = 1 + seed % 3;
    options.top_k = seed % 2 == 0 ? 3 : 0;
    options.max_hosts_per_fan = seed > 3 ? 4 : 0;
    const HostGraph direct = audience_graph(network, options);
    const HostGraph from_pairs = audience_graph_from_pairs(
        network.broadcasters.size(), count_pairs(network, {options.max_hosts_per_fan}), options);
    INFO("seed " << seed);
    REQUIRE(direct.edges.size() == from_pairs.edges.size());
    for (std::size_t e = 0; e < direct.edges.size(); ++e) {
      CHECK(direct.edges[e].a == from_pairs.edges[e].a);
      CHECK(direct.edges[e].b == from_pairs.edges[e].b);
      CHECK(direct.edges[e].weight == from_pairs.edges[e].weight);
    }
  }
}

TEST_CASE("collab and base layers, and each layer is rescaled to mean edge weight 1") {
  const Network network = four_hosts();
  CHECK(as_map(collab_graph(network)) == std::map<std::pair<NodeId, NodeId>, double>{{{0, 3}, 2}});
  const auto base = as_map(base_graph(network));
  CHECK(base ==
        std::map<std::pair<NodeId, NodeId>, double>{{{0, 1}, 0.5}, {{0, 2}, 0.5}, {{1, 2}, 0.5}});

  ProjectionOptions layers;
  layers.collab_layer = 3.0;
  const auto both = as_map(project_hosts(network, layers));
  // Audience mean (11 + 10 + 10 + 1) / 4 = 8; the one collab edge becomes 3.
  CHECK(both.at({0, 1}) == Approx(11.0 / 8));
  CHECK(both.at({0, 3}) == Approx(3.0));
  layers.base_layer = 1.0;
  CHECK(as_map(project_hosts(network, layers)).at({0, 1}) == Approx(11.0 / 8 + 1.0));
}

TEST_CASE("a base larger than the clique limit becomes a ring lattice") {
  NetworkBuilder builder;
  const NodeId base = *builder.add_base("b", "大基地");
  for (int h = 0; h < 40; ++h) builder.add_broadcaster("h" + std::to_string(h), "h", base);
  const Network network = std::move(builder).finish();
  ProjectionOptions options;
  options.base_clique_limit = 4;
  const HostGraph ring = base_graph(network, options);
  CHECK(ring.edges.size() == 80);
  for (double s : ring.strength()) CHECK(s == Approx(1.0));
}

TEST_CASE("without follows the audience layer is an error alone and skipped in a projection") {
  NetworkBuilder builder;
  builder.add_broadcaster("a", "a");
  builder.add_broadcaster("b", "b");
  builder.add_collab(0, 1);
  const Network network = std::move(builder).finish();
  CHECK_THROWS_AS(audience_graph(network), UsageError);
  CHECK(project_hosts(network).edges.size() == 1);
  CHECK_THROWS_AS(parse_audience_weight("dice"), UsageError);
}

TEST_CASE("igraph's famous graphs come through the bridge") {
  const HostGraph karate = famous_graph("Zachary");
  CHECK(karate.vertices == 34);
  CHECK(karate.edges.size() == 78);
}
