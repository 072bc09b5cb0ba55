// The synthetic dataset generator (generator/): calibration of each preset against its
// published figures, determinism, the follow rows' consistency with the fan bases, the
// people model's overlap, and RFC 4180 quoting.
#include <catch2/catch.hpp>

#include <cmath>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "generator/cast.hpp"
#include "generator/csv_writer.hpp"
#include "generator/fan_counts.hpp"
#include "generator/fraud.hpp"
#include "generator/generate.hpp"
#include "generator/presets.hpp"
#include "loaders/dataset_loader.hpp"
#include "support/temp_dir.hpp"

using namespace castgraph;
using namespace castgraph::generator;
using castgraph::testing::read_file;
using castgraph::testing::TempDir;

namespace {

// A minimal RFC 4180 reader: rows of fields, quotes honoured.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field)), field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field)), field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

struct Tiers {
  std::uint64_t total = 0;
  int over_100k = 0, over_1m = 0, near_10m = 0, at_least_10m = 0;
};

Tiers tiers_of(const Cast& cast) {
  Tiers t;
  for (const HostRecord& host : cast.hosts) {
    t.total += host.declared;
    t.over_100k += host.declared >= 100'000;
    t.over_1m += host.declared >= 1'000'000;
    t.near_10m += host.declared >= 9'000'000 && host.declared < 10'000'000;
    t.at_least_10m += host.declared >= 10'000'000;
  }
  return t;
}

const Preset& preset(std::string_view name) {
  const Preset* found = find_preset(name);
  REQUIRE(found != nullptr);
  return *found;
}

}  // namespace

TEST_CASE("liaoning meets the published figures of its internet-celebrity economy week",
          "[generator]") {
  for (std::uint64_t seed : {1, 2, 99}) {
    const Cast cast = build_cast(preset("liaoning"), seed);
    const Tiers t = tiers_of(cast);
    CHECK(cast.hosts.size() == 12'000);
    CHECK(t.total > 116'000'000);
    CHECK(t.over_100k > 70);
    CHECK(t.over_1m > 30);
    CHECK(t.near_10m >= 3);  // "several with nearly ten million"
    CHECK(t.at_least_10m == 0);
    std::set<std::string> cities;
    for (const auto& base : cast.bases)
      cities.insert(std::string(liaoning().cities[base.city].name));
    CHECK(cities.size() == 14);  // every Liaoning city has a base
  }
}

TEST_CASE("jilin has 159 demo bases and tiers in proportion to Liaoning", "[generator]") {
  const Cast cast = build_cast(preset("jilin"), 1);
  const Tiers t = tiers_of(cast);
  CHECK(cast.bases.size() == 159);
  for (const auto& base : cast.bases)
    CHECK((base.kind == "national-demo" || base.kind == "provincial-demo"));
  CHECK(cast.hosts.size() == 7'950);
  CHECK(t.total == 77'400'000);
  CHECK(t.over_100k == 52);
  CHECK(t.over_1m == 22);
  CHECK(t.at_least_10m == 0);
}

TEST_CASE("northeast holds all three provinces with their own bases", "[generator]") {
  const Preset& northeast = preset("northeast");
  const Cast cast = build_cast(northeast, 1);
  const Tiers t = tiers_of(cast);
  CHECK(cast.hosts.size() == host_count(northeast));
  CHECK(t.total == declared_total(northeast));
  CHECK(t.over_100k > 70 + 52);
  CHECK(t.at_least_10m == 0);
  std::set<std::uint32_t> provinces;
  for (const auto& base : cast.bases) provinces.insert(base.province);
  CHECK(provinces.size() == 3);
  for (const auto& host : cast.hosts)
    if (host.base != kNoBase) CHECK(cast.bases[host.base].province == host.province);
}

TEST_CASE("a host's fan bases add up to its declared fans and fees grow with fans", "[generator]") {
  const Cast cast = build_cast(preset("tiny"), 5);
  CHECK(cast.hosts.size() == 36);
  CHECK(tiers_of(cast).total == 400'000);
  for (std::uint32_t h = 0; h < cast.hosts.size(); ++h) {
    const HostRecord& host = cast.hosts[h];
    std::uint64_t sum = 0;
    std::set<std::uint32_t> platforms;
    for (std::uint32_t f = host.first_fanbase; f < host.first_fanbase + host.fanbase_count; ++f) {
      CHECK(cast.fanbases[f].host == h);
      CHECK(cast.fanbases[f].declared > 0);
      sum += cast.fanbases[f].declared;
      platforms.insert(cast.fanbases[f].platform);
    }
    CHECK(sum == host.declared);
    CHECK(platforms.size() == host.fanbase_count);
  }
  CHECK(host_fee(10'000'000, 1.0) > host_fee(1'000'000, 1.0));
  CHECK(host_fee(1'000'000, 1.0) > host_fee(1'000, 1.0));
  CHECK(host_fee(0, 1.0) == 500);
}

TEST_CASE("truncated Pareto quantiles stay inside their band", "[generator]") {
  for (double u : {0.0, 0.25, 0.5, 0.999999})
    for (double alpha : {0.05, 1.0, 2.2, 12.0}) {
      const double x = truncated_pareto_quantile(u, 300, 100'000, alpha);
      CHECK(x >= 300);
      CHECK(x < 100'000);
    }
}

TEST_CASE("the same preset, scale and seed write byte-identical files", "[generator]") {
  TempDir first, second, other;
  GenerateOptions options;
  options.scale = 0.5;
  options.seed = 42;
  generate_dataset(preset("tiny"), options, first.path() / "out");
  generate_dataset(preset("tiny"), options, second.path() / "out");
  for (const char* file : kDatasetFiles) {
    INFO(file);
    const std::string a = read_file(first.path() / "out" / file);
    CHECK(!a.empty());
    CHECK(a == read_file(second.path() / "out" / file));
  }
  options.seed = 43;
  generate_dataset(preset("tiny"), options, other.path() / "out");
  CHECK(read_file(first.path() / "out/follows.csv") != read_file(other.path() / "out/follows.csv"));
}

TEST_CASE("follow rows match the fan bases, and people follow several hosts", "[generator]") {
  TempDir dir;
  GenerateOptions options;
  options.scale = 0.25;
  const auto report = generate_dataset(preset("tiny"), options, dir.path());
  CHECK(!std::filesystem::exists(dir / "follows.csv.tmp"));

  std::map<std::pair<std::string, std::string>, std::uint64_t> declared;
  for (const auto& row : parse_csv(read_file(dir / "fanbases.csv")))
    if (row[0] != "broadcaster") declared[{row[0], row[1]}] = std::stoull(row[2]);
  std::set<std::string> hosts, platforms, fans;
  for (const auto& row : parse_csv(read_file(dir / "broadcasters.csv"))) hosts.insert(row[0]);
  for (const auto& row : parse_csv(read_file(dir / "platforms.csv"))) platforms.insert(row[0]);
  for (const auto& row : parse_csv(read_file(dir / "fans.csv"))) fans.insert(row[0]);

  std::map<std::pair<std::string, std::string>, std::uint64_t> rows_per_fanbase;
  std::set<std::string> follows_seen;
  std::set<std::string> distinct_fans;
  const auto follows = parse_csv(read_file(dir / "follows.csv"));
  REQUIRE(follows.front() == std::vector<std::string>{"fan", "broadcaster", "platform"});
  for (std::size_t i = 1; i < follows.size(); ++i) {
    const auto& row = follows[i];
    REQUIRE(row.size() == 3);
    CHECK(hosts.contains(row[1]));
    CHECK(platforms.contains(row[2]));
    CHECK(declared.contains({row[1], row[2]}));
    CHECK(fans.contains(row[0]));
    CHECK(follows_seen.insert(row[0] + "," + row[1] + "," + row[2]).second);  // at most once
    ++rows_per_fanbase[{row[1], row[2]}];
    distinct_fans.insert(row[0]);
  }
  for (const auto& [fanbase, fans_declared] : declared)
    CHECK(rows_per_fanbase[fanbase] ==
          static_cast<std::uint64_t>(std::llround(fans_declared * 0.25)));
  CHECK(report.follows == follows.size() - 1);
  CHECK(report.fans == distinct_fans.size());
  CHECK(fans.size() == distinct_fans.size() + 1);  // + the header
  CHECK(distinct_fans.size() < report.follows);
  const double per_fan = double(report.follows) / report.fans;
  CHECK(per_fan >= 2.0);
  CHECK(per_fan <= 4.0);
}

// Reads a generated dataset's follows as host -> set of fans, and host -> column value.
std::map<std::string, std::set<std::string>> followers_by_host(const TempDir& dir) {
  std::map<std::string, std::set<std::string>> followers;
  const auto rows = parse_csv(read_file(dir / "follows.csv"));
  for (std::size_t i = 1; i < rows.size(); ++i) followers[rows[i][1]].insert(rows[i][0]);
  return followers;
}

std::map<std::string, std::string> host_column(const TempDir& dir, std::size_t column) {
  std::map<std::string, std::string> values;
  for (const auto& row : parse_csv(read_file(dir / "broadcasters.csv")))
    values[row[0]] = row[column];
  return values;
}

TEST_CASE("hosts of one base share more of their audience than hosts of different bases",
          "[generator]") {
  TempDir dir;
  GenerateOptions options;
  options.scale = 0.5;
  generate_dataset(preset("tiny"), options, dir.path());
  const auto followers = followers_by_host(dir);
  const auto base = host_column(dir, 2);
  double same = 0, other = 0;
  int same_pairs = 0, other_pairs = 0;
  for (auto a = followers.begin(); a != followers.end(); ++a)
    for (auto b = std::next(a); b != followers.end(); ++b) {
      std::size_t shared = 0;
      for (const auto& fan : a->second) shared += b->second.contains(fan);
      const double overlap = double(shared) / std::min(a->second.size(), b->second.size());
      const bool together = !base.at(a->first).empty() && base.at(a->first) == base.at(b->first);
      (together ? same : other) += overlap;
      ++(together ? same_pairs : other_pairs);
    }
  REQUIRE(same_pairs > 0);
  REQUIRE(other_pairs > 0);
  CHECK(same / same_pairs > 1.5 * (other / other_pairs));
  CHECK(other / other_pairs > 0);  // popular hosts share audiences across bases too
}

TEST_CASE("in the north-east, audiences overlap mostly within a province", "[generator]") {
  TempDir dir;
  GenerateOptions options;
  options.scale = 0.001;
  generate_dataset(preset("northeast"), options, dir.path());
  const auto province = host_column(dir, 3);
  std::map<std::string, std::map<std::string, int>> provinces_of_fan;
  std::map<std::string, double> rows_by_province;
  double rows = 0;
  const auto follows = parse_csv(read_file(dir / "follows.csv"));
  for (std::size_t i = 1; i < follows.size(); ++i) {
    ++provinces_of_fan[follows[i][0]][province.at(follows[i][1])];
    ++rows_by_province[province.at(follows[i][1])];
    ++rows;
  }
  // Pairs of hosts a fan follows: the share within one province, against chance.
  double within = 0, pairs = 0, chance = 0;
  for (const auto& [fan, counts] : provinces_of_fan) {
    double n = 0;
    for (const auto& [p, k] : counts) n += k, within += k * (k - 1) / 2.0;
    pairs += n * (n - 1) / 2;
  }
  for (const auto& [p, k] : rows_by_province) chance += (k / rows) * (k / rows);
  CHECK(rows_by_province.size() == 3);
  CHECK(within / pairs > 0.5);
  CHECK(within / pairs > chance + 0.1);
}

TEST_CASE("the dataset loader reads a generated dataset with the generator's figures",
          "[generator]") {
  TempDir dir;
  GenerateOptions options;
  options.scale = 0.1;
  const auto report = generate_dataset(preset("tiny"), options, dir.path());
  const LoadResult loaded = load_dataset(dir.path());
  const Network& network = loaded.network;
  CHECK(network.broadcasters.size() == report.hosts);
  CHECK(network.bases.size() == report.bases);
  CHECK(network.platforms.size() == report.platforms);
  CHECK(network.fanbases.size() == report.fanbases);
  CHECK(declared_fans_total(network) == 400'000);
  CHECK(network.fans.size() == report.fans);
  CHECK(network.follow_count() == report.follows);
  CHECK(loaded.follow_rows == report.follows);
  CHECK(network.collab_count() == report.collabs);
}

TEST_CASE("generate refuses a non-empty directory unless forced, and a file", "[generator]") {
  TempDir dir;
  dir.write("notes.txt", "keep me");
  GenerateOptions options;
  options.scale = 0.01;
  CHECK_THROWS_AS(generate_dataset(preset("tiny"), options, dir.path()), UsageError);
  CHECK_THROWS_AS(generate_dataset(preset("tiny"), options, dir / "notes.txt"), UsageError);
  options.force = true;
  CHECK_NOTHROW(generate_dataset(preset("tiny"), options, dir.path()));
  CHECK(read_file(dir / "notes.txt") == "keep me");
  options.scale = 0;
  CHECK_THROWS_AS(generate_dataset(preset("tiny"), options, dir / "fresh"), UsageError);
}

TEST_CASE("CSV fields with commas, quotes and line breaks round-trip", "[generator]") {
  const std::vector<std::string> fields{
      "王姐,每晚8点", "王姐\"福利\"专场", "line\nbreak", "cr\rhere", "plain", "", "\"\"", "沈阳"};
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  TempDir dir;
  {
    CsvWriter out(dir / "quoted.csv");
    for (const auto& f : fields) out.field(f);
    out.end_row();
    out.field(std::uint64_t{7}).field("x").end_row();
    CHECK(!std::filesystem::exists(dir / "quoted.csv"));  // only the .tmp until commit
    out.commit();
  }
  const auto rows = parse_csv(read_file(dir / "quoted.csv"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == fields);
  CHECK(rows[1] == std::vector<std::string>{"7", "x"});
}

TEST_CASE("an uncommitted CSV file never appears under its final name", "[generator]") {
  TempDir dir;
  {
    CsvWriter out(dir / "partial.csv");
    out.field("a").end_row();
  }
  CHECK(!std::filesystem::exists(dir / "partial.csv"));
  CHECK(!std::filesystem::exists(dir / "partial.csv.tmp"));
}

TEST_CASE("planted farms only add rows: every genuine row stays as it was", "[generator]") {
  TempDir clean, farms;
  GenerateOptions options;
  options.scale = 0.01;
  options.seed = 9;
  generate_dataset(preset("tiny"), options, clean.path() / "out");
  options.fraud = 0.05;
  const GenerateReport report = generate_dataset(preset("tiny"), options, farms.path() / "out");
  REQUIRE(report.farms > 0);
  for (const char* file : {"follows.csv", "fans.csv"}) {
    INFO(file);
    const std::string genuine = read_file(clean.path() / "out" / file);
    const std::string planted = read_file(farms.path() / "out" / file);
    CHECK(planted.size() > genuine.size());
    CHECK(planted.compare(0, genuine.size(), genuine) == 0);
  }
  for (const char* file : {"platforms.csv", "bases.csv", "broadcasters.csv", "collabs.csv"})
    CHECK(read_file(clean.path() / "out" / file) == read_file(farms.path() / "out" / file));
  const auto truth = truth_directory(farms.path() / "out");
  const auto rows = parse_csv(read_file(truth / "fraud.csv"));
  CHECK(rows.size() == report.fake_fans + 1);
  CHECK(!std::filesystem::exists(truth_directory(clean.path() / "out")));
  // --fraud 0 into the same folder removes the stale truth.
  options.fraud = 0;
  options.force = true;
  generate_dataset(preset("tiny"), options, farms.path() / "out");
  CHECK(!std::filesystem::exists(truth));
  options.fraud = 1.5;
  CHECK_THROWS_AS(generate_dataset(preset("tiny"), options, farms.path() / "other"), UsageError);
}
