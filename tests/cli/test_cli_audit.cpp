// `castgraph audit` and --exclude-suspicious, run as a user would, on a generated network
// with planted farms: help, JSON and CSV shapes, the truth kept outside the dataset, and
// reach that drops the flagged fans and says so.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "support/run_command.hpp"

using namespace castgraph::testing;
using nlohmann::json;

namespace {

// One generated dataset with farms for every test here (generating takes a second).
const std::string& farm_dataset() {
  static TempDir dir;
  static const std::string path = [] {
    const std::string out = (dir / "farms").string();
    const auto generated = run_castgraph(
        "generate --preset liaoning --scale 0.002 --seed 5 "
        "--fraud 0.03 -q -o " +
        shell_quote(out));
    REQUIRE(generated.status == 0);
    return out;
  }();
  return path;
}

}  // namespace

TEST_CASE("audit --help explains the method, the score and quality", "[cli][audit]") {
  const auto result = run_castgraph("audit --help");
  REQUIRE(result.status == 0);
  for (const char* text : {"Fraudar", "1/log(x+5)", "--min-lift",
                           "quality = round(100 x (1 - "
                           "suspicious share))",
                           "--exclude-suspicious", "--json", "--csv"})
    CHECK_THAT(result.out, Catch::Contains(text));
}

TEST_CASE("the planted truth lies outside the dataset, where no command reads it", "[cli][audit]") {
  const std::string dataset = farm_dataset();
  CHECK(std::filesystem::exists(dataset + ".truth/fraud.csv"));
  CHECK(std::filesystem::exists(dataset + ".truth/farms.csv"));
  CHECK(!std::filesystem::exists(dataset + "/fraud.csv"));
}

TEST_CASE("audit --json lists every flagged fan by block, and hosts with quality", "[cli][audit]") {
  const std::string dataset = farm_dataset();
  const auto result = run_castgraph("audit " + shell_quote(dataset) + " --json");
  REQUIRE(result.status == 0);
  const json audit = json::parse(result.out);
  REQUIRE(audit["blocks"].size() > 0);
  std::set<std::string> flagged;
  for (const json& block : audit["blocks"]) {
    CHECK(block["hosts"].size() >= 1);
    CHECK(block["density"] > 0);
    CHECK(block["density"] <= 1);
    CHECK(block["score"] >= 20);
    for (const json& fan : block["fans"]) flagged.insert(fan.get<std::string>());
  }
  CHECK(audit["suspicious_fans"] == flagged.size());
  std::ifstream truth(dataset + ".truth/fraud.csv");
  std::string line;
  std::getline(truth, line);
  std::size_t planted = 0, found = 0;
  while (std::getline(truth, line)) {
    ++planted;
    found += flagged.contains(line.substr(0, line.find(',')));
  }
  CHECK(double(found) >= 0.9 * double(planted));
  CHECK(double(found) >= 0.95 * double(flagged.size()));
  const json& worst = audit["hosts"][0];
  for (const char* key : {"id", "suspicious_share", "quality", "followers_seen", "declared_fans"})
    CHECK(worst.contains(key));
  CHECK(worst["quality"] < 50);
}

TEST_CASE("audit --hosts shows those hosts, --csv one row each", "[cli][audit]") {
  const std::string dataset = farm_dataset();
  const auto result = run_castgraph("audit " + shell_quote(dataset) + " --hosts h1,h2 --csv");
  REQUIRE(result.status == 0);
  CHECK(result.out.rfind(
            "host,name,followers_seen,suspicious,suspicious_share,quality,declared_fans\nh1,", 0) ==
        0);
  CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 3);
  CHECK(run_castgraph("audit " + shell_quote(dataset) + " --json --csv").status == 2);
  CHECK(run_castgraph("audit " + shell_quote(dataset) + " --hosts nobody").status == 2);
}

TEST_CASE("reach --exclude-suspicious drops the flagged fans and says how many", "[cli][audit]") {
  const std::string dataset = farm_dataset();
  const json audit = json::parse(run_castgraph("audit " + shell_quote(dataset) + " --json").out);
  const std::string host = audit["hosts"][0]["id"];
  const json& entry = audit["hosts"][0];
  const std::string reach = "reach " + shell_quote(dataset) + " --hosts " + host + " --json";
  const auto before = run_castgraph(reach);
  const auto after = run_castgraph(reach + " --exclude-suspicious");
  REQUIRE(before.status == 0);
  REQUIRE(after.status == 0);
  // Fans, not people: reach's panel members are the distinct fans it counted, as the
  // audit's followers_seen and suspicious are (each fan stands for several people).
  const std::uint64_t seen = json::parse(before.out)["panel_members"];
  CHECK(seen == entry["followers_seen"]);
  CHECK(json::parse(after.out)["panel_members"] == seen - entry["suspicious"].get<std::uint64_t>());
  CHECK_THAT(after.err, Catch::Contains("--exclude-suspicious left out"));
  CHECK_THAT(after.err, Catch::Contains(std::to_string(audit["blocks"].size()) + " suspicious"));
  for (const char* command : {"plan", "rank", "report"})
    CHECK_THAT(run_castgraph(std::string(command) + " --help").out,
               Catch::Contains("--exclude-suspicious"));
}
