// castgraph-mpi report against castgraph's: the same HTML file, byte for byte but for the
// time it was made, on 1 to 4 ranks; the same notes for the sections a dataset cannot
// answer; the same refusals, and its own for what it cannot draw yet (the audit).
#include <catch2/catch.hpp>

#include <regex>

#include "mpi/mpi_expect.hpp"

using namespace castgraph::testing;

namespace {

// The report with its time of making ("2026-12-07 21:58:01 +0000", twice) blanked.
std::string without_time(const std::string& html) {
  static const std::regex made(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4})");
  return std::regex_replace(html, made, "TIME");
}

// castgraph report DATASET -o FILE ARGS, and castgraph-mpi's at 1 to 4 ranks: the same file
// (but for its time) and the same notes on stderr.
void expect_same_report(const std::string& dataset, const std::string& arguments) {
  TempDir dir;
  const auto report = [&](const std::string& name) {
    return "report " + shell_quote(dataset) + " -o " + shell_quote((dir / name).string()) + " " +
           arguments;
  };
  const CommandResult one = run_castgraph(report("one.html"));
  INFO("castgraph " << report("one.html") << "\n" << one.err);
  REQUIRE(one.status == 0);
  const std::string expected = without_time(read_file(dir / "one.html"));
  REQUIRE(expected.find("TIME") != std::string::npos);  // the time was found, and blanked
  for (int ranks = 1; ranks <= 4; ++ranks) {
    const std::string name = "mpi" + std::to_string(ranks) + ".html";
    const CommandResult many = run_mpi(ranks, report(name));
    INFO("castgraph-mpi on " << ranks << " ranks\n" << many.err);
    CHECK(many.status == 0);
    CHECK(many.out.rfind("wrote " + (dir / name).string() + " (", 0) == 0);
    CHECK(many.err == one.err);
    CHECK(without_time(read_file(dir / name)) == expected);
  }
}

}  // namespace

TEST_CASE("castgraph-mpi report writes castgraph's report on samples/tiny and liaoning") {
  // samples/tiny: some ranks own no fan; a budget roster, the hosts view, then the
  // communities view (each community's people and the people pairs of them share).
  expect_same_report(source_path("samples/tiny"), "--no-audit --budget 100万 --view hosts");
  expect_same_report(source_path("samples/tiny"), "--no-audit --view communities");
  // samples/liaoning: every section, Leiden over the distributed projection, the LP bound.
  expect_same_report(source_path("samples/liaoning"), "--no-audit --k 12 --diagram-top 20");
}

TEST_CASE("castgraph-mpi report equals castgraph's on a generated panel with filters") {
  TempDir dir;
  const std::string data = (dir / "panel").string();
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + shell_quote(data))
              .status == 0);
  // Weighted fans, two platforms per host, regions: reach, roster and audiences of one
  // platform's fans in one province; every host and community listed; the communities
  // drawn with the people they share.
  expect_same_report(data,
                     "--no-audit --k 4 --platform p1 --region 辽宁省 --top 0 --communities 0 "
                     "--diagram-top 8 --seed 3 --view communities");
}

TEST_CASE("castgraph-mpi report audits and leaves out castgraph's farms") {
  TempDir dir;
  const std::string farms = (dir / "farms").string();
  REQUIRE(run_castgraph("generate --preset liaoning --scale 0.002 --seed 5 --fraud 0.03 -q -o " +
                        shell_quote(farms))
              .status == 0);
  // Fans left out on every rank as on one node (stderr says how many), then the page.
  expect_same_report(farms, "--no-audit --exclude-suspicious --top 8 --communities 0");
  // The audit section: its counts, its hosts and the pictures of each block's follows,
  // drawn by rank 0 from the fans it gathered; with and without the fans left out.
  expect_same_report(farms, "--top 8 --communities 0");
  expect_same_report(farms, "--exclude-suspicious --top 8 --communities 0");
}

TEST_CASE("castgraph-mpi report says alike which sections a dataset without follows lacks") {
  TempDir dir;
  const std::filesystem::path data = dir / "declared";
  std::filesystem::copy(source_path("samples/tiny"), data);
  std::filesystem::remove(data / "follows.csv");
  std::filesystem::remove(data / "fans.csv");
  // No reach and no roster (a platform of unknown size), told in the page and on stderr;
  // the rest of the report written.
  expect_same_report(data.string(), "--no-audit");
  // With the audit asked: the page says it needs follows, stderr too; leaving out the
  // suspicious fans is a usage error without follows, as in castgraph.
  expect_same_report(data.string(), "--communities 0");
  expect_same_failure_as_castgraph("report " + shell_quote(data.string()) + " -o " +
                                   shell_quote((dir / "r.html").string()) +
                                   " --exclude-suspicious");
}

TEST_CASE("castgraph-mpi report fails as castgraph does, and refuses what it cannot draw") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  TempDir dir;
  const std::string out = " -o " + shell_quote((dir / "r.html").string());
  // An unknown platform fails after the load, while the page is built on every rank.
  expect_same_failure_as_castgraph("report " + tiny + out + " --no-audit --platform 火星");
  for (const std::string arguments : {" --no-audit --region 火星", " --no-audit --budget lots"}) {
    const CommandResult one = run_castgraph("report " + tiny + out + arguments);
    const CommandResult many = run_mpi(3, "report " + tiny + out + arguments);
    INFO(arguments << ": " << one.err << many.err);
    CHECK(one.status == 2);
    CHECK(many.status == one.status);
    CHECK(first_line(many.err) == one.err);
  }
  CHECK_FALSE(std::filesystem::exists(dir / "r.html"));
}
