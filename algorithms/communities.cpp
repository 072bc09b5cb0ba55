#include "algorithms/communities.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "graph/errors.hpp"
#include "igraph_bridge.hpp"

namespace castgraph {
namespace {

namespace bridge = igraph_bridge;

// "Until stable" stops here at the latest.
constexpr int kMaxLeidenPasses = 50;

// Renumbers igraph's labels 0..count-1 by size, largest first, ties by smallest member.
Communities renumber(const bridge::IntVector& membership) {
  const std::size_t n = membership.size();
  std::size_t labels = 0;
  for (std::size_t v = 0; v < n; ++v)
    labels = std::max(labels, static_cast<std::size_t>(membership[v]) + 1);
  std::vector<std::size_t> size(labels, 0), first(labels, n);
  for (std::size_t v = 0; v < n; ++v) {
    const auto label = static_cast<std::size_t>(membership[v]);
    ++size[label];
    first[label] = std::min(first[label], v);
  }
  std::vector<std::uint32_t> order;
  for (std::uint32_t label = 0; label < labels; ++label)
    if (size[label] > 0) order.push_back(label);
  std::ranges::sort(order, [&](std::uint32_t x, std::uint32_t y) {
    return size[x] != size[y] ? size[x] > size[y] : first[x] < first[y];
  });
  std::vector<std::uint32_t> new_label(labels, 0);
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) new_label[order[rank]] = rank;
  Communities result;
  result.count = static_cast<std::uint32_t>(order.size());
  result.of_host.resize(n);
  for (std::size_t v = 0; v < n; ++v)
    result.of_host[v] = new_label[static_cast<std::size_t>(membership[v])];
  return result;
}

}  // namespace

std::string_view to_string(CommunityMethod method) {
  return method == CommunityMethod::leiden ? "leiden" : "louvain";
}

CommunityMethod parse_community_method(std::string_view text) {
  if (text == "leiden") return CommunityMethod::leiden;
  if (text == "louvain") return CommunityMethod::louvain;
  throw UsageError("unknown community method '" + std::string(text) + "': use leiden or louvain");
}

ProjectionOptions projection_options(const CommunityOptions& options) {
  ProjectionOptions projection;
  projection.audience_layer = options.audience_layer ? 1.0 : 0.0;
  projection.collab_layer = options.collab_layer ? options.collab_weight : 0.0;
  projection.base_layer = options.base_layer ? options.base_weight : 0.0;
  projection.audience_weight = options.audience_weight;
  projection.min_shared = options.min_shared;
  projection.top_k = options.top_k;
  projection.max_hosts_per_fan = options.max_hosts_per_fan;
  return projection;
}

Communities find_communities(const Network& network, const CommunityOptions& options) {
  if (!options.audience_layer && !options.collab_layer && !options.base_layer)
    throw UsageError("choose at least one layer: audience, collab or base");
  if (options.audience_layer && !options.collab_layer && !options.base_layer &&
      network.follow_count() == 0)
    throw UsageError(
        "the audience layer needs follows (follows.csv); this dataset has none — "
        "add the collab or base layer");
  return find_communities(project_hosts(network, projection_options(options)), options);
}

Communities find_communities(const HostGraph& graph, const CommunityOptions& options) {
  if (!(options.resolution > 0))
    throw UsageError("the resolution must be positive, not " + std::to_string(options.resolution));
  if (graph.vertices == 0) return {};
  const bridge::Graph igraph(graph);
  const bridge::RealVector weights = bridge::edge_weights(graph);
  bridge::IntVector membership(static_cast<igraph_integer_t>(graph.vertices));
  bridge::seed_rng(options.seed);
  if (options.method == CommunityMethod::leiden) {
    const std::vector<double> strength = graph.strength();
    const double twice_m = std::accumulate(strength.begin(), strength.end(), 0.0);
    const bridge::RealVector node_weights(strength);
    // Pass by pass, each starting from the last membership: igraph 0.10.2's own
    // "negative n_iterations" loop stops on the wrong condition (igraph issue #2798: it
    // spins forever when a pass changes nothing), so "until stable" is done here.
    const double gamma = twice_m > 0 ? options.resolution / twice_m : 1.0;
    const int passes = options.leiden_iterations < 0 ? kMaxLeidenPasses : options.leiden_iterations;
    std::vector<igraph_integer_t> before;
    for (int pass = 0; pass < std::max(passes, 1); ++pass) {
      igraph_integer_t clusters = 0;
      bridge::check(igraph_community_leiden(igraph.c_struct(), weights.c_struct(),
                                            node_weights.c_struct(), gamma, options.leiden_beta,
                                            pass > 0, 1, membership.c_struct(), &clusters, nullptr),
                    "community_leiden");
      // The partition in canonical form: labels in order of first appearance.
      std::vector<igraph_integer_t> after(graph.vertices), label(graph.vertices, -1);
      igraph_integer_t next = 0;
      for (std::size_t v = 0; v < graph.vertices; ++v) {
        igraph_integer_t& mine = label[static_cast<std::size_t>(membership[v])];
        if (mine < 0) mine = next++;
        after[v] = mine;
      }
      if (options.leiden_iterations < 0 && after == before) break;
      before = std::move(after);
    }
  } else {
    bridge::check(
        igraph_community_multilevel(igraph.c_struct(), weights.c_struct(), options.resolution,
                                    membership.c_struct(), nullptr, nullptr),
        "community_multilevel");
  }
  Communities result = renumber(membership);
  if (!graph.edges.empty()) {
    double modularity = 0;
    bridge::check(igraph_modularity(igraph.c_struct(), membership.c_struct(), weights.c_struct(),
                                    1.0, false, &modularity),
                  "modularity");
    result.modularity = modularity;
  }
  return result;
}

}  // namespace castgraph
