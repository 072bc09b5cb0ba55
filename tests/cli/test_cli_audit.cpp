// `castgraph audit` and --exclude-suspicious, run as a user would, on a generated network
// with planted farms: help, JSON and CSV shapes, the truth kept outside the dataset, and
// reach that drops the flagged fans and says so.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "support/report_cells.hpp"
#include "support/run_command.hpp"

using namespace castgraph::testing;
using nlohmann::json;

namespace {

// One generated dataset with farms for every test here (generating takes a second).
const std::string& farm_dataset() {
  static TempDir dir;
  static const std::string path = [] {
    const std::string out = (dir / "farms").string();
    const auto generated = run_castgraph(
        "generate --preset liaoning --scale 0.002 --seed 5 "
        "--fraud 0.03 -q -o " +
        shell_quote(out));
    REQUIRE(generated.status == 0);
    return out;
  }();
  return path;
}

}  // namespace

TEST_CASE("audit --help explains the method, the score and quality", "[cli][audit]") {
  const auto result = run_castgraph("audit --help");
  REQUIRE(result.status == 0);
  for (const char* text : {"Fraudar", "1/log(x+5)", "--min-lift",
                           "quality = round(100 x (1 - "
                           "suspicious share))",
                           "--exclude-suspicious", "--json", "--csv"})
    CHECK_THAT(result.out, Catch::Contains(text));
}

TEST_CASE("the planted truth lies outside the dataset, where no command reads it", "[cli][audit]") {
  const std::string dataset = farm_dataset();
  CHECK(std::filesystem::exists(dataset + ".truth/fraud.csv"));
  CHECK(std::filesystem::exists(dataset + ".truth/farms.csv"));
  CHECK(!std::filesystem::exists(dataset + "/fraud.csv"));
}

TEST_CASE("audit --json lists every flagged fan by block, and hosts with quality", "[cli][audit]") {
  const std::string dataset = farm_dataset();
  const auto result = run_castgraph("audit " + shell_quote(dataset) + " --json");
  REQUIRE(result.status == 0);
  const json audit = json::parse(result.out);
  REQUIRE(audit["blocks"].size() > 0);
  std::set<std::string> flagged;
  for (const json& block : audit["blocks"]) {
    CHECK(block["hosts"].size() >= 1);
    CHECK(block["density"] > 0);
    CHECK(block["density"] <= 1);
    CHECK(block["score"] >= 20);
    for (const json& fan : block["fans"]) flagged.insert(fan.get<std::string>());
  }
  CHECK(audit["suspicious_fans"] == flagged.size());
  std::ifstream truth(dataset + ".truth/fraud.csv");
  std::string line;
  std::getline(truth, line);
  std::size_t planted = 0, found = 0;
  while (std::getline(truth, line)) {
    ++planted;
    found += flagged.contains(line.substr(0, line.find(',')));
  }
  CHECK(double(found) >= 0.9 * double(planted));
  CHECK(double(found) >= 0.95 * double(flagged.size()));
  const json& worst = audit["hosts"][0];
  for (const char* key : {"id", "suspicious_share", "quality", "followers_seen", "declared_fans"})
    CHECK(worst.contains(key));
  CHECK(worst["quality"] < 50);
}

TEST_CASE("audit --hosts shows those hosts, --csv one row each", "[cli][audit]") {
  const std::string dataset = farm_dataset();
  const auto result = run_castgraph("audit " + shell_quote(dataset) + " --hosts h1,h2 --csv");
  REQUIRE(result.status == 0);
  CHECK(result.out.rfind(
            "host,name,followers_seen,suspicious,suspicious_share,quality,declared_fans\nh1,", 0) ==
        0);
  CHECK(std::count(result.out.begin(), result.out.end(), '\n') == 3);
  CHECK(run_castgraph("audit " + shell_quote(dataset) + " --json --csv").status == 2);
  CHECK(run_castgraph("audit " + shell_quote(dataset) + " --hosts nobody").status == 2);
}

TEST_CASE("reach --exclude-suspicious drops the flagged fans and says how many", "[cli][audit]") {
  const std::string dataset = farm_dataset();
  const json audit = json::parse(run_castgraph("audit " + shell_quote(dataset) + " --json").out);
  const std::string host = audit["hosts"][0]["id"];
  const json& entry = audit["hosts"][0];
  const std::string reach = "reach " + shell_quote(dataset) + " --hosts " + host + " --json";
  const auto before = run_castgraph(reach);
  const auto after = run_castgraph(reach + " --exclude-suspicious");
  REQUIRE(before.status == 0);
  REQUIRE(after.status == 0);
  // Fans, not people: reach's panel members are the distinct fans it counted, as the
  // audit's followers_seen and suspicious are (each fan stands for several people).
  const std::uint64_t seen = json::parse(before.out)["panel_members"];
  CHECK(seen == entry["followers_seen"]);
  CHECK(json::parse(after.out)["panel_members"] == seen - entry["suspicious"].get<std::uint64_t>());
  CHECK_THAT(after.err, Catch::Contains("--exclude-suspicious left out"));
  CHECK_THAT(after.err, Catch::Contains(std::to_string(audit["blocks"].size()) + " suspicious"));
  // The JSON says what its figures leave out: the audit's flagged fans that follow someone
  // (every flagged fan does), in its blocks; the plain run says nothing.
  const json left_out = json::parse(after.out)["suspicious_left_out"];
  CHECK(left_out["fans"] == audit["suspicious_fans"]);
  CHECK(left_out["blocks"] == audit["blocks"].size());
  std::uint64_t follows = 0;
  for (const json& block : audit["blocks"]) follows += block["follows"].get<std::uint64_t>();
  CHECK(left_out["follows"] >= follows);  // their follows inside blocks, and camouflage
  CHECK_FALSE(json::parse(before.out).contains("suspicious_left_out"));
  for (const char* command : {"plan", "rank", "report"})
    CHECK_THAT(run_castgraph(std::string(command) + " --help").out,
               Catch::Contains("--exclude-suspicious"));
}

namespace {

// The ids of every fan `castgraph audit --json` flags.
std::set<std::string> flagged_fans(const json& audit) {
  std::set<std::string> flagged;
  for (const json& block : audit["blocks"])
    for (const json& fan : block["fans"]) flagged.insert(fan.get<std::string>());
  return flagged;
}

// A copy of the farm dataset whose follows.csv has no row of a flagged fan: what
// --exclude-suspicious should count as, made by hand from the files (the fans stay in
// fans.csv and follow nobody, as the flag leaves them).
const std::string& dataset_without_flagged() {
  static TempDir dir;
  static const std::string path = [] {
    const std::string source = farm_dataset();
    const std::set<std::string> flagged =
        flagged_fans(json::parse(run_castgraph("audit " + shell_quote(source) + " --json").out));
    REQUIRE(!flagged.empty());
    const std::filesystem::path out = dir / "farms-without";
    std::filesystem::create_directories(out);
    for (const auto& entry : std::filesystem::directory_iterator(source))
      if (entry.path().filename() != "follows.csv")
        std::filesystem::copy_file(entry.path(), out / entry.path().filename());
    std::ifstream in(source + "/follows.csv");
    std::ofstream kept(out / "follows.csv");
    std::string line;
    std::getline(in, line);
    REQUIRE(line.rfind("fan,", 0) == 0);  // the fan id is the first field
    kept << line << "\n";
    std::size_t dropped = 0;
    while (std::getline(in, line)) {
      if (flagged.contains(line.substr(0, line.find(',')))) {
        ++dropped;
        continue;
      }
      kept << line << "\n";
    }
    REQUIRE(dropped > 0);
    return out.string();
  }();
  return path;
}

json command_json(const std::string& arguments) {
  const auto result = run_castgraph(arguments + " --json");
  INFO(arguments << "\n" << result.err);
  REQUIRE(result.status == 0);
  return json::parse(result.out);
}

}  // namespace

TEST_CASE("plan --exclude-suspicious books the roster of the follows with the farms removed",
          "[cli][audit]") {
  const std::string options = " --k 8";
  const json excluded =
      command_json("plan " + shell_quote(farm_dataset()) + options + " --exclude-suspicious");
  const json by_hand = command_json("plan " + shell_quote(dataset_without_flagged()) + options);
  const json plain = command_json("plan " + shell_quote(farm_dataset()) + options);
  REQUIRE(excluded["picks"].size() == 8);
  for (std::size_t i = 0; i < 8; ++i) {
    INFO("pick " << i + 1);
    CHECK(excluded["picks"][i]["id"] == by_hand["picks"][i]["id"]);
    CHECK(excluded["picks"][i]["marginal_reach"] == by_hand["picks"][i]["marginal_reach"]);
  }
  CHECK(excluded["unique_reach"] == by_hand["unique_reach"]);
  // The farms' buyers are bought into the plain plan: leaving the farms out changes it.
  CHECK(excluded["unique_reach"] < plain["unique_reach"]);
  CHECK(excluded["suspicious_left_out"]["fans"] > 0);
  CHECK_FALSE(plain.contains("suspicious_left_out"));
}

TEST_CASE("rank --exclude-suspicious counts reach without the farms and shrinks declared fans",
          "[cli][audit]") {
  const json audit = command_json("audit " + shell_quote(farm_dataset()));
  const json excluded = command_json("rank " + shell_quote(farm_dataset()) +
                                     " --by reach --top 0 --exclude-suspicious");
  const json by_hand =
      command_json("rank " + shell_quote(dataset_without_flagged()) + " --by reach --top 0");
  const json plain = command_json("rank " + shell_quote(farm_dataset()) + " --by reach --top 0");
  REQUIRE(excluded["hosts"].size() == by_hand["hosts"].size());
  CHECK(excluded["suspicious_left_out"]["fans"] == audit["suspicious_fans"]);
  std::map<std::string, json> before;
  for (const json& host : plain["hosts"]) before[host["id"]] = host;
  std::map<std::string, json> audited;
  for (const json& host : audit["hosts"]) audited[host["id"]] = host;
  for (std::size_t i = 0; i < excluded["hosts"].size(); ++i) {
    const json &got = excluded["hosts"][i], &want = by_hand["hosts"][i];
    INFO("rank " << i + 1 << " " << got["id"]);
    CHECK(got["id"] == want["id"]);
    CHECK(got["score"] == want["score"]);
    // Declared fans shrink by the flagged share of the followers seen, and only then.
    const json& host = audited[got["id"]];
    if (host["suspicious"] == 0)
      CHECK(got["declared_fans"] == before[got["id"]]["declared_fans"]);
    else
      CHECK(got["declared_fans"] < before[got["id"]]["declared_fans"]);
  }
}

TEST_CASE("report --exclude-suspicious counts without the farms, and its audit says so",
          "[cli][audit][report]") {
  TempDir dir;
  const std::string page = (dir / "report.html").string();
  const auto result = run_castgraph("report " + shell_quote(farm_dataset()) + " -o " +
                                    shell_quote(page) + " --exclude-suspicious");
  INFO(result.err);
  REQUIRE(result.status == 0);
  CHECK_THAT(result.err, Catch::Contains("--exclude-suspicious left out"));
  const std::string html = read_file(page);
  const auto cells = castgraph::testing::report::cells_of(html);
  // People reached by all hosts: the same as on the files with the farms removed.
  const std::string broadcasters = read_file(dataset_without_flagged() + "/broadcasters.csv");
  const json everyone =
      command_json("reach " + shell_quote(dataset_without_flagged()) + " --hosts-file " +
                   shell_quote(dataset_without_flagged() + "/broadcasters.csv"));
  REQUIRE(cells.contains("summary/reach"));
  CHECK(cells.at("summary/reach").value == everyone["unique_reach"].dump());
  // The audit section is the audit of the whole data, before anything was left out.
  const json audit = command_json("audit " + shell_quote(farm_dataset()));
  CHECK(cells.at("audit/suspicious_fans").value == audit["suspicious_fans"].dump());
  CHECK_THAT(html, Catch::Contains("left out of every other figure of this report"));
}

namespace {

// The lower end of the 95% Wilson interval of k / n, as the report ranks hosts by it.
double wilson_lower(double k, double n) {
  const double z = 1.959964, p = k / n;
  return (p + z * z / (2 * n) - z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n))) /
         (1 + z * z / n);
}

// The part of `html` from the first `open` to the following `close`.
std::string between(const std::string& html, const std::string& open, const std::string& close,
                    std::size_t from = 0) {
  const std::size_t start = html.find(open, from);
  REQUIRE(start != std::string::npos);
  const std::size_t end = html.find(close, start);
  REQUIRE(end != std::string::npos);
  return html.substr(start, end - start);
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++count;
  return count;
}

}  // namespace

TEST_CASE("report's audit section holds the audit's numbers and draws each block's follows",
          "[cli][audit][report]") {
  TempDir dir;
  const std::string page = (dir / "report.html").string();
  const auto result =
      run_castgraph("report " + shell_quote(farm_dataset()) + " -o " + shell_quote(page));
  INFO(result.err);
  REQUIRE(result.status == 0);
  const std::string html = read_file(page);
  const auto cells = castgraph::testing::report::cells_of(html);
  const json audit = command_json("audit " + shell_quote(farm_dataset()));
  CHECK(cells.at("audit/suspicious_fans").value == audit["suspicious_fans"].dump());
  CHECK(cells.at("audit/blocks").value == std::to_string(audit["blocks"].size()));
  CHECK_THAT(html, Catch::Contains("The other figures of this report count them"));

  // Hosts: the audit's figures, ranked by the lower end of the share's 95% interval, the
  // farms' buyers first.
  std::map<std::string, json> audited;
  std::size_t affected = 0;
  for (const json& host : audit["hosts"]) {
    audited[host["id"]] = host;
    affected += host["suspicious"] > 0;
  }
  CHECK(cells.at("audit/hosts_affected").value == std::to_string(affected));
  std::set<std::string> buyers;
  {
    std::ifstream farms(farm_dataset() + ".truth/farms.csv");
    std::string line;
    std::getline(farms, line);  // farm,fans,buyers,...
    while (std::getline(farms, line)) {
      std::istringstream fields(line);
      std::string farm, fans, list;
      std::getline(fields, farm, ',');
      std::getline(fields, fans, ',');
      std::getline(fields, list, ',');
      std::istringstream ids(list);
      for (std::string id; ids >> id;) buyers.insert(id);
    }
  }
  REQUIRE(!buyers.empty());
  double previous = 2;
  std::size_t rows = 0;
  for (std::size_t at = html.find("data-cell=\"audit/hosts/"); at != std::string::npos;
       at = html.find("data-cell=\"audit/hosts/", at + 1)) {
    const std::string cell = between(html, "audit/hosts/", "\"", at);
    if (!cell.ends_with("/suspicious")) continue;
    const std::string id = cell.substr(12, cell.size() - 12 - 11);
    INFO("host " << id);
    const json& host = audited.at(id);
    CHECK(cells.at("audit/hosts/" + id + "/followers_seen").value == host["followers_seen"].dump());
    CHECK(cells.at(cell).value == host["suspicious"].dump());
    CHECK(cells.at("audit/hosts/" + id + "/quality").value == host["quality"].dump());
    const double bound =
        wilson_lower(host["suspicious"].get<double>(), host["followers_seen"].get<double>());
    CHECK(bound <= previous + 1e-12);
    previous = bound;
    if (rows++ < 5) CHECK(buyers.contains(id));
  }
  CHECK(rows == std::min<std::size_t>(20, affected));

  // Pictures: one per block shown; block 1 draws its fans spread evenly over the block (in
  // the audit's order), and each fan's follows of the block's hosts as lines, the rest as
  // "other fanbases": together, that fan's rows in follows.csv.
  const std::size_t shown = std::min<std::size_t>(6, audit["blocks"].size());
  CHECK(occurrences(html, "<svg class=\"chart block\"") == shown);
  const json& block = audit["blocks"][0];
  REQUIRE(block["fanbases"] == block["hosts"].size());  // one line per block fanbase
  std::map<std::string, std::vector<std::string>> follows_of;
  {
    std::ifstream follows(farm_dataset() + "/follows.csv");
    std::string line;
    std::getline(follows, line);
    while (std::getline(follows, line)) {
      const std::size_t comma = line.find(',');
      follows_of[line.substr(0, comma)].push_back(
          line.substr(comma + 1, line.find(',', comma + 1) - comma - 1));
    }
  }
  const std::string picture = between(html, "<svg class=\"chart block\"", "</svg>");
  const std::size_t fans = block["fans"].size(), drawn = std::min<std::size_t>(24, fans);
  std::size_t lines = 0, at = 0;
  for (std::size_t i = 0; i < drawn; ++i) {
    const std::string fan = block["fans"][i * fans / drawn];
    INFO("fan " << fan);
    at = picture.find("<title>a fan following ", at);
    REQUIRE(at != std::string::npos);
    std::istringstream tip(picture.substr(at + 23, 80));
    std::size_t inside = 0, others = 0;
    std::string words[5];  // "of the block's hosts and"
    tip >> inside >> words[0] >> words[1] >> words[2] >> words[3] >> words[4] >> others;
    REQUIRE(words[4] == "and");
    ++at;
    const std::vector<std::string>& rows_of_fan = follows_of.at(fan);
    CHECK(inside + others == rows_of_fan.size());
    std::size_t of_block_hosts = 0;
    for (const std::string& host : rows_of_fan)
      of_block_hosts += std::ranges::find(block["hosts"], json(host)) != block["hosts"].end();
    CHECK(inside >= 1);
    CHECK(inside <= of_block_hosts);
    lines += inside;
  }
  CHECK(occurrences(picture, "stroke=\"#0072b2\"") == lines);
}

TEST_CASE("report --no-audit leaves the audit out, and without follows it says why",
          "[cli][audit][report]") {
  TempDir dir;
  const std::string page = (dir / "report.html").string();
  REQUIRE(run_castgraph("report " + shell_quote(farm_dataset()) + " -o " + shell_quote(page) +
                        " --no-audit")
              .status == 0);
  CHECK(read_file(page).find("id=\"audit\"") == std::string::npos);
  // A dataset of declared fans only: the copy of samples/tiny without follows.csv.
  const std::filesystem::path declared = dir / "declared";
  std::filesystem::copy(castgraph::testing::source_path("samples/tiny"), declared);
  std::filesystem::remove(declared / "follows.csv");
  const auto result =
      run_castgraph("report " + shell_quote(declared.string()) + " -o " + shell_quote(page));
  INFO(result.err);
  REQUIRE(result.status == 0);
  CHECK_THAT(read_file(page), Catch::Contains("the audit needs follows"));
  CHECK_THAT(result.err, Catch::Contains("no audit"));
}

namespace {

// `from` with the data rows of `file` in another order (the header first).
void shuffle_rows(const std::filesystem::path& from, const std::filesystem::path& to,
                  const std::string& file) {
  std::ifstream in(from / file);
  std::string header, line;
  std::getline(in, header);
  std::vector<std::string> rows;
  while (std::getline(in, line)) rows.push_back(line);
  // A fixed interleaving that moves every row far from its place: reversed halves.
  std::vector<std::string> shuffled;
  const std::size_t half = rows.size() / 2;
  for (std::size_t i = 0; i < rows.size(); ++i)
    shuffled.push_back(rows[i % 2 ? half - 1 - i / 2 : rows.size() - 1 - i / 2]);
  std::ofstream out(to / file, std::ios::trunc);
  out << header << "\n";
  for (const std::string& row : shuffled) out << row << "\n";
}

}  // namespace

TEST_CASE("audit answers alike whatever the order of the fans and follows in the files",
          "[cli][audit]") {
  // Fraudar breaks ties by a fan's place and its block's sums run over its fans: both go
  // by external id, so reordered rows (or MPI ranks holding fans in no common order) give
  // the same blocks, the same fan lists and the same scores to the last bit.
  TempDir dir;
  const std::filesystem::path shuffled = dir / "shuffled";
  std::filesystem::copy(farm_dataset(), shuffled);
  shuffle_rows(farm_dataset(), shuffled, "follows.csv");
  shuffle_rows(farm_dataset(), shuffled, "fans.csv");
  REQUIRE(read_file((shuffled / "follows.csv").string()) !=
          read_file(farm_dataset() + "/follows.csv"));
  const auto original = run_castgraph("audit " + shell_quote(farm_dataset()) + " --json");
  const auto reordered = run_castgraph("audit " + shell_quote(shuffled.string()) + " --json");
  REQUIRE(original.status == 0);
  REQUIRE(reordered.status == 0);
  CHECK(json::parse(original.out)["blocks"].size() > 0);
  CHECK(reordered.out == original.out);
}
