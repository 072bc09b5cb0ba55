// castgraph-mpi reach --method model against castgraph's: the same duplication fit (each
// class's shared people and pairs, the fans left out), the same exact counts for the hosts
// with follows and the same estimate for the rest, byte for byte on 1 to 4 ranks
// (mpi_expect.hpp); the same refusals.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

TEST_CASE("castgraph-mpi reach --method model equals castgraph's on the samples") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  // samples/tiny on douyin: four hosts have follows there, four are modelled; ranks own
  // few fans or none.
  expect_same_as_castgraph(
      "reach " + tiny + " --hosts h1,h2,h3,h4,h5,h6,h7,h8 --method model --platform douyin --json",
      true);
  // samples/liaoning: fitted classes of pairs over a panel's weights, and a breakdown.
  expect_same_as_castgraph(
      "reach " + liaoning + " --hosts h1,h2,h3,h4,h5 --method model --by province --json", true);
}

TEST_CASE("castgraph-mpi reach --method model equals castgraph's when some hosts lack follows") {
  TempDir dir;
  const auto data = dir / "panel";
  REQUIRE(
      run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + shell_quote(data.string()))
          .status == 0);
  // h1 and h2 lose their follows, so the model places them on top of the others' union.
  std::istringstream rows(read_file(data / "follows.csv"));
  std::ofstream kept(data / "follows.csv", std::ios::trunc);
  std::size_t left_out = 0;
  for (std::string row; std::getline(rows, row);) {
    const bool dropped =
        row.find(",h1,") != std::string::npos || row.find(",h2,") != std::string::npos;
    if (dropped)
      ++left_out;
    else
      kept << row << "\n";
  }
  kept.close();
  REQUIRE(left_out > 0);
  expect_same_as_castgraph(
      "reach " + shell_quote(data.string()) + " --hosts h1,h2,h3,h4,h5,h6 --method model --json",
      true);
}

TEST_CASE("castgraph-mpi reach --method model refuses what castgraph refuses") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  // momo has no population, which the model needs.
  expect_same_failure_as_castgraph("reach " + tiny + " --hosts h1,h2 --method model");
  // Declared counts have no provinces.
  const std::string region = "reach " + tiny + " --hosts h1,h2 --method model --region 辽宁";
  const CommandResult one = run_castgraph(region);
  const CommandResult many = run_mpi(3, region);
  CHECK(one.status == 2);
  CHECK(many.status == one.status);
  CHECK(first_line(many.err) == one.err);
}
