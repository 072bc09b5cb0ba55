// One test per validation rule of the dataset format: each breaks one thing in a small
// valid dataset and checks the error names the right file, line and column.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "loaders/dataset_file.hpp"
#include "loaders/dataset_loader.hpp"
#include "support/temp_dir.hpp"

using namespace castgraph;
using castgraph::testing::TempDir;

namespace {

// A valid dataset: two platforms, one base, three hosts (h1 on both platforms).
std::map<std::string, std::string> valid_files() {
  return {
      {"platforms.csv", "id,name,population\ndy,抖音,700\nks,快手,\n"},
      {"bases.csv", "id,name,province,city,kind\nsy,沈阳基地,辽宁,沈阳,mcn\n"},
      {"broadcasters.csv",
       "id,name,base,province,kind,fee\nh1,李佳,sy,辽宁,influencer,100.5\n"
       "h2,王明,,吉林,village,\nh3,张三,sy,辽宁,factory,0\n"},
      {"fanbases.csv",
       "broadcaster,platform,fans,handle\nh1,dy,500,a\nh1,ks,20,b\nh2,ks,7,c\n"
       "h3,dy,0,d\n"},
      {"fans.csv", "id,weight,province,city\nf1,10,辽宁,沈阳\nf2,,吉林,长春\n"},
      {"follows.csv", "fan,broadcaster,platform\nf1,h1,dy\nf2,h1,ks\nf3,h2,\nf1,h3,dy\n"},
      {"collabs.csv", "a,b,weight,kind\nh1,h2,2,costream\n"},
  };
}

struct Dataset {
  TempDir dir;
  explicit Dataset(const std::map<std::string, std::string>& files) {
    for (const auto& [name, content] : files) dir.write(name, content);
  }
};

// The dataset with one file replaced.
Dataset with(const std::string& name, const std::string& content) {
  auto files = valid_files();
  files[name] = content;
  return Dataset(files);
}

Dataset without(const std::string& name) {
  auto files = valid_files();
  files.erase(name);
  return Dataset(files);
}

// Loads strictly and returns the DataError's message, or "" when it loads.
std::string load_error(const Dataset& dataset) {
  try {
    load_dataset(dataset.dir.path());
  } catch (const DataError& error) {
    return std::string(error.what()).substr(dataset.dir.path().string().size() + 1);
  }
  return "";
}

}  // namespace

TEST_CASE("a valid dataset loads with every node, relation and attribute", "[loader]") {
  const Dataset dataset(valid_files());
  const LoadResult loaded = load_dataset(dataset.dir.path());
  const Network& n = loaded.network;
  CHECK(n.platforms.size() == 2);
  CHECK(n.broadcasters.size() == 3);
  CHECK(n.fanbases.size() == 4);
  CHECK(n.fans.size() == 3);  // f3 appears only in follows.csv
  CHECK(people(n) == 12);     // 10 + 1 (blank weight) + 1 (absent from fans.csv)
  CHECK(n.follow_count() == 4);
  CHECK(n.collab_count() == 1);
  CHECK(n.broadcasters.fee[0] == 100.5);
  CHECK(n.broadcasters.names[0] == "李佳");
  CHECK(loaded.follow_rows == 4);
  CHECK(loaded.rejects.empty());
}

TEST_CASE("optional files may be absent", "[loader]") {
  auto files = valid_files();
  files.erase("fans.csv");
  files.erase("follows.csv");
  files.erase("collabs.csv");
  const Dataset dataset(files);
  const Network n = load_dataset(dataset.dir.path()).network;
  CHECK(n.fans.size() == 0);
  CHECK(n.follow_count() == 0);
}

TEST_CASE("a missing required file is named", "[loader]") {
  CHECK(load_error(without("fanbases.csv")) == "fanbases.csv: missing required file fanbases.csv");
  CHECK(load_error(without("platforms.csv")) ==
        "platforms.csv: missing required file platforms.csv");
}

TEST_CASE("a missing required column is named", "[loader]") {
  CHECK(load_error(with("fanbases.csv", "broadcaster,platform\nh1,dy\n")) ==
        "fanbases.csv:1:1: missing required column 'fans'");
}

TEST_CASE("an empty id is refused with its line and column", "[loader]") {
  CHECK(load_error(with("bases.csv", "id,name\n,无名\n")) == "bases.csv:2:1: empty base id");
}

TEST_CASE("a duplicate id within a kind is refused", "[loader]") {
  CHECK(load_error(with("platforms.csv", "id,name\ndy,抖音\nks,快手\ndy,again\n")) ==
        "platforms.csv:4:1: duplicate platform id 'dy'");
  CHECK(load_error(with("fans.csv", "id\nf1\nf1\n")) == "fans.csv:3:1: duplicate fan id 'f1'");
}

TEST_CASE("a second fanbase of a host on the same platform is a duplicate", "[loader]") {
  CHECK(load_error(with("fanbases.csv", "broadcaster,platform,fans\nh1,dy,1\nh1,dy,2\n")) ==
        "fanbases.csv:3:4: duplicate fanbase: broadcaster 'h1' already has one on platform 'dy'");
}

TEST_CASE("references to unknown platforms, bases and broadcasters are refused", "[loader]") {
  CHECK(load_error(with("broadcasters.csv", "id,name,base\nh1,李佳,nowhere\n")) ==
        "broadcasters.csv:2:7: unknown base 'nowhere' (not in bases.csv)");
  CHECK(load_error(with("fanbases.csv", "broadcaster,platform,fans\nh1,tiktok,1\n")) ==
        "fanbases.csv:2:4: unknown platform 'tiktok' (not in platforms.csv)");
  CHECK(load_error(with("fanbases.csv", "broadcaster,platform,fans\nh9,dy,1\n")) ==
        "fanbases.csv:2:1: unknown broadcaster 'h9' (not in broadcasters.csv)");
  CHECK(load_error(with("follows.csv", "fan,broadcaster\nf1,h9\n")) ==
        "follows.csv:2:4: unknown broadcaster 'h9' (not in broadcasters.csv)");
  CHECK(load_error(with("collabs.csv", "a,b\nh1,h9\n")) ==
        "collabs.csv:2:4: unknown broadcaster 'h9' (not in broadcasters.csv)");
}

TEST_CASE("fans and weights must be non-negative integers up to 2^63 - 1", "[loader]") {
  const std::string head = "broadcaster,platform,fans\n";
  CHECK(load_error(with("fanbases.csv", head + "h1,dy,-5\n")) ==
        "fanbases.csv:2:7: fans must be a non-negative integer, found '-5'");
  CHECK(load_error(with("fanbases.csv", head + "h1,dy,1.5\n")) ==
        "fanbases.csv:2:7: fans must be a non-negative integer, found '1.5'");
  CHECK(load_error(with("fanbases.csv", head + "h1,dy,\n")) ==
        "fanbases.csv:2:7: fans must be a non-negative integer, found an empty field");
  CHECK(load_error(with("fanbases.csv", head + "h1,dy,9223372036854775808\n")) ==
        "fanbases.csv:2:7: fans 9223372036854775808 is beyond 2^63 - 1");
  CHECK(load_error(with("fanbases.csv", head + "h1,dy,99999999999999999999999\n")) ==
        "fanbases.csv:2:7: fans 99999999999999999999999 is beyond 2^63 - 1");
  CHECK(load_error(
            with("fanbases.csv", head + "h1,dy,9223372036854775807\nh1,ks,0\nh2,ks,0\nh3,dy,0\n"))
            .empty());
  // Each value may be 2^63 - 1, and so may their total (graph/value_rules.hpp), not more.
  CHECK_THAT(load_error(with("fanbases.csv",
                             head + "h1,dy,9223372036854775807\nh1,ks,1\nh2,ks,1\nh3,dy,0\n")),
             Catch::StartsWith("fanbases.csv:3:7: the total of the declared fans passes 2^63 - 1"));
  CHECK(load_error(with("fans.csv", "id,weight\nf1,abc\n")) ==
        "fans.csv:2:4: weight must be a non-negative integer, found 'abc'");
}

TEST_CASE("a fee must be a finite non-negative number", "[loader]") {
  const std::string head = "id,name,fee\n";
  CHECK(load_error(with("broadcasters.csv", head + "h1,李佳,-1\n")) ==
        "broadcasters.csv:2:7: fee must not be negative, found '-1'");
  CHECK(load_error(with("broadcasters.csv", head + "h1,李佳,inf\n")) ==
        "broadcasters.csv:2:7: fee must be a finite number, found 'inf'");
  CHECK(load_error(with("broadcasters.csv", head + "h1,李佳,nan\n")) ==
        "broadcasters.csv:2:7: fee must be a finite number, found 'nan'");
  CHECK(load_error(with("broadcasters.csv", head + "h1,李佳,12元\n")) ==
        "broadcasters.csv:2:7: fee must be a finite number, found '12元'");
}

TEST_CASE("invalid UTF-8 is refused where it occurs", "[loader]") {
  CHECK(load_error(with("bases.csv", "id,name\nsy,\xff\xfe\n"))
            .starts_with("bases.csv:2:4: invalid UTF-8"));
}

TEST_CASE("a row with too many or too few fields is refused", "[loader]") {
  CHECK(load_error(with("bases.csv", "id,name\nsy,基地,extra\n")) ==
        "bases.csv:2:7: expected 2 fields as in the header, found 3");
  CHECK(load_error(with("bases.csv", "id,name\nsy\n"))
            .starts_with("bases.csv:2:3: expected 2 fields as in the header, found 1"));
}

TEST_CASE("an unterminated quote is reported at the line where it opened", "[loader]") {
  CHECK(load_error(with("bases.csv", "id,name\nsy,\"基地\nmore\nlines\n")) ==
        "bases.csv:2:4: unterminated quoted field");
}

TEST_CASE("a follow without platform needs a host with exactly one fanbase", "[loader]") {
  CHECK(load_error(with("follows.csv", "fan,broadcaster,platform\nf1,h1,\n")) ==
        "follows.csv:2:4: no platform given and broadcaster 'h1' has 2 fanbases; the row must "
        "name the platform");
  auto files = valid_files();
  files["broadcasters.csv"] += "h4,无粉,,,,\n";
  files["follows.csv"] = "fan,broadcaster\nf1,h4\n";
  CHECK(load_error(Dataset(files)) ==
        "follows.csv:2:4: no platform given and broadcaster 'h4' has 0 fanbases; the row must name "
        "the platform");
  CHECK(load_error(with("follows.csv", "fan,broadcaster,platform\nf1,h2,dy\n")) ==
        "follows.csv:2:7: broadcaster 'h2' has no fanbase on platform 'dy'");
}

TEST_CASE("a host cannot collab with itself", "[loader]") {
  CHECK(load_error(with("collabs.csv", "a,b\nh1,h1\n")) ==
        "collabs.csv:2:4: broadcaster 'h1' cannot collab with itself");
}

TEST_CASE("a BOM, CRLF line ends, quoted fields and unknown columns are all accepted", "[loader]") {
  auto files = valid_files();
  files["bases.csv"] =
      "\xEF\xBB\xBFid,note,name\r\nsy,\"ignored, really\",\"沈阳 \"\"一号\"\" 基地\"\r\n";
  const Dataset dataset(files);
  const Network n = load_dataset(dataset.dir.path()).network;
  CHECK(n.bases.names[0] == "沈阳 \"一号\" 基地");
}

TEST_CASE("lenient loading skips each bad row with its reason and keeps the rest", "[loader]") {
  auto files = valid_files();
  files["follows.csv"] = "fan,broadcaster,platform\nf1,h1,dy\nf2,h9,dy\nf3,h1,\nf2,h2,\n";
  files["fanbases.csv"] += "h2,dy,lots\n";
  const Dataset dataset(files);
  LoadOptions lenient;
  lenient.lenient = true;
  const LoadResult loaded = load_dataset(dataset.dir.path(), lenient);
  REQUIRE(loaded.rejects.size() == 3);
  CHECK(loaded.rejects[0].where.file.filename() == "fanbases.csv");
  CHECK(loaded.rejects[0].where.line == 6);
  CHECK(loaded.rejects[0].row == "h2,dy,lots");
  CHECK(loaded.rejects[1].where.line == 3);
  CHECK(loaded.rejects[1].reason == "unknown broadcaster 'h9' (not in broadcasters.csv)");
  CHECK(loaded.rejects[2].where.line == 4);
  CHECK(loaded.network.follow_count() == 2);
}

TEST_CASE("a dataset path that is missing or a file is an I/O error", "[loader]") {
  TempDir dir;
  CHECK_THROWS_AS(load_dataset(dir / "absent"), IoError);
  CHECK_THROWS_AS(load_dataset(dir.write("file.csv", "x")), IoError);
}

TEST_CASE("a field longer than 64 KiB is refused where it starts, without quoting it back",
          "[loader][hostile]") {
  const std::string huge(DatasetFile::kMaxFieldBytes + 1, 'f');
  const std::string message =
      load_error(with("follows.csv", "fan,broadcaster,platform\nf1,h1,dy\n" + huge + ",h1,dy\n"));
  CHECK(message == "follows.csv:3:1: a field of 65537 bytes; a field may have at most 65536");
  // One byte less is an ordinary (if odd) fan id.
  CHECK(load_error(with("follows.csv", "fan,broadcaster,platform\n" + huge.substr(1) + ",h1,dy\n"))
            .empty());
}

TEST_CASE("an optional file that exists but cannot be opened is an error, never skipped",
          "[loader][hostile]") {
  // Skipping follows.csv would silently turn every reach answer into a declared estimate.
  Dataset loop = without("follows.csv");
  std::filesystem::create_symlink("follows.csv", loop.dir / "follows.csv");
  CHECK_THROWS_WITH(load_dataset(loop.dir.path()),
                    Catch::Contains("follows.csv: Too many levels of symbolic links"));

  Dataset dangling = without("fans.csv");
  std::filesystem::create_symlink("gone.csv", dangling.dir / "fans.csv");
  CHECK_THROWS_AS(load_dataset(dangling.dir.path()), IoError);

  CHECK(load_dataset(without("follows.csv").dir.path()).network.follow_count() ==
        0);  // truly absent: fine
}
