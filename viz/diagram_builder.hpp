// Internal to viz/: the shared machinery of the diagram views (diagram.hpp) — ranking
// hosts, grouping and folding them, sizing, colouring and the legend. Each view lives in
// its own file (diagram_network.cpp, diagram_hosts.cpp, diagram_communities.cpp,
// diagram_ego.cpp) and uses a DiagramBuilder.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "algorithms/projection.hpp"
#include "viz/diagram.hpp"
#include "viz/identity.hpp"

namespace castgraph::viz {

// A group of hosts that folds into one node: a base, a community, or "none".
struct HostGroup {
  std::uint32_t id = kNoNode;  // base or community id; kNoNode for "no base"
  std::string key;             // "base:b3", "community:2", "none"
  std::string name;            // shown as the cluster label
  std::vector<NodeId> hosts;   // members, best ranked first
  std::uint64_t fans = 0;
};

class DiagramBuilder {
 public:
  DiagramBuilder(const Network& network, const DiagramOptions& options,
                 const Communities* communities);

  const Network& network() const { return network_; }
  const DiagramOptions& options() const { return options_; }
  const Communities* communities() const { return communities_; }
  bool has_follows() const {
    return options_.follows ? *options_.follows > 0 : network_.follow_count() > 0;
  }
  bool ranks_by_reach() const;

  std::uint64_t fans(NodeId host) const { return fans_[host]; }
  std::uint64_t reach(NodeId host) const { return reach_.empty() ? 0 : reach_[host]; }
  // Hosts best first: by reach or fans (options.rank), ties by id.
  const std::vector<NodeId>& ranked() const { return ranked_; }
  // The first options.top of ranked().
  std::vector<NodeId> top_hosts() const;

  // Hosts grouped by community (when `by_community`) or base, the largest group (most
  // hosts) first, as numbered and coloured everywhere (identity.hpp); "none" last.
  std::vector<HostGroup> groups(bool by_community) const;
  const EntityIdentity& identity() const { return identity_; }

  // Adds a node; returns its index. Hosts get label, size and colour from the options.
  std::size_t add_host(NodeId host, int cluster = -1);
  std::size_t add_platform(NodeId platform);
  std::size_t add_base(NodeId base, int cluster = -1);
  // A node standing for `hosts`; coloured as `colour` when given.
  std::size_t add_folded(const std::string& key, const std::string& what,
                         const std::vector<NodeId>& hosts, int cluster,
                         std::optional<Category> colour = std::nullopt);
  std::size_t add_node(DiagramNode node);
  int add_cluster(const std::string& key, const std::string& label);
  // Adds an edge; parallel edges of one kind between the same two nodes merge.
  void add_edge(std::size_t from, std::size_t to, DiagramEdgeKind kind, std::uint64_t weight);

  // Colours every node queued for a category by its identity (identity.hpp: the
  // largest groups of the whole network get their own colour, the tail shares grey),
  // scales edge widths, fills the legend, and hands over the diagram.
  Diagram finish(std::string default_title, std::string note) &&;

  // The category of a host under options.color.
  Category category(NodeId host) const;
  // The category a group stands for when the colouring is by that kind of group.
  std::optional<Category> group_category(const HostGroup& group, bool by_community) const;
  // Queues node `index` for colouring as `category`.
  void colour_later(std::size_t index, Category category);

  std::string host_label(NodeId host) const;

 private:
  const Network& network_;
  const DiagramOptions& options_;
  const Communities* communities_;
  EntityIdentity identity_;
  std::vector<std::uint64_t> fans_;
  std::vector<std::uint64_t> reach_;
  std::vector<NodeId> ranked_;
  Diagram diagram_;
  struct Pending {
    std::size_t node;
    Category category;
  };
  std::vector<Pending> pending_;
  std::map<std::tuple<std::size_t, std::size_t, DiagramEdgeKind>, std::size_t> edge_index_;
};

// The views, one per file.
Diagram build_network_view(DiagramBuilder builder);
Diagram build_hosts_view(DiagramBuilder builder);
Diagram build_communities_view(DiagramBuilder builder);
Diagram build_ego_view(DiagramBuilder builder);

// Which groups get a cluster of their own: every group holding a top host, then the
// largest others while fewer than max_groups are kept. `groups` is largest first.
std::vector<char> groups_to_keep(const std::vector<HostGroup>& groups,
                                 const std::vector<char>& is_top, std::size_t max_groups);

// Which of `edges` (over vertices 0..vertices-1) a diagram draws: those the disparity
// filter finds significant at either end, and each vertex's ties_per_host strongest
// (DiagramOptions; algorithms/backbone.hpp); all of them when ties_per_host is 0.
std::vector<char> ties_to_keep(const DiagramOptions& options, std::size_t vertices,
                               std::span<const WeightedEdge> edges);

// A shared-audience tie between hosts[i] and hosts[j] of a list: people following both.
struct AudienceTie {
  std::size_t i = 0, j = 0;  // i < j
  std::uint64_t shared = 0;
};

// The shared-audience ties among `hosts`, thinned per host as the options ask
// (ties_per_host, backbone_alpha; backbone.hpp); empty without follows.
std::vector<AudienceTie> audience_ties(const DiagramBuilder& builder,
                                       const std::vector<NodeId>& hosts);

// Adds audience_ties(hosts) as edges between `nodes` (node indices parallel to `hosts`).
void add_audience_edges(DiagramBuilder& builder, const std::vector<NodeId>& hosts,
                        const std::vector<std::size_t>& nodes);

// Adds co-stream edges between the nodes that stand for hosts (node_of[host], or
// kNoIndex for hosts not drawn), merging those of folded nodes.
inline constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
void add_collab_edges(DiagramBuilder& builder, const std::vector<std::size_t>& node_of);

}  // namespace castgraph::viz
