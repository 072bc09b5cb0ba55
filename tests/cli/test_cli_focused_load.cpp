// reach --hosts through the focused load (loaders/focused_load.hpp, --load focused) against
// the full load (--load full --no-cache) on generated datasets: weighted fans with places,
// fans met only in follows, quoted ids (a comma, a doubled quote, a line break inside a
// quoted field, which the two-thread split must not cut), CRLF line ends, rows grouped
// by host or shuffled, and bad rows placed in both halves of follows.csv (each half is read
// by its own thread), strict and lenient. Same stdout, stderr, exit status and rejects
// file; the clean dataset's reach is also counted here from the rows themselves.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "support/run_command.hpp"

using namespace castgraph::testing;
namespace fs = std::filesystem;

namespace {

struct Shape {
  bool crlf = false;
  bool shuffled = false;
  bool bad_rows = false;
};

constexpr int kHosts = 30, kFans = 600, kDeclaredFans = 500, kFollows = 3000;

// The fan ids: a few need quoting, one holds a line break.
std::string fan_id(int fan) {
  if (fan == 7) return "f,7";
  if (fan == 11) return "f\"11";
  if (fan == 13) return "f\n13";
  return "f" + std::to_string(fan);
}

std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\n\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

bool two_fanbases(int host) { return host % 2 == 0; }

struct Follow {
  int fan, host;
  std::string platform;
};

struct Dataset {
  TempDir dir;
  fs::path data = dir / "data";
  std::vector<Follow> follows;
  std::vector<std::uint64_t> weights = std::vector<std::uint64_t>(kFans, 1);

  explicit Dataset(const Shape& shape, unsigned seed = 7) {
    fs::create_directories(data);
    std::mt19937 random(seed);
    const std::string end = shape.crlf ? "\r\n" : "\n";
    write("platforms.csv", {"id,name", "p1,Douyin", "p2,Kuaishou"}, end);
    write("bases.csv", {"id,name,province", "b1,Base One,辽宁省"}, end);
    std::vector<std::string> hosts{"id,name,base,fee"}, fanbases{"broadcaster,platform,fans"};
    for (int h = 0; h < kHosts; ++h) {
      hosts.push_back("h" + std::to_string(h) + ",主播" + std::to_string(h) + ",b1," +
                      std::to_string(1000 + h));
      fanbases.push_back("h" + std::to_string(h) + ",p1," + std::to_string(100 + h));
      if (two_fanbases(h)) fanbases.push_back("h" + std::to_string(h) + ",p2,50");
    }
    write("broadcasters.csv", hosts, end);
    write("fanbases.csv", fanbases, end);

    std::vector<std::string> fans{"id,weight,province,city"};
    const char* provinces[] = {"辽宁省", "吉林", ""};
    for (int f = 0; f < kDeclaredFans; ++f) {
      weights[f] = 1 + random() % 5;
      fans.push_back(quoted(fan_id(f)) + "," + std::to_string(weights[f]) + "," +
                     provinces[random() % 3] + ",");
      if (shape.bad_rows && f == 100) fans.push_back("f5,3,,");    // a repeated id
      if (shape.bad_rows && f == 300) fans.push_back("f900,x,,");  // not a weight
    }
    write("fans.csv", fans, end);

    for (int i = 0; i < kFollows; ++i) {
      const int host = static_cast<int>(random() % kHosts);
      std::string platform =
          two_fanbases(host) ? (random() % 2 ? "p1" : "p2") : (random() % 2 ? "p1" : "");
      follows.push_back({static_cast<int>(random() % kFans), host, platform});
    }
    if (!shape.shuffled)
      std::stable_sort(follows.begin(), follows.end(),
                       [](const Follow& a, const Follow& b) { return a.host < b.host; });
    std::vector<std::string> rows{"fan,broadcaster,platform"};
    for (const Follow& follow : follows)
      rows.push_back(quoted(fan_id(follow.fan)) + ",h" + std::to_string(follow.host) + "," +
                     follow.platform);
    if (shape.bad_rows) {
      // In the first half: an unknown host, and an asked host's row that names no platform
      // though the host has two; in the second half: an empty fan, a row with a field too
      // many, and a platform the host is not on.
      rows.insert(rows.begin() + kFollows / 4, "f1,h99,p1");
      rows.insert(rows.begin() + kFollows / 3, "f2,h2,");
      rows.insert(rows.begin() + kFollows * 3 / 5, ",h3,p1");
      rows.insert(rows.begin() + kFollows * 4 / 5, "f3,h3,p1,extra");
      rows.insert(rows.begin() + kFollows * 9 / 10, "f4,h3,p2");
    }
    write("follows.csv", rows, end);
    write("collabs.csv", {"a,b,weight", "h1,h2,3"}, end);
  }

  void write(const std::string& name, const std::vector<std::string>& rows,
             const std::string& end) const {
    std::ofstream out(data / name, std::ios::binary);
    for (const std::string& row : rows) out << row << end;
  }

  // People the hosts reach, counted from the rows written: each distinct fan once, by
  // its weight (a fan only in follows.csv weighs 1).
  std::uint64_t people_reached(const std::set<int>& hosts) const {
    std::set<int> fans;
    for (const Follow& follow : follows)
      if (hosts.count(follow.host)) fans.insert(follow.fan);
    std::uint64_t people = 0;
    for (int fan : fans) people += weights[fan];
    return people;
  }

  CommandResult run(std::string arguments) const {
    const std::string quoted_data = shell_quote(data.string());
    for (std::size_t at; (at = arguments.find("DATA")) != std::string::npos;)
      arguments.replace(at, 4, quoted_data);
    return run_castgraph(arguments,
                         "XDG_CACHE_HOME=" + shell_quote((dir / "cache").string()) + " ");
  }
};

// Runs `arguments` with the full and the focused load and checks they print the same,
// the rejects file (under --lenient) included. Returns the focused run.
CommandResult same_as_full_load(const Dataset& dataset, const std::string& arguments) {
  const fs::path rejects = dataset.dir / "rejects.csv";
  const std::string with_rejects = arguments + " --rejects " + shell_quote(rejects.string());
  const auto full = dataset.run(with_rejects + " --load full --no-cache");
  const std::string full_rejects = fs::exists(rejects) ? read_file(rejects) : "";
  fs::remove(rejects);
  const auto focused = dataset.run(with_rejects + " --load focused");
  const std::string focused_rejects = fs::exists(rejects) ? read_file(rejects) : "";
  fs::remove(rejects);
  INFO(arguments << "\nfull stderr: " << full.err << "\nfocused stderr: " << focused.err);
  CHECK(focused.status == full.status);
  CHECK(focused.out == full.out);
  CHECK(focused.err == full.err);
  CHECK(focused_rejects == full_rejects);
  return focused;
}

}  // namespace

TEST_CASE("the focused load answers reach as the full load and as the rows count",
          "[cli][focused]") {
  for (const Shape shape : {Shape{false, false, false}, Shape{true, true, false}}) {
    const Dataset dataset(shape);
    const auto run = same_as_full_load(dataset, "reach DATA --hosts h2,h3,主播5 --json");
    REQUIRE(run.status == 0);
    CHECK_THAT(run.out, Catch::Contains("\"unique_reach\": " +
                                        std::to_string(dataset.people_reached({2, 3, 5})) + ","));
    same_as_full_load(dataset, "reach DATA --hosts h4 --platform p2 --region 辽宁 --by city");
    same_as_full_load(dataset, "reach DATA --hosts h1,h2 --by platform --json");
  }
}

TEST_CASE("the focused load reports bad rows as the full load does, strict and lenient",
          "[cli][focused]") {
  for (const Shape shape : {Shape{false, false, true}, Shape{true, true, true}}) {
    const Dataset dataset(shape);
    const auto strict = same_as_full_load(dataset, "reach DATA --hosts h2,h3 --json");
    CHECK(strict.status != 0);
    CHECK_THAT(strict.err, Catch::Contains("fans.csv:"));  // fans.csv is read first
    const auto lenient = same_as_full_load(dataset, "reach DATA --hosts h2,h3 --json --lenient");
    CHECK(lenient.status == 0);
    CHECK_THAT(lenient.err, Catch::Contains("skipped 5 bad rows of follows.csv"));
    // A question that fails after a lenient load: the rejects are listed first, as always.
    for (const std::string wrong : {"--platform p9", "--hosts nobody"})
      CHECK(same_as_full_load(dataset, "reach DATA --hosts h2 --lenient " + wrong).status != 0);
  }
}

TEST_CASE("a bad follows row in the second half is found, the first in file order reported",
          "[cli][focused]") {
  Dataset dataset(Shape{false, true, true});
  // fans.csv made clean, so follows.csv's errors are the ones reported.
  std::string fans = read_file(dataset.data / "fans.csv");
  for (const std::string bad : {"f5,3,,\n", "f900,x,,\n"}) fans.erase(fans.find(bad), bad.size());
  std::ofstream(dataset.data / "fans.csv", std::ios::binary) << fans;
  const auto both_halves = same_as_full_load(dataset, "reach DATA --hosts h2 --json");
  CHECK_THAT(both_halves.err, Catch::Contains("unknown broadcaster 'h99'"));
  // Only the second half's bad rows left.
  std::string follows = read_file(dataset.data / "follows.csv");
  for (const std::string bad : {"f1,h99,p1\n", "f2,h2,\n"})
    follows.erase(follows.find(bad), bad.size());
  std::ofstream(dataset.data / "follows.csv", std::ios::binary) << follows;
  const auto second_half = same_as_full_load(dataset, "reach DATA --hosts h2 --json");
  CHECK(second_half.status != 0);
  CHECK_THAT(second_half.err, Catch::Contains("empty fan id"));
}

TEST_CASE("reach picks the focused load for a few hosts, says so, and writes no cache entry",
          "[cli][focused][cache]") {
  const Dataset dataset(Shape{});
  const auto focused = dataset.run("reach DATA --hosts h2,h3 --json --verbose");
  REQUIRE(focused.status == 0);
  CHECK_THAT(focused.err,
             Catch::Contains("load: focused") && Catch::Contains("the cache is not written"));
  CHECK_FALSE(fs::exists(dataset.dir / "cache" / "castgraph"));
  const auto many = dataset.run(
      "reach DATA --hosts h0,h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,h11,h12,"
      "h13,h14,h15 --json --verbose");
  CHECK_THAT(many.err,
             Catch::Contains("load: full (16 hosts asked") && Catch::Contains("cache: wrote"));
  // The directory is cached now: mapping it beats any load.
  const auto again = dataset.run("reach DATA --hosts h2,h3 --json --verbose");
  CHECK_THAT(again.err, Catch::Contains("load: full (the cache holds this directory)") &&
                            Catch::Contains("cache: hit"));
  CHECK(again.out == focused.out);
  const auto sketch = dataset.run("reach DATA --hosts h2 --method sketch --json --verbose");
  CHECK_THAT(sketch.err, Catch::Contains("load: full (--method sketch reads every host's"));
}

TEST_CASE("the focused load checks every row of fans.csv though it keeps only reached fans",
          "[cli][focused]") {
  Dataset dataset(Shape{false, true, false});
  std::string fans = read_file(dataset.data / "fans.csv");
  SECTION("a repeated id of a fan no asked host reaches, after a far-out numbered id") {
    // f700 follows nobody (follows.csv draws fans below kFans), so the focused load never
    // keeps it; f99999999 is past graph/seen_ids.hpp's bit array when met, and met again.
    fans += "f99999999,2,,\nf700,1,,\nf700,4,,\nf99999999,3,,\n";
    std::ofstream(dataset.data / "fans.csv", std::ios::binary) << fans;
    const auto strict = same_as_full_load(dataset, "reach DATA --hosts h29 --json");
    CHECK(strict.status != 0);
    CHECK_THAT(strict.err, Catch::Contains("duplicate fan id 'f700'"));
    const auto lenient = same_as_full_load(dataset, "reach DATA --hosts h29 --json --lenient");
    CHECK(lenient.status == 0);
    CHECK_THAT(lenient.err, Catch::Contains("skipped 2 bad rows of fans.csv"));
  }
  SECTION("a place first spelt by a fan nobody asked reaches names the place, as in full") {
    int reached = -1;  // a fan of h2 that fans.csv does not declare yet
    for (const Follow& follow : dataset.follows)
      if (follow.host == 2 && follow.fan >= kDeclaredFans) reached = follow.fan;
    REQUIRE(reached >= 0);
    fans += "f700,1,黑龙江省,哈尔滨市\nf" + std::to_string(reached) + ",2,黑龙江,哈尔滨\n" +
            "f701,1,内蒙古,\n";
    std::ofstream(dataset.data / "fans.csv", std::ios::binary) << fans;
    const auto by_province = same_as_full_load(dataset, "reach DATA --hosts h2 --by province");
    CHECK(by_province.status == 0);
    CHECK_THAT(by_province.out, Catch::Contains("黑龙江省"));
    // Places only fans nobody asked reaches live in are still places.
    CHECK(same_as_full_load(dataset, "reach DATA --hosts h2 --region 内蒙古 --json").status == 0);
    same_as_full_load(dataset, "reach DATA --hosts h2 --by city --json");
  }
  SECTION("the fans' weights passing their limit, at the row where they do, lenient or not") {
    fans += "f600,9000000000000000000,,\nf601,1,,\nf602,9000000000000000000,,\n";
    std::ofstream(dataset.data / "fans.csv", std::ios::binary) << fans;
    for (const std::string lenient : {"", " --lenient"}) {
      const auto run = same_as_full_load(dataset, "reach DATA --hosts h2 --json" + lenient);
      CHECK(run.status != 0);
      // Line 505: the header, 500 fans (one id holds a line break), f600, f601, f602.
      CHECK_THAT(run.err, Catch::Contains("fans.csv:505:") &&
                              Catch::Contains("the total of the fans' weights"));
    }
  }
}

TEST_CASE("overlap --hosts answers from the focused load as from the full load", "[cli][focused]") {
  for (const Shape shape : {Shape{false, false, false}, Shape{true, true, false}}) {
    const Dataset dataset(shape);
    const auto run = same_as_full_load(dataset, "overlap DATA --hosts h2,h3,主播5 --json");
    REQUIRE(run.status == 0);
    // The diagonal is each host's own reach, counted here from the rows.
    CHECK_THAT(run.out,
               Catch::Contains("\"reach\": " + std::to_string(dataset.people_reached({3})) + "\n"));
    same_as_full_load(dataset, "overlap DATA --hosts h4,h5,h6 --platform p2 --region 辽宁");
    same_as_full_load(dataset, "overlap DATA --hosts h1,h2 --csv");
  }
  for (const Shape shape : {Shape{false, false, true}, Shape{true, true, true}}) {
    const Dataset dataset(shape);
    CHECK(same_as_full_load(dataset, "overlap DATA --hosts h2,h3 --json").status != 0);
    const auto lenient = same_as_full_load(dataset, "overlap DATA --hosts h2,h3 --lenient");
    CHECK(lenient.status == 0);
    CHECK_THAT(lenient.err, Catch::Contains("skipped 5 bad rows of follows.csv"));
    for (const std::string wrong : {"--platform p9", "--hosts nobody", "--region 火星"})
      CHECK(same_as_full_load(dataset, "overlap DATA --hosts h2,h3 --lenient " + wrong).status !=
            0);
  }
}

TEST_CASE("overlap and info say which load ran", "[cli][focused]") {
  const Dataset dataset(Shape{});
  const auto focused = dataset.run("overlap DATA --hosts h2,h3 --json --verbose");
  REQUIRE(focused.status == 0);
  CHECK_THAT(focused.err, Catch::Contains("load: focused"));
  CHECK_FALSE(fs::exists(dataset.dir / "cache" / "castgraph"));
  const auto sketch =
      dataset.run("overlap DATA --hosts h2,h3 --method sketch --verbose --no-cache");
  CHECK(sketch.status == 0);
  CHECK_THAT(sketch.err, Catch::Contains("load: full (--method sketch"));
  const auto top = dataset.run("overlap DATA --top 3 --verbose --no-cache");
  CHECK(top.status == 0);
  CHECK_THAT(top.err, Catch::Contains("load: full (--top reads every host's follows)"));
  const auto info = dataset.run("info DATA --verbose --no-cache");
  CHECK(info.status == 0);
  CHECK_THAT(info.err, Catch::Contains("load: full (info counts every fan, follow and component)"));
}

TEST_CASE("a --city within a --region is checked against every fan, as in the full load",
          "[cli][focused]") {
  Dataset dataset(Shape{false, true, false});
  // f700 follows nobody, so no focused load would keep it; it puts 沈阳 outside 辽宁.
  std::string fans = read_file(dataset.data / "fans.csv");
  fans += "f700,1,吉林,沈阳\nf701,1,辽宁,沈阳\n";
  std::ofstream(dataset.data / "fans.csv", std::ios::binary) << fans;
  for (const std::string command : {"reach", "overlap"}) {
    const auto run =
        same_as_full_load(dataset, command + " DATA --hosts h2,h3 --region 辽宁 --city 沈阳");
    CHECK(run.status != 0);
    CHECK_THAT(run.err, Catch::Contains("has fans outside province"));
    const auto verbose =
        dataset.run(command + " DATA --hosts h2 --city 沈阳 --region 辽宁 --verbose --no-cache");
    CHECK_THAT(verbose.err, Catch::Contains("load: full (--city with --region"));
  }
}

namespace {

// The last progress line shown for `file` (CASTGRAPH_PROGRESS=always writes each as a
// line), without its rate, which is a timing.
std::string last_progress(const std::string& err, const std::string& file) {
  const std::string prefix = "loading " + file + ": ";
  std::string last;
  for (std::size_t at = err.find(prefix); at != std::string::npos; at = err.find(prefix, at + 1))
    last = err.substr(at, err.find('\n', at) - at);
  return last.substr(0, last.rfind(", "));
}

}  // namespace

TEST_CASE("the progress line of a focused load counts both halves of follows.csv",
          "[cli][focused]") {
  TempDir dir;
  const fs::path data = dir / "data";
  fs::create_directories(data);
  std::ofstream(data / "platforms.csv") << "id,name\np1,Douyin\n";
  std::ofstream(data / "bases.csv") << "id,name,province\nb1,Base One,辽宁省\n";
  std::ofstream(data / "broadcasters.csv")
      << "id,name,base\nh1,主播1,b1\nh2,主播2,b1\nh3,主播3,b1\n";
  std::ofstream(data / "fanbases.csv") << "broadcaster,platform,fans\nh1,p1,9\nh2,p1,9\nh3,p1,9\n";
  constexpr int kRows = 300000;  // "0.3 M rows"; half of them would read "0.1" or "0.2"
  {
    std::ofstream follows(data / "follows.csv");
    follows << "fan,broadcaster,platform\n";
    for (int row = 0; row < kRows; ++row) follows << "fan" << row << ",h" << 1 + row % 3 << ",p1\n";
  }
  const auto size_mb = static_cast<long>(std::lround(fs::file_size(data / "follows.csv") / 1e6));
  const std::string expected = "loading follows.csv: " + std::to_string(size_mb) + " MB of " +
                               std::to_string(size_mb) + " MB, 0.3 M rows";
  const std::string env =
      "CASTGRAPH_PROGRESS=always XDG_CACHE_HOME=" + shell_quote((dir / "cache").string()) + " ";
  const std::string reach = "reach " + shell_quote(data.string()) + " --hosts h1 --json";
  const auto focused = run_castgraph(reach + " --load focused --verbose", env);
  const auto full = run_castgraph(reach + " --load full --no-cache", env);
  REQUIRE(focused.status == 0);
  REQUIRE(full.status == 0);
  CHECK_THAT(focused.err, Catch::Contains("load: focused"));
  CHECK(focused.out == full.out);
  CHECK(last_progress(focused.err, "follows.csv") == expected);
  CHECK(last_progress(full.err, "follows.csv") == expected);
}
