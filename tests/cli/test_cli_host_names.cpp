// Naming hosts as an analyst types them (issue 21): spaces in lists, quoted names with
// commas, hosts files, case/width/accent-insensitive names, suggestions for a name that
// matches nothing and the candidates of an ambiguous one.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/run_command.hpp"

using castgraph::testing::run_castgraph;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::TempDir;

namespace {

// Hosts named to trip a lookup; every host has one fanbase and one follower, so that
// exact reach runs and per_host lists who was resolved:
//   h1 Lady Gaga   h2 Beyoncé   h3 小米王老师 (9,000,000 declared fans)   h4 小米王姐 (100)
//   h5 张伟 (sy, douyin, 200)   h6 张伟 (dl, kuaishou, 300)   h7 刘一手, 大连
//   h8 ＡＢＣ直播 (full width)   h9 José   h10 Jose
void write_dataset(const TempDir& dir) {
  dir.write("platforms.csv", "id,name,population\ndouyin,抖音,1000\nkuaishou,快手,500\n");
  dir.write("bases.csv", "id,name\nsy,沈阳基地\ndl,大连基地\n");
  dir.write("broadcasters.csv",
            "id,name,base\nh1,Lady Gaga,sy\nh2,Beyoncé,sy\nh3,小米王老师,sy\nh4,小米王姐,dl\n"
            "h5,张伟,sy\nh6,张伟,dl\nh7,\"刘一手, 大连\",dl\nh8,ＡＢＣ直播,dl\nh9,José,sy\n"
            "h10,Jose,dl\n");
  dir.write("fanbases.csv",
            "broadcaster,platform,fans\nh1,douyin,10\nh2,douyin,10\nh3,douyin,9000000\n"
            "h4,kuaishou,100\nh5,douyin,200\nh6,kuaishou,300\nh7,douyin,10\nh8,douyin,10\n"
            "h9,douyin,10\nh10,douyin,10\n");
  dir.write("fans.csv", "id\na\n");
  std::string follows = "fan,broadcaster,platform\n";
  for (int host = 1; host <= 10; ++host)
    follows +=
        "a,h" + std::to_string(host) + (host == 4 || host == 6 ? ",kuaishou\n" : ",douyin\n");
  dir.write("follows.csv", follows);
}

// The ids `reach --json` reports per host, in order.
std::vector<std::string> reached(const TempDir& dir, const std::string& arguments,
                                 std::string* err = nullptr) {
  const auto result =
      run_castgraph("reach " + shell_quote(dir.path().string()) + " " + arguments + " --json");
  INFO(result.err);
  REQUIRE(result.status == 0);
  if (err) *err = result.err;
  const nlohmann::json answer = nlohmann::json::parse(result.out);
  std::vector<std::string> ids;
  for (const auto& host : answer["per_host"]) ids.push_back(host["id"].get<std::string>());
  return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a host list may have spaces around its items and quote a name with a comma") {
  TempDir dir;
  write_dataset(dir);
  CHECK(reached(dir, "--hosts " + shell_quote("h1, h3 ,h5")) == Ids{"h1", "h3", "h5"});
  CHECK(reached(dir, "--hosts " + shell_quote("\"刘一手, 大连\", h1")) == Ids{"h7", "h1"});
  const auto broken = run_castgraph("reach " + shell_quote(dir.path().string()) + " --hosts " +
                                    shell_quote("\"刘一手, 大连"));
  CHECK(broken.status == 2);
  CHECK_THAT(broken.err, Catch::Contains("never closes"));
}

TEST_CASE("host names match ignoring case and width") {
  TempDir dir;
  write_dataset(dir);
  CHECK(reached(dir, "--hosts " + shell_quote("lady gaga,H3")) == Ids{"h1", "h3"});
  CHECK(reached(dir, "--hosts " + shell_quote("ＬＡＤＹ　ＧＡＧＡ")) == Ids{"h1"});
  CHECK(reached(dir, "--hosts " + shell_quote("abc直播")) == Ids{"h8"});
  CHECK(reached(dir, "--hosts " + shell_quote("Ｈ２")) == Ids{"h2"});
}

TEST_CASE("a host name matches without its accents only when the match is unique") {
  TempDir dir;
  write_dataset(dir);
  CHECK(reached(dir, "--hosts Beyonce") == Ids{"h2"});
  CHECK(reached(dir, "--hosts BEYONCÉ") == Ids{"h2"});
  // Case folding alone tells José from Jose, so those resolve without ambiguity...
  CHECK(reached(dir, "--hosts JOSÉ") == Ids{"h9"});
  CHECK(reached(dir, "--hosts jose") == Ids{"h10"});
  // ...but Josè matches both once accents are dropped: the user must choose.
  const auto both = run_castgraph("reach " + shell_quote(dir.path().string()) + " --hosts Josè");
  CHECK(both.status == 2);
  CHECK_THAT(both.err, Catch::Contains("matches 2 hosts") && Catch::Contains("h9 José") &&
                           Catch::Contains("h10 Jose"));
}

TEST_CASE("an ambiguous name lists each candidate with id, base, fans and platforms") {
  TempDir dir;
  write_dataset(dir);
  const auto result = run_castgraph("reach " + shell_quote(dir.path().string()) + " --hosts 张伟");
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("h5 张伟: base 沈阳基地, 200 declared fans on 抖音") &&
                             Catch::Contains("h6 张伟: base 大连基地, 300 declared fans on 快手"));
}

TEST_CASE("an unknown name suggests the closest names, the largest hosts first") {
  TempDir dir;
  write_dataset(dir);
  const auto result =
      run_castgraph("reach " + shell_quote(dir.path().string()) + " --hosts 小米王");
  CHECK(result.status == 2);
  CHECK_THAT(result.err, Catch::Contains("no host has id or name '小米王'; did you mean:"));
  const auto big = result.err.find("h3 小米王老师"), small = result.err.find("h4 小米王姐");
  REQUIRE(big != std::string::npos);
  REQUIRE(small != std::string::npos);
  CHECK(big < small);
  // A typo one code point off finds the name it missed.
  const auto typo = run_castgraph("reach " + shell_quote(dir.path().string()) + " --hosts " +
                                  shell_quote("Lady Gagq"));
  CHECK(typo.status == 2);
  CHECK_THAT(typo.err, Catch::Contains("did you mean:\n  h1 Lady Gaga"));
}

TEST_CASE("hosts come from a file: one per line, or a CSV with an id or name column") {
  TempDir dir;
  write_dataset(dir);
  dir.write("plain.txt", "h1\n\n  小米王老师  \n刘一手, 大连\n");
  dir.write("by_name.csv", "rank,name\n1,Beyoncé\n2,\"刘一手, 大连\"\n");
  dir.write("by_id.csv", "name,id\nwhatever,h5\nignored,h6\n");
  const std::string folder = dir.path().string() + "/";
  CHECK(reached(dir, "--hosts-file " + shell_quote(folder + "plain.txt")) == Ids{"h1", "h3", "h7"});
  CHECK(reached(dir, "--hosts " + shell_quote("@" + folder + "by_name.csv") + ",h1") ==
        Ids{"h2", "h7", "h1"});
  CHECK(reached(dir, "--hosts-file " + shell_quote(folder + "by_id.csv")) == Ids{"h5", "h6"});
  const auto missing = run_castgraph("reach " + shell_quote(dir.path().string()) +
                                     " --hosts-file " + shell_quote(folder + "nope.txt"));
  CHECK(missing.status != 0);
  CHECK_THAT(missing.err, Catch::Contains("nope.txt"));
}

TEST_CASE("the same host listed twice is a warning, and it counts once") {
  TempDir dir;
  write_dataset(dir);
  std::string err;
  CHECK(reached(dir, "--hosts " + shell_quote("h1,lady gaga,h3,h1"), &err) == Ids{"h1", "h3"});
  CHECK_THAT(err, Catch::Contains("warning: 'lady gaga' names h1 (Lady Gaga) again; it counts "
                                  "once") &&
                      Catch::Contains("warning: 'h1' names h1 (Lady Gaga) again"));
}

TEST_CASE("plan and overlap take host lists the same way") {
  TempDir dir;
  write_dataset(dir);
  const std::string dataset = shell_quote(dir.path().string());
  const auto plan = run_castgraph("plan " + dataset + " --k 2 --include " +
                                  shell_quote("lady gaga, \"刘一手, 大连\"") + " --json");
  INFO(plan.err);
  REQUIRE(plan.status == 0);
  const auto picks = nlohmann::json::parse(plan.out)["picks"];
  REQUIRE(picks.size() == 2);
  CHECK(picks[0]["id"] == "h1");
  CHECK(picks[1]["id"] == "h7");
  dir.write("two.txt", "BEYONCE\nh3\n");
  const auto overlap = run_castgraph("overlap " + dataset + " --hosts-file " +
                                     shell_quote(dir.path().string() + "/two.txt") + " --json");
  INFO(overlap.err);
  REQUIRE(overlap.status == 0);
  const auto hosts = nlohmann::json::parse(overlap.out)["hosts"];
  REQUIRE(hosts.size() == 2);
  CHECK(hosts[0]["id"] == "h2");
  CHECK(hosts[1]["id"] == "h3");
}

TEST_CASE("samples/liaoning: spaced lists resolve and 小米王 offers 小米王老师 first") {
  const std::string dataset = shell_quote(source_path("samples/liaoning"));
  const auto listed = run_castgraph("reach " + dataset + " --hosts 'h11655, h7252' --json");
  INFO(listed.err);
  REQUIRE(listed.status == 0);
  CHECK(nlohmann::json::parse(listed.out)["per_host"].size() == 2);
  const auto near = run_castgraph("reach " + dataset + " --hosts 小米王");
  CHECK(near.status == 2);
  CHECK_THAT(near.err, Catch::Contains("did you mean:\n  h11655 小米王老师"));
}
