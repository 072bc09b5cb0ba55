// castgraph-mpi render against castgraph's: the same picture (DOT source and Graphviz's
// SVG), byte for byte, and the same line on stdout but for the time taken, on 1 to 4
// ranks, for every view, the ego view too (its people shared with the ego summed over
// ranks, its neighbours and those within --hops a union over them); the same failures.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

namespace {

// The report without its " in 0.3 s" (the time taken, which differs from run to run).
std::string without_elapsed(const std::string& out) { return out.substr(0, out.rfind(" in ")); }

// `render DATASET <flags> -o FILE` by castgraph and by castgraph-mpi on 1 to 4 ranks.
void expect_same_picture(const std::string& dataset, const std::string& flags,
                         const std::string& extension) {
  const TempDir out;
  const std::string one = (out / ("one." + extension)).string();
  const CommandResult drew_one =
      run_castgraph("render " + dataset + " " + flags + " -o " + shell_quote(one));
  INFO("castgraph render " << flags << "\n" << drew_one.err);
  REQUIRE(drew_one.status == 0);
  const std::string picture = read_file(one);
  REQUIRE(picture.size() > 100);
  const std::string report = without_elapsed(drew_one.out).substr(("wrote " + one).size());
  for (int ranks = 1; ranks <= 4; ++ranks) {
    const std::string many = (out / (std::to_string(ranks) + "." + extension)).string();
    const CommandResult drew_many =
        run_mpi(ranks, "render " + dataset + " " + flags + " -o " + shell_quote(many));
    INFO("castgraph-mpi on " << ranks << " ranks\n" << drew_many.err);
    CHECK(drew_many.status == 0);
    CHECK(without_elapsed(drew_many.out) == "wrote " + many + report);
    CHECK(read_file(many) == picture);
  }
}

}  // namespace

TEST_CASE("castgraph-mpi render draws castgraph's network, hosts and communities views") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  expect_same_picture(tiny, "--top 5", "dot");  // ranks owning no fan
  // Top hosts by reach summed over ranks, their shared-audience ties, communities.
  expect_same_picture(liaoning, "--view hosts --top 25 --color community", "svg");
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  expect_same_picture(data, "--top 12 --groups 3", "dot");
  // Each community's people and those each pair of communities shares, summed over ranks.
  expect_same_picture(liaoning, "--view communities", "svg");
  expect_same_picture(data, "--view communities --top 8", "dot");
}

TEST_CASE("castgraph-mpi render draws castgraph's ego view") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  // h1's fans live on some ranks only; --hops 2 counts the ring beyond its neighbours.
  expect_same_picture(tiny, "--view ego --ego h1 --hops 2", "dot");
  // The host of most reach: 1,815 hosts share its fans (beyond --top they fold into one
  // node), 6,147 within two hops, its people shared counted in hundreds of thousands.
  expect_same_picture(liaoning, "--view ego --ego h11655 --hops 2 --top 6 --color community",
                      "svg");
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  expect_same_picture(data, "--view ego --ego h2 --hops 2 --top 8", "dot");
}

TEST_CASE("castgraph-mpi render fails on every rank as castgraph does") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  TempDir out;
  const std::string svg = shell_quote((out / "tiny.svg").string());
  expect_same_failure_as_castgraph("render " + tiny + " -o " +
                                   shell_quote((out / "tiny.gif").string()));
  expect_same_failure_as_castgraph("render " + tiny + " --view ego -o " + svg);
  expect_same_failure_as_castgraph("render " + tiny + " --ego h1 -o " + svg);
  expect_same_failure_as_castgraph("render " + tiny + " --view ego --ego nobody -o " + svg);
  CHECK(!std::filesystem::exists(out / "tiny.svg"));
}
