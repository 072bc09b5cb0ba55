// The built castgraph binary, run as a user would, on samples/tiny and on bad input.
#include <catch2/catch.hpp>

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "support/run_command.hpp"

using namespace castgraph::testing;
using nlohmann::json;

namespace {
const std::string kTiny = shell_quote(source_path("samples/tiny"));
}

TEST_CASE("info --json on the tiny sample reports the hand-counted figures", "[cli]") {
  const auto result = run_castgraph("info " + kTiny + " --json");
  REQUIRE(result.status == 0);
  const json info = json::parse(result.out);
  CHECK(info["platforms"] == 3);
  CHECK(info["bases"] == 2);
  CHECK(info["broadcasters"] == 8);
  CHECK(info["fanbases"] == 10);
  CHECK(info["fans"] == 20);
  CHECK(info["people"] == 1023);
  CHECK(info["follows"] == 28);
  CHECK(info["collabs"] == 3);
  CHECK(info["declared_fans"] == 14'879'999);
  CHECK(info["components"] == 2);
}

TEST_CASE("info prints an aligned table by default", "[cli]") {
  const auto result = run_castgraph("info " + kTiny);
  REQUIRE(result.status == 0);
  // 1487.9999万 rounds to nearest (issue 21); truncation wrote 1487万.
  CHECK_THAT(result.out, Catch::Contains("declared fans                14,879,999  (1488万)"));
}

TEST_CASE("tiers --json follows the documented shape", "[cli]") {
  const auto result = run_castgraph("tiers " + kTiny + " --json");
  REQUIRE(result.status == 0);
  const json tiers = json::parse(result.out);
  CHECK(tiers["thresholds"] == json({100000, 1000000, 10000000}));
  REQUIRE(tiers["bands"].size() == 4);
  CHECK(tiers["bands"][1]["name"] == "100k-1M");
  CHECK(tiers["bands"][1]["min"] == 100000);
  CHECK(tiers["bands"][1]["hosts"] == 2);
  CHECK(tiers["bands"][1]["fans"] == 250000);
  CHECK(tiers["cumulative"][0] == json({{"name", "100k+"}, {"min", 100000}, {"hosts", 5}}));
}

TEST_CASE("tiers accepts thresholds in 万 and groups by platform", "[cli]") {
  const auto result =
      run_castgraph("tiers " + kTiny + " --thresholds 10万,100万 --by platform --json");
  REQUIRE(result.status == 0);
  const json tiers = json::parse(result.out);
  CHECK(tiers["douyin"]["name"] == "抖音");
  CHECK(tiers["douyin"]["thresholds"] == json({100000, 1000000}));
  CHECK(tiers["douyin"]["bands"][2]["hosts"] == 3);
  CHECK(tiers["momo"]["bands"][0]["hosts"] == 1);
}

TEST_CASE("tiers --csv writes one row per band and per cumulative count", "[cli]") {
  const auto result = run_castgraph("tiers " + kTiny + " --csv --platform 快手");
  REQUIRE(result.status == 0);
  CHECK(result.out ==
        "group,row,name,min,max,hosts,fans\n"
        ",band,<100k,0,100000,1,0\n"
        ",band,100k-1M,100000,1000000,3,1050000\n"
        ",band,1M-10M,1000000,10000000,0,0\n"
        ",band,10M+,10000000,,0,0\n"
        ",cumulative,100k+,100000,,3,\n"
        ",cumulative,1M+,1000000,,0,\n"
        ",cumulative,10M+,10000000,,0,\n");
}

TEST_CASE("bad data exits 65 with file:line:column, bad usage exits 2", "[cli]") {
  TempDir dir;
  for (const char* name : {"platforms.csv", "bases.csv", "broadcasters.csv", "fanbases.csv"})
    std::filesystem::copy_file(source_path("samples/tiny/") + name, dir / name);
  dir.write("fanbases.csv", "broadcaster,platform,fans\nh1,douyin,lots\n");
  const auto bad = run_castgraph("info " + shell_quote(dir.path().string()));
  CHECK(bad.status == 65);
  CHECK_THAT(bad.err, Catch::Contains(
                          "fanbases.csv:2:11: fans must be a non-negative integer, found 'lots'"));
  CHECK(bad.out.empty());

  CHECK(run_castgraph("tiers " + kTiny + " --thresholds 1M,100k").status == 2);
  CHECK(run_castgraph("tiers " + kTiny + " --platform tiktok").status == 2);
  CHECK(run_castgraph("tiers " + kTiny + " --by colour").status == 2);
  CHECK(run_castgraph("info").status == 2);
  CHECK(run_castgraph("no-such-command").status == 2);
  CHECK(run_castgraph("info /no/such/dataset").status == 74);
}

TEST_CASE("lenient loading writes the rejects file and says how many rows it skipped", "[cli]") {
  TempDir dir;
  for (const char* name : {"platforms.csv", "bases.csv", "broadcasters.csv", "fanbases.csv"})
    std::filesystem::copy_file(source_path("samples/tiny/") + name, dir / name);
  dir.write("follows.csv", "fan,broadcaster,platform\nf1,h1,douyin\nf2,h99,douyin\nf3,h2,\n");
  const auto rejects = dir / "out" / "rejects.csv";
  std::filesystem::create_directories(dir / "out");
  const auto result = run_castgraph("info " + shell_quote(dir.path().string()) +
                                    " --lenient --json --rejects " + shell_quote(rejects.string()));
  REQUIRE(result.status == 0);
  CHECK(json::parse(result.out)["follows"] == 2);
  CHECK_THAT(result.err, Catch::Contains("skipped 1 bad row of follows.csv"));
  const std::string written = read_file(rejects);
  CHECK_THAT(written, Catch::StartsWith("file,line,column,reason,row\n"));
  CHECK_THAT(written,
             Catch::Contains(
                 ",3,4,unknown broadcaster 'h99' (not in broadcasters.csv),\"f2,h99,douyin\""));
}

TEST_CASE("every command explains itself with --help", "[cli]") {
  // Each command, and words of its help that no other command's help needs to hold.
  const std::map<std::string, std::string> specific{{"audit", "Fraudar"},
                                                    {"info", "Count what a dataset holds"},
                                                    {"tiers", "fan-count tier"},
                                                    {"snapshot", "binary snapshot file"},
                                                    {"generate", "synthetic dataset"},
                                                    {"reach", "unique reach"},
                                                    {"overlap", "Jaccard"},
                                                    {"render", "Graphviz"},
                                                    {"export", "GraphML"},
                                                    {"communities", "Leiden"},
                                                    {"rank", "pagerank"},
                                                    {"plan", "marginal reach"},
                                                    {"report", "HTML file"},
                                                    {"check", "checksum"}};
  const auto top = run_castgraph("--help");
  CHECK(top.status == 0);
  // The commands the top-level help lists: a new one must be added above.
  std::set<std::string> listed;
  std::istringstream lines(top.out.substr(top.out.find("Subcommands:")));
  for (std::string line; std::getline(lines, line);)
    if (line.size() > 3 && line.starts_with("  ") &&
        std::islower(static_cast<unsigned char>(line[2])))
      listed.insert(line.substr(2, line.find(' ', 2) - 2));
  std::set<std::string> known;
  for (const auto& [command, words] : specific) known.insert(command);
  CHECK(listed == known);
  for (const auto& [command, words] : specific) {
    INFO(command);
    const auto result = run_castgraph(command + " --help");
    CHECK(result.status == 0);
    CHECK_THAT(result.out, Catch::Contains("Usage: castgraph " + command + " "));
    CHECK_THAT(result.out, Catch::Contains(words));
    if (command != "generate") CHECK_THAT(result.out, Catch::Contains("DATASET"));
  }
}
