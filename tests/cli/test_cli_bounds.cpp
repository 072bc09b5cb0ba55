// Inputs that cost memory or time out of proportion are bounded by default and the bound
// is said: one fan who follows thousands of hosts is left out of the communities'
// audience layer (and counted in the output), and HyperLogLog precision is limited to
// 4..16 wherever it is accepted, with a message that names the range.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run_command.hpp"

using namespace castgraph::testing;

namespace {

constexpr int kHosts = 1001;  // one more than the default cap

// h1..h1001, one fan base each on one platform. f1 follows h1 and h2, f2 follows h2 and
// h3, and "bot" follows every host:
//
//   h1 — h2 — h3        (f1, f2: two audience ties)
//   bot: all 1001 hosts (1001·1000/2 = 500,500 ties if counted)
struct BotDataset {
  TempDir dir;
  BotDataset() {
    std::string hosts = "id,name\n", fanbases = "broadcaster,platform,fans\n",
                follows = "fan,broadcaster\nf1,h1\nf1,h2\nf2,h2\nf2,h3\n";
    for (int h = 1; h <= kHosts; ++h) {
      const std::string id = "h" + std::to_string(h);
      hosts += id + ",host " + id + "\n";
      fanbases += id + ",p1,10\n";
      follows += "bot," + id + "\n";
    }
    dir.write("platforms.csv", "id,name\np1,Douyin\n");
    dir.write("bases.csv", "id,name\n");
    dir.write("broadcasters.csv", hosts);
    dir.write("fanbases.csv", fanbases);
    dir.write("follows.csv", follows);
  }
  std::string path() const { return shell_quote(dir.path().string()); }
};

nlohmann::json communities_json(const std::string& arguments) {
  const CommandResult run = run_castgraph("communities " + arguments + " --json");
  INFO(run.err);
  REQUIRE(run.status == 0);
  return nlohmann::json::parse(run.out);
}

}  // namespace

TEST_CASE("a fan of more than 1000 hosts is left out of the audience layer by default, and said",
          "[cli][bounds]") {
  const BotDataset data;
  const auto capped = communities_json(data.path() + " --layers audience");
  CHECK(capped["max_hosts_per_fan"] == 1000);
  CHECK(capped["fans_left_out"] == 1);
  CHECK(capped["people_left_out"] == 1);
  CHECK(capped["edges"] == 2);  // h1—h2 and h2—h3 only

  const CommandResult table = run_castgraph("communities " + data.path() + " --layers audience");
  CHECK(table.status == 0);
  CHECK_THAT(table.out, Catch::Contains("1 fans (1 people) who follow more than 1000 hosts each "
                                        "were left out of the audience layer"));
  const CommandResult help = run_castgraph("communities --help");
  CHECK_THAT(help.out, Catch::Contains("--max-hosts-per-fan"));
  CHECK_THAT(help.out, Catch::Contains("1000"));
}

TEST_CASE("a --max-hosts-per-fan of 0 counts every fan, and a lower cap leaves out more",
          "[cli][bounds]") {
  const BotDataset data;
  const auto uncapped = communities_json(data.path() + " --layers audience --max-hosts-per-fan 0");
  CHECK(uncapped["fans_left_out"] == 0);
  CHECK(uncapped["edges"] == kHosts * (kHosts - 1) / 2);
  const auto tight = communities_json(data.path() + " --layers audience --max-hosts-per-fan 1");
  CHECK(tight["fans_left_out"] == 3);
  CHECK(tight["edges"] == 0);
}

TEST_CASE("HyperLogLog precision above 16 or below 4 is refused wherever it is accepted",
          "[cli][bounds]") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  TempDir dir;
  const std::string snapshot = shell_quote((dir / "t.cgs").string());
  for (const std::string& arguments :
       {"reach " + tiny + " --hosts h1 --method sketch --precision 17",
        "reach " + tiny + " --hosts h1 --method sketch --precision 3",
        "snapshot " + tiny + " -o " + snapshot + " --sketch-precision 18",
        "plan " + tiny + " --k 2 --method sketch --precision 17"}) {
    const CommandResult run = run_castgraph(arguments);
    INFO(arguments << "\n" << run.err);
    CHECK(run.status == 2);
    CHECK_THAT(run.err, Catch::Contains("4 to 16"));
  }
  const CommandResult ok =
      run_castgraph("reach " + tiny + " --hosts h1 --method sketch --precision 16");
  INFO(ok.err);
  CHECK(ok.status == 0);
}
