// castgraph-mpi tiers against castgraph's: the same bands, cumulative counts and groups in
// every output form, byte for byte on 1 to 4 ranks (mpi_expect.hpp), and the same failures.
#include <catch2/catch.hpp>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

TEST_CASE("castgraph-mpi tiers equals castgraph's on the samples and a generated panel") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  // samples/tiny: most ranks own no fan, and tiers read none.
  expect_same_as_castgraph("tiers " + tiny + " --json", true);
  expect_same_as_castgraph("tiers " + tiny + " --thresholds 1,3 --csv --bom");
  expect_same_as_castgraph("tiers " + liaoning + " --by platform", true);
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  // Chinese units, one platform, grouped by base: the JSON with its table.
  expect_same_as_castgraph("tiers " + data + " --thresholds 10万,100万 --by base --json", true);
  expect_same_as_castgraph("tiers " + data + " --platform p2 --by kind --csv");
}

TEST_CASE("castgraph-mpi tiers writes castgraph's workbook from the root") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  TempDir out;
  const std::string one = (out / "one.xlsx").string(), many = (out / "many.xlsx").string();
  const CommandResult wrote_one = run_castgraph("tiers " + tiny + " -o " + shell_quote(one));
  REQUIRE(wrote_one.status == 0);
  const CommandResult wrote_many = run_mpi(3, "tiers " + tiny + " -o " + shell_quote(many));
  INFO(wrote_many.err);
  REQUIRE(wrote_many.status == 0);
  CHECK(wrote_many.out == "wrote " + many + wrote_one.out.substr(("wrote " + one).size()));
  // The cells as the Python standard library reads them (a zip stamps its own times).
  const std::string reader = "python3 " + shell_quote(source_path("tests/support/read_xlsx.py"));
  const CommandResult cells_one = run_program(reader, shell_quote(one));
  const CommandResult cells_many = run_program(reader, shell_quote(many));
  REQUIRE(cells_one.status == 0);
  CHECK(cells_one.out.find("cumulative") != std::string::npos);
  CHECK(cells_many.out == cells_one.out);
}

TEST_CASE("castgraph-mpi tiers fails on every rank as castgraph does") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  expect_same_failure_as_castgraph("tiers " + tiny + " --thresholds 1M,100k");
  expect_same_failure_as_castgraph("tiers " + tiny + " --platform nowhere");
  // A flag CLI11 refuses: its two lines (the error and the hint), as castgraph prints them.
  const CommandResult one = run_castgraph("tiers " + tiny + " --by city");
  REQUIRE(one.status == 2);
  for (int ranks = 1; ranks <= 4; ranks += 3) {
    const CommandResult many = run_mpi(ranks, "tiers " + tiny + " --by city");
    CHECK(many.status == one.status);
    CHECK(many.err.substr(0, one.err.size()) == one.err);
    CHECK(many.out.empty());
  }
}
