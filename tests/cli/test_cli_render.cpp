// castgraph render and castgraph export, run as a user would run them.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "support/run_command.hpp"

using castgraph::testing::read_file;
using castgraph::testing::run_castgraph;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::TempDir;
using castgraph::testing::tiny_path;

namespace {}  // namespace

TEST_CASE("render writes SVG, PNG, PDF and DOT that their readers accept", "[cli]") {
  TempDir dir;
  for (const char* extension : {"svg", "png", "pdf", "dot"}) {
    INFO(extension);
    const auto out = dir / (std::string("tiny.") + extension);
    const auto result = run_castgraph("render " + tiny_path() + " -o " + shell_quote(out.string()));
    INFO(result.err);
    REQUIRE(result.status == 0);
    CHECK(result.out.find("wrote") != std::string::npos);
    const std::string bytes = read_file(out);
    if (std::string(extension) == "png") CHECK(bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
    if (std::string(extension) == "pdf") CHECK(bytes.rfind("%PDF-", 0) == 0);
    if (std::string(extension) == "svg")
      CHECK(std::system(("xmllint --noout " + shell_quote(out.string())).c_str()) == 0);
    if (std::string(extension) == "dot")
      CHECK(std::system(("dot -Tcanon " + shell_quote(out.string()) + " >/dev/null").c_str()) == 0);
  }
  // No temporary files are left beside the output.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  CHECK(files == 4);
}

TEST_CASE("render gives the same bytes for the same input twice", "[cli]") {
  TempDir dir;
  for (const char* extension : {"svg", "png"}) {
    const auto a = dir / (std::string("a.") + extension), b = dir / (std::string("b.") + extension);
    REQUIRE(run_castgraph("render " + tiny_path() + " --view hosts -o " + shell_quote(a.string()))
                .status == 0);
    REQUIRE(run_castgraph("render " + tiny_path() + " --view hosts -o " + shell_quote(b.string()))
                .status == 0);
    CHECK(read_file(a) == read_file(b));
  }
}

TEST_CASE("render draws the ego view of a host named by id", "[cli]") {
  TempDir dir;
  const auto out = dir / "ego.dot";
  const auto result = run_castgraph("render " + tiny_path() + " --view ego --ego h1 --hops 1 -o " +
                                    shell_quote(out.string()));
  INFO(result.err);
  REQUIRE(result.status == 0);
  const std::string dot = read_file(out);
  CHECK(dot.find("李佳") != std::string::npos);
  CHECK(dot.find("peripheries=2") != std::string::npos);  // the ego stands out
}

TEST_CASE("render refuses bad calls with exit status 2", "[cli]") {
  TempDir dir;
  CHECK(run_castgraph("render " + tiny_path() + " -o " + shell_quote((dir / "x.gif").string()))
            .status == 2);
  CHECK(run_castgraph("render " + tiny_path() + " --view ego -o " +
                      shell_quote((dir / "x.svg").string()))
            .status == 2);
  CHECK(run_castgraph("render " + tiny_path() + " --ego h1 -o " +
                      shell_quote((dir / "x.svg").string()))
            .status == 2);
  CHECK(run_castgraph("render " + tiny_path() + " --view ego --ego nobody -o " +
                      shell_quote((dir / "x.svg").string()))
            .status == 2);
  CHECK(run_castgraph("render " + tiny_path() + " --layout spring -o " +
                      shell_quote((dir / "x.svg").string()))
            .status == 2);
}

TEST_CASE("render and export refuse to write over their input", "[cli]") {
  TempDir dir;
  // A dataset directory whose name looks like an output file.
  const auto data = dir / "data.dot";
  std::filesystem::copy(source_path("samples/tiny"), data);
  const auto result =
      run_castgraph("render " + shell_quote(data.string()) + " -o " + shell_quote(data.string()));
  CHECK(result.status == 2);
  CHECK(result.err.find("is an input") != std::string::npos);
  CHECK(std::filesystem::is_directory(data));
  CHECK(run_castgraph("export " + shell_quote(data.string()) + " -o " + shell_quote(data.string()))
            .status == 2);
}

TEST_CASE("render --help teaches the views, layouts and an example", "[cli]") {
  const auto result = run_castgraph("render --help");
  CHECK(result.status == 0);
  for (const char* word : {"--view", "ego", "communities", "--layout", "sfdp", "--top", "--color",
                           "Examples:", "320万", "fonts-noto-cjk"})
    CHECK(result.out.find(word) != std::string::npos);
}

TEST_CASE("export writes GraphML that NetworkX reads back", "[cli]") {
  TempDir dir;
  const auto out = dir / "tiny.graphml";
  const auto result = run_castgraph("export " + tiny_path() + " -o " + shell_quote(out.string()));
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto script =
      dir.write("count.py",
                "import sys, networkx as nx\ng = nx.read_graphml(sys.argv[1])\n"
                "print(g.number_of_nodes(), g.number_of_edges(), g.nodes['host:h1']['name'])\n");
  const std::string command = "/usr/bin/python3 " + shell_quote(script.string()) + " " +
                              shell_quote(out.string()) + " > " + shell_quote((dir / "o").string());
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(read_file(dir / "o") == "23 29 李佳\n");
  CHECK(run_castgraph("export " + tiny_path() + " -o " + shell_quote((dir / "x.csv").string()))
            .status == 2);
}
