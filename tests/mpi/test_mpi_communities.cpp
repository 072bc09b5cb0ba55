// castgraph-mpi communities against castgraph's: the same projection (edges, left-out
// fans), the same Leiden communities and modularity, and the same reach per community,
// byte for byte on 1 to 4 ranks (mpi_expect.hpp).
#include <catch2/catch.hpp>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

TEST_CASE("castgraph-mpi communities equals castgraph's on the samples and a generated panel") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  expect_same_as_castgraph("communities " + tiny + " --json", true);
  // Fans over the cap left out, counted over ranks; the table as a person sees it.
  expect_same_as_castgraph("communities " + liaoning + " --max-hosts-per-fan 3", true);
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  // Jaccard weights (a floating-point layer total), top-k rows and all three layers.
  expect_same_as_castgraph(
      "communities " + data + " --weight jaccard --top-k 3 --layers audience,collab,base --json",
      true);
}
