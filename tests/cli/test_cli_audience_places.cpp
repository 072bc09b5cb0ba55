// Where audiences live (rank and report) and --city on plan and report, through the binary.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "support/json_output.hpp"
#include "support/run_command.hpp"

using castgraph::testing::json_of;
using castgraph::testing::run_castgraph;
using castgraph::testing::TempDir;

namespace {

const std::string kTiny = std::string(CASTGRAPH_SOURCE_DIR) + "/samples/tiny";

std::vector<std::vector<std::string>> csv_rows(const std::string& file) {
  std::ifstream in(kTiny + "/" + file);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream split(line);
    for (std::string field; std::getline(split, field, ',');) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(fields);
  }
  return rows;
}

// People per province of each host's audience, straight from samples/tiny's files
// (fans.csv: id,weight,province,city; follows.csv: fan,broadcaster,platform).
std::map<std::string, std::map<std::string, double>> reference_places() {
  std::map<std::string, std::pair<double, std::string>> fans;
  for (const auto& row : csv_rows("fans.csv"))
    fans[row[0]] = {row[1].empty() ? 1.0 : std::stod(row[1]), row.size() > 2 ? row[2] : ""};
  std::map<std::string, std::set<std::string>> fans_of;
  for (const auto& row : csv_rows("follows.csv")) fans_of[row[1]].insert(row[0]);
  std::map<std::string, std::map<std::string, double>> places;
  for (const auto& [host, fan_ids] : fans_of)
    for (const std::string& fan : fan_ids) {
      const auto found = fans.find(fan);
      const double weight = found == fans.end() ? 1.0 : found->second.first;
      const std::string place =
          found == fans.end() || found->second.second.empty() ? "unknown" : found->second.second;
      places[host][place] += weight;
    }
  return places;
}

}  // namespace

TEST_CASE("rank shows where each host's audience lives, as a brute-force count says") {
  const auto reference = reference_places();
  const auto json = json_of("rank " + kTiny + " --by fans --top 0 --json");
  std::size_t checked = 0;
  for (const auto& host : json["hosts"]) {
    const std::string id = host["id"];
    const auto& places = host["audience_provinces"];
    if (!reference.count(id)) {
      CHECK(places.empty());
      continue;
    }
    const auto& expected = reference.at(id);
    double total = 0;
    for (const auto& [place, people] : expected) total += people;
    REQUIRE(places.size() == std::min<std::size_t>(3, expected.size()));
    double previous = 2;
    for (const auto& place : places) {
      INFO(id << " " << place.dump());
      const std::string name = place["province"];
      REQUIRE(expected.count(name));
      CHECK(place["share"].get<double>() == Approx(expected.at(name) / total));
      CHECK(place["share"].get<double>() <= previous);
      previous = place["share"];
      ++checked;
    }
  }
  CHECK(checked > 5);
  const auto text = run_castgraph("rank " + kTiny + " --by fans");
  REQUIRE(text.status == 0);
  CHECK(text.out.find("audience lives in") != std::string::npos);
  CHECK(text.out.find("辽宁 ") != std::string::npos);
}

TEST_CASE("plan --city counts only people of that city, as reach --city does") {
  const auto plan = json_of("plan " + kTiny + " --k 2 --city 沈阳市 --json");
  std::string hosts;
  for (const auto& pick : plan["picks"])
    hosts += (hosts.empty() ? "" : ",") + pick["id"].get<std::string>();
  REQUIRE(!hosts.empty());
  const auto reach = json_of("reach " + kTiny + " --hosts " + hosts + " --city 沈阳 --json");
  CHECK(plan["unique_reach"] == reach["people"]);
  const auto everywhere = json_of("plan " + kTiny + " --k 2 --json");
  CHECK(plan["unique_reach"].get<double>() < everywhere["unique_reach"].get<double>());
  const auto unknown = run_castgraph("plan " + kTiny + " --k 2 --city 巴黎");
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("巴黎") != std::string::npos);
}

TEST_CASE("report --city counts the roster and the reach in that city, and shows audiences") {
  TempDir dir;
  const std::string out = (dir.path() / "r.html").string();
  const auto result = run_castgraph("report " + kTiny + " --k 2 --city 沈阳 -o " + out);
  INFO(result.err);
  REQUIRE(result.status == 0);
  std::ifstream in(out);
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(html.find("counting only fans in 沈阳") != std::string::npos);
  CHECK(html.find("audience lives in") != std::string::npos);
  CHECK(run_castgraph("report " + kTiny + " --k 2 --city 巴黎 -o " + out).status == 2);
}
