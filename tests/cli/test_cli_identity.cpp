// One identity per entity across outputs, checked through the binary: community N has the
// same number, size and colour in `render` (both views that show communities), `report`
// and `communities --json`, and a base has the same colour in the network and hosts views.
#include <catch2/catch.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "support/run_command.hpp"

using castgraph::testing::read_file;
using castgraph::testing::run_castgraph;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::TempDir;

namespace {

std::string liaoning() { return shell_quote(source_path("samples/liaoning")); }

struct DotNode {
  std::string shape, label, fill;
};

// The nodes of castgraph's DOT: n<i> [shape=S label="..." ... fillcolor="#RRGGBB" ...].
std::vector<DotNode> dot_nodes(const std::string& dot) {
  static const std::regex node(
      R"re(^\s*n\d+ \[shape=(\w+) label="((?:[^"\\]|\\.)*)".* fillcolor="(#[0-9A-Fa-f]{6})")re");
  std::vector<DotNode> nodes;
  std::istringstream lines(dot);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_search(line, match, node)) nodes.push_back({match[1], match[2], match[3]});
  }
  return nodes;
}

std::string render_dot(const TempDir& dir, const std::string& options) {
  const auto out = dir / "diagram.dot";
  const auto result =
      run_castgraph("render " + liaoning() + " -o " + shell_quote(out.string()) + " " + options);
  INFO(options << "\n" << result.err);
  REQUIRE(result.status == 0);
  return read_file(out);
}

// "社区 12 · 784 位主播..." -> 12 (and the size when asked); 0 when the label is no community.
unsigned community_in(const std::string& label, unsigned* size = nullptr) {
  static const std::regex community(R"(^社区 (\d+)(?: · (\d+) 位主播)?)");
  std::smatch match;
  if (!std::regex_search(label, match, community)) return 0;
  if (size && match[2].matched) *size = std::stoul(match[2]);
  return std::stoul(match[1]);
}

std::string first_line(const std::string& label) { return label.substr(0, label.find("\\n")); }

}  // namespace

TEST_CASE("a community has one number, size and colour in render, report and communities --json",
          "[cli]") {
  TempDir dir;
  const auto json_result = run_castgraph("communities " + liaoning() + " --json");
  REQUIRE(json_result.status == 0);
  const auto json = nlohmann::json::parse(json_result.out);

  std::map<unsigned, std::string> colour;  // community number -> fill, from every source
  std::map<unsigned, unsigned> size_in_view;
  auto agree = [&](unsigned number, const std::string& fill, const std::string& where) {
    INFO("community " << number << " in " << where);
    const auto [it, fresh] = colour.emplace(number, fill);
    CHECK(it->second == fill);
  };
  for (const DotNode& node : dot_nodes(render_dot(dir, "--view communities --top 40"))) {
    unsigned size = 0;
    if (const unsigned number = community_in(node.label, &size)) {
      agree(number, node.fill, "the communities view");
      size_in_view[number] = size;
    }
  }
  for (const DotNode& node : dot_nodes(render_dot(dir, "--view hosts --color community --top 40")))
    if (node.shape == "folder")
      if (const unsigned number = community_in(node.label)) agree(number, node.fill, "hosts view");
  REQUIRE(size_in_view.size() >= 10);

  // Numbered by size, largest first, and the views' sizes are the JSON's.
  for (std::size_t i = 0; i < json["communities"].size(); ++i) {
    const auto& c = json["communities"][i];
    CHECK(c["community"] == i + 1);
    if (i > 0) CHECK(c["size"] <= json["communities"][i - 1]["size"]);
    if (size_in_view.count(i + 1)) CHECK(size_in_view[i + 1] == c["size"]);
  }
  // The seven largest get the seven palette colours, each its own; the rest share grey.
  std::set<std::string> palette;
  for (const auto& [number, fill] : colour)
    if (number <= 7)
      palette.insert(fill);
    else
      CHECK(fill == "#BBBBBB");
  for (unsigned number = 1; number <= 7; ++number) CHECK(colour.count(number) == 1);
  CHECK(palette.size() == 7);
  CHECK(palette.count("#BBBBBB") == 0);

  // The report's table shows the same number with a swatch of the same colour.
  const auto page = dir / "report.html";
  const auto report = run_castgraph("report " + liaoning() + " -o " + shell_quote(page.string()));
  INFO(report.err);
  REQUIRE(report.status == 0);
  const std::string html = read_file(page);
  std::size_t rows = 0;
  for (const auto& [number, fill] : colour) {
    const std::size_t row = html.find("<tr data-row=\"" + std::to_string(number) + "\"");
    if (row == std::string::npos) continue;  // the report lists the largest 20
    const std::size_t swatch = html.find("data-colour=\"", row);
    REQUIRE(swatch != std::string::npos);
    CHECK(html.substr(swatch + 13, 7) == fill);
    CHECK(html.find("data-cell=\"communities/" + std::to_string(number) + "/size\"") !=
          std::string::npos);
    ++rows;
  }
  CHECK(rows >= 10);
}

TEST_CASE("a base has one colour in the network and hosts views, from run to run", "[cli]") {
  TempDir dir;
  std::map<std::string, std::string> colour;  // base name -> fill
  std::size_t compared = 0;
  for (const std::string options : {"", "--view hosts --color base", "--top 60", ""})
    for (const DotNode& node : dot_nodes(render_dot(dir, options))) {
      // Base nodes (box) and the folded rest of a base (folder) open with the base's name.
      if (node.shape != "box" && node.shape != "folder") continue;
      const std::string name = first_line(node.label);
      if (name.rfind("其他", 0) == 0) continue;  // "other bases" stands for no one base
      INFO("base " << name << " with " << options);
      const auto [it, fresh] = colour.emplace(name, node.fill);
      CHECK(it->second == node.fill);
      compared += !fresh;
    }
  CHECK(compared >= 20);
  CHECK(colour.at("无基地 no base") == "#FFFFFF");
}
