// The host–host shared-audience graph, the graph an analyst lays out in Gephi: one node
// per host, one undirected edge per pair of hosts sharing at least one person.
//
//   edge   weight   people following both (fan weights count, each person once), as
//                   `castgraph overlap` counts them
//          jaccard  shared / people following either
//          a_in_b   of the source host's people, the share who follow the target too
//          b_in_a   of the target host's people, the share who follow the source too
//   node   id host:ID; name, tier, fans (declared), reach (people), fee, base (name),
//          province, community (its number, when computed)
//
// Formats: GraphML and GEXF 1.2 (undirected graphs; NetworkX, igraph, Gephi) and a CSV edge
// list whose Source, Target, Type and Weight columns Gephi's spreadsheet import knows.
// Pairs come from top_overlaps over every fan (no cap), so the counts are exact;
// time O(follows + Σ_f d_f²) for d_f hosts per fan, memory O(follows + hosts + pairs).
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/communities.hpp"
#include "algorithms/overlap.hpp"
#include "graph/network.hpp"

namespace castgraph::viz {

struct AudienceExportOptions {
  const Communities* communities = nullptr;  // adds `community` to hosts when given
  std::vector<std::uint64_t> tier_thresholds{100'000, 1'000'000, 10'000'000};
  // Every pair sharing people, as top_overlaps orders them, and each host's reach, when
  // the caller has counted them already (castgraph-mpi sums them over ranks, whose
  // network holds only some fans); null and empty: counted here from the follows.
  const std::vector<HostPair>* pairs = nullptr;
  std::span<const std::uint64_t> host_reach;
};

// UsageError when a dataset with `follows` follows in all has none to share.
void require_audience_follows(std::uint64_t follows);

// "graphml", "gexf", "csv".
std::span<const std::string_view> audience_formats();

// The audience export format named by a path's extension; UsageError when none fits.
std::string audience_format_of(std::string_view path);

// Writes the graph; returns the number of edges (host pairs) written. Throws UsageError
// for an unknown format or a dataset without follows.
std::size_t export_audience(const Network& network, std::string_view format, std::ostream& out,
                            const AudienceExportOptions& options = {});

}  // namespace castgraph::viz
