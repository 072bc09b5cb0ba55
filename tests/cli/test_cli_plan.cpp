// The plan command, run as a user would run it, on samples/tiny (fees and reach worked out
// by hand in samples/tiny/README.md).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/run_command.hpp"

using castgraph::testing::run_castgraph;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::tiny_path;

namespace {

nlohmann::json plan_json(const std::string& arguments) {
  const auto result = run_castgraph("plan " + tiny_path() + " " + arguments + " --json");
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
  // 25,500 yuan left, and h1 (200,000) and h7 (900,000) would still add people.
  CHECK(json["stop_reason"] == "budget_spent");

  const auto text = run_castgraph("plan " + tiny_path() + " --budget 100k");
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("unknown fee") && Catch::Contains("h6"));
  CHECK_THAT(text.out, Catch::Contains("of optimal"));
  CHECK_THAT(text.out, Catch::Contains("stopped: the hosts who would add people cost more than "
                                       "the 25,500 yuan left"));
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
  CHECK(run_castgraph("plan " + tiny_path()).status == 2);
  for (const char* zero : {"--k 0", "--k -1", "--k 3 --max-per-base 0"}) {
    const auto refused = run_castgraph("plan " + tiny_path() + " " + zero);
    CHECK(refused.status == 2);
    CHECK_THAT(refused.err, Catch::Contains("must be at least 1"));
    CHECK(refused.err.size() < 200);  // no 309-digit largest double
  }
  const auto typo = run_castgraph("plan " + tiny_path() + " --k 2 --kinds influencr");
  CHECK(typo.status == 2);
  CHECK_THAT(typo.err, Catch::Contains("influencr") && Catch::Contains("influencer, factory"));
  CHECK(run_castgraph("plan " + tiny_path() + " --k 2 --time-limit 5").status == 2);
  const auto unpriced = run_castgraph("plan " + tiny_path() + " --budget 1M --include h6");
  CHECK(unpriced.status == 2);
  CHECK_THAT(unpriced.err, Catch::Contains("h6"));
  CHECK(run_castgraph("plan " + tiny_path() + " --k 2 --method declared").status ==
        2);  // momo: no population
}

TEST_CASE("plan --method declared on one platform and --min-tier") {
  const auto json = plan_json("--k 2 --method declared --platform douyin --min-tier 1M");
  CHECK(ids(json) == std::vector<std::string>{"h1", "h7"});
  CHECK(json["method"] == "declared");
}

TEST_CASE("plan --k with --budget holds both, and --min-gain says why it stopped") {
  const auto json = plan_json("--k 3 --budget 60000");
  CHECK(json["picks"].size() <= 3);
  CHECK(json["spent"].get<double>() <= 60000);
  const auto stingy = plan_json("--k 8 --min-gain 3");
  CHECK(ids(stingy) == std::vector<std::string>{"h1", "h3"});
  CHECK(stingy["stop_reason"] == "min_gain");
  CHECK_THAT(stingy["stop_message"].get<std::string>(), Catch::Contains("fewer than 3 people"));
}

TEST_CASE("plan --optimal proves its roster and states the bound in a sentence") {
  const auto json = plan_json("--k 3 --optimal");
  CHECK(json["proven_optimal"] == true);
  CHECK(json["gap"] == 0.0);
  CHECK(json["unique_reach"] == 1010);
  CHECK(json["upper_bound"] == 1010);
  CHECK((json["bound_method"] == "online" || json["bound_method"] == "lp" ||
         json["bound_method"] == "ilp"));
  CHECK(json["picks"][0]["yuan_per_thousand"].get<double>() == Approx(200000.0 / 1005 * 1000));
  const auto text = run_castgraph("plan " + tiny_path() + " --k 3");
  CHECK_THAT(text.out, Catch::Contains("no roster within these limits reaches more than 1,010 "
                                       "people; this one reaches 100.0% of that"));
}

TEST_CASE("plan warns on stderr, and lists the warnings in its JSON") {
  const auto poor = run_castgraph("plan " + tiny_path() + " --budget 100 --json");
  REQUIRE(poor.status == 0);
  CHECK_THAT(poor.err, Catch::Contains("warning: the budget of 100 yuan is below the cheapest "
                                       "eligible fee: 1,500 yuan, h8"));
  const auto json = nlohmann::json::parse(poor.out);
  CHECK(json["warnings"].size() == 1);
  CHECK(json["stop_reason"] == "budget_spent");
  const auto idle = run_castgraph("plan " + tiny_path() + " --k 2 --include h1 --platform momo");
  REQUIRE(idle.status == 0);
  CHECK_THAT(idle.err, Catch::Contains("h1") && Catch::Contains("no fanbase on"));
  const auto many = run_castgraph("plan " + tiny_path() + " --k 50");
  CHECK_THAT(many.err, Catch::Contains("--k 50 is more than the 8 eligible hosts"));
}

TEST_CASE("plan --base keeps the hosts of the bases named by id or name") {
  // sy 沈阳直播电商基地 holds h1 h2 h6; dl 大连网红孵化基地 holds h3 h4 h7 (samples/tiny).
  const auto shenyang = plan_json("--k 3 --base sy");
  CHECK(ids(shenyang) == std::vector<std::string>{"h1", "h2", "h6"});
  CHECK(shenyang["candidates"] == 3);
  const auto dalian = plan_json("--k 8 --base 大连网红孵化基地");
  CHECK(dalian["candidates"] == 3);
  for (const auto& pick : dalian["picks"])
    CHECK((pick["id"] == "h3" || pick["id"] == "h4" || pick["id"] == "h7"));
  CHECK(plan_json("--k 8 --base sy,dl")["candidates"] == 6);
  const auto outside = run_castgraph("plan " + tiny_path() + " --k 2 --base sy --include h5");
  CHECK(outside.status == 2);
  CHECK_THAT(outside.err, Catch::Contains("h5") && Catch::Contains("no base"));
}

TEST_CASE("plan refuses a kind, province or base that no host has, naming those that exist") {
  const auto base = run_castgraph("plan " + tiny_path() + " --k 2 --base 沈阳基地");
  CHECK(base.status == 2);
  CHECK_THAT(base.err, Catch::Contains("no host has the base '沈阳基地'") &&
                           Catch::Contains("--base") &&
                           Catch::Contains("sy (沈阳直播电商基地), dl (大连网红孵化基地)"));
  const auto province = run_castgraph("plan " + tiny_path() + " --k 2 --province 广东");
  CHECK(province.status == 2);
  CHECK_THAT(province.err, Catch::Contains("'广东'") && Catch::Contains("辽宁, 吉林, 黑龙江"));
  const auto kind = run_castgraph("plan " + tiny_path() + " --k 2 --kinds village,influencr");
  CHECK(kind.status == 2);
  CHECK_THAT(kind.err, Catch::Contains("'influencr'") && Catch::Contains("village"));
}

TEST_CASE("plan warns when an included host has no fans in the region") {
  // h8's only fan, f14, lives in 黑龙江.
  const auto idle =
      run_castgraph("plan " + tiny_path() + " --k 2 --include h8 --region 辽宁 --json");
  REQUIRE(idle.status == 0);
  CHECK_THAT(idle.err, Catch::Contains("warning: included host h8 (吴老板) adds no one under "
                                       "these filters (1,500 yuan)"));
  const auto json = nlohmann::json::parse(idle.out);
  REQUIRE(json["warnings"].size() == 1);
  CHECK_THAT(json["warnings"][0].get<std::string>(), Catch::Contains("h8"));
  CHECK(json["picks"][0]["id"] == "h8");
  CHECK(json["picks"][0]["marginal_reach"] == 0);
  const auto few = run_castgraph("plan " + tiny_path() + " --k 5 --base sy");
  CHECK_THAT(few.err, Catch::Contains("--k 5 is more than the 3 eligible hosts"));
}
