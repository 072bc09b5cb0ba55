// Loading follows.csv on two threads (parse on one, intern on the other) must give the
// same network, bit for bit, as loading it on one, and the same errors and rejects in
// the same order. Networks are compared through their snapshot bytes, which cover every
// column and relation; the follows are also checked against a std::set built here from
// the rows written.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "generator/generate.hpp"
#include "generator/presets.hpp"
#include "loaders/dataset_loader.hpp"
#include "loaders/snapshot.hpp"
#include "support/temp_dir.hpp"

using namespace castgraph;
using castgraph::testing::TempDir;

namespace {

LoadResult load_with(const TempDir& data, unsigned threads, bool lenient = false) {
  LoadOptions options;
  options.threads = threads;
  options.lenient = lenient;
  return load_dataset(data.path(), options);
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string snapshot_bytes(const Network& network) {
  const TempDir dir;
  write_snapshot(network, dir / "network.cgs");
  return read_all(dir / "network.cgs");
}

// The tiny preset: 36 hosts and some 400,000 follow rows, dozens of batches.
void generate_tiny(const TempDir& data) {
  generator::GenerateOptions options;
  options.seed = 7;
  options.force = true;
  generator::generate_dataset(*generator::find_preset("tiny"), options, data.path());
}

// The (fan id, host id) pairs of the network's follows.
std::set<std::pair<std::string, std::string>> follow_pairs(const Network& network) {
  std::set<std::pair<std::string, std::string>> pairs;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan)
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      pairs.emplace(network.fans.ids[fan],
                    network.broadcasters.ids[network.fanbases.broadcaster[fanbase]]);
  return pairs;
}

// Rewrites follows.csv so that fan ids come in every shape the CSV reader and the
// interner treat differently: quoted with a comma and a line break inside (a batch
// boundary may fall anywhere), quoted with doubled quotes, plainly quoted numbered ids,
// and words. Returns the (fan, host) pairs written.
std::set<std::pair<std::string, std::string>> rewrite_follows(const TempDir& data) {
  std::istringstream in(read_all(data / "follows.csv"));
  std::string line;
  std::getline(in, line);
  std::string out = "fan,broadcaster,platform\n";
  std::set<std::pair<std::string, std::string>> pairs;
  for (std::size_t row = 0; std::getline(in, line); ++row) {
    const std::size_t comma = line.find(',');
    std::string fan = line.substr(0, comma);
    const std::string rest = line.substr(comma);  // ,host,platform
    const std::string host = rest.substr(1, rest.find(',', 1) - 1);
    std::string field = fan;
    switch (row % 7) {
      case 1:
        fan = "x," + fan + "\nline two";
        field = '"' + fan + '"';
        break;
      case 2:
        fan = "say \"" + fan + '"';
        field = "\"say \"\"" + fan.substr(5, fan.size() - 6) + "\"\"\"";
        break;
      case 3:
        field = '"' + fan + '"';
        break;
      case 4:
        fan = "word" + fan;
        field = fan;
        break;
      default:
        break;
    }
    out += field + rest + "\n";
    pairs.emplace(fan, host);
  }
  data.write("follows.csv", out);
  return pairs;
}

// Shuffles the rows of follows.csv (the header stays first) and repeats every 97th row
// somewhere else, so that hardly two neighbouring rows share a fanbase and some follows
// come twice.
void shuffle_follows(const TempDir& data) {
  std::istringstream in(read_all(data / "follows.csv"));
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  for (std::size_t i = 0, count = rows.size(); i < count; i += 97) rows.push_back(rows[i]);
  std::shuffle(rows.begin(), rows.end(), std::mt19937(5));
  std::string out = header + "\n";
  for (const auto& row : rows) out += row + "\n";
  data.write("follows.csv", out);
}

}  // namespace

TEST_CASE("a load on two threads equals a load on one, on a generated dataset", "[loader]") {
  const TempDir data;
  generate_tiny(data);
  const LoadResult one = load_with(data, 1);
  const LoadResult two = load_with(data, 2);
  REQUIRE(one.follow_rows > 100'000);
  CHECK(two.follow_rows == one.follow_rows);
  CHECK(snapshot_bytes(two.network) == snapshot_bytes(one.network));
}

TEST_CASE("quoted fan ids with commas, line breaks and quotes load the same on two threads",
          "[loader]") {
  const TempDir data;
  generate_tiny(data);
  const auto written = rewrite_follows(data);
  const LoadResult one = load_with(data, 1);
  const LoadResult two = load_with(data, 2);
  CHECK(follow_pairs(one.network) == written);
  CHECK(snapshot_bytes(two.network) == snapshot_bytes(one.network));
  const auto quoted =
      std::ranges::find_if(written, [](const auto& pair) { return pair.first.starts_with("x,"); });
  REQUIRE(quoted != written.end());
  CHECK(two.network.fans.ids.find(quoted->first).has_value());
}

TEST_CASE("a bad follow row deep in the file is reported at its line on two threads too",
          "[loader]") {
  const TempDir data;
  generate_tiny(data);
  std::string follows = read_all(data / "follows.csv");
  // Break row 50,000 (line 50,001): a host nobody declared.
  std::size_t at = 0;
  for (int line = 1; line < 50'001; ++line) at = follows.find('\n', at) + 1;
  follows.insert(at, "f1,nobody,\n");
  data.write("follows.csv", follows);

  for (unsigned threads : {1U, 2U}) {
    INFO("threads " << threads);
    try {
      load_with(data, threads);
      FAIL("loaded a dataset with an unknown host");
    } catch (const DataError& error) {
      CHECK_THAT(error.what(),
                 Catch::EndsWith("follows.csv:50001:4: unknown broadcaster 'nobody' (not in "
                                 "broadcasters.csv)"));
    }
  }
}

TEST_CASE("lenient loads on one and two threads skip the same rows in file order", "[loader]") {
  const TempDir data;
  generate_tiny(data);
  std::istringstream in(read_all(data / "follows.csv"));
  std::string line, follows;
  for (std::size_t row = 0; std::getline(in, line); ++row) {
    if (row % 9973 == 5) follows += ",h1,\n";                     // empty fan id
    if (row % 12011 == 7) follows += "f1,nobody,\n";              // unknown host
    if (row % 15013 == 9) follows += "f1,h1,no-such-platform\n";  // unknown platform
    follows += line + "\n";
  }
  data.write("follows.csv", follows);
  const LoadResult one = load_with(data, 1, true);
  const LoadResult two = load_with(data, 2, true);
  REQUIRE(one.rejects.size() > 60);
  REQUIRE(two.rejects.size() == one.rejects.size());
  for (std::size_t i = 0; i < one.rejects.size(); ++i) {
    INFO("reject " << i);
    CHECK(two.rejects[i].where.line == one.rejects[i].where.line);
    CHECK(two.rejects[i].where.column == one.rejects[i].where.column);
    CHECK(two.rejects[i].reason == one.rejects[i].reason);
    if (i > 0) CHECK(one.rejects[i].where.line > one.rejects[i - 1].where.line);
  }
  CHECK(snapshot_bytes(two.network) == snapshot_bytes(one.network));
}

// follows.csv comes grouped by host, and the builder keeps the fanbases of its rows as
// runs (see TargetRun); shuffled rows, where every run is one or two rows long, must load
// the same network. Every fan of the tiny preset is in fans.csv, so fan ids do not depend
// on the order of follows.csv and the snapshots can be compared byte for byte.
TEST_CASE("follow rows in any order load the same network as rows grouped by host", "[loader]") {
  const TempDir grouped, shuffled;
  generate_tiny(grouped);
  generate_tiny(shuffled);
  shuffle_follows(shuffled);
  const LoadResult expected = load_with(grouped, 1);
  for (unsigned threads : {1U, 2U}) {
    INFO("threads " << threads);
    const LoadResult result = load_with(shuffled, threads);
    CHECK(result.follow_rows > expected.follow_rows);  // the repeated rows
    CHECK(follow_pairs(result.network) == follow_pairs(expected.network));
    CHECK(snapshot_bytes(result.network) == snapshot_bytes(expected.network));
  }
}

// fans.csv is checked on the calling thread and its fans added (and duplicates found) on
// the other: the rejects of both must come out as one list in file order, the same as a
// load on one thread.
namespace {

// Inserts `extra` before the data row `row` (0-based) of fans.csv; returns the line the
// inserted row lands on.
std::size_t insert_fan_row(const TempDir& data, std::size_t row, const std::string& extra) {
  std::string fans = read_all(data / "fans.csv");
  std::size_t at = fans.find('\n') + 1;
  for (std::size_t i = 0; i < row; ++i) at = fans.find('\n', at) + 1;
  fans.insert(at, extra + "\n");
  data.write("fans.csv", fans);
  return row + 2;
}

// The id of data row `row` of fans.csv.
std::string fan_id_at(const TempDir& data, std::size_t row) {
  std::istringstream in(read_all(data / "fans.csv"));
  std::string line;
  for (std::size_t i = 0; i <= row + 1; ++i) std::getline(in, line);
  return line.substr(0, line.find(','));
}

}  // namespace

TEST_CASE("lenient loads of fans.csv on one and two threads reject the same rows in file order",
          "[loader]") {
  const TempDir data;
  generate_tiny(data);
  std::istringstream in(read_all(data / "fans.csv"));
  std::string line, fans, header;
  std::getline(in, header);
  fans = header + "\n";
  std::vector<std::string> ids;
  std::size_t injected = 0;
  for (std::size_t row = 0; std::getline(in, line); ++row) {
    ids.push_back(line.substr(0, line.find(',')));
    if (row % 997 == 5) fans += ",1,辽宁,沈阳\n", ++injected;  // empty id
    if (row % 1201 == 7) fans += "bad-weight-" + std::to_string(row) + ",x,,\n", ++injected;
    if (row % 1499 == 9 && row > 0) fans += ids[row / 2] + ",1,,\n", ++injected;  // duplicate
    fans += line + "\n";
  }
  data.write("fans.csv", fans);
  const LoadResult one = load_with(data, 1, true);
  const LoadResult two = load_with(data, 2, true);
  REQUIRE(ids.size() > 20'000);  // several batches
  REQUIRE(one.rejects.size() == injected);
  REQUIRE(two.rejects.size() == one.rejects.size());
  std::size_t duplicates = 0;
  for (std::size_t i = 0; i < one.rejects.size(); ++i) {
    INFO("reject " << i);
    CHECK(two.rejects[i].where.line == one.rejects[i].where.line);
    CHECK(two.rejects[i].where.column == one.rejects[i].where.column);
    CHECK(two.rejects[i].reason == one.rejects[i].reason);
    CHECK(two.rejects[i].row == one.rejects[i].row);
    if (i > 0) CHECK(two.rejects[i].where.line > two.rejects[i - 1].where.line);
    duplicates += two.rejects[i].reason.starts_with("duplicate fan id") ? 1 : 0;
  }
  CHECK(duplicates > 10);
  CHECK(snapshot_bytes(two.network) == snapshot_bytes(one.network));
}

TEST_CASE("a strict load of fans.csv reports its first bad row, wherever it was found",
          "[loader]") {
  // A duplicate is found on the adding thread, a bad weight on the reading thread: a few
  // rows apart, in both orders, the first one in the file is the one reported.
  for (const bool duplicate_first : {true, false}) {
    const TempDir data;
    generate_tiny(data);
    const std::string twin = fan_id_at(data, 100);
    const std::size_t first_row = 20'000, second_row = 20'004;
    const std::string duplicate = twin + ",1,,", bad_weight = "heavy,-3,,";
    insert_fan_row(data, second_row, duplicate_first ? bad_weight : duplicate);
    const std::size_t line =
        insert_fan_row(data, first_row, duplicate_first ? duplicate : bad_weight);
    const std::string expected =
        duplicate_first ? fmt::format("fans.csv:{}:1: duplicate fan id '{}'", line, twin)
                        : fmt::format("fans.csv:{}:7:", line);
    for (unsigned threads : {1U, 2U}) {
      INFO("threads " << threads << ", duplicate first " << duplicate_first);
      try {
        load_with(data, threads);
        FAIL("loaded a fans.csv with a bad row");
      } catch (const DataError& error) {
        CHECK_THAT(error.what(), Catch::Contains(expected));
      }
    }
  }
}

TEST_CASE("a strict load of fans.csv names a lone duplicate, on one thread and on two",
          "[loader]") {
  // Nothing else is wrong, so the duplicate's batch is handed over full, and the reading
  // thread learns of the error only when it hands over a later batch.
  const TempDir data;
  generate_tiny(data);
  const std::string twin = fan_id_at(data, 100);
  const std::size_t line = insert_fan_row(data, 20'000, twin + ",1,,");
  for (unsigned threads : {1U, 2U}) {
    INFO("threads " << threads);
    try {
      load_with(data, threads);
      FAIL("loaded a fans.csv with a duplicate");
    } catch (const DataError& error) {
      CHECK_THAT(error.what(),
                 Catch::EndsWith(fmt::format("fans.csv:{}:1: duplicate fan id '{}'", line, twin)));
    }
  }
}

TEST_CASE("quoted fan ids in fans.csv load the same on two threads", "[loader]") {
  const TempDir data;
  generate_tiny(data);
  insert_fan_row(data, 5000, "\"say \"\"hi\"\", then, bye\",1,\"辽\"\"宁\",沈阳");
  const LoadResult one = load_with(data, 1);
  const LoadResult two = load_with(data, 2);
  CHECK(snapshot_bytes(two.network) == snapshot_bytes(one.network));
  const auto fan = two.network.fans.ids.find("say \"hi\", then, bye");
  REQUIRE(fan.has_value());
  CHECK(two.network.fans.province[*fan] == "辽\"宁");
}
