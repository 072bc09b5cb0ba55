// The diagram model's shared machinery and the entry point; see diagram.hpp and
// diagram_builder.hpp. Each view is in its own diagram_<view>.cpp.
#include "viz/diagram.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "algorithms/backbone.hpp"
#include "algorithms/overlap.hpp"
#include "algorithms/reached_fans.hpp"
#include "algorithms/tiers.hpp"
#include "graph/errors.hpp"
#include "graph/value_rules.hpp"
#include "viz/chinese_number.hpp"
#include "viz/diagram_builder.hpp"
#include "viz/palette.hpp"

namespace castgraph::viz {

std::vector<std::uint8_t> tied_hosts(const Network& network, std::span<const NodeId> hosts,
                                     const FanTotals& totals) {
  std::vector<std::uint8_t> tied(network.broadcasters.size(), 0);
  for (NodeId host : hosts)
    for (NodeId fanbase : network.relations.owns.neighbours(host))
      for (NodeId fan : network.relations.followers.neighbours(fanbase))
        for (NodeId other : network.relations.follows.neighbours(fan))
          tied[network.fanbases.broadcaster[other]] = 1;
  // Every fan of the hosts counts, wherever it lives: the union over the parts.
  if (totals.any) totals.any(tied);
  for (NodeId host : hosts)
    for (NodeId partner : network.relations.collab.neighbours(host)) tied[partner] = 1;
  return tied;
}

std::vector<NodeId> host_neighbours(const Network& network, NodeId host, const FanTotals& totals) {
  const std::vector<std::uint8_t> tied = tied_hosts(network, std::span(&host, 1), totals);
  std::vector<NodeId> out;
  for (NodeId other = 0; other < tied.size(); ++other)
    if (tied[other] && other != host) out.push_back(other);
  return out;
}

DiagramBuilder::DiagramBuilder(const Network& network, const DiagramOptions& options,
                               const Communities* communities)
    : network_(network), options_(options), communities_(communities), identity_(network) {
  const std::size_t hosts = network.broadcasters.size();
  fans_.resize(hosts);
  for (NodeId host = 0; host < hosts; ++host) fans_[host] = declared_fans(network, host);
  if (has_follows())
    reach_ = options.host_reach.empty()
                 ? per_host_reach(network)
                 : std::vector(options.host_reach.begin(), options.host_reach.end());
  ranked_.resize(hosts);
  std::iota(ranked_.begin(), ranked_.end(), NodeId{0});
  const auto& score = ranks_by_reach() ? reach_ : fans_;
  std::stable_sort(ranked_.begin(), ranked_.end(),
                   [&](NodeId a, NodeId b) { return score[a] > score[b]; });
}

bool DiagramBuilder::ranks_by_reach() const {
  if (options_.rank == RankBy::fans) return false;
  return has_follows();
}

std::vector<NodeId> DiagramBuilder::top_hosts() const {
  const std::size_t count = std::min(options_.top, ranked_.size());
  return {ranked_.begin(), ranked_.begin() + static_cast<std::ptrdiff_t>(count)};
}

std::vector<HostGroup> DiagramBuilder::groups(bool by_community) const {
  std::vector<HostGroup> groups;
  std::vector<std::size_t> index_of;  // group id -> index in groups, kNoIndex until seen
  HostGroup none{kNoNode, "none", by_community ? "无社区 no community" : "无基地 no base", {}, 0};
  for (NodeId host : ranked_) {
    std::uint32_t id = kNoNode;
    if (by_community && communities_) id = communities_->of_host[host];
    if (!by_community) id = network_.broadcasters.base[host];
    HostGroup* group = &none;
    if (id != kNoNode) {
      if (id >= index_of.size()) index_of.resize(id + 1, kNoIndex);
      if (index_of[id] == kNoIndex) {
        index_of[id] = groups.size();
        const Category category = by_community ? identity_.community(id) : identity_.base(id);
        groups.push_back({id, category.key, category.label, {}, 0});
      }
      group = &groups[index_of[id]];
    }
    group->hosts.push_back(host);
    group->fans = saturating_add(group->fans, fans_[host]);
  }
  // Largest first, ties by id: community numbers and base colour slots (identity.hpp).
  std::sort(groups.begin(), groups.end(), [](const HostGroup& a, const HostGroup& b) {
    if (a.hosts.size() != b.hosts.size()) return a.hosts.size() > b.hosts.size();
    return a.id < b.id;
  });
  if (!none.hosts.empty()) groups.push_back(std::move(none));
  return groups;
}

std::vector<char> groups_to_keep(const std::vector<HostGroup>& groups,
                                 const std::vector<char>& is_top, std::size_t max_groups) {
  std::vector<char> keep(groups.size(), 0);
  std::size_t kept = 0;
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (std::any_of(groups[g].hosts.begin(), groups[g].hosts.end(),
                    [&](NodeId host) { return is_top[host] != 0; }))
      keep[g] = 1, ++kept;
  for (std::size_t g = 0; g < groups.size() && kept < max_groups; ++g)
    if (!keep[g]) keep[g] = 1, ++kept;
  return keep;
}

std::string DiagramBuilder::host_label(NodeId host) const {
  std::string label(network_.broadcasters.names[host]);
  label += "\n粉丝 " + chinese_count(fans_[host]);
  if (ranks_by_reach()) label += " · 触达 " + chinese_count(reach_[host]);
  return label;
}

Category DiagramBuilder::category(NodeId host) const {
  switch (options_.color) {
    case ColorBy::community:
      if (!communities_) return {"none", "未计算", kNoSlot};
      return identity_.community(communities_->of_host[host]);
    case ColorBy::platform:
      return identity_.platform(identity_.main_platform(host));
    case ColorBy::base:
      return identity_.base(network_.broadcasters.base[host]);
    case ColorBy::kind:
      return identity_.kind(network_.broadcasters.kind[host]);
    case ColorBy::tier:
      break;
  }
  return {"none", "", kNoSlot};
}

std::optional<Category> DiagramBuilder::group_category(const HostGroup& group,
                                                       bool by_community) const {
  if (by_community ? options_.color != ColorBy::community : options_.color != ColorBy::base)
    return std::nullopt;
  if (group.id == kNoNode)
    return by_community ? std::nullopt : std::optional(identity_.base(kNoNode));
  return by_community ? identity_.community(group.id) : identity_.base(group.id);
}

void DiagramBuilder::colour_later(std::size_t index, Category category) {
  pending_.push_back({index, std::move(category)});
}

std::size_t DiagramBuilder::add_node(DiagramNode node) {
  diagram_.nodes.push_back(std::move(node));
  return diagram_.nodes.size() - 1;
}

int DiagramBuilder::add_cluster(const std::string& key, const std::string& label) {
  diagram_.clusters.push_back({key, label});
  return static_cast<int>(diagram_.clusters.size() - 1);
}

std::size_t DiagramBuilder::add_host(NodeId host, int cluster) {
  const auto& thresholds = options_.tier_thresholds;
  const std::size_t band = tier_band(fans_[host], thresholds);
  DiagramNode node;
  node.kind = DiagramNodeKind::host;
  node.key = fmt::format("host:{}", network_.broadcasters.ids[host]);
  node.label = host_label(host);
  node.tooltip =
      fmt::format("{} ({})", network_.broadcasters.names[host], network_.broadcasters.ids[host]);
  node.size = 0.9 + 0.6 * static_cast<double>(band);
  node.font_size = 10 + 2 * static_cast<double>(band);
  node.cluster = cluster;
  node.source = host;
  node.fans = fans_[host];
  node.reach = reach(host);
  node.color = std::string(kNeutralColor);
  const std::size_t index = add_node(std::move(node));
  if (options_.color == ColorBy::tier) {
    diagram_.nodes[index].color = std::string(sequential_color(band, thresholds.size() + 1));
  } else {
    colour_later(index, category(host));
  }
  return index;
}

std::size_t DiagramBuilder::add_platform(NodeId platform) {
  DiagramNode node;
  node.kind = DiagramNodeKind::platform;
  node.key = fmt::format("platform:{}", network_.platforms.ids[platform]);
  node.label = std::string(network_.platforms.names[platform]);
  const std::uint64_t population = network_.platforms.population[platform];
  if (population != kUnknownCount) node.label += "\n" + chinese_count(population) + " 用户";
  node.tooltip = node.label;
  node.size = 1.2;
  node.font_size = 15;
  node.source = platform;
  node.color = std::string(kNeutralColor);
  const std::size_t index = add_node(std::move(node));
  if (options_.color == ColorBy::platform) colour_later(index, identity_.platform(platform));
  return index;
}

std::size_t DiagramBuilder::add_base(NodeId base, int cluster) {
  DiagramNode node;
  node.kind = DiagramNodeKind::base;
  node.key = fmt::format("base:{}", network_.bases.ids[base]);
  node.label = fmt::format("{}\n{} 位主播", network_.bases.names[base],
                           network_.relations.base_members.degree(base));
  node.tooltip = std::string(network_.bases.names[base]);
  node.size = 1.0;
  node.cluster = cluster;
  node.source = base;
  node.count = network_.relations.base_members.degree(base);
  node.color = std::string(kNeutralColor);
  const std::size_t index = add_node(std::move(node));
  if (options_.color == ColorBy::base) colour_later(index, identity_.base(base));
  return index;
}

std::size_t DiagramBuilder::add_folded(const std::string& key, const std::string& what,
                                       const std::vector<NodeId>& hosts, int cluster,
                                       std::optional<Category> colour) {
  DiagramNode node;
  node.kind = DiagramNodeKind::folded;
  node.key = "fold:" + key;
  node.count = hosts.size();
  for (NodeId host : hosts) {
    node.fans = saturating_add(node.fans, fans_[host]);
    node.reach = saturating_add(node.reach, reach(host));  // gross, an upper bound
  }
  node.label =
      fmt::format("{}\n其他 {} 位主播\n粉丝 {}", what, hosts.size(), chinese_count(node.fans));
  node.tooltip = fmt::format("{}: {} more hosts", what, hosts.size());
  node.size = 0.8 + 0.25 * std::log10(1.0 + static_cast<double>(hosts.size()));
  node.cluster = cluster;
  node.color = std::string(kNeutralColor);
  const std::size_t index = add_node(std::move(node));
  if (colour) colour_later(index, std::move(*colour));
  return index;
}

void DiagramBuilder::add_edge(std::size_t from, std::size_t to, DiagramEdgeKind kind,
                              std::uint64_t weight) {
  if (from == to) return;
  if (kind == DiagramEdgeKind::audience || kind == DiagramEdgeKind::collab)
    if (from > to) std::swap(from, to);  // undirected: one key per pair
  const auto key = std::make_tuple(from, to, kind);
  if (auto found = edge_index_.find(key); found != edge_index_.end()) {
    auto& edge = diagram_.edges[found->second];
    edge.weight = saturating_add(edge.weight, weight);
    return;
  }
  edge_index_.emplace(key, diagram_.edges.size());
  diagram_.edges.push_back({from, to, kind, 1.0, weight, {}, {}});
}

Diagram DiagramBuilder::finish(std::string default_title, std::string note) && {
  diagram_.title = options_.title.empty() ? std::move(default_title) : options_.title;
  diagram_.note = std::move(note);
  static constexpr const char* kColorNames[] = {"社区 community", "主要平台 main platform",
                                                "基地 base", "粉丝档位 tier", "类型 kind"};
  diagram_.legend_title =
      std::string("颜色 colour: ") + kColorNames[static_cast<int>(options_.color)];

  if (options_.color == ColorBy::tier) {
    const auto& thresholds = options_.tier_thresholds;
    for (std::size_t band = 0; band <= thresholds.size(); ++band) {
      std::string name;
      if (band == 0)
        name = "< " + chinese_count(thresholds[0]);
      else
        name = chinese_count(thresholds[band - 1]) + "+";
      diagram_.legend.push_back(
          {"粉丝 " + name, std::string(sequential_color(band, thresholds.size() + 1))});
    }
  } else {
    // Every category drawn, in slot order (the largest of the whole network first), "none"
    // after them; the tail beyond the palette shares one "other" entry.
    std::map<std::size_t, Category> shown;  // slot -> category; kNoSlot sorts last
    for (const Pending& p : pending_) {
      shown.emplace(p.category.slot, p.category);
      diagram_.nodes[p.node].color = category_fill(p.category);
    }
    std::size_t tail = 0;
    for (const auto& [slot, category] : shown)
      if (slot < kCategoryColors)
        diagram_.legend.push_back({category.label, category_fill(category)});
      else if (slot != kNoSlot)
        ++tail;
    if (tail > 0)
      diagram_.legend.push_back({fmt::format("其他 {} 类 other", tail), std::string(kOtherColor)});
    if (shown.count(kNoSlot))
      diagram_.legend.push_back({shown.at(kNoSlot).label, std::string(kNoneColor)});
  }

  for (auto& edge : diagram_.edges)
    if (edge.tooltip.empty() && edge.kind == DiagramEdgeKind::audience)
      edge.tooltip =
          fmt::format("共同受众 {} 人 · {} people follow both", edge.weight, edge.weight);
    else if (edge.tooltip.empty() && edge.kind == DiagramEdgeKind::collab)
      edge.tooltip = fmt::format("连麦 {} 次 · {} co-streams", edge.weight, edge.weight);
  // Widths on a log scale per edge kind, so one huge overlap does not flatten the rest.
  std::map<DiagramEdgeKind, std::uint64_t> heaviest;
  for (const auto& edge : diagram_.edges)
    heaviest[edge.kind] = std::max(heaviest[edge.kind], edge.weight);
  for (auto& edge : diagram_.edges) {
    if (edge.kind == DiagramEdgeKind::member) {
      edge.width = 0.6;
      continue;
    }
    const double top = std::log1p(static_cast<double>(heaviest[edge.kind]));
    edge.width = 0.6 + (top > 0 ? 5.4 * std::log1p(static_cast<double>(edge.weight)) / top : 0);
  }
  return std::move(diagram_);
}

std::vector<char> ties_to_keep(const DiagramOptions& options, std::size_t vertices,
                               std::span<const WeightedEdge> edges) {
  if (options.ties_per_host == 0) return std::vector<char>(edges.size(), 1);
  std::vector<char> keep = strongest_ties(vertices, edges, options.ties_per_host);
  if (options.backbone_alpha > 0) {
    const std::vector<double> alpha = disparity_alpha(vertices, edges);
    for (std::size_t e = 0; e < edges.size(); ++e) keep[e] |= alpha[e] < options.backbone_alpha;
  }
  return keep;
}

std::vector<AudienceTie> audience_ties(const DiagramBuilder& builder,
                                       const std::vector<NodeId>& hosts) {
  std::vector<AudienceTie> ties;
  if (!builder.has_follows() || hosts.size() < 2) return ties;
  const Network& network = builder.network();
  // matrix.hosts is HostSet order, which is the order given.
  const HostSet set = make_host_set(network, hosts);
  const DiagramOptions& options = builder.options();
  const OverlapMatrix matrix =
      options.shared_audience ? options.shared_audience(set) : overlap_matrix(network, set);
  std::vector<WeightedEdge> edges;
  for (std::size_t i = 0; i < matrix.size(); ++i)
    for (std::size_t j = i + 1; j < matrix.size(); ++j)
      if (matrix.at(i, j) > 0)
        edges.push_back(
            {static_cast<NodeId>(i), static_cast<NodeId>(j), static_cast<double>(matrix.at(i, j))});
  const std::vector<char> keep = ties_to_keep(builder.options(), hosts.size(), edges);
  for (std::size_t e = 0; e < edges.size(); ++e)
    if (keep[e]) ties.push_back({edges[e].a, edges[e].b, matrix.at(edges[e].a, edges[e].b)});
  return ties;
}

void add_audience_edges(DiagramBuilder& builder, const std::vector<NodeId>& hosts,
                        const std::vector<std::size_t>& nodes) {
  for (const AudienceTie& tie : audience_ties(builder, hosts))
    builder.add_edge(nodes[tie.i], nodes[tie.j], DiagramEdgeKind::audience, tie.shared);
}

void add_collab_edges(DiagramBuilder& builder, const std::vector<std::size_t>& node_of) {
  const Network& network = builder.network();
  const Csr& collab = network.relations.collab;
  for (NodeId a = 0; a < collab.rows(); ++a) {
    if (node_of[a] == kNoIndex) continue;
    const auto partners = collab.neighbours(a);
    const std::uint64_t begin = collab.offsets()[a];
    for (std::size_t k = 0; k < partners.size(); ++k) {
      const NodeId b = partners[k];
      if (b <= a || node_of[b] == kNoIndex) continue;
      const double weight = network.relations.collab_weight.empty()
                                ? 1.0
                                : network.relations.collab_weight[begin + k];
      builder.add_edge(node_of[a], node_of[b], DiagramEdgeKind::collab,
                       std::max<std::uint64_t>(1, rounded_count(weight)));
    }
  }
}

Diagram build_diagram(const Network& network, const DiagramOptions& options,
                      const Communities* communities) {
  if (options.top == 0) throw UsageError({Parameter{"top"}, " must be at least 1"});
  const bool needs_communities =
      options.view == DiagramView::communities || options.color == ColorBy::community;
  if (needs_communities && !communities)
    throw UsageError("this view or colouring needs communities, which were not computed");
  if (communities && communities->of_host.size() != network.broadcasters.size())
    throw UsageError("the communities do not belong to this network");
  DiagramBuilder builder(network, options, communities);
  switch (options.view) {
    case DiagramView::network:
      return build_network_view(std::move(builder));
    case DiagramView::hosts:
      return build_hosts_view(std::move(builder));
    case DiagramView::communities:
      return build_communities_view(std::move(builder));
    case DiagramView::ego:
      return build_ego_view(std::move(builder));
  }
  throw UsageError("unknown view");
}

}  // namespace castgraph::viz
