// Communities of hosts who share audiences or co-stream: Leiden or Louvain (through
// igraph) on the projected host graph, seeded so that a run repeats exactly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/projection.hpp"
#include "graph/network.hpp"

namespace castgraph {

enum class CommunityMethod { leiden, louvain };

struct CommunityOptions {
  CommunityMethod method = CommunityMethod::leiden;
  double resolution = 1.0;
  std::uint64_t seed = 1;
  bool audience_layer = true;    // shared-audience edges
  bool collab_layer = true;      // co-stream edges
  bool base_layer = false;       // shared-base edges
  std::uint64_t min_shared = 1;  // fewest shared people for an audience edge
  // Added with the implementation (issue 7); the defaults keep the fields above meaning
  // what they said.
  AudienceWeight audience_weight = AudienceWeight::shared;
  std::size_t top_k = 0;  // audience edges kept per host; 0 = all
  // Fans of more hosts leave the audience layer; 0 = none (see kDefaultMaxHostsPerFan).
  std::size_t max_hosts_per_fan = kDefaultMaxHostsPerFan;
  double collab_weight = 1.0;  // layer weights (each layer has mean edge weight 1)
  double base_weight = 1.0;
  int leiden_iterations = -1;  // Leiden passes; negative = until a pass moves nothing (at most 50)
  double leiden_beta = 0.01;   // Leiden's refinement randomness
};

// The projection the options ask for: layers switched on by the *_layer flags.
ProjectionOptions projection_options(const CommunityOptions& options);

struct Communities {
  std::vector<std::uint32_t> of_host;  // community of each broadcaster, 0..count-1
  std::uint32_t count = 0;
  double modularity = 0;
};

// The number people see for community `community` (an index into 0..count-1): 1 for the
// largest, as the CLI, its JSON, the report, the diagrams and the exports all print it.
constexpr std::uint32_t community_number(std::uint32_t community) { return community + 1; }

// Communities of the hosts on project_hosts(network, projection_options(options)), by
// find_communities(const HostGraph&, ...) below. Throws UsageError for options that
// cannot be honoured (no layer chosen, resolution not positive, the audience layer alone
// without follows). Complexity: the projection's plus the method's.
Communities find_communities(const Network& network, const CommunityOptions& options = {});

// Communities of any weighted graph, maximising modularity (Newman & Girvan 2004) at
// options.resolution:
//   leiden   igraph_community_leiden with node weights = strengths and resolution
//            γ/2m, which makes its CPM objective modularity (Traag, Waltman & van Eck
//            2019, "From Louvain to Leiden: guaranteeing well-connected communities");
//   louvain  igraph_community_multilevel (Blondel, Guillaume, Lambiotte & Lefebvre 2008,
//            "Fast unfolding of communities in large networks").
// igraph's RNG is seeded with options.seed right before the run, and the graph is built
// in a fixed order, so the same graph, options and seed give the same answer. Communities
// are renumbered by size (largest first, ties by smallest member). `modularity` is the
// weighted modularity at γ = 1. Near-linear in edges per pass, O(V + E) memory.
Communities find_communities(const HostGraph& graph, const CommunityOptions& options = {});

// to_string / parse for the method: "leiden", "louvain"; UsageError otherwise.
std::string_view to_string(CommunityMethod method);
CommunityMethod parse_community_method(std::string_view text);

}  // namespace castgraph
