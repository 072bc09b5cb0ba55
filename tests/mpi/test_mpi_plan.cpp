// castgraph-mpi plan against castgraph's: the same roster, gains, bounds, stop reason and
// evaluations, byte for byte, on 1 to 4 ranks (mpi_expect.hpp).
#include <catch2/catch.hpp>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

TEST_CASE("castgraph-mpi plan equals castgraph's on samples/tiny, where ranks own few fans") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  // k with the LP bound; a budget (the best-single-host run) with an exclusion; included
  // hosts, a base cap and a platform; the declared model, which reads no fan.
  expect_same_as_castgraph("plan " + tiny + " --k 3 --json", true);
  expect_same_as_castgraph("plan " + tiny + " --budget 100万 --exclude h7 --json", true);
  expect_same_as_castgraph(
      "plan " + tiny + " --k 4 --include h2 --max-per-base 1 --platform douyin --enumerate --json",
      true);
  expect_same_as_castgraph("plan " + tiny + " --k 3 --method declared --platform douyin --json",
                           true);
}

TEST_CASE("castgraph-mpi plan equals castgraph's on samples/liaoning, with its LP bound") {
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  expect_same_as_castgraph("plan " + liaoning + " --k 20 --max-per-base 2 --json", true);
  expect_same_as_castgraph("plan " + liaoning + " --budget 2M --min-tier 10万 --json", true);
}

TEST_CASE("castgraph-mpi plan equals castgraph's on a generated panel, --optimal included") {
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  expect_same_as_castgraph("plan " + data + " --k 6 --platform p1 --json", true);
  // The integer program's roster and bound (the CSV leaves out its wall time).
  expect_same_as_castgraph("plan " + data + " --budget 3000 --optimal --csv", true);
}

TEST_CASE("castgraph-mpi plan --region and --city equal castgraph's on a generated panel") {
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  // Only the fans of a province, then of a city (with an included host, which takes the
  // LP bound's scan of each candidate's reach); an unknown place fails alike.
  expect_same_as_castgraph("plan " + data + " --k 6 --region 辽宁省 --json", true);
  expect_same_as_castgraph("plan " + data + " --k 4 --city 沈阳 --include h2 --platform p1 --json",
                           true);
  expect_same_failure_as_castgraph("plan " + data + " --k 3 --region 火星");
}

TEST_CASE("castgraph-mpi plan --method sketch equals castgraph's, its stated error too") {
  // Every rank's registers, max-merged, are the registers one node builds, so every
  // estimate, gain, bound and the relative error the JSON states come out the same.
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  expect_same_as_castgraph("plan " + tiny + " --k 3 --method sketch --json", true);
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  expect_same_as_castgraph(
      "plan " + liaoning + " --k 15 --method sketch --precision 10 --max-per-base 2 --json", true);
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  // Weighted fans, one platform's fanbases and one province's fans, under a budget.
  expect_same_as_castgraph(
      "plan " + data + " --budget 3000 --method sketch --platform p1 --region 辽宁省 --json", true);
  // Refusals after the registers were merged, and before: the same as castgraph's.
  expect_same_failure_as_castgraph("plan " + data + " --k 3 --method sketch --optimal");
  expect_same_failure_as_castgraph("plan " + data + " --k 3 --method sketch --region 火星");
}

TEST_CASE("castgraph-mpi plan refuses what castgraph refuses") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  expect_same_failure_as_castgraph("plan " + tiny + " --k 2 --include h1,h2,h3");  // more than k
  expect_same_failure_as_castgraph("plan " + tiny +
                                   " --budget 1 --include h1");  // above the budget
}
