// Writing the host–host shared-audience graph; see audience_export.hpp.
#include "viz/audience_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "algorithms/overlap.hpp"
#include "algorithms/reached_fans.hpp"
#include "algorithms/tiers.hpp"
#include "graph/errors.hpp"
#include "viz/escape.hpp"
#include "viz/output_format.hpp"

namespace castgraph::viz {
namespace {

constexpr std::array<std::string_view, 3> kFormats{"graphml", "gexf", "csv"};

// Attribute (name, GraphML/GEXF type); a host's empty values are left out.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kNodeKeys{
    {{"name", "string"},
     {"tier", "string"},
     {"fans", "long"},
     {"reach", "long"},
     {"fee", "double"},
     {"base", "string"},
     {"province", "string"},
     {"community", "long"}}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kEdgeKeys{
    {{"weight", "double"}, {"jaccard", "double"}, {"a_in_b", "double"}, {"b_in_a", "double"}}};

std::string real(double value) { return fmt::format("{}", value); }

struct Graph {
  std::vector<std::vector<std::string>> nodes;  // per host, values parallel to kNodeKeys
  std::vector<HostPair> pairs;
};

Graph gather(const Network& network, const AudienceExportOptions& options) {
  Graph graph;
  std::vector<std::uint64_t> counted;
  std::span<const std::uint64_t> reach = options.host_reach;
  if (options.pairs) {
    graph.pairs = *options.pairs;
  } else {
    require_audience_follows(network.follow_count());
    graph.pairs = top_overlaps(network, std::numeric_limits<std::size_t>::max()).pairs;
  }
  if (reach.empty()) reach = counted = per_host_reach(network);
  const TierTable table = tiers(network, TierOptions{options.tier_thresholds, std::nullopt});
  for (NodeId h = 0; h < network.broadcasters.size(); ++h) {
    const std::uint64_t fans = declared_fans(network, h);
    const NodeId base = network.broadcasters.base[h];
    const double fee = network.broadcasters.fee[h];
    graph.nodes.push_back(
        {std::string(network.broadcasters.names[h]),
         table.bands[tier_band(fans, table.thresholds)].name, std::to_string(fans),
         std::to_string(reach[h]), std::isnan(fee) ? "" : real(fee),
         base == kNoNode ? "" : std::string(network.bases.names[base]),
         std::string(network.broadcasters.province[h]),
         options.communities ? std::to_string(community_number(options.communities->of_host[h]))
                             : ""});
  }
  return graph;
}

std::string host_id(const Network& network, NodeId h) {
  return fmt::format("host:{}", network.broadcasters.ids[h]);
}

std::array<std::string, 4> edge_values(const HostPair& pair) {
  return {std::to_string(pair.shared), real(pair.jaccard), real(pair.a_in_b), real(pair.b_in_a)};
}

void write_graphml(const Network& network, const Graph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
  for (std::size_t i = 0; i < kNodeKeys.size(); ++i)
    out << fmt::format("  <key id=\"n{}\" for=\"node\" attr.name=\"{}\" attr.type=\"{}\"/>\n", i,
                       kNodeKeys[i].first, kNodeKeys[i].second);
  for (std::size_t i = 0; i < kEdgeKeys.size(); ++i)
    out << fmt::format("  <key id=\"e{}\" for=\"edge\" attr.name=\"{}\" attr.type=\"{}\"/>\n", i,
                       kEdgeKeys[i].first, kEdgeKeys[i].second);
  out << "  <graph id=\"shared-audience\" edgedefault=\"undirected\">\n";
  for (NodeId h = 0; h < graph.nodes.size(); ++h) {
    out << "    <node id=\"" << escape_xml(host_id(network, h)) << "\">";
    for (std::size_t i = 0; i < kNodeKeys.size(); ++i)
      if (!graph.nodes[h][i].empty())
        out << "<data key=\"n" << i << "\">" << escape_xml(graph.nodes[h][i]) << "</data>";
    out << "</node>\n";
  }
  for (const HostPair& pair : graph.pairs) {
    out << "    <edge source=\"" << escape_xml(host_id(network, pair.a)) << "\" target=\""
        << escape_xml(host_id(network, pair.b)) << "\">";
    const auto values = edge_values(pair);
    for (std::size_t i = 0; i < values.size(); ++i)
      out << "<data key=\"e" << i << "\">" << values[i] << "</data>";
    out << "</edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void write_gexf(const Network& network, const Graph& graph, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
         "  <meta><creator>castgraph</creator><description>hosts sharing audience; edge weight "
         "= people following both</description></meta>\n"
         "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n"
         "    <attributes class=\"node\">\n";
  // GEXF gives every node a label; the name goes there, not among the attributes.
  for (std::size_t i = 1; i < kNodeKeys.size(); ++i)
    out << fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", i,
                       kNodeKeys[i].first, kNodeKeys[i].second);
  out << "    </attributes>\n    <attributes class=\"edge\">\n";
  // Weight is the edge's own `weight`; the other three are attributes.
  for (std::size_t i = 1; i < kEdgeKeys.size(); ++i)
    out << fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", i,
                       kEdgeKeys[i].first, kEdgeKeys[i].second);
  out << "    </attributes>\n    <nodes>\n";
  for (NodeId h = 0; h < graph.nodes.size(); ++h) {
    out << "      <node id=\"" << escape_xml(host_id(network, h)) << "\" label=\""
        << escape_xml(graph.nodes[h][0]) << "\"><attvalues>";
    for (std::size_t i = 1; i < kNodeKeys.size(); ++i)
      if (!graph.nodes[h][i].empty())
        out << "<attvalue for=\"" << i << "\" value=\"" << escape_xml(graph.nodes[h][i]) << "\"/>";
    out << "</attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  std::uint64_t id = 0;
  for (const HostPair& pair : graph.pairs) {
    const auto values = edge_values(pair);
    out << "      <edge id=\"" << id++ << "\" source=\"" << escape_xml(host_id(network, pair.a))
        << "\" target=\"" << escape_xml(host_id(network, pair.b)) << "\" weight=\"" << values[0]
        << "\"><attvalues>";
    for (std::size_t i = 1; i < values.size(); ++i)
      out << "<attvalue for=\"" << i << "\" value=\"" << values[i] << "\"/>";
    out << "</attvalues></edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void write_csv(const Network& network, const Graph& graph, std::ostream& out) {
  out << "Source,Target,Type,Weight,jaccard,a_in_b,b_in_a,source_name,target_name\n";
  for (const HostPair& pair : graph.pairs) {
    const auto values = edge_values(pair);
    out << escape_csv(host_id(network, pair.a)) << ',' << escape_csv(host_id(network, pair.b))
        << ",Undirected," << values[0] << ',' << values[1] << ',' << values[2] << ',' << values[3]
        << ',' << escape_csv(network.broadcasters.names[pair.a]) << ','
        << escape_csv(network.broadcasters.names[pair.b]) << '\n';
  }
}

}  // namespace

std::span<const std::string_view> audience_formats() { return kFormats; }

void require_audience_follows(std::uint64_t follows) {
  if (follows == 0)
    throw UsageError("the shared-audience graph needs follows, and this dataset has none");
}

std::string audience_format_of(std::string_view path) {
  return format_from_extension(path, kFormats, "shared-audience export format");
}

std::size_t export_audience(const Network& network, std::string_view format, std::ostream& out,
                            const AudienceExportOptions& options) {
  if (std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end())
    throw UsageError(fmt::format("unknown shared-audience export format '{}': use one of {}",
                                 format, fmt::join(kFormats, ", ")));
  const Graph graph = gather(network, options);
  if (format == "graphml") write_graphml(network, graph, out);
  if (format == "gexf") write_gexf(network, graph, out);
  if (format == "csv") write_csv(network, graph, out);
  return graph.pairs.size();
}

}  // namespace castgraph::viz
