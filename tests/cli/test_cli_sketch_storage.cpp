// Stored reach sketches sized to the data (sparse below a size, dense above) and hashed
// by the fans' external ids, seen through the binary.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <vector>

#include "algorithms/fanbase_sketches.hpp"
#include "cli/stored_sketches.hpp"
#include "loaders/dataset_loader.hpp"
#include "loaders/snapshot.hpp"
#include "support/run_command.hpp"
#include "support/snapshot_layout.hpp"

using namespace castgraph::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kTenHosts = " --hosts h1,h2,h3,h4,h5,h6,h7,h8,h9,h10 --method sketch --json";

// `csv` with its data rows (every line after the header) in a shuffled order.
std::string shuffled_rows(const std::string& csv, std::uint64_t seed) {
  std::istringstream in(csv);
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  std::shuffle(rows.begin(), rows.end(), std::mt19937_64(seed));
  std::string out = header + "\n";
  for (const std::string& row : rows) out += row + "\n";
  return out;
}

// samples/liaoning with follows.csv and fans.csv rows shuffled.
fs::path shuffled_liaoning(const TempDir& dir, std::uint64_t seed) {
  const fs::path path = dir / ("liaoning-" + std::to_string(seed));
  fs::copy(source_path("samples/liaoning"), path, fs::copy_options::recursive);
  for (const char* file : {"follows.csv", "fans.csv"}) {
    const std::string rows = shuffled_rows(read_file(path / file), seed);
    std::ofstream(path / file, std::ios::binary | std::ios::trunc) << rows;
  }
  return path;
}

std::string quoted(const fs::path& path) { return shell_quote(path.string()); }

// Fans of weight 1 (no fans.csv), each following one host on platform p1: host h0 has
// 8,000 fans, h1 1,500 and h2..h199 40 each. At precision 14 that makes one sketch of
// each form: h0's dense (2^14 bytes), h1's sparse (4 bytes a set register: more than
// 1,024 fans, too many to rebuild at query time) and the rest rebuilt from the follows.
constexpr int kSizedHosts = 200;
int sized_fans(int host) { return host == 0 ? 8000 : host == 1 ? 1500 : 40; }

fs::path write_sized_dataset(const TempDir& dir) {
  std::string broadcasters = "id,name\n", fanbases = "broadcaster,platform,fans\n";
  std::string follows = "fan,broadcaster\n";
  int fan = 0;
  for (int h = 0; h < kSizedHosts; ++h) {
    const std::string host = "h" + std::to_string(h);
    broadcasters += host + ",主播" + std::to_string(h) + "\n";
    fanbases += host + ",p1," + std::to_string(sized_fans(h)) + "\n";
    for (int i = 0; i < sized_fans(h); ++i)
      follows += "f" + std::to_string(fan++) + "," + host + "\n";
  }
  const fs::path path = dir / "sized";
  fs::create_directories(path);
  auto write = [&](const char* name, const std::string& text) {
    std::ofstream(path / name, std::ios::binary) << text;
  };
  write("platforms.csv", "id,name\np1,抖音\n");
  write("bases.csv", "id,name\n");
  write("broadcasters.csv", broadcasters);
  write("fanbases.csv", fanbases);
  write("follows.csv", follows);
  return path;
}

}  // namespace

TEST_CASE("sketch reach does not depend on the order of follows.csv and fans.csv rows",
          "[cli][snapshot][sketch]") {
  TempDir dir;
  const fs::path original = source_path("samples/liaoning");
  const fs::path shuffled = shuffled_liaoning(dir, 42);
  REQUIRE(read_file(original / "follows.csv") != read_file(shuffled / "follows.csv"));

  const auto from_original = run_castgraph("reach " + quoted(original) + kTenHosts);
  const auto from_shuffled = run_castgraph("reach " + quoted(shuffled) + kTenHosts);
  REQUIRE(from_original.status == 0);
  REQUIRE(from_shuffled.status == 0);
  CHECK(from_shuffled.out == from_original.out);

  // Stored sketches: the same bytes, whichever order built them, and the same answer.
  for (const auto& [name, data] : {std::pair{"a.cgs", original}, std::pair{"b.cgs", shuffled}})
    REQUIRE(run_castgraph("snapshot " + quoted(data) + " -o " + quoted(dir / name)).status == 0);
  const auto a = section_places(read_file(dir / "a.cgs"));
  const auto b = section_places(read_file(dir / "b.cgs"));
  const std::string file_a = read_file(dir / "a.cgs"), file_b = read_file(dir / "b.cgs");
  for (const char* part : {".dense_slot", ".dense", ".sparse_offsets", ".sparse"}) {
    const std::string name = std::string("sketches.hll.p14") + part;
    INFO(name);
    REQUIRE(a.count(name) == 1);
    CHECK(file_a.substr(a.at(name).offset, a.at(name).bytes) ==
          file_b.substr(b.at(name).offset, b.at(name).bytes));
  }
  CHECK(run_castgraph("reach " + quoted(dir / "b.cgs") + kTenHosts).out == from_original.out);
}

TEST_CASE("MinHash overlap does not depend on the order of follows.csv and fans.csv rows",
          "[cli][sketch]") {
  // Each fan's MinHash rank hashes its external id, not the NodeId the file order gives it.
  TempDir dir;
  const fs::path original = source_path("samples/liaoning");
  const fs::path shuffled = shuffled_liaoning(dir, 7);
  // The largest hosts, with a sketch far smaller than their audiences: a sample, not all.
  const std::string overlap =
      " --hosts h11655,h7252,h6255,h3767,h635 --method sketch --sketch-size 64 --json";
  const auto from_original = run_castgraph("overlap " + quoted(original) + overlap);
  const auto from_shuffled = run_castgraph("overlap " + quoted(shuffled) + overlap);
  REQUIRE(from_original.status == 0);
  CHECK(from_shuffled.out == from_original.out);
}

TEST_CASE("stored sketches of every form answer as sketches built from the follows",
          "[cli][snapshot][sketch]") {
  // Reach from CSV builds each host's registers from its follows, with no stored sketch.
  // samples/liaoning's fans weigh 1000 (a panel): a fanbase of up to 32 of them is
  // rebuilt from its follows, a larger one is dense. The sized dataset has all three forms.
  TempDir dir;
  const fs::path liaoning = source_path("samples/liaoning");
  const fs::path sized = write_sized_dataset(dir);
  for (const fs::path& data : {liaoning, sized}) {
    INFO(data);
    REQUIRE(run_castgraph("snapshot " + quoted(data) + " -o " + quoted(dir / "s.cgs")).status == 0);
    const auto places = section_places(read_file(dir / "s.cgs"));
    CHECK(places.at("sketches.hll.p14.dense").bytes > 0);
    if (data == sized) CHECK(places.at("sketches.hll.p14.sparse").bytes > 0);
    const std::vector<std::string> queries{"h1,h2,h3,h4,h5,h6,h7,h8,h9,h10", "h1",
                                           data == sized ? "h0,h1,h150" : "h11000,h2"};
    for (const std::string& hosts : queries) {
      INFO(hosts);
      const std::string query = " --hosts " + hosts + " --method sketch --json";
      const auto stored = run_castgraph("reach " + quoted(dir / "s.cgs") + query);
      const auto built = run_castgraph("reach " + quoted(data) + query);
      REQUIRE(stored.status == 0);
      CHECK(stored.out == built.out);
      // And within the stated error of the exact count.
      const json sketch = json::parse(stored.out);
      const json exact =
          json::parse(run_castgraph("reach " + quoted(data) + " --hosts " + hosts + " --json").out);
      const double people = exact["unique_reach"].get<double>();
      CHECK(std::abs(sketch["unique_reach"].get<double>() - people) <=
            4 * sketch["relative_standard_error"].get<double>() * people + 1);
    }
  }
}

TEST_CASE("stored sketches take bytes in proportion to the follows, not 2^p per fanbase",
          "[cli][snapshot][sketch]") {
  // Dense sketches took 200 · 2^14 bytes here. Now h0's sketch is dense (2^14 bytes), h1's
  // sparse (4 bytes for each register its 1,500 fans set: at most 1,500) and the other 198
  // store nothing; every fanbase has a 4-byte slot and an 8-byte offset (one more offset).
  TempDir dir;
  const fs::path data = write_sized_dataset(dir);
  REQUIRE(run_castgraph("snapshot " + quoted(data) + " -o " + quoted(dir / "s.cgs")).status == 0);
  const auto checked = run_castgraph("check " + quoted(dir / "s.cgs") + " --json");
  REQUIRE(checked.status == 0);
  const auto stored = json::parse(checked.out)["extra_bytes"].get<std::uint64_t>();
  const std::uint64_t fixed = (1u << 14) + 4 * kSizedHosts + 8 * (kSizedHosts + 1);
  CHECK(stored <= fixed + 4 * 1500);
  CHECK(stored >= fixed + 4 * 1400);  // 1,500 fans rarely share one of 16,384 registers
  const auto places = section_places(read_file(dir / "s.cgs"));
  CHECK(places.at("sketches.hll.p14.dense").bytes == 1u << 14);

  // Small hosts' estimates, rebuilt from their follows, stay within the stated error.
  const json sketch = json::parse(
      run_castgraph("reach " + quoted(dir / "s.cgs") + " --hosts h2,h3,h4 --method sketch --json")
          .out);
  CHECK(std::abs(sketch["unique_reach"].get<double>() - 120) <=
        3 * sketch["relative_standard_error"].get<double>() * 120);
}

TEST_CASE("a snapshot of the previous format is refused with a request to re-create it",
          "[cli][snapshot]") {
  TempDir dir;
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  REQUIRE(run_castgraph("snapshot " + tiny + " -o " + quoted(dir / "t.cgs")).status == 0);
  std::string old = read_file(dir / "t.cgs");
  const std::uint32_t version = 2;  // the format before sparse sketches and XXH3
  std::memcpy(old.data() + 8, &version, sizeof version);
  const fs::path path = dir.write("old.cgs", old);
  for (const char* command : {"info", "reach --hosts h1 --method sketch", "check"}) {
    INFO(command);
    const auto result = run_castgraph(std::string(command) + " " + quoted(path));
    CHECK(result.status == 65);
    CHECK_THAT(result.err, Catch::Contains("old.cgs") && Catch::Contains("old format version 2") &&
                               Catch::Contains("rebuild it with `castgraph snapshot`"));
  }
}

TEST_CASE("check validates stored sparse and dense sketches, and queries refuse a broken layout",
          "[cli][snapshot][sketch]") {
  // Checksums right, content wrong: only the sketches' own rules can catch it.
  using namespace castgraph;
  TempDir data_dir;
  const Network network = load_dataset(write_sized_dataset(data_dir)).network;
  const FanbaseSketches built = build_fanbase_sketches(network, 14);
  std::vector<std::uint32_t> slots(built.dense_slot.begin(), built.dense_slot.end());
  std::vector<std::uint8_t> dense(built.dense_registers.begin(), built.dense_registers.end());
  std::vector<std::uint64_t> offsets(built.sparse_offsets.begin(), built.sparse_offsets.end());
  std::vector<std::uint32_t> entries(built.sparse_entries.begin(), built.sparse_entries.end());
  REQUIRE(!dense.empty());
  // The first sparse fanbase with two entries.
  std::size_t f = 0;
  while (slots[f] != kSparseSketch || offsets[f + 1] - offsets[f] < 2) ++f;

  struct Case {
    const char* what;
    std::function<void()> damage;
    const char* expected;
    bool query_refuses;  // the layout is checked by every query, values by check alone
  };
  auto restore = [&, s = slots, d = dense, o = offsets, e = entries] {
    slots = s, dense = d, offsets = o, entries = e;
  };
  const std::vector<Case> cases{
      {"unsorted", [&] { std::swap(entries[offsets[f]], entries[offsets[f] + 1]); },
       "are not in increasing register order", false},
      {"out of range", [&] { entries[offsets[f]] = (16384u << 8) | 3u; },
       "names register 16384; at precision 14 there are 16384", false},
      {"dense too high", [&] { dense[5] = 52; },
       "dense register 5 holds 52; at precision 14 a register holds at most 51", false},
      {"offsets", [&] { offsets.back() += 1; }, "sparse offsets run from 0 to", true},
      {"slots", [&] { slots.pop_back(); }, "dense slots for", true},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    restore();
    c.damage();
    FanbaseSketches bad;
    bad.precision = 14;
    bad.dense_slot = Column(std::vector(slots));
    bad.dense_registers = Column(std::vector(dense));
    bad.sparse_offsets = Column(std::vector(offsets));
    bad.sparse_entries = Column(std::vector(entries));
    TempDir dir;
    const std::vector<SnapshotExtra> extras = cli::sketch_sections(bad);
    write_snapshot(network, dir / "bad.cgs", extras);
    const std::string path = quoted(dir / "bad.cgs");
    const auto checked = run_castgraph("check " + path);
    CHECK(checked.status == 65);
    CHECK_THAT(checked.err, Catch::Contains("bad.cgs: snapshot section 'sketches.hll.p14'") &&
                                Catch::Contains(c.expected));
    const auto query = run_castgraph("reach " + path + kTenHosts);
    CHECK(query.status == (c.query_refuses ? 65 : 0));
    if (c.query_refuses) CHECK_THAT(query.err, Catch::Contains(c.expected));
  }
}
