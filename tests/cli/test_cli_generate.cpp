// `castgraph generate`, run as a user would: help, exit codes, and a generated dataset
// read back by `info` and `tiers`.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "support/run_command.hpp"

using namespace castgraph::testing;
using nlohmann::json;

TEST_CASE("generate --help lists the presets and explains scale and seed", "[cli][generate]") {
  const auto result = run_castgraph("generate --help");
  REQUIRE(result.status == 0);
  for (const char* text :
       {"liaoning", "jilin", "northeast", "tiny", "--scale", "--seed", "byte-identical"})
    CHECK_THAT(result.out, Catch::Contains(text));
}

TEST_CASE("a generated tiny dataset reads back with info and tiers", "[cli][generate]") {
  TempDir dir;
  const std::string out = shell_quote((dir / "tiny").string());
  const auto generated = run_castgraph("generate --preset tiny --scale 0.5 --seed 3 -o " + out);
  REQUIRE(generated.status == 0);
  CHECK_THAT(generated.out, Catch::Contains("follows.csv"));

  const auto info = run_castgraph("info " + out + " --json");
  REQUIRE(info.status == 0);
  const json figures = json::parse(info.out);
  CHECK(figures["broadcasters"] == 36);
  CHECK(figures["platforms"] == 3);
  CHECK(figures["declared_fans"] == 400'000);
  CHECK(figures["fans"] < figures["follows"]);
}

TEST_CASE("generated liaoning has the published tier counts at any scale", "[cli][generate]") {
  TempDir dir;
  const std::string out = shell_quote((dir / "liaoning").string());
  REQUIRE(run_castgraph("generate --preset liaoning --scale 0.0002 -q -o " + out).status == 0);
  const auto result = run_castgraph("tiers " + out + " --json");
  REQUIRE(result.status == 0);
  const json tiers = json::parse(result.out);
  std::map<std::string, std::uint64_t> at_least;
  for (const auto& level : tiers["cumulative"]) at_least[level["name"]] = level["hosts"];
  CHECK(at_least["100k+"] > 70);
  CHECK(at_least["1M+"] > 30);
  CHECK(at_least["10M+"] == 0);
  const auto info = json::parse(run_castgraph("info " + out + " --json").out);
  CHECK(info["broadcasters"] == 12'000);
  CHECK(info["declared_fans"] > 116'000'000);
}

TEST_CASE("samples/liaoning is exactly what its README's command writes", "[cli][generate]") {
  TempDir dir;
  REQUIRE(run_castgraph("generate --preset liaoning --scale 0.001 --seed 1 -q -o " +
                        shell_quote((dir / "liaoning").string()))
              .status == 0);
  for (const char* file : {"platforms.csv", "bases.csv", "broadcasters.csv", "fanbases.csv",
                           "fans.csv", "follows.csv", "collabs.csv"}) {
    INFO(file);
    CHECK(read_file(dir / "liaoning" / file) == read_file(source_path("samples/liaoning/") + file));
  }
  CHECK_THAT(
      read_file(source_path("samples/liaoning/README.md")),
      Catch::Contains(
          "castgraph generate --preset liaoning --scale 0.001 --seed 1 -o samples/liaoning"));
}

TEST_CASE("generate exits 2 on bad usage and 74 when it cannot write", "[cli][generate]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "busy");
  dir.write("busy/notes.txt", "");
  CHECK(
      run_castgraph("generate --preset atlantis -o " + shell_quote((dir / "x").string())).status ==
      2);
  CHECK(run_castgraph("generate --preset tiny --scale 0 -o " + shell_quote((dir / "x").string()))
            .status == 2);
  CHECK(run_castgraph("generate --preset tiny --scale 2 -o " + shell_quote((dir / "x").string()))
            .status == 2);
  CHECK(run_castgraph("generate --preset tiny").status == 2);
  const auto busy =
      run_castgraph("generate --preset tiny -o " + shell_quote((dir / "busy").string()));
  CHECK(busy.status == 2);
  CHECK_THAT(busy.err, Catch::Contains("--force"));
  CHECK(run_castgraph("generate --preset tiny -q --scale 0.01 --force -o " +
                      shell_quote((dir / "busy").string()))
            .status == 0);
  CHECK(run_castgraph("generate --preset tiny -o " + shell_quote((dir / "busy/notes.txt").string()))
            .status == 2);
  CHECK(run_castgraph("generate --preset tiny -o /dev/null/sub").status == 74);
}
