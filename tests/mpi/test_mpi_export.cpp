// castgraph-mpi export against castgraph's: the same file, byte for byte, and the same
// line on stdout, on 1 to 4 ranks, for the typed network (with communities from the
// distributed projection) and the shared-audience graph (pairs and reach summed over
// ranks); the same failures; --fans refused with its reason.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

namespace {

// `export DATASET <flags> -o FILE` by castgraph and by castgraph-mpi on 1 to 4 ranks: the
// same bytes in FILE, and the same report on stdout but for FILE's name.
void expect_same_export(const std::string& dataset, const std::string& flags,
                        const std::string& extension) {
  const TempDir out;
  const std::string one = (out / ("one." + extension)).string();
  const CommandResult wrote_one =
      run_castgraph("export " + dataset + " " + flags + " -o " + shell_quote(one));
  INFO("castgraph export " << flags << "\n" << wrote_one.err);
  REQUIRE(wrote_one.status == 0);
  const std::string written = read_file(one);
  REQUIRE(!written.empty());
  const std::string report = wrote_one.out.substr(("wrote " + one).size());
  for (int ranks = 1; ranks <= 4; ++ranks) {
    const std::string many = (out / (std::to_string(ranks) + "." + extension)).string();
    const CommandResult wrote_many =
        run_mpi(ranks, "export " + dataset + " " + flags + " -o " + shell_quote(many));
    INFO("castgraph-mpi on " << ranks << " ranks\n" << wrote_many.err);
    CHECK(wrote_many.status == 0);
    CHECK(wrote_many.out == "wrote " + many + report);
    CHECK(read_file(many) == written);
  }
}

}  // namespace

TEST_CASE("castgraph-mpi export writes castgraph's typed network, communities included") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  expect_same_export(tiny, "--communities", "json");  // ranks owning no fan
  expect_same_export(liaoning, "--communities --seed 3", "graphml");
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  expect_same_export(data, "--communities", "gexf");
  expect_same_export(data, "", "dot");
}

TEST_CASE("castgraph-mpi export --audience writes castgraph's shared-audience graph") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  expect_same_export(tiny, "--audience --communities", "graphml");
  expect_same_export(liaoning, "--audience", "csv");
  TempDir dir;
  const std::string data = shell_quote((dir / "panel").string());
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + data).status == 0);
  expect_same_export(data, "--audience --communities", "gexf");
}

TEST_CASE("castgraph-mpi export fails on every rank as castgraph does, and refuses --fans") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  TempDir out;
  expect_same_failure_as_castgraph("export " + tiny + " -o " +
                                   shell_quote((out / "net.txt").string()));
  expect_same_failure_as_castgraph("export " + tiny + " --audience -o " +
                                   shell_quote((out / "net.json").string()));
  expect_same_failure_as_castgraph("export " + tiny + " -o " + tiny + "/fans.csv");
  // A dataset without follows has no shared audience.
  TempDir bare;
  bare.write("platforms.csv", "id,name\ndy,D\n");
  bare.write("bases.csv", "id,name\n");
  bare.write("broadcasters.csv", "id,name\nh1,a\nh2,b\n");
  bare.write("fanbases.csv", "broadcaster,platform,fans\nh1,dy,5\nh2,dy,7\n");
  expect_same_failure_as_castgraph("export " + shell_quote(bare.path().string()) +
                                   " --audience -o " + shell_quote((out / "a.csv").string()));
  const std::string fans = (out / "fans.json").string();
  for (int ranks = 1; ranks <= 4; ranks += 3) {
    const CommandResult refused =
        run_mpi(ranks, "export " + tiny + " --fans -o " + shell_quote(fans));
    CHECK(refused.status == 2);
    CHECK(first_line(refused.err).find("castgraph export --fans on one node") != std::string::npos);
    CHECK(refused.out.empty());
  }
  CHECK(!std::filesystem::exists(fans));
}
