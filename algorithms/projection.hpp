// Projection: the host–host graph that community detection and centrality run on.
// Three layers, each optional and each with its own weight, summed into one undirected
// weighted graph:
//
//   audience  hosts sharing followers; weight = shared people, Jaccard or cosine
//   collab    co-stream edges (collabs.csv), weight = summed co-stream weight
//   base      hosts of the same livestream base
//
// Each layer is rescaled so that its mean edge weight is 1 before its layer weight
// multiplies it, so "collab 2" means one co-stream edge counts as much as two average
// audience edges, whatever the audience unit. The dense hosts × hosts matrix is never
// formed: audience edges come from sparse co-occurrence one host row at a time.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "algorithms/overlap.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct WeightedEdge {
  NodeId a = kNoNode, b = kNoNode;  // a < b
  double weight = 0;
};

// An undirected weighted graph over vertices 0..vertices-1 (hosts in a projection), with
// edges sorted by (a, b), no self loops and no parallel edges.
struct HostGraph {
  std::size_t vertices = 0;
  std::vector<WeightedEdge> edges;
  // Σ weights of the edges at each vertex. O(vertices + edges).
  std::vector<double> strength() const;
};

enum class AudienceWeight { shared, jaccard, cosine };

std::string_view to_string(AudienceWeight weight);
// "shared", "jaccard", "cosine"; UsageError otherwise.
AudienceWeight parse_audience_weight(std::string_view text);

struct ProjectionOptions {
  double audience_layer = 1.0;  // layer weights; 0 leaves a layer out
  double collab_layer = 1.0;
  double base_layer = 0.0;
  AudienceWeight audience_weight = AudienceWeight::shared;
  std::uint64_t min_shared = 1;  // fewest shared people for an audience edge
  // Keep only each host's top_k audience neighbours by weight (an edge stays when it is
  // in the top k of either end); 0 keeps every edge over min_shared.
  std::size_t top_k = 0;
  // Fans following more hosts than this are left out of the audience layer (one fan of
  // d hosts costs d² pair updates and ties d²/2 host pairs); 0 means no cap.
  std::size_t max_hosts_per_fan = 0;
  // A base with more members than this is linked as a ring lattice of this degree
  // instead of a clique, so that one huge base does not add m²/2 edges.
  std::size_t base_clique_limit = 32;
};

// The default cap on the hosts one fan contributes to an audience layer. Real people
// follow tens to a few hundred hosts (the liaoning preset: at most 134 at scale 0.01);
// a fan of thousands is a bot or an aggregate whose d² pairs would dominate the layer,
// its time and its memory (one fan of 5,000 hosts: 12.5 million pairs).
inline constexpr std::size_t kDefaultMaxHostsPerFan = 1000;

// The fans a cap on hosts per fan leaves out (those following more than `cap` distinct
// hosts, on any platforms), and the people they stand for; zeros when cap is 0.
// O(follows).
struct FansOverCap {
  std::uint64_t fans = 0;
  std::uint64_t people = 0;
};
FansOverCap fans_over_cap(const Network& network, std::size_t cap);

// The audience layer alone, unscaled: one edge per host pair sharing at least min_shared
// people, weighted by options.audience_weight, top_k filtered. Row by row after
// Gustavson's sparse product: for host a, every fan of a adds its weight to every other
// host it follows, in a dense accumulator with a touched list. Time O(follows + Σ_f d_f²)
// for d_f hosts per fan (2× the work of overlap's a < b half, since top_k needs whole
// rows), memory O(follows + hosts + edges). Edges by (a, b). Throws UsageError without
// follows.
HostGraph audience_graph(const Network& network, const ProjectionOptions& options = {});

// The audience layer from pair counts (count_pairs in overlap.hpp, or castgraph-mpi's
// counts summed over ranks): the same edges and weights as audience_graph over the fans
// the counts were taken from, with the cap the counts applied. O(pairs log pairs).
HostGraph audience_graph_from_pairs(std::size_t hosts, const PairCounts& counts,
                                    const ProjectionOptions& options = {});

// The co-stream layer alone: relations.collab with its weights. O(hosts + collabs).
HostGraph collab_graph(const Network& network);

// The shared-base layer alone: members of one base form a clique with edge weight
// 1/(m−1) (each member's base strength is 1), or for m > base_clique_limit a ring lattice
// of that degree with weight 1/degree. O(hosts + Σ_bases min(m², m · limit)).
HostGraph base_graph(const Network& network, const ProjectionOptions& options = {});

// The layered projection: the layers with non-zero weight, each rescaled to mean edge
// weight 1, multiplied by its layer weight and summed. The audience layer is skipped
// (not an error) when the dataset has no follows. Complexity: that of the layers plus
// O(E log E) to merge.
HostGraph project_hosts(const Network& network, const ProjectionOptions& options = {});
// The same with the audience layer given (castgraph-mpi computes it over ranks); it is
// used when options.audience_layer > 0, and may be empty.
HostGraph project_hosts(const Network& network, const ProjectionOptions& options,
                        HostGraph audience);

// A graph from igraph's catalogue of famous graphs (igraph_famous), e.g. "Zachary", for
// tests and benchmarks. Throws UsageError for an unknown name.
HostGraph famous_graph(std::string_view name);

}  // namespace castgraph
