// Diagrams: summarising keeps every host exactly once, the ego view holds exactly the
// N-hop neighbourhood, the communities view's reach is the exact reach.
#include <catch2/catch.hpp>

#include <algorithm>
#include <queue>
#include <set>

#include "algorithms/reach.hpp"
#include "algorithms/reached_fans.hpp"
#include "loaders/dataset_loader.hpp"
#include "viz/diagram.hpp"
#include "viz/render.hpp"

using namespace castgraph;
using namespace castgraph::viz;

namespace {

const Network& tiny() {
  static const Network network = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/tiny").network;
  return network;
}

const Network& liaoning() {
  static const Network network = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/liaoning").network;
  return network;
}

// Hosts counted by a diagram: one per host node plus each folded node's count.
std::uint64_t hosts_drawn(const Diagram& diagram) {
  std::uint64_t total = 0;
  for (const auto& node : diagram.nodes) {
    if (node.kind == DiagramNodeKind::host) ++total;
    if (node.kind == DiagramNodeKind::folded) total += node.count;
  }
  return total;
}

// The slow reference: adjacency from raw follows and collabs (hosts sharing a fan, or
// co-streaming), then a plain BFS to `hops`.
std::set<NodeId> reference_neighbourhood(const Network& network, NodeId ego, std::size_t hops) {
  const std::size_t hosts = network.broadcasters.size();
  std::vector<std::set<NodeId>> fans_of(hosts);
  std::vector<std::set<NodeId>> hosts_of(network.fans.size());
  for (NodeId fan = 0; fan < network.fans.size(); ++fan)
    for (NodeId fanbase : network.relations.follows.neighbours(fan)) {
      const NodeId host = network.fanbases.broadcaster[fanbase];
      fans_of[host].insert(fan);
      hosts_of[fan].insert(host);
    }
  std::vector<std::size_t> distance(hosts, SIZE_MAX);
  std::queue<NodeId> queue;
  distance[ego] = 0;
  queue.push(ego);
  std::set<NodeId> seen{ego};
  while (!queue.empty()) {
    const NodeId host = queue.front();
    queue.pop();
    if (distance[host] == hops) continue;
    std::set<NodeId> next(network.relations.collab.neighbours(host).begin(),
                          network.relations.collab.neighbours(host).end());
    for (NodeId fan : fans_of[host]) next.insert(hosts_of[fan].begin(), hosts_of[fan].end());
    for (NodeId other : next)
      if (distance[other] == SIZE_MAX) {
        distance[other] = distance[host] + 1;
        seen.insert(other);
        queue.push(other);
      }
  }
  return seen;
}

std::set<NodeId> drawn_hosts(const Diagram& diagram) {
  std::set<NodeId> hosts;
  for (const auto& node : diagram.nodes)
    if (node.kind == DiagramNodeKind::host) hosts.insert(node.source);
  return hosts;
}

}  // namespace

TEST_CASE("the network view draws the top hosts and folds the rest, each host once", "[viz]") {
  DiagramOptions options;
  options.top = 30;
  const Diagram diagram = build_diagram(liaoning(), options);
  CHECK(hosts_drawn(diagram) == liaoning().broadcasters.size());
  CHECK(drawn_hosts(diagram).size() == 30);
  CHECK(std::count_if(diagram.nodes.begin(), diagram.nodes.end(), [](const auto& node) {
          return node.kind == DiagramNodeKind::platform;
        }) == static_cast<long>(liaoning().platforms.size()));
  CHECK(diagram.nodes.size() < 200);  // readable: a few dozen hosts and one node per group
  CHECK(!diagram.legend.empty());
}

TEST_CASE("the hosts view keeps every host once and draws shared-audience edges", "[viz]") {
  DiagramOptions options;
  options.view = DiagramView::hosts;
  options.top = 40;
  const Diagram diagram = build_diagram(liaoning(), options);
  CHECK(hosts_drawn(diagram) == liaoning().broadcasters.size());
  CHECK(std::any_of(diagram.edges.begin(), diagram.edges.end(),
                    [](const auto& edge) { return edge.kind == DiagramEdgeKind::audience; }));
}

TEST_CASE("the ego view holds exactly the N-hop neighbourhood", "[viz]") {
  DiagramOptions options;
  options.view = DiagramView::ego;
  options.top = 1'000'000;  // nothing folds
  SECTION("tiny, every host, one to three hops") {
    for (NodeId ego = 0; ego < tiny().broadcasters.size(); ++ego)
      for (std::size_t hops = 1; hops <= 3; ++hops) {
        INFO("ego " << tiny().broadcasters.ids[ego] << " hops " << hops);
        options.ego = ego;
        options.hops = hops;
        CHECK(drawn_hosts(build_diagram(tiny(), options)) ==
              reference_neighbourhood(tiny(), ego, hops));
      }
  }
  SECTION("liaoning, the top host, one hop") {
    options.ego = 0;
    options.hops = 1;
    CHECK(drawn_hosts(build_diagram(liaoning(), options)) ==
          reference_neighbourhood(liaoning(), 0, 1));
  }
  SECTION("liaoning, two hops, folded beyond 25 hosts: drawn plus folded is the neighbourhood") {
    options.ego = 0;
    options.hops = 2;
    options.top = 25;
    const Diagram diagram = build_diagram(liaoning(), options);
    const auto reference = reference_neighbourhood(liaoning(), 0, 2);
    CHECK(hosts_drawn(diagram) == reference.size());
    const auto drawn = drawn_hosts(diagram);
    CHECK(drawn.size() == std::min<std::size_t>(25, reference.size()));
    CHECK(std::includes(reference.begin(), reference.end(), drawn.begin(), drawn.end()));
    CHECK(drawn.count(0) == 1);
  }
}

TEST_CASE("the ego view needs an ego, and colour by community needs communities", "[viz]") {
  DiagramOptions options;
  options.view = DiagramView::ego;
  CHECK_THROWS_AS(build_diagram(tiny(), options), UsageError);
  options.view = DiagramView::network;
  options.color = ColorBy::community;
  CHECK_THROWS_AS(build_diagram(tiny(), options), UsageError);
}

// Communities by hand: {h1, h2} and {h3 .. h8}.
TEST_CASE("a community node's reach is the exact reach of its hosts", "[viz]") {
  Communities communities;
  communities.count = 2;
  communities.of_host.assign(tiny().broadcasters.size(), 1);
  const NodeId h1 = *tiny().broadcasters.ids.find("h1"), h2 = *tiny().broadcasters.ids.find("h2");
  communities.of_host[h1] = communities.of_host[h2] = 0;
  DiagramOptions options;
  options.view = DiagramView::communities;
  options.color = ColorBy::community;
  const Diagram diagram = build_diagram(tiny(), options, &communities);
  REQUIRE(diagram.nodes.size() == 2);
  for (const auto& node : diagram.nodes) {
    std::vector<NodeId> members;
    for (NodeId host = 0; host < tiny().broadcasters.size(); ++host)
      if (communities.of_host[host] == node.source) members.push_back(host);
    CHECK(node.reach == reach(tiny(), members).unique_reach);
    CHECK(node.count == members.size());
  }
  CHECK(diagram.nodes[0].reach == 1007);  // h1 and h2, by samples/tiny/README.md
  REQUIRE(diagram.edges.size() == 1);     // f02, f03, f07, f15 ... follow both sides
  CHECK(diagram.edges[0].kind == DiagramEdgeKind::audience);
}

TEST_CASE("building a diagram twice gives the same DOT", "[viz]") {
  for (DiagramView view : {DiagramView::network, DiagramView::hosts}) {
    DiagramOptions options;
    options.view = view;
    options.color = ColorBy::platform;
    CHECK(to_dot(build_diagram(liaoning(), options)) == to_dot(build_diagram(liaoning(), options)));
  }
}

TEST_CASE("host labels give fans the Chinese way", "[viz]") {
  DiagramOptions options;
  options.rank = RankBy::fans;
  const Diagram diagram = build_diagram(tiny(), options);
  const auto h1 = std::find_if(diagram.nodes.begin(), diagram.nodes.end(),
                               [](const auto& node) { return node.key == "host:h1"; });
  REQUIRE(h1 != diagram.nodes.end());
  CHECK(h1->label.find("1030万") != std::string::npos);
}

TEST_CASE("a diagram ranks hosts by the own reach it is given instead of counting it", "[viz]") {
  DiagramOptions options;
  options.top = 3;
  const Diagram counted = build_diagram(tiny(), options);
  const std::vector<std::uint64_t> own = per_host_reach(tiny());
  options.host_reach = own;
  CHECK(to_dot(build_diagram(tiny(), options)) == to_dot(counted));
  // Given reach that reverses the order, the last hosts are the top ones.
  std::vector<std::uint64_t> reversed(tiny().broadcasters.size());
  for (NodeId h = 0; h < reversed.size(); ++h) reversed[h] = 1000 + h;
  options.host_reach = reversed;
  const std::set<NodeId> last_three{static_cast<NodeId>(reversed.size() - 1),
                                    static_cast<NodeId>(reversed.size() - 2),
                                    static_cast<NodeId>(reversed.size() - 3)};
  CHECK(drawn_hosts(build_diagram(tiny(), options)) == last_three);
}
