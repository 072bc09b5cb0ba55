// castgraph-mpi --encoding gb18030 against castgraph's: samples/liaoning converted to
// GB18030 by glibc's iconv program (as Excel on Chinese Windows saves CSV) gives the same
// JSON at 1 to 4 ranks, and a bad row in another rank's range the same message and status.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

namespace {

void write_gb18030_liaoning(const TempDir& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(source_path("samples/liaoning"))) {
    if (entry.path().extension() != ".csv") continue;
    const std::string command = "iconv -f UTF-8 -t GB18030 " + shell_quote(entry.path().string()) +
                                " > " +
                                shell_quote((dir / entry.path().filename().string()).string());
    REQUIRE(std::system(command.c_str()) == 0);
  }
}

}  // namespace

TEST_CASE("castgraph-mpi --encoding gb18030 reads GB18030 CSV as castgraph does") {
  TempDir dir;
  write_gb18030_liaoning(dir);
  const std::string data = shell_quote(dir.path().string());
  expect_same_as_castgraph("info " + data + " --encoding gb18030 --json");
  // Places spelled in GB18030 in fans.csv: the region and the city breakdown read them.
  expect_same_as_castgraph("reach " + data +
                           " --encoding gb18030 --hosts h1,h2,h3,h4,h5 --region 辽宁 --by city "
                           "--json");
  // A row naming an unknown host at 60% of follows.csv (rank 2's range of 4): the same
  // file:line:column as one process names, counted in the converted text.
  std::string follows = read_file(dir / "follows.csv");
  const std::size_t at = follows.find('\n', follows.size() * 6 / 10) + 1;
  follows.insert(at, "f1,nobody\n");
  dir.write("follows.csv", follows);
  expect_same_failure_as_castgraph("info " + data + " --encoding gb18030");
}
