// The reach and overlap commands, run as a user would run them.
#include <catch2/catch.hpp>

#include <cmath>
#include <nlohmann/json.hpp>

#include "support/json_output.hpp"
#include "support/run_command.hpp"

using castgraph::testing::json_of;
using castgraph::testing::run_castgraph;
using castgraph::testing::shell_quote;
using castgraph::testing::TempDir;

namespace {

// Two hosts named 张伟 (ambiguous by name), a fan of weight 100, a fan on two platforms:
//
//   douyin (N 1000): d1 [h1 李佳]  d2 [h2 张伟]   kuaishou (N 500): k1 [h1]  k3 [h3 张伟]
//   a(100): d1 k1     b: d1 d2     c: d2 k3     e: k3
void write_dataset(const TempDir& dir) {
  dir.write("platforms.csv", "id,name,population\ndouyin,抖音,1000\nkuaishou,快手,500\n");
  dir.write("bases.csv", "id,name\n");
  dir.write("broadcasters.csv", "id,name\nh1,李佳\nh2,张伟\nh3,张伟\n");
  dir.write("fanbases.csv",
            "broadcaster,platform,fans\nh1,douyin,100\nh1,kuaishou,50\nh2,douyin,200\n"
            "h3,kuaishou,100\n");
  dir.write("fans.csv", "id,weight,province\na,100,辽宁\nb,1,吉林\nc,1,辽宁\ne,1,辽宁\n");
  dir.write("follows.csv",
            "fan,broadcaster,platform\na,h1,douyin\na,h1,kuaishou\nb,h1,douyin\nb,h2,douyin\n"
            "c,h2,douyin\nc,h3,kuaishou\ne,h3,kuaishou\n");
}

}  // namespace

TEST_CASE("reach --json reports unique and gross reach, frequency and per-host reach") {
  TempDir dir;
  write_dataset(dir);
  const auto json =
      json_of("reach " + shell_quote(dir.path().string()) + " --hosts h1,h2,h3 --json");
  CHECK(json["method"] == "exact");
  CHECK(json["unique_reach"] == 103);  // a 100, b, c, e
  CHECK(json["gross_reach"] == 101 + 2 + 2);
  CHECK(json["frequency"]["1"] == 101);  // a, e
  CHECK(json["frequency"]["2"] == 2);    // b, c
  CHECK(json["frequency"]["3+"] == 0);
  REQUIRE(json["per_host"].size() == 3);
  CHECK(json["per_host"][0]["id"] == "h1");
  CHECK(json["per_host"][0]["reach"] == 101);
  CHECK(json["per_host"][0]["exclusive"] == 100);
  CHECK(json["per_host"][2]["exclusive"] == 1);
}

TEST_CASE("reach filters by platform and region") {
  TempDir dir;
  write_dataset(dir);
  const std::string base = "reach " + shell_quote(dir.path().string()) + " --hosts h1,h2,h3 --json";
  CHECK(json_of(base + " --platform 快手")["unique_reach"] == 102);  // a, c, e
  CHECK(json_of(base + " --region 辽宁")["unique_reach"] == 102);    // a, c, e
  CHECK(json_of(base + " --platform douyin --region 辽宁")["unique_reach"] == 101);
}

TEST_CASE("reach takes hosts by unique name and lists the candidates of an ambiguous one") {
  TempDir dir;
  write_dataset(dir);
  const std::string dataset = shell_quote(dir.path().string());
  CHECK(json_of("reach " + dataset + " --hosts 李佳 --json")["unique_reach"] == 101);
  const auto ambiguous = run_castgraph("reach " + dataset + " --hosts 张伟");
  CHECK(ambiguous.status == 2);
  CHECK_THAT(ambiguous.err,
             Catch::Contains("ambiguous") && Catch::Contains("h2") && Catch::Contains("h3"));
  const auto unknown = run_castgraph("reach " + dataset + " --hosts 王五");
  CHECK(unknown.status == 2);
  CHECK_THAT(unknown.err, Catch::Contains("王五"));
}

TEST_CASE("reach --method declared says it is a model and needs populations") {
  TempDir dir;
  write_dataset(dir);
  const std::string dataset = shell_quote(dir.path().string());
  const auto json = json_of("reach " + dataset + " --hosts h1,h2 --method declared --json");
  CHECK(json["method"] == "declared");
  CHECK(json["estimate"] == "model");
  // douyin 1000·(1 − 0.9·0.8) = 280, kuaishou 50, independent: 1000·(1 − 0.72·0.95) = 316.
  CHECK(json["unique_reach"] == 316);
  dir.write("platforms.csv", "id,name,population\ndouyin,抖音,1000\nkuaishou,快手,\n");
  const auto refused = run_castgraph("reach " + dataset + " --hosts h1 --method declared");
  CHECK(refused.status == 2);
  CHECK_THAT(refused.err, Catch::Contains("population"));
}

TEST_CASE("reach --method sketch reports an estimate with its error") {
  TempDir dir;
  write_dataset(dir);
  const auto json = json_of("reach " + shell_quote(dir.path().string()) +
                            " --hosts h1,h2,h3 --method sketch --json");
  CHECK(json["method"] == "sketch");
  CHECK(json["relative_standard_error"].get<double>() > 0);
  CHECK(json["frequency"].is_null());
  CHECK(std::abs(json["unique_reach"].get<double>() - 103) < 5);
}

TEST_CASE("reach prints an aligned table with the method on the first line") {
  const auto result = run_castgraph(
      "reach " + shell_quote(castgraph::testing::source_path("samples/tiny")) + " --hosts h1,h2");
  INFO(result.err);
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::StartsWith("Reach of 2 hosts: panel estimate"));
  CHECK_THAT(result.out, Catch::Contains("unique reach") && Catch::Contains("李佳"));
}

TEST_CASE("overlap --hosts gives the matrix of shared people and Jaccard") {
  TempDir dir;
  write_dataset(dir);
  const auto json =
      json_of("overlap " + shell_quote(dir.path().string()) + " --hosts h1,h2,h3 --json");
  CHECK(json["hosts"][0]["reach"] == 101);
  CHECK(json["shared"][0][1] == 1);  // b
  CHECK(json["shared"][1][2] == 1);  // c
  CHECK(json["shared"][0][2] == 0);
  CHECK(json["jaccard"][1][2].get<double>() == Approx(1.0 / 3));  // {b,c} vs {c,e}
}

TEST_CASE("overlap --top lists the most overlapping pairs, also as CSV") {
  TempDir dir;
  write_dataset(dir);
  const std::string dataset = shell_quote(dir.path().string());
  const auto json = json_of("overlap " + dataset + " --top 5 --json");
  REQUIRE(json["pairs"].size() == 2);  // h1-h2 (b) and h2-h3 (c); h1-h3 share nobody
  CHECK(json["pairs"][0]["a"] == "h1");
  CHECK(json["pairs"][0]["b"] == "h2");
  const auto csv = run_castgraph("overlap " + dataset + " --top 1 --csv");
  CHECK(csv.status == 0);
  CHECK(csv.out ==
        "rank,host_a,name_a,host_b,name_b,shared,jaccard,a_in_b,b_in_a\n"
        "1,h1,李佳,h2,张伟,1,0.00980392156862745,0.009900990099009901,0.5\n");
  // 1 / (101 + 2 − 1), 1/101, 1/2, each the shortest text that reads back as that double
}

TEST_CASE("overlap needs exactly one of --hosts and --top") {
  TempDir dir;
  write_dataset(dir);
  const std::string dataset = shell_quote(dir.path().string());
  CHECK(run_castgraph("overlap " + dataset).status == 2);
  CHECK(run_castgraph("overlap " + dataset + " --hosts h1,h2 --top 3").status == 2);
}

TEST_CASE("overlap --method sketch is exact while hosts have fewer fans than k") {
  TempDir dir;
  write_dataset(dir);
  const auto json = json_of("overlap " + shell_quote(dir.path().string()) +
                            " --hosts h1,h2,h3 --method sketch --json");
  CHECK(json["method"] == "sketch");
  CHECK(json["hosts"][0]["reach"] == 101);
  CHECK(json["shared"][1][2] == 1);
}

TEST_CASE("reach says how many people it counts, from how many panel members, and its error") {
  TempDir dir;
  write_dataset(dir);
  const std::string path = shell_quote(dir.path().string());
  const auto json = json_of("reach " + path + " --hosts h1,h2,h3 --json");
  CHECK(json["people"] == 103);  // a stands for 100, b, c and e for 1 each
  CHECK(json["unique_reach"] == 103);
  CHECK(json["panel_members"] == 4);
  CHECK(json["census"] == false);
  // Horvitz–Thompson: SE² = Σ w(w − 1) over a, b, c, e = 100 · 99.
  CHECK(json["standard_error"].get<double>() == Approx(std::sqrt(9900.0)));
  const auto table = run_castgraph("reach " + path + " --hosts h1,h2,h3");
  CHECK_THAT(table.out, Catch::Contains("103 ± 99"));
  CHECK_THAT(table.out, Catch::Contains("an estimate from 4 panel members"));
  // Without a's weight the data is a census: exact, ± 0.
  dir.write("fans.csv", "id,weight,province\na,1,辽宁\nb,1,吉林\nc,1,辽宁\ne,1,辽宁\n");
  const auto census = json_of("reach " + path + " --hosts h1,h2,h3 --json");
  CHECK(census["people"] == 4);
  CHECK(census["standard_error"] == 0.0);
  CHECK(census["census"] == true);
  CHECK_THAT(run_castgraph("reach " + path + " --hosts h1,h2,h3").out,
             Catch::Contains("4 ± 0 (exact)"));
  const auto declared = json_of("reach " + path + " --hosts h1,h2,h3 --method declared --json");
  CHECK(declared["standard_error"].is_null());
  CHECK(declared["panel_members"].is_null());
}

TEST_CASE("info says whether the fans are a census or a panel, and the weight range") {
  TempDir dir;
  write_dataset(dir);
  const std::string path = shell_quote(dir.path().string());
  const auto json = json_of("info " + path + " --json");
  CHECK(json["sample"] == "panel");
  CHECK(json["weight_min"] == 1);
  CHECK(json["weight_max"] == 100);
  CHECK_THAT(run_castgraph("info " + path).out,
             Catch::Contains("each fan stands for 1 to 100 people"));
  dir.write("fans.csv", "id,weight\na,1\n");
  CHECK(json_of("info " + path + " --json")["sample"] == "census");
}

TEST_CASE("reach --by province breaks the people down by where they live") {
  TempDir dir;
  write_dataset(dir);
  const std::string base = "reach " + shell_quote(dir.path().string()) + " --hosts h1,h2,h3";
  const auto json = json_of(base + " --by province --json");
  REQUIRE(json["by"].size() == 2);
  CHECK(json["breakdown"] == "province");
  CHECK(json["by"][0]["group"] == "辽宁");  // a (100), c, e
  CHECK(json["by"][0]["people"] == 102);
  CHECK(json["by"][0]["share"].get<double>() == Approx(102.0 / 103));
  CHECK(json["by"][1]["group"] == "吉林");  // b
  CHECK(json["by"][1]["people"] == 1);
  const auto platforms = json_of(base + " --by platform --json");
  REQUIRE(platforms["by"].size() == 2);
  CHECK(platforms["by"][0]["group"] == "快手");  // a, c, e
  CHECK(platforms["by"][0]["people"] == 102);
  CHECK(platforms["by"][1]["group"] == "抖音");  // a, b, c
  CHECK(platforms["by"][1]["people"] == 102);
  CHECK_THAT(run_castgraph(base + " --by province").out, Catch::Contains("吉林"));
  CHECK(json_of(base + " --region 辽宁省 --json")["people"] == 102);
  CHECK(run_castgraph(base + " --city 沈阳").status == 2);  // no fan has a city
}

TEST_CASE("reach gives the fees and the cost per 1,000 people when every fee is known") {
  TempDir dir;
  write_dataset(dir);
  const std::string path = shell_quote(dir.path().string());
  auto json = json_of("reach " + path + " --hosts h1,h2 --json");
  CHECK(json["yuan_per_1000"].is_null());
  CHECK(json["unknown_fees"] == nlohmann::json::array({"h1", "h2"}));
  dir.write("broadcasters.csv", "id,name,fee\nh1,李佳,2060\nh2,张伟,1000\nh3,张伟,\n");
  json = json_of("reach " + path + " --hosts h1,h2 --json");
  CHECK(json["people"] == 102);  // a, b, c
  CHECK(json["fee_total"] == 3060.0);
  CHECK(json["yuan_per_1000"].get<double>() == Approx(30'000.0));  // 3,060 / 102 × 1,000
  CHECK_THAT(run_castgraph("reach " + path + " --hosts h1,h2").out,
             Catch::Contains("3,060 yuan in fees: 30,000 yuan per 1,000 people"));
}

TEST_CASE("reach of hosts who reach nobody says so instead of naming no unknown fee") {
  TempDir dir;
  write_dataset(dir);
  // h4 has a fee and a fanbase, but nobody follows it.
  dir.write("broadcasters.csv", "id,name,fee\nh1,李佳,2060\nh2,张伟,1000\nh3,张伟,\nh4,王芳,700\n");
  dir.write("fanbases.csv",
            "broadcaster,platform,fans\nh1,douyin,100\nh1,kuaishou,50\nh2,douyin,200\n"
            "h3,kuaishou,100\nh4,douyin,10\n");
  const std::string path = shell_quote(dir.path().string());
  const auto json = json_of("reach " + path + " --hosts h4 --json");
  CHECK(json["people"] == 0);
  CHECK(json["yuan_per_1000"].is_null());
  CHECK(json["unknown_fees"] == nlohmann::json::array());
  const auto text = run_castgraph("reach " + path + " --hosts h4").out;
  CHECK_THAT(text,
             Catch::Contains("700 yuan in fees; no cost per 1,000 people: nobody is reached"));
  CHECK_THAT(text, !Catch::Contains("unknown fee for"));
}

TEST_CASE("overlap gives the directional shares of each audience") {
  TempDir dir;
  write_dataset(dir);
  const std::string path = shell_quote(dir.path().string());
  // h1 reaches a (100) and b: 101; h2 reaches b and c: 2. They share b: 1 person, which
  // is 1/101 of h1's audience and 1/2 of h2's.
  const auto json = json_of("overlap " + path + " --hosts h1,h2,h3 --json");
  CHECK(json["a_in_b"][0][1].get<double>() == Approx(1.0 / 101));
  CHECK(json["a_in_b"][1][0].get<double>() == Approx(1.0 / 2));
  CHECK(json["a_in_b"][1][2].get<double>() == Approx(1.0 / 2));  // c of {b, c}
  CHECK(json["a_in_b"][0][2] == 0.0);
  const auto top = json_of("overlap " + path + " --top 1 --json");
  REQUIRE(top["pairs"].size() == 1);
  CHECK(top["pairs"][0]["a"] == "h1");
  CHECK(top["pairs"][0]["b"] == "h2");
  CHECK(top["pairs"][0]["a_in_b"].get<double>() == Approx(1.0 / 101));
  CHECK(top["pairs"][0]["b_in_a"].get<double>() == Approx(1.0 / 2));
}

TEST_CASE("rank --by cpm lists the hosts whose people cost least per thousand") {
  TempDir dir;
  write_dataset(dir);
  dir.write("broadcasters.csv", "id,name,fee\nh1,李佳,2020\nh2,张伟,1000\nh3,张伟,\n");
  const auto json = json_of("rank " + shell_quote(dir.path().string()) + " --by cpm --json");
  // h1: 2,020 yuan for 101 people = 20,000 per 1,000; h2: 1,000 for 2 = 500,000; h3 has no
  // fee and no rank.
  REQUIRE(json["hosts"].size() == 2);
  CHECK(json["hosts"][0]["id"] == "h1");
  CHECK(json["hosts"][0]["score"].get<double>() == Approx(20'000.0));
  CHECK(json["hosts"][1]["id"] == "h2");
  CHECK(json["hosts"][1]["score"].get<double>() == Approx(500'000.0));
}

TEST_CASE("reach --method model counts hosts with follows and models the others") {
  TempDir dir;
  write_dataset(dir);
  // h4 declares 300 fans on douyin and has no follows.
  dir.write("broadcasters.csv", "id,name\nh1,李佳\nh2,张伟\nh3,张伟\nh4,无数据\n");
  dir.write("fanbases.csv",
            "broadcaster,platform,fans\nh1,douyin,100\nh1,kuaishou,50\nh2,douyin,200\n"
            "h3,kuaishou,100\nh4,douyin,300\n");
  const std::string dataset = shell_quote(dir.path().string());
  // Observed pairs, by hand (U = 1000, F = declared fans): h1–h2 share b (1 person) against
  // 150·200/1000 = 30 expected; h2–h3 share c (1) against 20; h1–h3 share nobody against 15.
  // Too few pairs for any class, so every pair takes the pooled factor 2/65. h1 counts
  // a(100) + b = 101; h4 adds 300·(1 − (2/65)·150/1000) = 298.6: 400 people.
  const auto json = json_of("reach " + dataset + " --hosts h1,h4 --method model --json");
  CHECK(json["method"] == "model");
  CHECK(json["estimate"] == "model");
  CHECK(json["people"] == 400);
  CHECK(json["standard_error"].is_null());
  CHECK(json["per_host"][0]["counted_from"] == "follows");
  CHECK(json["per_host"][0]["reach"] == 101);
  CHECK(json["per_host"][1]["counted_from"] == "model");
  CHECK(json["per_host"][1]["reach"] == 300);
  CHECK(json["model"]["observed_hosts"] == 3);
  CHECK(json["model"]["pooled_factor"].get<double>() == Approx(2.0 / 65));
  CHECK(json["model"]["factors"].size() == 16);

  // When every host has follows, the model is the exact count.
  const auto all = json_of("reach " + dataset + " --hosts h1,h2,h3 --method model --json");
  const auto exact = json_of("reach " + dataset + " --hosts h1,h2,h3 --method exact --json");
  CHECK(all["people"] == exact["people"]);

  const auto text = run_castgraph("reach " + dataset + " --hosts h1,h4 --method model");
  REQUIRE(text.status == 0);
  CHECK(text.out.find("1 of 2 hosts counted from follows") != std::string::npos);
  CHECK(text.out.find("model (declared fans)") != std::string::npos);

  const auto region =
      run_castgraph("reach " + dataset + " --hosts h1,h4 --method model --region 辽宁");
  CHECK(region.status == 2);
  CHECK(region.err.find("--region") != std::string::npos);
}
