// Exports read back by NetworkX (/usr/bin/python3, python3-networkx; GEXF by Python's XML
// parser, as NetworkX refuses mixed graphs): node and edge counts and attributes match,
// hostile names survive intact.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/errors.hpp"
#include "loaders/dataset_loader.hpp"
#include "viz/export.hpp"
#include "viz_test_support.hpp"

using namespace castgraph;
using namespace castgraph::viz;
using castgraph::testing::run_shell;
using castgraph::testing::shell_quote;
using castgraph::testing::TempDir;

namespace {

Network load(const TempDir& dir) { return load_dataset(dir.path()).network; }

std::string exported(const Network& network, std::string_view format, ExportOptions options = {}) {
  std::ostringstream out;
  export_network(network, format, out, options);
  return out.str();
}

// Reads `path` with NetworkX and returns {nodes, edges, attributes by node id}.
nlohmann::json read_back(const std::filesystem::path& path, const std::string& reader) {
  const std::string script =
      "import json, sys, networkx as nx\n"
      "import xml.etree.ElementTree as ET\n"
      // NetworkX refuses GEXF that mixes directed and undirected edges (the typed export's
      // co-streams are undirected), so GEXF is read with Python's own XML parser.
      "def read_mixed_gexf(p):\n"
      "    ns = '{http://www.gexf.net/1.2draft}'\n"
      "    root = ET.parse(p).getroot()\n"
      "    kinds = {'long': int, 'double': float, 'string': str}\n"
      "    titles = {(c.get('class'), a.get('id')): (a.get('title'), kinds[a.get('type')])\n"
      "              for c in root.iter(ns + 'attributes') for a in c}\n"
      "    def values(element, cls):\n"
      "        return {titles[(cls, v.get('for'))][0]: titles[(cls, "
      "v.get('for'))][1](v.get('value'))\n"
      "                for v in element.iter(ns + 'attvalue')}\n"
      "    g = nx.MultiDiGraph()\n"
      "    for n in root.iter(ns + 'node'):\n"
      "        g.add_node(n.get('id'), label=n.get('label'), **values(n, 'node'))\n"
      "    for e in root.iter(ns + 'edge'):\n"
      "        g.add_edge(e.get('source'), e.get('target'), type=e.get('type', 'directed'),\n"
      "                   **values(e, 'edge'))\n"
      "    return g\n"
      "p = sys.argv[1]\n"
      "g = " +
      reader +
      "\n"
      "print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),\n"
      "  'attributes': {str(n): d for n, d in g.nodes(data=True)},\n"
      "  'edge_attributes': [[str(a), str(b), d] for a, b, d in g.edges(data=True)]}))\n";
  TempDir dir;
  const auto script_path = dir.write("read.py", script);
  std::string out;
  const int status = run_shell("/usr/bin/python3 " + shell_quote(script_path.string()) + " " +
                                   shell_quote(path.string()) + " 2>&1",
                               &out);
  INFO(out);
  REQUIRE(status == 0);
  return nlohmann::json::parse(out);
}

}  // namespace

TEST_CASE("GraphML of the tiny sample reads back in NetworkX with its counts and attributes",
          "[viz]") {
  const Network network = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/tiny").network;
  TempDir dir;
  const auto path = dir.write("tiny.graphml", exported(network, "graphml"));
  const auto graph = read_back(path, "nx.read_graphml(p)");
  // 3 platforms + 2 bases + 8 hosts + 10 fanbases; owns 10 + on 10 + member 6 + collab 3.
  CHECK(graph["nodes"] == 23);
  CHECK(graph["edges"] == 29);
  const auto& h1 = graph["attributes"]["host:h1"];
  CHECK(h1["kind"] == "host");
  CHECK(h1["fans"] == 10'300'000);
  CHECK(h1["tier"] == "10M+");
  CHECK(h1["base"] == "sy");
  CHECK(graph["attributes"]["host:h5"]["tier"] == "100k-1M");
  CHECK(graph["attributes"]["platform:douyin"]["population"] == 700'000'000);
  CHECK(graph["attributes"]["fanbase:h1@kuaishou"]["fans"] == 800'000);
  bool found_collab = false;
  for (const auto& edge : graph["edge_attributes"])
    if (edge[2]["relation"] == "collab" && edge[0] == "host:h1" && edge[1] == "host:h2") {
      found_collab = true;
      CHECK(edge[2]["weight"] == 5.0);
    }
  CHECK(found_collab);
}

TEST_CASE("with fans, the export holds every fan and follow", "[viz]") {
  const Network network = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/tiny").network;
  ExportOptions options;
  options.fans = true;
  Communities communities;
  communities.count = 1;
  communities.of_host.assign(network.broadcasters.size(), 0);
  options.communities = &communities;
  TempDir dir;
  const auto path = dir.write("tiny.graphml", exported(network, "graphml", options));
  const auto graph = read_back(path, "nx.read_graphml(p)");
  CHECK(graph["nodes"] == 23 + 20);
  CHECK(graph["edges"] == 29 + 28);
  CHECK(graph["attributes"]["fan:f01"]["weight"] == 1000);
  CHECK(graph["attributes"]["host:h3"]["community"] == 1);  // numbered from 1, the largest
}

TEST_CASE("GEXF marks co-stream edges undirected and the model's edges directed", "[viz]") {
  const Network network = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/tiny").network;
  TempDir dir;
  const auto path = dir.write("tiny.gexf", exported(network, "gexf"));
  CHECK(run_shell("xmllint --noout " + shell_quote(path.string()) + " 2>&1") == 0);
  const auto graph = read_back(path, "read_mixed_gexf(p)");
  CHECK(graph["nodes"] == 23);
  CHECK(graph["edges"] == 29);
  std::size_t collab = 0;
  for (const auto& edge : graph["edge_attributes"]) {
    INFO(edge.dump());
    const bool costream = edge[2]["relation"] == "collab";
    CHECK(edge[2]["type"] == (costream ? "undirected" : "directed"));
    collab += costream;
  }
  CHECK(collab == 3);
}

TEST_CASE("hostile names survive GraphML, GEXF and JSON intact", "[viz]") {
  TempDir data;
  castgraph::testing::write_hostile_dataset(data);
  const Network network = load(data);
  TempDir dir;
  const std::vector<std::pair<std::string, std::string>> readers{
      {"graphml", "nx.read_graphml(p)"},
      {"gexf", "read_mixed_gexf(p)"},
      {"json", "nx.node_link_graph(json.load(open(p, encoding='utf-8')))"}};
  for (const auto& [format, reader] : readers) {
    INFO(format);
    const auto path = dir.write("hostile." + format, exported(network, format));
    if (format != "json")
      CHECK(run_shell("xmllint --noout " + shell_quote(path.string()) + " 2>&1") == 0);
    const auto graph = read_back(path, reader);
    CHECK(graph["nodes"] == 1 + 1 + 3 + 3);
    CHECK(graph["edges"] == 3 + 3 + 2 + 1);
    const auto& attributes = graph["attributes"];
    CHECK(attributes["host:h1"]["name"] == "<script>alert(1)</script>");
    CHECK(attributes["host:h2"]["name"] == "a\\b\"c\\");
    CHECK(attributes["host:h3"]["name"] == "Tom & \"Jerry\"");
    CHECK(attributes["base:b1"]["name"] == "&amp; <b>基地</b>");
    CHECK(attributes["platform:douyin"]["name"] == "抖音 \"quoted\"");
  }
}

TEST_CASE("the DOT export parses with Graphviz and keeps names inside quotes", "[viz]") {
  TempDir data;
  castgraph::testing::write_hostile_dataset(data);
  const std::string dot = exported(load(data), "dot");
  TempDir dir;
  const auto path = dir.write("hostile.dot", dot);
  std::string canon;
  REQUIRE(run_shell("nop " + shell_quote(path.string()) + " 2>&1", &canon) == 0);
  CHECK(canon.find(R"(name="<script>alert(1)</script>")") != std::string::npos);
  CHECK(canon.find(R"(name="a\\b\"c\\")") != std::string::npos);
  CHECK(canon.find("\"host:h1\" -> \"fanbase:h1@douyin\"") != std::string::npos);
}

TEST_CASE("export formats come from the extension, and others are usage errors", "[viz]") {
  CHECK(export_format_of("x/net.GraphML") == "graphml");
  CHECK_THROWS_AS(export_format_of("net.csv"), UsageError);
  const Network network = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/tiny").network;
  std::ostringstream out;
  CHECK_THROWS_AS(export_network(network, "csv", out), UsageError);
}
