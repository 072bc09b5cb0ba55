#include <catch2/catch.hpp>
#include <numeric>
#include <random>

#include "graph/network_builder.hpp"
#include "graph/whole_network.hpp"

using namespace castgraph;

namespace {

// The slow reference: union-find over an explicit edge list of the whole network.
struct UnionFind {
  std::vector<std::uint64_t> parent;
  explicit UnionFind(std::uint64_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::uint64_t root(std::uint64_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  }
  void join(std::uint64_t a, std::uint64_t b) { parent[root(a)] = root(b); }
  std::uint64_t sets() {
    std::uint64_t count = 0;
    for (std::uint64_t v = 0; v < parent.size(); ++v) count += root(v) == v;
    return count;
  }
};

std::uint64_t reference_components(const Network& n) {
  const WholeNetwork g(n);
  UnionFind sets(g.vertex_count());
  for (NodeId fb = 0; fb < n.fanbases.size(); ++fb) {
    sets.join(g.vertex(NodeKind::fanbase, fb),
              g.vertex(NodeKind::broadcaster, n.fanbases.broadcaster[fb]));
    sets.join(g.vertex(NodeKind::fanbase, fb),
              g.vertex(NodeKind::platform, n.fanbases.platform[fb]));
    for (NodeId fan : n.relations.followers.neighbours(fb))
      sets.join(g.vertex(NodeKind::fanbase, fb), g.vertex(NodeKind::fan, fan));
  }
  for (NodeId h = 0; h < n.broadcasters.size(); ++h) {
    if (n.broadcasters.base[h] != kNoNode)
      sets.join(g.vertex(NodeKind::broadcaster, h),
                g.vertex(NodeKind::base, n.broadcasters.base[h]));
    for (NodeId other : n.relations.collab.neighbours(h))
      sets.join(g.vertex(NodeKind::broadcaster, h), g.vertex(NodeKind::broadcaster, other));
  }
  return sets.sets();
}

Network random_network(std::mt19937& random) {
  NetworkBuilder b;
  const int platforms = 1 + random() % 4, bases = random() % 4, hosts = random() % 30,
            fans = random() % 60;
  for (int p = 0; p < platforms; ++p) b.add_platform("p" + std::to_string(p), "");
  for (int s = 0; s < bases; ++s) b.add_base("s" + std::to_string(s), "");
  for (int h = 0; h < hosts; ++h)
    b.add_broadcaster("h" + std::to_string(h), "",
                      bases && random() % 2 ? random() % bases : kNoNode);
  for (int h = 0; h < hosts; ++h)
    for (int p = 0; p < platforms; ++p)
      if (random() % 3 == 0) b.add_fanbase(h, p, random() % 1000);
  for (int f = 0; f < fans; ++f) b.intern_fan("f" + std::to_string(f));
  const auto fanbases = static_cast<NodeId>(b.fanbase_count());
  for (int e = 0; fanbases && e < fans; ++e) b.add_follow(random() % fans, random() % fanbases);
  for (int e = 0; hosts > 1 && e < hosts / 3; ++e) b.add_collab(random() % hosts, random() % hosts);
  return std::move(b).finish();
}

}  // namespace

// p0 - fb0 - h0 - s0      h1 (no fanbase, no base)     fan x (follows nothing)
//       |
//       y
TEST_CASE("components count isolated hosts and fans on their own", "[graph]") {
  NetworkBuilder b;
  const NodeId p = *b.add_platform("p0", "");
  const NodeId s = *b.add_base("s0", "");
  const NodeId h0 = *b.add_broadcaster("h0", "", s);
  b.add_broadcaster("h1", "");
  const NodeId fb = *b.add_fanbase(h0, p, 1);
  b.add_fan("x");
  b.add_follow(b.intern_fan("y"), fb);
  const Network network = std::move(b).finish();
  CHECK(WholeNetwork(network).edge_count() == 4);  // p0-fb0, fb0-h0, h0-s0, fb0-y
  CHECK(count_components(network) == 3);
}

TEST_CASE("an empty network has no components", "[graph]") {
  CHECK(count_components(NetworkBuilder().finish()) == 0);
}

TEST_CASE("BGL connected components agree with union-find on random networks", "[graph]") {
  std::mt19937 random(2026);
  for (int trial = 0; trial < 200; ++trial) {
    const Network network = random_network(random);
    INFO("trial " << trial);
    REQUIRE(count_components(network) == reference_components(network));
  }
}
