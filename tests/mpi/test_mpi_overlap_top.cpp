// castgraph-mpi overlap --top against castgraph's: the same pairs, shares and Jaccard, and
// the same fans left out by --max-hosts-per-fan, byte for byte on 1 to 4 ranks
// (mpi_expect.hpp).
#include <catch2/catch.hpp>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

TEST_CASE("castgraph-mpi overlap --top equals castgraph's, with and without a cap per fan") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  expect_same_as_castgraph("overlap " + tiny + " --top 5 --max-hosts-per-fan 2 --json",
                           true);  // skips fans
  expect_same_as_castgraph("overlap " + liaoning + " --top 40 --json", true);
  expect_same_as_castgraph("overlap " + liaoning + " --top 10 --max-hosts-per-fan 3 --csv", true);
}

TEST_CASE("castgraph-mpi overlap --top refuses a dataset without follows as castgraph does") {
  TempDir dir;
  dir.write("platforms.csv", "id,name\ndy,D\n");
  dir.write("bases.csv", "id,name\n");
  dir.write("broadcasters.csv", "id,name\nh1,a\n");
  dir.write("fanbases.csv", "broadcaster,platform,fans\nh1,dy,1\n");
  expect_same_failure_as_castgraph("overlap " + shell_quote(dir.path().string()) +
                                   " --top 3");  // no follows
}
