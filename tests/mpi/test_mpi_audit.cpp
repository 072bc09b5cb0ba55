// castgraph-mpi audit against castgraph's: the same blocks, fans, scores and host counts,
// byte for byte on 1 to 4 ranks (mpi_expect.hpp), and the same failures. The farms are
// planted by the generator; the samples have none at the default thresholds, so loose
// thresholds there make groups and blocks out of ordinary fans (on tiny, most ranks own
// none of them).
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

TEST_CASE("castgraph-mpi audit equals castgraph's on a generated network with farms") {
  TempDir dir;
  const std::string farms = shell_quote((dir / "farms").string());
  REQUIRE(
      run_castgraph("generate --preset liaoning --scale 0.002 --seed 5 --fraud 0.03 -q -o " + farms)
          .status == 0);
  const CommandResult one = run_castgraph("audit " + farms + " --json");
  REQUIRE(one.status == 0);
  // Farms found: the comparison below compares blocks, not two empty lists.
  CHECK_THAT(one.out, Catch::Contains("\"score\""));
  CHECK_THAT(one.out, !Catch::Contains("\"suspicious_fans\": 0,"));
  expect_same_as_castgraph("audit " + farms + " --json", true);
  expect_same_as_castgraph("audit " + farms + " --top 5 --min-lift 40");
  expect_same_as_castgraph("audit " + farms + " --csv");
}

TEST_CASE("castgraph-mpi audit equals castgraph's on the samples") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  // Nothing found at the defaults; the host counts still add up over ranks.
  expect_same_as_castgraph("audit " + tiny + " --json");
  expect_same_as_castgraph("audit " + liaoning + " --hosts h3,h1 --json", true);
  // Loose thresholds: blocks of ordinary fans, gathered from ranks that may own none.
  const std::string loose = " --min-fans 2 --min-overlap 0.1 --min-lift 1";
  const CommandResult one = run_castgraph("audit " + tiny + loose + " --json");
  REQUIRE(one.status == 0);
  CHECK_THAT(one.out, Catch::Contains("\"score\""));
  expect_same_as_castgraph("audit " + tiny + loose + " --json");
  expect_same_as_castgraph("audit " + liaoning + " --min-fans 3 --min-overlap 0.05 --min-lift 2");
}

TEST_CASE("castgraph-mpi --exclude-suspicious leaves out castgraph's fans on reach, rank, plan") {
  TempDir dir;
  const std::string farms = shell_quote((dir / "farms").string());
  REQUIRE(
      run_castgraph("generate --preset liaoning --scale 0.002 --seed 5 --fraud 0.03 -q -o " + farms)
          .status == 0);
  // The hosts of the first flagged block: their reach drops when the farms are left out,
  // so equal bytes below compare figures the exclusion changed.
  const CommandResult audited = run_castgraph("audit " + farms + " --json");
  REQUIRE(audited.status == 0);
  const auto hosts = nlohmann::json::parse(audited.out)["blocks"].at(0)["hosts"];
  std::string host_list;
  for (const auto& host : hosts)
    host_list += (host_list.empty() ? "" : ",") + host.get<std::string>();
  const std::string reach = "reach " + farms + " --hosts " + host_list + " --json";
  const CommandResult kept = run_castgraph(reach);
  const CommandResult left = run_castgraph(reach + " --exclude-suspicious");
  REQUIRE(left.status == 0);
  CHECK(kept.out != left.out);
  CHECK_THAT(left.out, Catch::Contains("suspicious_left_out"));
  // Stderr too: the sentence saying how many fans, blocks and follows were left out.
  expect_same_as_castgraph(reach + " --exclude-suspicious", true);
  expect_same_as_castgraph("reach " + farms + " --hosts " + host_list +
                           " --method declared --exclude-suspicious");
  expect_same_as_castgraph("rank " + farms + " --by reach --exclude-suspicious --json", true);
  expect_same_as_castgraph("rank " + farms + " --by cpm --exclude-suspicious --top 5");
  expect_same_as_castgraph("plan " + farms + " --budget 500000 --exclude-suspicious --json", true);
}

TEST_CASE("castgraph-mpi audit fails on every rank as castgraph does") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  expect_same_failure_as_castgraph("audit " + tiny + " --hosts h1,nobody");
  // Declared fans without follows: nothing to audit.
  TempDir dir;
  const auto declared = dir / "declared";
  std::filesystem::copy(source_path("samples/tiny"), declared);
  std::filesystem::remove(declared / "follows.csv");
  expect_same_failure_as_castgraph("audit " + shell_quote(declared.string()));
  expect_same_failure_as_castgraph("reach " + shell_quote(declared.string()) +
                                   " --hosts h1 --exclude-suspicious");
}
