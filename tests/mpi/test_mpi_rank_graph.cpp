// castgraph-mpi rank --by pagerank, betweenness and bridging against castgraph's: the same
// graph (the co-stream graph every rank holds, or the audience graph and projection from
// every rank's host pairs), the same scores to the bit, the same order and the same
// provinces of the hosts shown, byte for byte on 1 to 4 ranks (mpi_expect.hpp).
#include <catch2/catch.hpp>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

TEST_CASE("castgraph-mpi rank on host graphs equals castgraph's on samples/tiny") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  expect_same_as_castgraph("rank " + tiny + " --by pagerank --json", true);  // collab (auto)
  // The audience graph, whose pairs ranks owning few fans count in part.
  expect_same_as_castgraph("rank " + tiny + " --by betweenness --graph audience --json", true);
  expect_same_as_castgraph("rank " + tiny + " --by bridging --json", true);
}

TEST_CASE("castgraph-mpi rank on host graphs equals castgraph's on samples/liaoning") {
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  // PageRank over the audience graph with a floor on shared people.
  expect_same_as_castgraph(
      "rank " + liaoning + " --by pagerank --graph audience --min-shared 2 --top 10 --json", true);
  // Betweenness estimated from sampled sources (12,000 hosts), which the JSON says.
  expect_same_as_castgraph("rank " + liaoning + " --by betweenness --samples 64 --top 10 --json",
                           true);
  // Leiden communities of the projection on rank 0, then each host's participation.
  expect_same_as_castgraph("rank " + liaoning + " --by bridging --min-fans 10万 --top 10 --json",
                           true);
}

TEST_CASE("castgraph-mpi rank on host graphs equals castgraph's on a generated panel") {
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  // Weighted fans on two platforms; the table a person reads, and CSV at full precision.
  expect_same_as_castgraph("rank " + data + " --by bridging --seed 3 --top 8", true);
  expect_same_as_castgraph("rank " + data + " --by pagerank --graph audience --top 0 --csv", true);
}
