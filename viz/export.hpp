// Exporting the typed network for Gephi, NetworkX, igraph and yEd: GraphML, GEXF 1.2,
// JSON (NetworkX node-link) and DOT. One directed graph holding the model itself:
//
//   nodes  platform:ID  base:ID  host:ID  fanbase:HOST@PLATFORM  [fan:ID]
//   edges  host -owns-> fanbase -on-> platform;  host -member-> base;
//          host -collab-> host (once per pair, a < b, with weight);  [fan -follows-> fanbase]
//   GEXF marks co-stream edges type="undirected" (a mixed graph, as Gephi reads it).
//   The host–host shared-audience graph is audience_export.hpp.
//
// Attributes: kind, name, population, province, city, category (a base's or host's
// kind), base, fee, fans (declared; summed over fanbases for a host), tier (band name),
// community (when computed), weight (a fan's people); on edges relation, weight.
// Fans and follows are left out unless asked for: they can number 10^8.
// Every name is escaped for its format (escape.hpp). Streams out: O(1) extra memory
// beyond per-host fan totals.
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/communities.hpp"
#include "graph/network.hpp"

namespace castgraph::viz {

struct ExportOptions {
  bool fans = false;                         // include fans and follows
  const Communities* communities = nullptr;  // adds `community` to hosts when given
  std::vector<std::uint64_t> tier_thresholds{100'000, 1'000'000, 10'000'000};
};

// "graphml", "gexf", "json", "dot".
std::span<const std::string_view> export_formats();

// The export format named by a path's extension; UsageError when none fits.
std::string export_format_of(std::string_view path);

// Writes the network to `out` in `format`. Throws UsageError for an unknown format.
void export_network(const Network& network, std::string_view format, std::ostream& out,
                    const ExportOptions& options = {});

}  // namespace castgraph::viz
