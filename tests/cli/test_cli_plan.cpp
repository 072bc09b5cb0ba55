// The plan command, run as a user would run it, on samples/tiny (fees and reach worked out
// by hand in samples/tiny/README.md).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/run_command.hpp"

using castgraph::testing::run_castgraph;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;

namespace {

const std::string& tiny() {
  static const std::string path = shell_quote(source_path("samples/tiny"));
  return path;
}

nlohmann::json plan_json(const std::string& arguments) {
  const auto result = run_castgraph("plan " + tiny() + " " + arguments + " --json");
  INFO(result.err);
  REQUIRE(result.status == 0);
  return nlohmann::json::parse(result.out);
}

std::vector<std::string> ids(const nlohmann::json& json) {
  std::vector<std::string> out;
  for (const auto& pick : json["picks"]) out.push_back(pick["id"]);
  return out;
}

}  // namespace

TEST_CASE("plan --k --json lists picks with marginal and cumulative reach") {
  const auto json = plan_json("--k 3");
  CHECK(ids(json) == std::vector<std::string>{"h1", "h3", "h2"});
  CHECK(json["picks"][0]["fee"] == 200000.0);
  CHECK(json["picks"][0]["marginal_reach"] == 1005);
  CHECK(json["picks"][0]["cumulative_reach"] == 1005);
  CHECK(json["picks"][1]["marginal_reach"] == 3);
  CHECK(json["picks"][2]["cumulative_reach"] == 1010);
  CHECK(json["unique_reach"] == 1010);
  CHECK(json["spent"] == 258000.0);
  CHECK(json["upper_bound"].get<std::uint64_t>() >= 1010);
  CHECK(json["stop_reason"] == "k_reached");
  CHECK(json["method"] == "exact");
}

TEST_CASE("plan --budget leaves out hosts of unknown fee and says so") {
  const auto json = plan_json("--budget 10万");
  CHECK(ids(json) == std::vector<std::string>{"h2", "h5", "h8", "h3", "h4"});
  CHECK(json["spent"] == 74500.0);
  CHECK(json["unknown_fee_excluded"] == nlohmann::json::array({"h6"}));
  CHECK(json["stop_reason"] == "no_gain");

  const auto text = run_castgraph("plan " + tiny() + " --budget 100k");
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("unknown fee") && Catch::Contains("h6"));
  CHECK_THAT(text.out, Catch::Contains("of optimal"));
  CHECK_THAT(text.out, Catch::Contains("stopped: nothing left that adds reach"));
}

TEST_CASE("plan honours --include, --exclude and --kinds") {
  const auto json = plan_json("--k 2 --include h7 --exclude 李佳");
  CHECK(ids(json) == std::vector<std::string>{"h7", "h2"});
  CHECK(json["picks"][0]["included"] == true);
  const auto villages = plan_json("--k 4 --kinds village,factory --max-per-base 1");
  for (const auto& pick : villages["picks"])
    CHECK((pick["id"] == "h3" || pick["id"] == "h5" || pick["id"] == "h2" || pick["id"] == "h8" ||
           pick["id"] == "h6"));
}

TEST_CASE("plan --budget stops when the money runs out") {
  const auto json = plan_json("--budget 4000");
  CHECK(ids(json) == std::vector<std::string>{"h5"});
  CHECK(json["stop_reason"] == "budget_spent");
}

TEST_CASE("plan refuses bad requests with exit status 2") {
  CHECK(run_castgraph("plan " + tiny()).status == 2);
  CHECK(run_castgraph("plan " + tiny() + " --k 2 --budget 5").status == 2);
  const auto unpriced = run_castgraph("plan " + tiny() + " --budget 1M --include h6");
  CHECK(unpriced.status == 2);
  CHECK_THAT(unpriced.err, Catch::Contains("h6"));
  CHECK(run_castgraph("plan " + tiny() + " --k 2 --method declared").status ==
        2);  // momo: no population
}

TEST_CASE("plan --method declared on one platform and --min-tier") {
  const auto json = plan_json("--k 2 --method declared --platform douyin --min-tier 1M");
  CHECK(ids(json) == std::vector<std::string>{"h1", "h7"});
  CHECK(json["method"] == "declared");
}
