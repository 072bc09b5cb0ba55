// castgraph-mpi --lenient against castgraph --lenient: at 1 to 4 ranks the same JSON, the
// same counts of skipped rows on stderr, and the same rejects file byte for byte (rank 0
// writes every rank's, in file order), with bad rows spread over every rank's range and
// a repeated fan id that only the fan's owner sees; and the same refusal when more than
// half of a file is bad, judged over the whole file, not one rank's range.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "mpi/mpi_expect.hpp"
#include "support/run_command.hpp"
#include "support/run_mpi.hpp"

using namespace castgraph::testing;

namespace {

// Hosts h1-h8 on dy (h1-h4 on ks too); 300 fans with weights and places; follows.csv of
// `rows` rows. Rows whose index `bad(i)` holds are broken, each in one of four ways.
template <typename Bad>
void write_dataset(const TempDir& dir, int rows, Bad&& bad) {
  std::mt19937 random(3);
  dir.write("platforms.csv", "id,name,population\ndy,抖音,100000\nks,快手,50000\n");
  dir.write("bases.csv", "id,name\n");
  std::string hosts = "id,name,fee\n", fanbases = "broadcaster,platform,fans\n";
  for (int h = 1; h <= 8; ++h) {
    hosts += "h" + std::to_string(h) + ",主播" + std::to_string(h) + "," + std::to_string(100 * h) +
             "\n";
    fanbases += "h" + std::to_string(h) + ",dy," + std::to_string(400 * h) + "\n";
    if (h <= 4) fanbases += "h" + std::to_string(h) + ",ks," + std::to_string(200 * h) + "\n";
  }
  dir.write("broadcasters.csv", hosts);
  dir.write("fanbases.csv", fanbases);
  // Bad fans rows at 10%, 45% and 85% of the file (a weight that is no number, an empty
  // id, a repeated id), so on different ranks' ranges.
  std::string fans = "id,weight,province,city\n";
  for (int f = 1; f <= 300; ++f) {
    fans += "f" + std::to_string(f) + "," + std::to_string(1 + random() % 9) +
            (f % 3 ? ",辽宁,沈阳\n" : ",吉林,长春\n");
    if (f == 30) fans += "f900,many,辽宁,沈阳\n";
    if (f == 135) fans += ",3,辽宁,大连\n";
    if (f == 255) fans += "f7,2,吉林,\"长\n春\"\n";
  }
  dir.write("fans.csv", fans);
  std::string follows = "fan,broadcaster,platform\n";
  for (int i = 0; i < rows; ++i) {
    const std::string fan = "f" + std::to_string(1 + random() % 320);
    const std::string host = "h" + std::to_string(1 + random() % 8);
    if (!bad(i)) {
      follows += fan + "," + host + ",dy\n";
      continue;
    }
    // An unknown host, no fanbase on ks, an empty fan id, a field too many.
    const std::string broken[] = {fan + ",h99,dy\n", fan + ",h7,ks\n", "," + host + ",dy\n",
                                  fan + "," + host + ",dy,extra\n"};
    follows += broken[i % 4];
  }
  dir.write("follows.csv", follows);
}

}  // namespace

TEST_CASE("castgraph-mpi --lenient skips and reports the rows castgraph --lenient skips") {
  TempDir dir;
  // Bad follows rows all through, and most rows of the last fifth: at 4 ranks rank 3's
  // range alone is more than half bad, though the file is not.
  write_dataset(dir, 2000, [](int i) { return i % 97 == 5 || (i >= 1600 && i % 5 != 0); });
  const std::string data = shell_quote((dir / "data").string());
  std::filesystem::create_directory(dir / "data");
  for (const char* name : {"platforms.csv", "bases.csv", "broadcasters.csv", "fanbases.csv",
                           "fans.csv", "follows.csv"})
    std::filesystem::rename(dir / name, dir / "data" / name);
  const std::string rejects = shell_quote((dir / "rejects.csv").string());
  for (const std::string& command :
       {"info " + data + " --lenient --no-cache --rejects " + rejects + " --json",
        "reach " + data + " --hosts h1,h2,h3,h5 --lenient --no-cache --rejects " + rejects +
            " --json"}) {
    const CommandResult one = run_castgraph(command);
    INFO("castgraph " << command << "\n" << one.err);
    REQUIRE(one.status == 0);
    const std::string rejected = read_file(dir / "rejects.csv");
    REQUIRE(rejected.find("duplicate fan id 'f7'") != std::string::npos);
    REQUIRE(one.err.find("skipped 3 bad rows of fans.csv") != std::string::npos);
    std::filesystem::remove(dir / "rejects.csv");
    for (int ranks = 1; ranks <= 4; ++ranks) {
      const CommandResult many = run_mpi(ranks, command);
      INFO("castgraph-mpi on " << ranks << " ranks\n" << many.err);
      CHECK(many.status == 0);
      CHECK(many.out == one.out);
      CHECK(many.err == one.err);
      CHECK(read_file(dir / "rejects.csv") == rejected);
      std::filesystem::remove(dir / "rejects.csv");
    }
  }
}

TEST_CASE("castgraph-mpi --lenient stops as castgraph does when more than half a file is bad") {
  TempDir dir;
  // The first 40% of follows.csv good, the rest bad: ranks 0 and 1 of 4 read few bad rows.
  write_dataset(dir, 1000, [](int i) { return i >= 400; });
  const std::string data = shell_quote(dir.path().string());
  expect_same_failure_as_castgraph("info " + data + " --lenient --no-cache --rejects " +
                                   shell_quote((dir / "rejects.csv").string()));
}
