// Diagram: what a castgraph picture shows, before any Graphviz syntax. Nodes carry a
// kind (drawn as a shape), a label, a size, a colour and an optional cluster; edges
// carry a width. Builders turn a Network into a Diagram for one view:
//
//   network      the top hosts tied by shared audience and co-streams, with their bases;
//                the other hosts of a base fold into one node per base carrying their
//                count and fans; platforms are summarised in the note
//   hosts        the projected host graph: top hosts, edges by shared audience (from
//                follows) and co-streams; the rest fold into one node per community
//                (when computed) or base
//   communities  one node per community, sized by reach, edges by shared audience
//   ego          a host and the hosts tied to it (shared audience or co-streams), ranked
//                by people shared; hosts further out are counted, not drawn
//
// Summarising keeps large networks readable: the liaoning sample's 12,000 hosts become a
// few dozen top hosts and one folded node per group. render.hpp turns a Diagram into DOT.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "algorithms/communities.hpp"
#include "algorithms/overlap.hpp"
#include "graph/network.hpp"

namespace castgraph::viz {

enum class DiagramView { network, hosts, communities, ego };
enum class ColorBy { community, platform, base, tier, kind };
enum class RankBy { automatic, reach, fans };  // automatic: reach when follows exist

enum class DiagramNodeKind { platform, base, host, folded, community };

struct DiagramNode {
  DiagramNodeKind kind = DiagramNodeKind::host;
  std::string key;          // stable identity: "host:h1", "fold:base:b3", ...
  std::string label;        // plain text, may hold '\n'; escaped when written
  std::string tooltip;      // plain text
  double size = 0.5;        // inches, the node's width
  double font_size = 11;    // points
  std::string color;        // fill, "#RRGGBB"
  int cluster = -1;         // index into Diagram::clusters, -1 for none
  bool emphasised = false;  // the ego of an ego view
  NodeId source = kNoNode;  // the host / base / platform / community it stands for
  std::uint64_t count = 1;  // hosts a folded or community node stands for
  std::uint64_t fans = 0;   // declared fans (summed for folded nodes)
  std::uint64_t reach = 0;  // people reached, when known
  int hop = -1;             // ego view: hops from the ego
};

enum class DiagramEdgeKind { fanbase, member, audience, collab };

struct DiagramEdge {
  std::size_t from = 0, to = 0;  // indices into Diagram::nodes
  DiagramEdgeKind kind = DiagramEdgeKind::audience;
  double width = 1.0;        // pen width in points
  std::uint64_t weight = 0;  // shared people, fans, or co-streams
  std::string tooltip;       // plain text; "" for none
  std::string label;         // drawn on the edge, plain text; "" for none
};

struct DiagramCluster {
  std::string key;
  std::string label;
};

struct LegendEntry {
  std::string label;
  std::string color;
};

struct Diagram {
  std::string title;
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  std::vector<DiagramCluster> clusters;
  std::vector<LegendEntry> legend;  // colour key, in the order shown
  std::string legend_title;         // what the colours mean
  std::string note;                 // summary line, e.g. "top 30 of 12,000 hosts"
};

// The people each community reaches and each pair of communities (a < b) shares: the
// communities view's node sizes and audience edges.
struct CommunityAudience {
  std::vector<std::uint64_t> reach;  // by community
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t> shared;
};

// How counts over fans are completed when a network holds only some of the fans and the
// others hold the rest, each fan in one part (castgraph-mpi's shards): `sum` adds every
// part's counts element-wise, `any` ORs every part's flags, both in place and called by
// every part alike, in the same order. Unset: this network's fans are all the fans.
struct FanTotals {
  std::function<void(std::vector<std::uint64_t>&)> sum;
  std::function<void(std::vector<std::uint8_t>&)> any;
};

struct DiagramOptions {
  DiagramView view = DiagramView::network;
  ColorBy color = ColorBy::base;
  RankBy rank = RankBy::automatic;
  std::size_t top = 30;         // hosts shown individually
  std::size_t max_groups = 12;  // bases / communities kept as groups; the rest fold together
  std::string title;
  std::optional<NodeId> ego;  // the ego host, for view ego
  std::size_t hops = 1;
  std::vector<std::uint64_t> tier_thresholds{100'000, 1'000'000, 10'000'000};
  // Shared-audience edges among drawn hosts are thinned host by host, never by one global
  // cut (algorithms/backbone.hpp): an edge stays when the disparity filter finds it
  // significant at either end (α < backbone_alpha), or when it is among the ties_per_host
  // strongest of either end, so that every drawn host keeps its strongest tie. On the
  // liaoning sample the filter alone split the top hosts into their regional groups
  // (Dalian, Fushun, ...), where top-2 per host tangled them into one knot; the
  // strongest tie is added because the filter can strand a host whose overlap is spread
  // evenly. ties_per_host 0 draws every pair.
  std::size_t ties_per_host = 1;
  double backbone_alpha = 0.05;  // 0: strongest ties only
  // Each host's own reach (per_host_reach, reached_fans.hpp) when the caller has counted it
  // already, as a report has; empty: counted from the follows. Read while building only.
  std::span<const std::uint64_t> host_reach;
  // The whole dataset's follows, when `network` holds only some of its fans
  // (castgraph-mpi's shard); unset: the network's own.
  std::optional<std::uint64_t> follows;
  // The people each pair of the set's hosts shares, when the caller counts them
  // (castgraph-mpi, over its ranks); unset: overlap_matrix over the network's fans.
  std::function<OverlapMatrix(const HostSet&)> shared_audience;
  // Completes the ego view's counts over the network's fans when the network holds only
  // some of them (castgraph-mpi, over its ranks); unset: the network's fans are all.
  FanTotals fan_totals;
  // The communities view's audience, when the caller counts it; unset: community_audience.
  std::function<CommunityAudience(const Communities&)> community_audience;
};

// Builds the diagram for options.view. `communities` is required for view communities
// and colour community, and otherwise used, when given, to cluster the hosts view.
// Throws UsageError for a missing ego or communities. Complexity: O(follows + fanbases
// + hosts log hosts) plus, for edges by shared audience, that of overlap_matrix over the
// shown hosts; the ego view's BFS is O(Σ over visited hosts of their fans' follows).
Diagram build_diagram(const Network& network, const DiagramOptions& options,
                      const Communities* communities = nullptr);

// From this network's fans, in one pass: each fan adds its weight to every community it
// reaches and to every pair of them. O(follows + Σ_f c_f²) for c_f communities of fan f.
CommunityAudience community_audience(const Network& network, const Communities& communities);

// Colours and community numbers come from identity.hpp, the same in every view.
//
// A flag per host: adjacent in the projected host graph to one of `hosts` (a co-stream
// partner, or sharing at least one fan, over all fans as `totals` completes them). The
// flags of `hosts` themselves say nothing: a host with fans flags itself. O(their fans'
// follows + collabs + hosts).
std::vector<std::uint8_t> tied_hosts(const Network& network, std::span<const NodeId> hosts,
                                     const FanTotals& totals = {});

// Hosts adjacent to `host` in the projected host graph: co-stream partners and hosts
// sharing at least one fan. Sorted, without `host`. O(its fans' follows + collabs + hosts).
std::vector<NodeId> host_neighbours(const Network& network, NodeId host,
                                    const FanTotals& totals = {});

}  // namespace castgraph::viz
