// Internal to viz/: the shared machinery of the diagram views (diagram.hpp) — ranking
// hosts, grouping and folding them, sizing, colouring and the legend. Each view lives in
// its own file (diagram_network.cpp, diagram_hosts.cpp, diagram_communities.cpp,
// diagram_ego.cpp) and uses a DiagramBuilder.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "viz/diagram.hpp"

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
  bool has_follows() const { return network_.follow_count() > 0; }
  bool ranks_by_reach() const;

  std::uint64_t fans(NodeId host) const { return fans_[host]; }
  std::uint64_t reach(NodeId host) const { return reach_.empty() ? 0 : reach_[host]; }
  // Hosts best first: by reach or fans (options.rank), ties by id.
  const std::vector<NodeId>& ranked() const { return ranked_; }
  // The first options.top of ranked().
  std::vector<NodeId> top_hosts() const;

  // Hosts grouped by community (when `by_community`) or base, groups by summed fans.
  std::vector<HostGroup> groups(bool by_community) const;

  // Adds a node; returns its index. Hosts get label, size and colour from the options.
  std::size_t add_host(NodeId host, int cluster = -1);
  std::size_t add_platform(NodeId platform);
  std::size_t add_base(NodeId base, int cluster = -1);
  std::size_t add_folded(const std::string& key, const std::string& what,
                         const std::vector<NodeId>& hosts, int cluster,
                         const std::string& color_key = {}, const std::string& color_label = {});
  std::size_t add_node(DiagramNode node);
  int add_cluster(const std::string& key, const std::string& label);
  // Adds an edge; parallel edges of one kind between the same two nodes merge.
  void add_edge(std::size_t from, std::size_t to, DiagramEdgeKind kind, std::uint64_t weight);

  // Colours every node queued for a category (the seven most common categories get
  // their own colour, the rest share grey), scales edge widths, fills the legend, and
  // hands over the diagram.
  Diagram finish(std::string default_title, std::string note) &&;

  // The category of a host under options.color: a key and a label.
  std::pair<std::string, std::string> category(NodeId host) const;
  // Queues node `index` for colouring as category (key, label).
  void colour_later(std::size_t index, std::string key, std::string label);

  std::string host_label(NodeId host) const;

 private:
  const Network& network_;
  const DiagramOptions& options_;
  const Communities* communities_;
  std::vector<std::uint64_t> fans_;
  std::vector<std::uint64_t> reach_;
  std::vector<NodeId> ranked_;
  Diagram diagram_;
  struct Pending {
    std::size_t node;
    std::string key, label;
  };
  std::vector<Pending> pending_;
  std::map<std::tuple<std::size_t, std::size_t, DiagramEdgeKind>, std::size_t> edge_index_;
};

// The views, one per file.
Diagram build_network_view(DiagramBuilder builder);
Diagram build_hosts_view(DiagramBuilder builder);
Diagram build_communities_view(DiagramBuilder builder);
Diagram build_ego_view(DiagramBuilder builder);

// Adds shared-audience edges among `shown` hosts (node indices parallel to `hosts`),
// keeping the `keep` pairs sharing the most people; needs follows.
void add_audience_edges(DiagramBuilder& builder, const std::vector<NodeId>& hosts,
                        const std::vector<std::size_t>& nodes, std::size_t keep);

// Adds co-stream edges between the nodes that stand for hosts (node_of[host], or
// kNoIndex for hosts not drawn), merging those of folded nodes.
inline constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
void add_collab_edges(DiagramBuilder& builder, const std::vector<std::size_t>& node_of);

}  // namespace castgraph::viz
