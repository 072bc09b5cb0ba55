// Diagrams: summarising keeps every host exactly once, the ego view draws only hosts tied
// to its centre, every drawn host keeps its strongest tie, a base keeps its colour across
// views, the communities view's reach is the exact reach.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <queue>
#include <set>

#include "algorithms/host_set.hpp"
#include "algorithms/overlap.hpp"
#include "algorithms/reach.hpp"
#include "algorithms/reached_fans.hpp"
#include "loaders/dataset_loader.hpp"
#include "support/samples.hpp"
#include "viz/diagram.hpp"
#include "viz/palette.hpp"
#include "viz/render.hpp"

using namespace castgraph;
using namespace castgraph::viz;
using castgraph::testing::liaoning_network;
using castgraph::testing::tiny_network;

namespace {

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
  const Diagram diagram = build_diagram(liaoning_network(), options);
  CHECK(hosts_drawn(diagram) == liaoning_network().broadcasters.size());
  CHECK(drawn_hosts(diagram).size() == 30);
  CHECK(diagram.nodes.size() < 200);  // readable: a few dozen hosts and one node per group
  CHECK(!diagram.legend.empty());
}

TEST_CASE("the network view summarises platforms in its note instead of drawing spokes", "[viz]") {
  const Diagram diagram = build_diagram(liaoning_network(), DiagramOptions{});
  CHECK(std::none_of(diagram.nodes.begin(), diagram.nodes.end(),
                     [](const auto& node) { return node.kind == DiagramNodeKind::platform; }));
  CHECK(std::none_of(diagram.edges.begin(), diagram.edges.end(),
                     [](const auto& edge) { return edge.kind == DiagramEdgeKind::fanbase; }));
  for (NodeId p = 0; p < liaoning_network().platforms.size(); ++p)
    CHECK_THAT(diagram.note, Catch::Contains(std::string(liaoning_network().platforms.names[p])));
  // Host–host ties carry the picture: more audience edges than membership lines to bases.
  const auto count = [&](DiagramEdgeKind kind) {
    return std::count_if(diagram.edges.begin(), diagram.edges.end(),
                         [&](const auto& edge) { return edge.kind == kind; });
  };
  CHECK(count(DiagramEdgeKind::audience) >= 30);
}

// For every drawn host, the drawn host it shares the most people with (by overlap_matrix,
// tested against brute force in test_overlap.cpp) must be joined to it by an audience edge.
static void check_strongest_ties_kept(const Diagram& diagram) {
  std::vector<NodeId> hosts;
  std::map<NodeId, std::size_t> node_of;
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i)
    if (diagram.nodes[i].kind == DiagramNodeKind::host) {
      hosts.push_back(diagram.nodes[i].source);
      node_of[diagram.nodes[i].source] = i;
    }
  std::set<std::pair<std::size_t, std::size_t>> audience;
  for (const auto& edge : diagram.edges)
    if (edge.kind == DiagramEdgeKind::audience)
      audience.insert({std::min(edge.from, edge.to), std::max(edge.from, edge.to)});
  const OverlapMatrix matrix =
      overlap_matrix(liaoning_network(), make_host_set(liaoning_network(), hosts));
  REQUIRE(matrix.hosts == hosts);
  for (std::size_t i = 0; i < hosts.size(); ++i) {
    std::uint64_t best = 0;
    for (std::size_t j = 0; j < hosts.size(); ++j)
      if (j != i) best = std::max(best, matrix.at(i, j));
    if (best == 0) continue;
    bool kept = false;  // any of the partners sharing `best` (ties may go either way)
    for (std::size_t j = 0; j < hosts.size(); ++j) {
      const std::size_t a = node_of[hosts[i]], b = node_of[hosts[j]];
      if (j != i && matrix.at(i, j) == best)
        kept = kept || audience.count({std::min(a, b), std::max(a, b)}) > 0;
    }
    INFO("host " << liaoning_network().broadcasters.names[hosts[i]] << " best " << best);
    CHECK(kept);
  }
}

TEST_CASE("every drawn host keeps at least its strongest tie, in the network and hosts views",
          "[viz]") {
  for (DiagramView view : {DiagramView::network, DiagramView::hosts})
    for (std::size_t top : {10, 30, 60}) {
      INFO("view " << static_cast<int>(view) << " top " << top);
      DiagramOptions options;
      options.view = view;
      options.top = top;
      const Diagram diagram = build_diagram(liaoning_network(), options);
      check_strongest_ties_kept(diagram);
      // Thinned host by host: far fewer than every pair, but no fewer than the hosts.
      const auto audience =
          std::count_if(diagram.edges.begin(), diagram.edges.end(),
                        [](const auto& e) { return e.kind == DiagramEdgeKind::audience; });
      CHECK(audience < static_cast<long>(top * (top - 1) / 4));
      CHECK(audience >= static_cast<long>(top / 2));
    }
}

TEST_CASE("a base has one colour in every view, and colours go to the largest bases", "[viz]") {
  // Bases by members, largest first, ties by dataset order: the first seven get the palette.
  const Network& network = liaoning_network();
  std::vector<NodeId> order(network.bases.size());
  std::iota(order.begin(), order.end(), NodeId{0});
  std::stable_sort(order.begin(), order.end(), [&](NodeId a, NodeId b) {
    return network.relations.base_members.degree(a) > network.relations.base_members.degree(b);
  });
  std::map<NodeId, std::string> expected;
  for (std::size_t rank = 0; rank < order.size(); ++rank)
    expected[order[rank]] = rank < 7 ? std::string(category_color(rank)) : "#BBBBBB";
  std::map<NodeId, std::set<std::string>> seen;  // base -> colours its hosts were drawn in
  for (DiagramView view : {DiagramView::network, DiagramView::hosts})
    for (std::size_t top : {20, 80}) {
      DiagramOptions options;
      options.view = view;
      options.top = top;
      options.color = ColorBy::base;
      for (const auto& node : build_diagram(network, options).nodes)
        if (node.kind == DiagramNodeKind::host) {
          const NodeId base = network.broadcasters.base[node.source];
          seen[base].insert(node.color);
          CHECK(node.color == (base == kNoNode ? "#FFFFFF" : expected[base]));
        }
    }
  for (const auto& [base, colours] : seen) CHECK(colours.size() == 1);
}

TEST_CASE("the hosts view keeps every host once and draws shared-audience edges", "[viz]") {
  DiagramOptions options;
  options.view = DiagramView::hosts;
  options.top = 40;
  const Diagram diagram = build_diagram(liaoning_network(), options);
  CHECK(hosts_drawn(diagram) == liaoning_network().broadcasters.size());
  CHECK(std::any_of(diagram.edges.begin(), diagram.edges.end(),
                    [](const auto& edge) { return edge.kind == DiagramEdgeKind::audience; }));
}

// People following both `a` and each other host, by brute force over fan → host sets.
static std::map<NodeId, std::uint64_t> reference_shared(const Network& network, NodeId a) {
  std::map<NodeId, std::uint64_t> shared;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    std::set<NodeId> hosts;
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      hosts.insert(network.fanbases.broadcaster[fanbase]);
    if (!hosts.count(a)) continue;
    for (NodeId host : hosts)
      if (host != a) shared[host] += network.fans.weight(fan);
  }
  return shared;
}

// Every node but the centre has an edge to the centre; drawn and folded hosts together are
// exactly the hosts tied to it; audience edges to the centre carry the shared people.
static void check_honest_ego(const Network& network, NodeId ego, const Diagram& diagram) {
  std::size_t centre = diagram.nodes.size();
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i)
    if (diagram.nodes[i].emphasised) centre = i;
  REQUIRE(centre < diagram.nodes.size());
  CHECK(diagram.nodes[centre].source == ego);
  std::set<std::size_t> tied_to_centre;
  for (const auto& edge : diagram.edges)
    if (edge.from == centre || edge.to == centre)
      tied_to_centre.insert(edge.from == centre ? edge.to : edge.from);
  const auto shared = reference_shared(network, ego);
  std::uint64_t least_drawn = UINT64_MAX;
  for (std::size_t i = 0; i < diagram.nodes.size(); ++i) {
    if (i == centre) continue;
    INFO("node " << diagram.nodes[i].label);
    CHECK(tied_to_centre.count(i) == 1);  // no node floats
    if (diagram.nodes[i].kind == DiagramNodeKind::host) {
      const auto found = shared.find(diagram.nodes[i].source);
      least_drawn = std::min(least_drawn, found == shared.end() ? 0 : found->second);
    }
  }
  for (const auto& edge : diagram.edges)
    if (edge.kind == DiagramEdgeKind::audience && (edge.from == centre || edge.to == centre)) {
      const NodeId other = diagram.nodes[edge.from == centre ? edge.to : edge.from].source;
      CHECK(edge.weight == shared.at(other));
      CHECK_FALSE(edge.label.empty());
    }
  // Ranked by shared people: nobody folded away shares more than the least drawn.
  std::set<NodeId> drawn = drawn_hosts(diagram);
  for (const auto& [host, people] : shared)
    if (!drawn.count(host)) CHECK(people <= least_drawn);
  // Drawn plus folded is exactly the one-hop neighbourhood.
  CHECK(hosts_drawn(diagram) == reference_neighbourhood(network, ego, 1).size());
  const auto reference = reference_neighbourhood(network, ego, 1);
  CHECK(std::includes(reference.begin(), reference.end(), drawn.begin(), drawn.end()));
}

TEST_CASE("the ego view draws only hosts tied to the centre, ranked by shared people", "[viz]") {
  DiagramOptions options;
  options.view = DiagramView::ego;
  SECTION("tiny, every host, nothing folded, one to three hops") {
    options.top = 1'000'000;
    for (NodeId ego = 0; ego < tiny_network().broadcasters.size(); ++ego)
      for (std::size_t hops = 1; hops <= 3; ++hops) {
        INFO("ego " << tiny_network().broadcasters.ids[ego] << " hops " << hops);
        options.ego = ego;
        options.hops = hops;
        const Diagram diagram = build_diagram(tiny_network(), options);
        auto expected = reference_neighbourhood(tiny_network(), ego, 1);
        CHECK(drawn_hosts(diagram) == expected);
        check_honest_ego(tiny_network(), ego, diagram);
        // Further hops are counted in the note, not drawn.
        if (hops > 1)
          CHECK_THAT(diagram.note,
                     Catch::Contains(std::to_string(
                         reference_neighbourhood(tiny_network(), ego, hops).size() - 1)));
      }
  }
  SECTION("liaoning, h635 (程飞), 25 drawn and the rest folded") {
    const NodeId ego = *liaoning_network().broadcasters.ids.find("h635");
    options.ego = ego;
    options.top = 25;
    const Diagram diagram = build_diagram(liaoning_network(), options);
    CHECK(drawn_hosts(diagram).size() == 26);  // the centre and 25 tied hosts
    check_honest_ego(liaoning_network(), ego, diagram);
  }
}

TEST_CASE("the ego view needs an ego, and colour by community needs communities", "[viz]") {
  DiagramOptions options;
  options.view = DiagramView::ego;
  CHECK_THROWS_AS(build_diagram(tiny_network(), options), UsageError);
  options.view = DiagramView::network;
  options.color = ColorBy::community;
  CHECK_THROWS_AS(build_diagram(tiny_network(), options), UsageError);
}

// Communities by hand: {h1, h2} and {h3 .. h8}.
TEST_CASE("a community node's reach is the exact reach of its hosts", "[viz]") {
  Communities communities;
  communities.count = 2;
  communities.of_host.assign(tiny_network().broadcasters.size(), 1);
  const NodeId h1 = *tiny_network().broadcasters.ids.find("h1"),
               h2 = *tiny_network().broadcasters.ids.find("h2");
  communities.of_host[h1] = communities.of_host[h2] = 0;
  DiagramOptions options;
  options.view = DiagramView::communities;
  options.color = ColorBy::community;
  const Diagram diagram = build_diagram(tiny_network(), options, &communities);
  REQUIRE(diagram.nodes.size() == 2);
  for (const auto& node : diagram.nodes) {
    std::vector<NodeId> members;
    for (NodeId host = 0; host < tiny_network().broadcasters.size(); ++host)
      if (communities.of_host[host] == node.source) members.push_back(host);
    CHECK(node.reach == reach(tiny_network(), members).unique_reach);
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
    CHECK(to_dot(build_diagram(liaoning_network(), options)) ==
          to_dot(build_diagram(liaoning_network(), options)));
  }
}

TEST_CASE("host labels give fans the Chinese way", "[viz]") {
  DiagramOptions options;
  options.rank = RankBy::fans;
  const Diagram diagram = build_diagram(tiny_network(), options);
  const auto h1 = std::find_if(diagram.nodes.begin(), diagram.nodes.end(),
                               [](const auto& node) { return node.key == "host:h1"; });
  REQUIRE(h1 != diagram.nodes.end());
  CHECK(h1->label.find("1030万") != std::string::npos);
}

TEST_CASE("a diagram ranks hosts by the own reach it is given instead of counting it", "[viz]") {
  DiagramOptions options;
  options.top = 3;
  const Diagram counted = build_diagram(tiny_network(), options);
  const std::vector<std::uint64_t> own = per_host_reach(tiny_network());
  options.host_reach = own;
  CHECK(to_dot(build_diagram(tiny_network(), options)) == to_dot(counted));
  // Given reach that reverses the order, the last hosts are the top ones.
  std::vector<std::uint64_t> reversed(tiny_network().broadcasters.size());
  for (NodeId h = 0; h < reversed.size(); ++h) reversed[h] = 1000 + h;
  options.host_reach = reversed;
  const std::set<NodeId> last_three{static_cast<NodeId>(reversed.size() - 1),
                                    static_cast<NodeId>(reversed.size() - 2),
                                    static_cast<NodeId>(reversed.size() - 3)};
  CHECK(drawn_hosts(build_diagram(tiny_network(), options)) == last_three);
}
