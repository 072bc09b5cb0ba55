// Writing the typed network as GraphML, GEXF, node-link JSON or DOT; see export.hpp.
// One walk over the network (walk()) feeds a writer per format, so the four agree on
// which nodes, edges and attributes exist.
#include "viz/export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <variant>

#include "algorithms/tiers.hpp"
#include "graph/errors.hpp"
#include "viz/escape.hpp"
#include "viz/output_format.hpp"

namespace castgraph::viz {
namespace {

constexpr std::array<std::string_view, 4> kFormats{"graphml", "gexf", "json", "dot"};

enum class Type { text, integer, real };
using Value = std::variant<std::string, std::int64_t, double>;

struct Key {
  std::string_view name;
  Type type;
};
constexpr std::array<Key, 13> kNodeKeys{{{"kind", Type::text},
                                         {"name", Type::text},
                                         {"population", Type::integer},
                                         {"province", Type::text},
                                         {"city", Type::text},
                                         {"category", Type::text},
                                         {"base", Type::text},
                                         {"fee", Type::real},
                                         {"fans", Type::integer},
                                         {"tier", Type::text},
                                         {"community", Type::integer},
                                         {"weight", Type::integer},
                                         {"host", Type::text}}};
constexpr std::array<Key, 2> kEdgeKeys{{{"relation", Type::text}, {"weight", Type::real}}};

struct Attribute {
  std::size_t key;  // index into kNodeKeys or kEdgeKeys
  Value value;
};
using Attributes = std::vector<Attribute>;

std::size_t node_key(std::string_view name) {
  for (std::size_t i = 0; i < kNodeKeys.size(); ++i)
    if (kNodeKeys[i].name == name) return i;
  return 0;
}

std::int64_t as_integer(std::uint64_t value) {
  return static_cast<std::int64_t>(std::min<std::uint64_t>(value, INT64_MAX));
}

std::string value_text(const Value& value) {
  if (auto* text = std::get_if<std::string>(&value)) return *text;
  if (auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  return fmt::format("{}", std::get<double>(value));
}

using NodeSink = std::function<void(const std::string& id, const Attributes&)>;
using EdgeSink =
    std::function<void(const std::string& source, const std::string& target, const Attributes&)>;

void walk(const Network& network, const ExportOptions& options, const NodeSink& node,
          const EdgeSink& edge) {
  auto text = [](std::string_view name, std::string_view value) {
    return Attribute{node_key(name), std::string(value)};
  };
  auto integer = [](std::string_view name, std::uint64_t value) {
    return Attribute{node_key(name), as_integer(value)};
  };
  auto platform_id = [&](NodeId p) { return fmt::format("platform:{}", network.platforms.ids[p]); };
  auto base_id = [&](NodeId b) { return fmt::format("base:{}", network.bases.ids[b]); };
  auto host_id = [&](NodeId h) { return fmt::format("host:{}", network.broadcasters.ids[h]); };
  auto fanbase_id = [&](NodeId f) {
    return fmt::format("fanbase:{}@{}", network.broadcasters.ids[network.fanbases.broadcaster[f]],
                       network.platforms.ids[network.fanbases.platform[f]]);
  };

  for (NodeId p = 0; p < network.platforms.size(); ++p) {
    Attributes a{text("kind", "platform"), text("name", network.platforms.names[p])};
    if (network.platforms.population[p] != kUnknownCount)
      a.push_back(integer("population", network.platforms.population[p]));
    node(platform_id(p), a);
  }
  for (NodeId b = 0; b < network.bases.size(); ++b) {
    Attributes a{text("kind", "base"), text("name", network.bases.names[b])};
    if (!network.bases.province[b].empty())
      a.push_back(text("province", network.bases.province[b]));
    if (!network.bases.city[b].empty()) a.push_back(text("city", network.bases.city[b]));
    if (!network.bases.kind[b].empty()) a.push_back(text("category", network.bases.kind[b]));
    node(base_id(b), a);
  }
  const TierTable table = tiers(network, TierOptions{options.tier_thresholds, std::nullopt});
  for (NodeId h = 0; h < network.broadcasters.size(); ++h) {
    const std::uint64_t fans = declared_fans(network, h);
    Attributes a{text("kind", "host"), text("name", network.broadcasters.names[h])};
    const NodeId base = network.broadcasters.base[h];
    if (base != kNoNode) a.push_back(text("base", network.bases.ids[base]));
    if (!network.broadcasters.province[h].empty())
      a.push_back(text("province", network.broadcasters.province[h]));
    if (!network.broadcasters.kind[h].empty())
      a.push_back(text("category", network.broadcasters.kind[h]));
    const double fee = network.broadcasters.fee[h];
    if (!std::isnan(fee)) a.push_back({node_key("fee"), fee});
    a.push_back(integer("fans", fans));
    a.push_back(text("tier", table.bands[tier_band(fans, table.thresholds)].name));
    if (options.communities)
      a.push_back(integer("community", community_number(options.communities->of_host[h])));
    node(host_id(h), a);
  }
  for (NodeId f = 0; f < network.fanbases.size(); ++f) {
    const NodeId host = network.fanbases.broadcaster[f];
    Attributes a{text("kind", "fanbase"), text("name", network.fanbases.handles[f]),
                 text("host", network.broadcasters.ids[host]),
                 integer("fans", network.fanbases.fans[f])};
    node(fanbase_id(f), a);
  }
  if (options.fans)
    for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
      Attributes a{text("kind", "fan"), integer("weight", network.fans.weight(fan))};
      if (!network.fans.province[fan].empty())
        a.push_back(text("province", network.fans.province[fan]));
      if (!network.fans.city[fan].empty()) a.push_back(text("city", network.fans.city[fan]));
      node(fmt::format("fan:{}", network.fans.ids[fan]), a);
    }

  const auto relation = [](std::string_view name) { return Attribute{0, std::string(name)}; };
  for (NodeId f = 0; f < network.fanbases.size(); ++f) {
    edge(host_id(network.fanbases.broadcaster[f]), fanbase_id(f), {relation("owns")});
    edge(fanbase_id(f), platform_id(network.fanbases.platform[f]), {relation("on")});
  }
  for (NodeId h = 0; h < network.broadcasters.size(); ++h)
    if (network.broadcasters.base[h] != kNoNode)
      edge(host_id(h), base_id(network.broadcasters.base[h]), {relation("member")});
  const Csr& collab = network.relations.collab;
  for (NodeId a = 0; a < collab.rows(); ++a) {
    const auto partners = collab.neighbours(a);
    for (std::size_t k = 0; k < partners.size(); ++k) {
      if (partners[k] <= a) continue;
      const double weight = network.relations.collab_weight.empty()
                                ? 1.0
                                : network.relations.collab_weight[collab.offsets()[a] + k];
      edge(host_id(a), host_id(partners[k]), {relation("collab"), Attribute{1, weight}});
    }
  }
  if (options.fans)
    for (NodeId fan = 0; fan < network.fans.size(); ++fan)
      for (NodeId f : network.relations.follows.neighbours(fan))
        edge(fmt::format("fan:{}", network.fans.ids[fan]), fanbase_id(f), {relation("follows")});
}

std::string_view graphml_type(Type type) {
  switch (type) {
    case Type::text:
      return "string";
    case Type::integer:
      return "long";
    case Type::real:
      return "double";
  }
  return "string";
}

void write_graphml(const Network& network, std::ostream& out, const ExportOptions& options) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (std::size_t i = 0; i < kNodeKeys.size(); ++i)
    out << fmt::format("  <key id=\"n{}\" for=\"node\" attr.name=\"{}\" attr.type=\"{}\"/>\n", i,
                       kNodeKeys[i].name, graphml_type(kNodeKeys[i].type));
  for (std::size_t i = 0; i < kEdgeKeys.size(); ++i)
    out << fmt::format("  <key id=\"e{}\" for=\"edge\" attr.name=\"{}\" attr.type=\"{}\"/>\n", i,
                       kEdgeKeys[i].name, graphml_type(kEdgeKeys[i].type));
  out << "  <graph id=\"castgraph\" edgedefault=\"directed\">\n";
  walk(
      network, options,
      [&](const std::string& id, const Attributes& attributes) {
        out << "    <node id=\"" << escape_xml(id) << "\">";
        for (const Attribute& a : attributes)
          out << "<data key=\"n" << a.key << "\">" << escape_xml(value_text(a.value)) << "</data>";
        out << "</node>\n";
      },
      [&](const std::string& source, const std::string& target, const Attributes& attributes) {
        out << "    <edge source=\"" << escape_xml(source) << "\" target=\"" << escape_xml(target)
            << "\">";
        for (const Attribute& a : attributes)
          out << "<data key=\"e" << a.key << "\">" << escape_xml(value_text(a.value)) << "</data>";
        out << "</edge>\n";
      });
  out << "  </graph>\n</graphml>\n";
}

void write_gexf(const Network& network, std::ostream& out, const ExportOptions& options) {
  auto gexf_type = [](Type type) -> std::string_view {
    return type == Type::text ? "string" : type == Type::integer ? "long" : "double";
  };
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
         "  <meta><creator>castgraph</creator><description>livestream e-commerce network"
         "</description></meta>\n"
         "  <graph mode=\"static\" defaultedgetype=\"directed\">\n    <attributes "
         "class=\"node\">\n";
  for (std::size_t i = 0; i < kNodeKeys.size(); ++i)
    out << fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", i,
                       kNodeKeys[i].name, gexf_type(kNodeKeys[i].type));
  out << "    </attributes>\n    <attributes class=\"edge\">\n";
  for (std::size_t i = 0; i < kEdgeKeys.size(); ++i)
    out << fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", i,
                       kEdgeKeys[i].name, gexf_type(kEdgeKeys[i].type));
  out << "    </attributes>\n";
  // GEXF wants every node before the first edge; walk() gives them in that order.
  bool in_nodes = false, in_edges = false;
  std::uint64_t edge_id = 0;
  auto attvalues = [&](const Attributes& attributes) {
    out << "<attvalues>";
    for (const Attribute& a : attributes)
      out << "<attvalue for=\"" << a.key << "\" value=\"" << escape_xml(value_text(a.value))
          << "\"/>";
    out << "</attvalues>";
  };
  walk(
      network, options,
      [&](const std::string& id, const Attributes& attributes) {
        if (!in_nodes) out << "    <nodes>\n", in_nodes = true;
        std::string label = id;
        for (const Attribute& a : attributes)
          if (kNodeKeys[a.key].name == "name" && !value_text(a.value).empty())
            label = value_text(a.value);
        out << "      <node id=\"" << escape_xml(id) << "\" label=\"" << escape_xml(label) << "\">";
        attvalues(attributes);
        out << "</node>\n";
      },
      [&](const std::string& source, const std::string& target, const Attributes& attributes) {
        if (!in_edges) {
          out << (in_nodes ? "    </nodes>\n" : "    <nodes/>\n") << "    <edges>\n";
          in_edges = true;
        }
        // Co-streams have no direction: GEXF says so per edge (Gephi reads mixed graphs).
        const bool undirected = !attributes.empty() && attributes.front().key == 0 &&  // relation
                                value_text(attributes.front().value) == "collab";
        out << "      <edge id=\"" << edge_id++ << "\" source=\"" << escape_xml(source)
            << "\" target=\"" << escape_xml(target) << "\""
            << (undirected ? " type=\"undirected\"" : "") << ">";
        attvalues(attributes);
        out << "</edge>\n";
      });
  if (!in_edges)
    out << (in_nodes ? "    </nodes>\n" : "    <nodes/>\n") << "    <edges/>\n";
  else
    out << "    </edges>\n";
  out << "  </graph>\n</gexf>\n";
}

std::string json_value(const Value& value) {
  if (auto* text = std::get_if<std::string>(&value)) return "\"" + escape_json(*text) + "\"";
  if (auto* integer = std::get_if<std::int64_t>(&value)) return std::to_string(*integer);
  const double real = std::get<double>(value);
  return std::isfinite(real) ? fmt::format("{}", real) : "null";
}

void write_json(const Network& network, std::ostream& out, const ExportOptions& options) {
  // NetworkX node-link format (networkx.node_link_graph reads it back).
  out << "{\"directed\": true, \"multigraph\": false, \"graph\": {\"name\": \"castgraph\"},\n"
         " \"nodes\": [";
  bool first_node = true, first_edge = true;
  walk(
      network, options,
      [&](const std::string& id, const Attributes& attributes) {
        out << (first_node ? "\n  " : ",\n  ") << "{\"id\": \"" << escape_json(id) << "\"";
        first_node = false;
        for (const Attribute& a : attributes)
          out << ", \"" << kNodeKeys[a.key].name << "\": " << json_value(a.value);
        out << "}";
      },
      [&](const std::string& source, const std::string& target, const Attributes& attributes) {
        if (first_edge) out << "],\n \"links\": [";
        out << (first_edge ? "\n  " : ",\n  ") << "{\"source\": \"" << escape_json(source)
            << "\", \"target\": \"" << escape_json(target) << "\"";
        first_edge = false;
        for (const Attribute& a : attributes)
          out << ", \"" << kEdgeKeys[a.key].name << "\": " << json_value(a.value);
        out << "}";
      });
  if (first_edge) out << "],\n \"links\": [";
  out << "]}\n";
}

void write_dot(const Network& network, std::ostream& out, const ExportOptions& options) {
  auto dot_value = [](const Value& value) {
    if (std::holds_alternative<std::string>(value))
      return "\"" + escape_dot(std::get<std::string>(value)) + "\"";
    return value_text(value);
  };
  out << "digraph castgraph {\n";
  walk(
      network, options,
      [&](const std::string& id, const Attributes& attributes) {
        out << "  \"" << escape_dot(id) << "\" [";
        bool first = true;
        for (const Attribute& a : attributes) {
          out << (first ? "" : " ") << kNodeKeys[a.key].name << "=" << dot_value(a.value);
          first = false;
        }
        out << "];\n";
      },
      [&](const std::string& source, const std::string& target, const Attributes& attributes) {
        out << "  \"" << escape_dot(source) << "\" -> \"" << escape_dot(target) << "\" [";
        bool first = true;
        for (const Attribute& a : attributes) {
          out << (first ? "" : " ") << kEdgeKeys[a.key].name << "=" << dot_value(a.value);
          first = false;
        }
        out << "];\n";
      });
  out << "}\n";
}

}  // namespace

std::span<const std::string_view> export_formats() { return kFormats; }

std::string export_format_of(std::string_view path) {
  return format_from_extension(path, kFormats, "export format");
}

void export_network(const Network& network, std::string_view format, std::ostream& out,
                    const ExportOptions& options) {
  if (format == "graphml") return write_graphml(network, out, options);
  if (format == "gexf") return write_gexf(network, out, options);
  if (format == "json") return write_json(network, out, options);
  if (format == "dot") return write_dot(network, out, options);
  throw UsageError(
      fmt::format("unknown export format '{}': use one of {}", format, fmt::join(kFormats, ", ")));
}

}  // namespace castgraph::viz
