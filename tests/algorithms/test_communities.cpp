// Communities (algorithms/communities.hpp): Leiden and Louvain through igraph reach the
// best known modularity on Zachary's karate club, recover planted partitions, repeat
// exactly with the same seed, and on the generated northeast preset line up with
// provinces.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>
#include <set>

#include "algorithms/communities.hpp"
#include "algorithms/community_summary.hpp"
#include "algorithms/projection.hpp"
#include "generator/generate.hpp"
#include "generator/presets.hpp"
#include "graph/errors.hpp"
#include "graph/network_builder.hpp"
#include "loaders/dataset_loader.hpp"
#include "support/temp_dir.hpp"

using namespace castgraph;

namespace {

// Best known modularity of the karate club (Brandes et al. 2008, exact by ILP).
constexpr double kKarateBest = 0.4198;

// Normalised mutual information, I(X;Y) / ((H(X) + H(Y)) / 2) (Danon et al. 2005).
double nmi(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y) {
  const double n = static_cast<double>(x.size());
  std::map<std::uint32_t, double> px, py;
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> pxy;
  for (std::size_t i = 0; i < x.size(); ++i) {
    px[x[i]] += 1 / n;
    py[y[i]] += 1 / n;
    pxy[{x[i], y[i]}] += 1 / n;
  }
  double hx = 0, hy = 0, mutual = 0;
  for (const auto& [label, p] : px) hx -= p * std::log(p);
  for (const auto& [label, p] : py) hy -= p * std::log(p);
  for (const auto& [labels, p] : pxy)
    mutual += p * std::log(p / (px[labels.first] * py[labels.second]));
  return hx + hy == 0 ? 1.0 : 2 * mutual / (hx + hy);
}

// `groups` groups of `size` vertices; each pair inside a group is an edge with
// probability p_in, across groups p_out. Fixed seed, so the graph is the same each run.
HostGraph planted_partition(std::size_t groups, std::size_t size, double p_in, double p_out,
                            std::uint64_t seed, std::vector<std::uint32_t>& truth) {
  HostGraph graph{groups * size, {}};
  truth.resize(graph.vertices);
  for (std::size_t v = 0; v < graph.vertices; ++v) truth[v] = static_cast<std::uint32_t>(v / size);
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> coin(0, 1);
  for (NodeId a = 0; a < graph.vertices; ++a)
    for (NodeId b = a + 1; b < graph.vertices; ++b)
      if (coin(random) < (truth[a] == truth[b] ? p_in : p_out)) graph.edges.push_back({a, b, 1.0});
  return graph;
}

}  // namespace

TEST_CASE("Leiden finds the best known modularity of Zachary's karate club") {
  const HostGraph karate = famous_graph("Zachary");
  REQUIRE(karate.vertices == 34);
  REQUIRE(karate.edges.size() == 78);
  for (std::uint64_t seed : {1, 2, 3}) {
    CommunityOptions options;
    options.seed = seed;
    const Communities found = find_communities(karate, options);
    CHECK(found.modularity == Approx(kKarateBest).margin(0.01));
    CHECK(found.count >= 3);
    CHECK(found.of_host.size() == 34);
  }
}

TEST_CASE("Louvain comes within 0.01 of the karate club's best modularity") {
  CommunityOptions options;
  options.method = CommunityMethod::louvain;
  const Communities found = find_communities(famous_graph("Zachary"), options);
  CHECK(found.modularity == Approx(kKarateBest).margin(0.01));
}

TEST_CASE("communities are numbered by size, largest first, and cover every vertex") {
  const Communities found = find_communities(famous_graph("Zachary"));
  std::vector<std::size_t> size(found.count, 0);
  for (std::uint32_t c : found.of_host) {
    REQUIRE(c < found.count);
    ++size[c];
  }
  CHECK(std::is_sorted(size.rbegin(), size.rend()));
}

TEST_CASE("planted partitions are recovered by Leiden and Louvain (NMI at least 0.9)") {
  std::vector<std::uint32_t> truth;
  const HostGraph graph = planted_partition(5, 40, 0.3, 0.01, 7, truth);
  for (CommunityMethod method : {CommunityMethod::leiden, CommunityMethod::louvain}) {
    CommunityOptions options;
    options.method = method;
    const Communities found = find_communities(graph, options);
    INFO(to_string(method) << " NMI " << nmi(truth, found.of_host));
    CHECK(nmi(truth, found.of_host) >= 0.9);
  }
}

TEST_CASE("the same seed gives the same communities, and the NMI helper is sane") {
  std::vector<std::uint32_t> truth;
  const HostGraph graph = planted_partition(8, 30, 0.15, 0.02, 11, truth);
  CHECK(nmi(truth, truth) == Approx(1.0));
  for (CommunityMethod method : {CommunityMethod::leiden, CommunityMethod::louvain}) {
    CommunityOptions options;
    options.method = method;
    options.seed = 42;
    const Communities first = find_communities(graph, options);
    find_communities(graph, CommunityOptions{.seed = 7});  // move igraph's RNG on
    const Communities second = find_communities(graph, options);
    CHECK(first.of_host == second.of_host);
    CHECK(first.modularity == second.modularity);
  }
}

TEST_CASE("a higher resolution gives more, smaller communities") {
  const HostGraph karate = famous_graph("Zachary");
  CommunityOptions fine;
  fine.resolution = 3.0;
  CHECK(find_communities(karate, fine).count > find_communities(karate).count);
}

TEST_CASE("a graph without edges leaves every vertex alone, modularity 0") {
  const Communities found = find_communities(HostGraph{4, {}});
  CHECK(found.count == 4);
  CHECK(found.modularity == 0);
  CHECK(find_communities(HostGraph{}).count == 0);
}

TEST_CASE("unusable options are usage errors") {
  CommunityOptions bad;
  bad.resolution = 0;
  CHECK_THROWS_AS(find_communities(famous_graph("Zachary"), bad), UsageError);
  CHECK_THROWS_AS(parse_community_method("spectral"), UsageError);
  CHECK_THROWS_AS(famous_graph("NoSuchGraph"), UsageError);
  NetworkBuilder builder;
  builder.add_broadcaster("h1", "h1");
  const Network network = std::move(builder).finish();
  CommunityOptions none;
  none.audience_layer = none.collab_layer = false;
  CHECK_THROWS_AS(find_communities(network, none), UsageError);
  CommunityOptions audience_only;
  audience_only.collab_layer = false;
  CHECK_THROWS_AS(find_communities(network, audience_only), UsageError);
}

TEST_CASE("communities of the generated northeast preset line up mostly with provinces") {
  castgraph::testing::TempDir dir;
  generator::GenerateOptions generate;
  generate.scale = 0.0005;
  generate.seed = 3;
  generator::generate_dataset(*generator::find_preset("northeast"), generate, dir.path());
  const Network network = load_dataset(dir.path()).network;
  REQUIRE(network.follow_count() > 0);

  // All three layers: hosts of one base, their co-streams and their shared fans. (On the
  // audience layer alone, at this scale, about half the hosts sit with their province:
  // the generator's audiences overlap across provinces too.)
  CommunityOptions options;
  options.base_layer = true;
  const Communities found = find_communities(network, options);
  REQUIRE(found.count > 1);
  // Hosts in communities of at least 10 hosts whose dominant province is their own.
  const auto summaries = summarize_communities(network, found);
  std::size_t counted = 0, matching = 0;
  for (const CommunitySummary& summary : summaries) {
    if (summary.size < 10) continue;
    counted += summary.size;
    matching += static_cast<std::size_t>(std::lround(summary.province_share * summary.size));
  }
  INFO(found.count << " communities, modularity " << found.modularity << ", " << matching << " of "
                   << counted << " hosts in their community's province");
  REQUIRE(counted > network.broadcasters.size() / 2);
  CHECK(static_cast<double>(matching) / static_cast<double>(counted) >= 0.85);
}
