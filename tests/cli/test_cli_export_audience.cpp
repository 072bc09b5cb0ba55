// `export --audience`, run as a user would, read back by NetworkX (GraphML, GEXF) and
// Python's csv module, with the weights `overlap --hosts ... --json` gives for every pair.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run_command.hpp"

using castgraph::testing::read_file;
using castgraph::testing::run_castgraph;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::TempDir;
using castgraph::testing::tiny_path;
using nlohmann::json;

namespace {

// Reads the export at `path` with Python and prints {nodes: {id: attributes}, edges:
// [[a, b, {weight, jaccard, a_in_b, b_in_a}]], directed}.
constexpr const char* kReader = R"PY(
import csv, json, sys, networkx as nx
path, format = sys.argv[1], sys.argv[2]
if format == 'graphml':
    g = nx.read_graphml(path)
elif format == 'gexf':
    g = nx.read_gexf(path)
else:  # rows as written: Source first, so a_in_b is Source's share
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    assert all(row['Type'] == 'Undirected' for row in rows)
    print(json.dumps({'directed': False, 'ordered': True, 'nodes': {}, 'edges': [
        [row['Source'], row['Target'], {k: float(row[k]) for k in ('jaccard', 'a_in_b', 'b_in_a')}
         | {'weight': float(row['Weight'])}] for row in rows]}))
    sys.exit(0)
edges = [[a, b, {k: v for k, v in d.items() if k in ('weight', 'jaccard', 'a_in_b', 'b_in_a')}]
         for a, b, d in g.edges(data=True)]
print(json.dumps({'directed': g.is_directed(), 'ordered': False, 'nodes': {n: d for n, d in g.nodes(data=True)},
                  'edges': edges}, ensure_ascii=False))
)PY";

json read_back(const TempDir& dir, const std::filesystem::path& path, const std::string& format) {
  const auto script = dir.write("read.py", kReader);
  const auto out = dir / "read.json";
  const std::string command = "/usr/bin/python3 " + shell_quote(script.string()) + " " +
                              shell_quote(path.string()) + " " + format + " > " +
                              shell_quote(out.string()) + " 2>&1";
  const int status = std::system(command.c_str());
  INFO(read_file(out));
  REQUIRE(status == 0);
  return json::parse(read_file(out));
}

}  // namespace

TEST_CASE("export --audience writes GraphML, GEXF and CSV with overlap's weights", "[cli]") {
  // The independent figures: overlap's matrix over all eight hosts of tiny.
  const auto overlap =
      run_castgraph("overlap " + tiny_path() + " --hosts h1,h2,h3,h4,h5,h6,h7,h8 --json");
  INFO(overlap.err);
  REQUIRE(overlap.status == 0);
  const json matrix = json::parse(overlap.out);
  std::vector<std::string> ids;
  for (const auto& host : matrix["hosts"]) ids.push_back("host:" + host["id"].get<std::string>());
  REQUIRE(ids.size() == 8);
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < ids.size(); ++i)
    for (std::size_t j = i + 1; j < ids.size(); ++j) pairs += matrix["shared"][i][j] > 0;
  REQUIRE(pairs > 0);

  TempDir dir;
  for (const std::string format : {"graphml", "gexf", "csv"}) {
    INFO(format);
    const auto out = dir / ("audience." + format);
    const auto result = run_castgraph("export " + tiny_path() + " --audience --communities -o " +
                                      shell_quote(out.string()));
    INFO(result.err);
    REQUIRE(result.status == 0);
    CHECK_THAT(result.out, Catch::Contains(std::to_string(pairs) + " pairs"));
    if (format != "csv")
      CHECK(std::system(("xmllint --noout " + shell_quote(out.string())).c_str()) == 0);
    const json graph = read_back(dir, out, format);
    CHECK(graph["directed"] == false);
    REQUIRE(graph["edges"].size() == pairs);
    for (const auto& edge : graph["edges"]) {
      const auto a = std::find(ids.begin(), ids.end(), edge[0].get<std::string>()) - ids.begin();
      const auto b = std::find(ids.begin(), ids.end(), edge[1].get<std::string>()) - ids.begin();
      REQUIRE(a < 8);
      REQUIRE(b < 8);
      INFO(edge[0] << " " << edge[1]);
      const json& d = edge[2];
      CHECK(d["weight"].get<double>() == matrix["shared"][a][b].get<double>());
      CHECK(d["jaccard"].get<double>() == Approx(matrix["jaccard"][a][b].get<double>()));
      // a_in_b: of the source's people, the share who follow the target. CSV rows keep
      // source and target; NetworkX's undirected graphs may hand the pair either way round.
      const double a_in_b = d["a_in_b"].get<double>(), b_in_a = d["b_in_a"].get<double>();
      const double ab = matrix["a_in_b"][a][b].get<double>(),
                   ba = matrix["a_in_b"][b][a].get<double>();
      if (graph["ordered"] == true) {
        CHECK(a_in_b == Approx(ab));
        CHECK(b_in_a == Approx(ba));
      } else {
        CHECK(((a_in_b == Approx(ab) && b_in_a == Approx(ba)) ||
               (a_in_b == Approx(ba) && b_in_a == Approx(ab))));
      }
    }
    if (format == "csv") continue;
    // Host attributes: tiny's README gives h1 (李佳) 10.3M declared fans on base sy.
    const json& h1 = graph["nodes"]["host:h1"];
    CHECK((format == "gexf" ? h1["label"] : h1["name"]) == "李佳");
    CHECK(h1["fans"] == 10'300'000);
    CHECK(h1["tier"] == "10M+");
    CHECK(h1["base"] == "沈阳直播电商基地");
    CHECK(h1["province"] == "辽宁");
    CHECK(h1["fee"] == 200000.0);
    CHECK(h1["community"] >= 1);
    CHECK(h1["reach"] == matrix["hosts"][0]["reach"]);
    CHECK(graph["nodes"].size() == 8);
  }
}

TEST_CASE("export --audience refuses formats it does not write, and --fans", "[cli]") {
  TempDir dir;
  for (const char* name : {"a.json", "a.dot"}) {
    const auto result = run_castgraph("export " + tiny_path() + " --audience -o " +
                                      shell_quote((dir / name).string()));
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains(".csv"));
  }
  CHECK(run_castgraph("export " + tiny_path() + " --audience --fans -o " +
                      shell_quote((dir / "a.csv").string()))
            .status == 2);
  // The typed export keeps refusing .csv.
  CHECK(run_castgraph("export " + tiny_path() + " -o " + shell_quote((dir / "a.csv").string()))
            .status == 2);
}
