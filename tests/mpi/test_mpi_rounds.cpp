// The shuffle in bounded rounds (World::exchange): with a round of a few KiB, loading
// samples/liaoning takes many rounds per exchange, and the answers and the errors stay
// castgraph's byte for byte.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <string>

#include "support/run_mpi.hpp"

using castgraph::testing::CommandResult;
using castgraph::testing::first_line;
using castgraph::testing::read_file;
using castgraph::testing::run_castgraph;
using castgraph::testing::run_mpi;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::TempDir;

namespace {

// The rounds --verbose reports, or 0 when it does not.
unsigned long rounds_reported(const std::string& err) {
  std::smatch match;
  static const std::regex pattern("rows exchanged in ([0-9]+) rounds");
  return std::regex_search(err, match, pattern) ? std::stoul(match[1]) : 0;
}

}  // namespace

TEST_CASE("castgraph-mpi shuffles rows in rounds of --round-bytes and answers as castgraph does") {
  const std::string liaoning = shell_quote(source_path("samples/liaoning"));
  const std::string reach =
      "reach " + liaoning +
      " --hosts h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,h11,h12,h13,h14,h15,h16,h17,h18,h19,h20 --json";
  const CommandResult one = run_castgraph(reach);
  REQUIRE(one.status == 0);
  for (int ranks = 1; ranks <= 4; ++ranks) {
    // 16 KiB per round: follows.csv alone is 1.8 MB, so each of the two exchanges (fans,
    // follows) takes several rounds at every rank count.
    const CommandResult many = run_mpi(ranks, "--verbose --round-bytes 16384 " + reach);
    INFO("castgraph-mpi on " << ranks << " ranks\n" << many.err);
    CHECK(many.status == 0);
    CHECK(many.out == one.out);
    CHECK(rounds_reported(many.err) > 2 * 4);
  }
  // The default round holds the whole sample: one round per exchange.
  const CommandResult whole = run_mpi(2, "--verbose " + reach);
  CHECK(whole.out == one.out);
  CHECK(rounds_reported(whole.err) == 2);
}

TEST_CASE("castgraph-mpi names a bad follows row as castgraph does when the rows move in rounds") {
  TempDir dir;
  for (const auto& file : std::filesystem::directory_iterator(source_path("samples/liaoning")))
    std::filesystem::copy(file.path(), dir / file.path().filename().string());
  // A row naming no host, at 60% of follows.csv, whichever rank's range that falls in.
  std::string follows = read_file(dir / "follows.csv");
  follows.insert(follows.find('\n', follows.size() * 6 / 10) + 1, "f3,nobody,dy\n");
  dir.write("follows.csv", follows);
  const std::string info = "info " + shell_quote(dir.path().string());
  const CommandResult one = run_castgraph(info);
  REQUIRE(one.status != 0);
  for (int ranks = 1; ranks <= 4; ++ranks) {
    const CommandResult many = run_mpi(ranks, "--round-bytes 4096 " + info);
    INFO("castgraph-mpi on " << ranks << " ranks: " << many.err);
    CHECK(many.status == one.status);
    CHECK(first_line(many.err) == one.err);
  }
}
