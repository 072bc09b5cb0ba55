// Chinese data habits (issue 21): CSV saved as GB18030 by Excel, provinces and cities
// with or without their suffix, 万 and 亿 rounded to nearest, tier names in the units
// the thresholds were given in.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/json_output.hpp"
#include "support/run_command.hpp"

using namespace castgraph::testing;
using castgraph::testing::json_of;
using nlohmann::json;

namespace {

// samples/tiny with every CSV converted to GB18030 by glibc's iconv program, as Excel
// on Chinese Windows would save it.
void write_gb18030_tiny(const TempDir& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(source_path("samples/tiny"))) {
    if (entry.path().extension() != ".csv") continue;
    const std::string command = "iconv -f UTF-8 -t GB18030 " + shell_quote(entry.path().string()) +
                                " > " +
                                shell_quote((dir / entry.path().filename().string()).string());
    REQUIRE(std::system(command.c_str()) == 0);
  }
}

}  // namespace

TEST_CASE("a GB18030 CSV is refused with its location and the encoding that reads it",
          "[cli][encoding]") {
  TempDir gb;
  write_gb18030_tiny(gb);
  const auto result = run_castgraph("info " + shell_quote(gb.path().string()));
  CHECK(result.status == 65);
  // platforms.csv loads first; line 2 is "douyin,抖音,...", 抖 in column 8.
  CHECK_THAT(result.err, Catch::Contains("platforms.csv:2:8: invalid UTF-8") &&
                             Catch::Contains("reads as GB18030") &&
                             Catch::Contains("run again with --encoding gb18030"));
}

TEST_CASE("reading with --encoding gb18030 loads the GB18030 copy of samples/tiny as the original",
          "[cli][encoding]") {
  TempDir gb;
  write_gb18030_tiny(gb);
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string copy = shell_quote(gb.path().string());
  CHECK(json_of("info " + copy + " --encoding gb18030 --json") ==
        json_of("info " + tiny + " --json"));
  CHECK(json_of("reach " + copy + " --encoding GBK --hosts 李佳,王小明 --region 辽宁 --json") ==
        json_of("reach " + tiny + " --hosts 李佳,王小明 --region 辽宁 --json"));
  const auto bad = run_castgraph("info " + tiny + " --encoding latin1");
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("--encoding must be utf-8 or gb18030"));
}

TEST_CASE("a file in neither UTF-8 nor GB18030 is refused at the bad byte", "[cli][encoding]") {
  TempDir dir;
  for (const char* name : {"platforms.csv", "bases.csv", "fanbases.csv"})
    std::filesystem::copy_file(source_path("samples/tiny/") + name, dir / name);
  dir.write("broadcasters.csv", "id,name\nh1,李佳\nh2,ab\x81\x20x\n");  // 0x81 0x20: no GB18030
  const auto result =
      run_castgraph("info " + shell_quote(dir.path().string()) + " --encoding gb18030");
  CHECK(result.status == 65);
  CHECK_THAT(result.err,
             Catch::Contains("broadcasters.csv:3:6: byte 0x81 does not read as GB18030"));
}

TEST_CASE("a lenient load (--lenient) stops when more than half of a file's rows are bad",
          "[cli][encoding]") {
  TempDir gb;
  write_gb18030_tiny(gb);
  const auto result =
      run_castgraph("info " + shell_quote(gb.path().string()) + " --lenient --rejects " +
                    shell_quote((gb / "rejects.csv").string()));
  CHECK(result.status == 65);
  CHECK_THAT(result.err,
             Catch::Contains("of the 3 rows of platforms.csv are bad, more than half") &&
                 Catch::Contains("run again with --encoding gb18030"));
  // Half bad is still a few bad rows: skipped, as before.
  TempDir half;
  for (const char* name : {"platforms.csv", "bases.csv", "broadcasters.csv", "fanbases.csv"})
    std::filesystem::copy_file(source_path("samples/tiny/") + name, half / name);
  half.write("follows.csv", "fan,broadcaster,platform\nf1,h1,douyin\nf2,h99,douyin\n");
  const auto skipped =
      run_castgraph("info " + shell_quote(half.path().string()) + " --lenient --rejects " +
                    shell_quote((half / "rejects.csv").string()));
  INFO(skipped.err);
  CHECK(skipped.status == 0);
  // A wrong format, not encoding: most rows have the wrong field count.
  half.write("follows.csv", "fan,broadcaster,platform\nf1;h1;douyin\nf2;h2;douyin\nf1,h1,douyin\n");
  const auto format =
      run_castgraph("info " + shell_quote(half.path().string()) + " --lenient --rejects " +
                    shell_quote((half / "rejects.csv").string()));
  CHECK(format.status == 65);
  CHECK_THAT(format.err, Catch::Contains("follows.csv:2:") &&
                             Catch::Contains("2 of the 3 rows of follows.csv are bad"));
  CHECK(format.err.find("--encoding") == std::string::npos);
}

TEST_CASE("provinces and cities with and without their suffix are one place", "[cli][places]") {
  // Fans spell 辽宁 three ways between them, and 沈阳 two; hosts spell their province both ways.
  TempDir dir;
  dir.write("platforms.csv", "id,name\ndouyin,抖音\n");
  dir.write("bases.csv", "id,name,province,city\nsy,沈阳基地,辽宁省,沈阳市\n");
  dir.write("broadcasters.csv",
            "id,name,base,province\nh1,甲,sy,辽宁\nh2,乙,sy,辽宁省\nh3,丙,,吉林\n");
  dir.write("fanbases.csv", "broadcaster,platform,fans\nh1,douyin,10\nh2,douyin,20\nh3,douyin,5\n");
  dir.write("fans.csv",
            "id,weight,province,city\na,1,辽宁,沈阳\nb,2,辽宁省,沈阳市\nc,4,辽宁省,大连市\n"
            "d,8,吉林,长春\ne,16,内蒙古自治区,呼和浩特\nf,32,内蒙古,呼和浩特市\n");
  dir.write("follows.csv",
            "fan,broadcaster,platform\na,h1,douyin\nb,h1,douyin\nc,h2,douyin\nd,h3,douyin\n"
            "e,h3,douyin\nf,h3,douyin\n");
  const std::string data = shell_quote(dir.path().string());
  // Counted by hand from the fans above: 辽宁 a+b+c = 7, 沈阳 a+b = 3, 内蒙古 e+f = 48.
  for (const char* region : {"辽宁", "辽宁省"})
    CHECK(json_of("reach " + data + " --hosts h1,h2,h3 --region " + region +
                  " --json")["unique_reach"] == 7);
  for (const char* city : {"沈阳", "沈阳市"})
    CHECK(json_of("reach " + data + " --hosts h1,h2,h3 --city " + city +
                  " --json")["unique_reach"] == 3);
  CHECK(json_of("reach " + data + " --hosts h3 --region 内蒙古自治区 --json")["unique_reach"] ==
        48);
  // One row per place in the breakdown, not one per spelling.
  const json by = json_of("reach " + data + " --hosts h1,h2,h3 --by province --json")["by"];
  REQUIRE(by.size() == 3);
  // plan's host filter --province matches both spellings of the hosts' province.
  for (const char* province : {"辽宁", "辽宁省"}) {
    const json plan = json_of("plan " + data + " --k 3 --province " + province + " --json");
    CHECK(plan["picks"].size() == 2);
  }
}

TEST_CASE("figures in 万 and 亿 round to nearest on samples/liaoning", "[cli][numbers]") {
  // The issue's own figures: 16,676 fanbases and 116,800,000 declared fans, which
  // truncation wrote as 1.66万 and 1.16亿.
  const auto result = run_castgraph("info " + shell_quote(source_path("samples/liaoning")));
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out,
             Catch::Contains("16,676  (1.67万)") && Catch::Contains("116,800,000  (1.17亿)"));
  CHECK(result.out.find("1.66万") == std::string::npos);
  CHECK(result.out.find("1.16亿") == std::string::npos);
}

TEST_CASE("tier names follow the units the thresholds were given in", "[cli][numbers]") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const json chinese = json_of("tiers " + tiny + " --thresholds 10万,100万 --json");
  CHECK(chinese["bands"][0]["name"] == "<10万");
  CHECK(chinese["bands"][1]["name"] == "10万-100万");
  CHECK(chinese["bands"][2]["name"] == "100万+");
  const json western = json_of("tiers " + tiny + " --thresholds 100k,1M --json");
  CHECK(western["bands"][1]["name"] == "100k-1M");
  const auto table = run_castgraph("tiers " + tiny + " --thresholds 10万,100万");
  CHECK_THAT(table.out, Catch::Contains("10万-100万"));
}
