// Tables for spreadsheets and scripts, run as a user would: --csv on every command that
// prints a table, --bom, -o FILE.xlsx read back by an independent reader (Python's zipfile
// and xml.etree, tests/support/read_xlsx.py), tiers --by as one table, and rank's scores.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_command.hpp"

using namespace castgraph::testing;
using nlohmann::json;

namespace {

const std::string kTiny = shell_quote(source_path("samples/tiny"));
const std::string kLiaoning = shell_quote(source_path("samples/liaoning"));

CommandResult run_ok(const std::string& arguments) {
  const auto result = run_castgraph(arguments);
  INFO(arguments << "\n" << result.err);
  REQUIRE(result.status == 0);
  return result;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Splits one CSV record (RFC 4180, no line breaks inside fields) into its fields.
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
      fields.back() += '"', ++i;
    else if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      fields.emplace_back();
    else
      fields.back() += c;
  }
  return fields;
}

// The workbook as the Python standard library reads it.
json read_workbook(const std::filesystem::path& path) {
  const std::string command = "python3 " + shell_quote(source_path("tests/support/read_xlsx.py")) +
                              " " + shell_quote(path.string());
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  REQUIRE(::pclose(pipe) == 0);
  return json::parse(out);
}

const json& sheet(const json& book, const std::string& name) {
  for (const json& s : book["sheets"])
    if (s["name"] == name) return s;
  FAIL("no sheet " << name);
  return book;
}

}  // namespace

TEST_CASE("rank --csv quotes a name holding a comma and writes counts without separators",
          "[cli][tables]") {
  // samples/tiny, declared fans summed per host by hand from fanbases.csv:
  // h1 9,500,000 + 800,000; h7 2,500,000 + 500,000; h2 1,200,000; h3 150,000; h5 100,000;
  // h4 99,999 (named "刘一手, 大连"); h6 30,000; h8 0.
  const auto result = run_ok("rank " + kTiny + " --by fans --csv");
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 9);
  CHECK(lines[0] == "rank,id,name,province,score,declared_fans");
  CHECK(lines[1] == "1,h1,李佳,辽宁,10300000,10300000");
  CHECK(lines[2] == "2,h7,周杰,辽宁,3000000,3000000");
  CHECK(lines[6] == "6,h4,\"刘一手, 大连\",辽宁,99999,99999");
  CHECK(lines[8] == "8,h8,吴老板,黑龙江,0,0");
}

TEST_CASE("the --bom flag starts CSV with a UTF-8 byte-order mark and is explained in --help",
          "[cli][tables]") {
  const auto marked = run_ok("info " + kTiny + " --csv --bom");
  CHECK(marked.out.rfind("\xEF\xBB\xBFkey,label,count\n", 0) == 0);
  const auto plain = run_ok("info " + kTiny + " --csv");
  CHECK(plain.out.rfind("key,label,count\n", 0) == 0);
  CHECK_THAT(plain.out, Catch::Contains("\ndeclared_fans,declared fans,14879999\n"));
  CHECK_THAT(plain.out, Catch::Contains("\nbroadcasters,broadcasters (hosts),8\n"));

  const auto help = run_ok("rank --help");
  CHECK_THAT(help.out, Catch::Contains("--bom") && Catch::Contains("Excel"));
  const auto refused = run_castgraph("info " + kTiny + " --bom");
  CHECK(refused.status == 2);
  CHECK_THAT(refused.err, Catch::Contains("--bom marks CSV output"));
}

TEST_CASE("every command that prints a table takes --csv with the table's columns",
          "[cli][tables]") {
  // The first line of each: the header, the same columns as the aligned table.
  const std::map<std::string, std::string> headers{
      {"info " + kTiny, "key,label,count"},
      {"tiers " + kTiny, "group,row,name,min,max,hosts,fans"},
      {"tiers " + kTiny + " --by kind",
       "group,name,hosts,fans,<100k,100k-1M,1M-10M,10M+,100k+,1M+,10M+"},
      {"reach " + kTiny + " --hosts h1,h2,h7", "id,name,reach,exclusive,share"},
      {"overlap " + kTiny + " --hosts h1,h2,h7",
       "host_a,name_a,host_b,name_b,shared,jaccard,a_in_b,b_in_a"},
      {"overlap " + kTiny + " --top 3",
       "rank,host_a,name_a,host_b,name_b,shared,jaccard,a_in_b,b_in_a"},
      {"plan " + kTiny + " --k 2",
       "pick,included,id,name,fee,marginal_reach,cumulative_reach,spent,yuan_per_thousand"},
      {"rank " + kTiny + " --by pagerank",
       "rank,id,name,province,score,times_average,declared_fans"},
      {"communities " + kTiny, "host,name,community"},
      {"audit " + kTiny,
       "host,name,followers_seen,suspicious,suspicious_share,quality,"
       "declared_fans"}};
  for (const auto& [arguments, header] : headers) {
    const auto result = run_ok(arguments + " --csv");
    INFO(arguments);
    CHECK(lines_of(result.out).at(0) == header);
    // Scripts read plain numbers: no thousands separators inside a numeric field.
    for (const std::string& line : lines_of(result.out))
      for (const std::string& field : csv_fields(line))
        CHECK_FALSE(std::regex_match(field, std::regex("[0-9]{1,3}(,[0-9]{3})+")));
  }
}

TEST_CASE("reach --csv gives shares as fractions and counts as plain numbers", "[cli][tables]") {
  const auto csv = run_ok("reach " + kTiny + " --hosts h1,h2,h7 --csv");
  const auto reach = json::parse(run_ok("reach " + kTiny + " --hosts h1,h2,h7 --json").out);
  const auto lines = lines_of(csv.out);
  REQUIRE(lines.size() == 4);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto fields = csv_fields(lines[i + 1]);
    const json& host = reach["per_host"][i];
    CHECK(fields[0] == host["id"]);
    CHECK(std::stoull(fields[2]) == host["reach"].get<std::uint64_t>());
    CHECK(std::stod(fields[4]) == Approx(host["share"].get<double>()).epsilon(1e-12));
  }
}

TEST_CASE("tiers --by base prints one table, a row per base and a column per band",
          "[cli][tables]") {
  // samples/tiny by base, by hand from broadcasters.csv and fanbases.csv:
  //   sy: h1 10,300,000 (10M+), h2 1,200,000 (1M-10M), h6 30,000 (<100k)
  //   dl: h3 150,000 (100k-1M), h4 99,999 (<100k), h7 3,000,000 (1M-10M)
  //   no base: h5 100,000 (100k-1M), h8 0 (<100k)
  const auto text = run_ok("tiers " + kTiny + " --by base");
  std::size_t rules = 0;
  for (const std::string& line : lines_of(text.out)) rules += line.rfind("----", 0) == 0;
  CHECK(rules == 1);
  CHECK_THAT(text.out, Catch::Contains("沈阳直播电商基地"));

  const auto csv = lines_of(run_ok("tiers " + kTiny + " --by base --csv").out);
  REQUIRE(csv.size() == 4);
  CHECK(csv[0] == "group,name,hosts,fans,<100k,100k-1M,1M-10M,10M+,100k+,1M+,10M+");
  CHECK(csv[1] == "sy,沈阳直播电商基地,3,11530000,1,0,1,1,2,2,1");
  CHECK(csv[2] == "dl,大连网红孵化基地,3,3249999,1,1,1,0,2,1,0");
  CHECK(csv[3] == "(none),,2,100000,1,1,0,0,1,0,0");

  const auto tiers = json::parse(run_ok("tiers " + kTiny + " --by base --json").out);
  CHECK(tiers["sy"]["bands"][3]["hosts"] == 1);  // the per-group objects stay
  CHECK(tiers["table"]["by"] == "base");
  CHECK(tiers["table"]["bands"] == json({"<100k", "100k-1M", "1M-10M", "10M+"}));
  REQUIRE(tiers["table"]["rows"].size() == 3);
  const json& dl = tiers["table"]["rows"][1];
  CHECK(dl["group"] == "dl");
  CHECK(dl["hosts"] == 3);
  CHECK(dl["fans"] == 3'249'999);
  CHECK(dl["bands"] == json({{"<100k", 1}, {"100k-1M", 1}, {"1M-10M", 1}, {"10M+", 0}}));
  CHECK(dl["cumulative"] == json({{"100k+", 2}, {"1M+", 1}, {"10M+", 0}}));
}

TEST_CASE("tiers --by base on samples/liaoning adds up to the published figures", "[cli][tables]") {
  // samples/liaoning/README.md: 12,000 hosts, 78 with 100k+ fans, 34 with 1M+, none 10M+;
  // 120 bases.
  const auto csv = lines_of(run_ok("tiers " + kLiaoning + " --by base --csv").out);
  const auto header = csv_fields(csv.at(0));
  std::map<std::string, std::uint64_t> total;
  for (std::size_t r = 1; r < csv.size(); ++r) {
    const auto fields = csv_fields(csv[r]);
    REQUIRE(fields.size() == header.size());
    for (std::size_t c = 2; c < header.size(); ++c) total[header[c]] += std::stoull(fields[c]);
  }
  CHECK(csv.size() - 1 <= 121);  // 120 bases, and the hosts of none
  CHECK(csv.size() - 1 >= 120);
  CHECK(total["hosts"] == 12'000);
  CHECK(total["fans"] == 116'800'000);
  CHECK(total["100k+"] == 78);
  CHECK(total["1M+"] == 34);
  CHECK(total["10M+"] == 0);
}

TEST_CASE("a workbook written by -o FILE.xlsx reads back, independently, as the table",
          "[cli][tables]") {
  TempDir dir;
  const auto path = dir / "rank.xlsx";
  const auto wrote = run_ok("rank " + kTiny + " --by fans -o " + shell_quote(path.string()));
  CHECK_THAT(wrote.out, Catch::Contains("wrote") && Catch::Contains("rank.xlsx"));
  const json book = read_workbook(path);
  REQUIRE(book["sheets"].size() == 1);
  const json& ranked = book["sheets"][0];
  CHECK(ranked["name"] == "rank by fans");
  CHECK(ranked["frozen_rows"] == 1);
  CHECK(ranked["frozen_columns"] == 0);
  const json& cells = ranked["cells"];
  CHECK(cells["A1"] == json({{"type", "s"}, {"value", "rank"}}));
  CHECK(cells["F1"]["value"] == "declared fans");
  // Numbers are numbers (<v> holding the value, not a shared string); text is intact.
  CHECK(cells["A2"] == json({{"type", "n"}, {"value", 1.0}}));
  CHECK(cells["C2"] == json({{"type", "s"}, {"value", "李佳"}}));
  CHECK(cells["F2"] == json({{"type", "n"}, {"value", 10'300'000.0}}));
  CHECK(cells["C7"]["value"] == "刘一手, 大连");
  CHECK(cells["F7"] == json({{"type", "n"}, {"value", 99'999.0}}));
  CHECK(cells["D9"]["value"] == "黑龙江");
}

TEST_CASE("a workbook of -o FILE.xlsx holds one sheet per table", "[cli][tables]") {
  TempDir dir;
  const auto reach = dir / "reach.xlsx";
  run_ok("reach " + kTiny + " --hosts h1,h2,h7 --by province -o " + shell_quote(reach.string()));
  const json book = read_workbook(reach);
  std::vector<std::string> names;
  for (const json& s : book["sheets"]) names.push_back(s["name"]);
  CHECK(names == std::vector<std::string>{"hosts", "summary", "by province"});
  for (const json& s : book["sheets"]) CHECK(s["frozen_rows"] == 1);
  const auto answer = json::parse(run_ok("reach " + kTiny +
                                         " --hosts h1,h2,h7 --by province "
                                         "--json")
                                      .out);
  const json& hosts = sheet(book, "hosts")["cells"];
  CHECK(hosts["B2"]["value"] == answer["per_host"][0]["name"]);
  CHECK(hosts["C2"] == json({{"type", "n"}, {"value", answer["per_host"][0]["reach"]}}));
  CHECK(hosts["E2"]["type"] == "n");  // a share, stored as the fraction
  CHECK(hosts["E2"]["value"].get<double>() == Approx(answer["per_host"][0]["share"].get<double>()));
  const json& summary = sheet(book, "summary")["cells"];
  CHECK(summary["A2"]["value"] == "unique reach");
  CHECK(summary["B2"] == json({{"type", "n"}, {"value", answer["unique_reach"]}}));
  const json& by = sheet(book, "by province")["cells"];
  CHECK(by["A2"]["value"] == answer["by"][0]["group"]);
  CHECK(by["B2"]["value"] == answer["by"][0]["people"]);

  const auto tiers = dir / "tiers.xlsx";
  run_ok("tiers " + kTiny + " --by base -o " + shell_quote(tiers.string()));
  const json tiers_book = read_workbook(tiers);
  const json& by_base = tiers_book["sheets"][0];
  CHECK(by_base["name"] == "tiers by base");
  CHECK(by_base["cells"]["B2"]["value"] == "沈阳直播电商基地");
  CHECK(by_base["cells"]["D2"] == json({{"type", "n"}, {"value", 11'530'000.0}}));
  CHECK(by_base["cells"]["H2"] == json({{"type", "n"}, {"value", 1.0}}));  // h1 in 10M+
}

TEST_CASE("every table command writes a workbook with -o", "[cli][tables]") {
  TempDir dir;
  for (const std::string& arguments :
       {"info " + kTiny, "tiers " + kTiny, "overlap " + kTiny + " --hosts h1,h2,h7",
        "overlap " + kTiny + " --top 3", "plan " + kTiny + " --k 2", "communities " + kTiny,
        "audit " + kTiny, "rank " + kTiny + " --by betweenness"}) {
    INFO(arguments);
    const auto path = dir / "out.xlsx";
    std::filesystem::remove(path);
    run_ok(arguments + " -o " + shell_quote(path.string()));
    const json book = read_workbook(path);
    REQUIRE(!book["sheets"].empty());
    for (const json& s : book["sheets"]) CHECK(s["frozen_rows"] == 1);
  }
}

TEST_CASE("the -o flag refuses what it cannot write and leaves the old file whole",
          "[cli][tables]") {
  TempDir dir;
  const auto old = dir.write("keep.xlsx", "the old file");
  CHECK(
      run_castgraph("reach " + kTiny + " --hosts nobody -o " + shell_quote(old.string())).status ==
      2);
  CHECK(read_file(old) == "the old file");
  const auto wrong =
      run_castgraph("info " + kTiny + " -o " + shell_quote((dir / "x.txt").string()));
  CHECK(wrong.status == 2);
  CHECK_THAT(wrong.err, Catch::Contains(".xlsx") && Catch::Contains(".csv"));
  CHECK(run_castgraph("info " + kTiny + " --json -o " + shell_quote(old.string())).status == 2);
  CHECK(run_castgraph("info " + kTiny + " --csv -o " + shell_quote(old.string())).status == 2);
  const auto missing =
      run_castgraph("info " + kTiny + " -o " + shell_quote((dir / "no/such/dir.xlsx").string()));
  CHECK(missing.status == 74);
  // Only the old file is left: no temporary of a failed or finished write.
  run_ok("info " + kTiny + " -o " + shell_quote(old.string()));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++files;
  CHECK(files == 1);
  CHECK(read_workbook(old)["sheets"][0]["name"] == "counts");
}

TEST_CASE("a file named by -o FILE.csv holds what --csv prints, with --bom if asked",
          "[cli][tables]") {
  TempDir dir;
  const auto path = dir / "tiers.csv";
  run_ok("tiers " + kTiny + " --by kind --bom -o " + shell_quote(path.string()));
  const auto printed = run_ok("tiers " + kTiny + " --by kind --csv");
  CHECK(read_file(path) == "\xEF\xBB\xBF" + printed.out);
}

TEST_CASE("rank --min-fans leaves out hosts with fewer declared fans", "[cli][tables]") {
  // Declared fans as in the first test: five hosts have at least 100,000.
  const auto ranked =
      json::parse(run_ok("rank " + kTiny + " --by fans --min-fans 10万 --json").out);
  std::vector<std::string> ids;
  for (const json& host : ranked["hosts"]) ids.push_back(host["id"]);
  CHECK(ids == std::vector<std::string>{"h1", "h7", "h2", "h3", "h5"});
  const auto bridging =
      json::parse(run_ok("rank " + kTiny + " --by bridging --min-fans 1M --json").out);
  for (const json& host : bridging["hosts"])
    CHECK(host["declared_fans"].get<std::uint64_t>() >= 1'000'000);
  const auto text = run_ok("rank " + kTiny + " --by bridging --min-fans 1M");
  CHECK_THAT(text.out, Catch::Contains("fewer than 1,000,000 declared fans left out: 5"));
  CHECK(run_castgraph("rank " + kTiny + " --min-fans lots").status == 2);
}

TEST_CASE("rank shows PageRank to three significant digits and as a multiple of average",
          "[cli][tables]") {
  const auto help = run_ok("rank --help");
  CHECK_THAT(help.out, Catch::Contains("PageRank is the share"));
  CHECK_THAT(help.out, Catch::Contains("Betweenness is the number of pairs"));
  // samples/liaoning: 12,000 hosts, so scores are around 1/12,000 = 0.0000833.
  const auto csv = lines_of(run_ok("rank " + kLiaoning + " --by pagerank --top 0 --csv").out);
  REQUIRE(csv.size() == 12'001);
  double sum = 0;
  for (std::size_t r = 1; r < csv.size(); ++r) {
    const auto fields = csv_fields(csv[r]);
    const double score = std::stod(fields[4]);
    sum += score;
    CHECK(std::stod(fields[5]) == Approx(score * 12'000).epsilon(0.01));
  }
  CHECK(sum == Approx(1.0).epsilon(1e-6));  // PageRank is a distribution over the hosts

  const auto text = lines_of(run_ok("rank " + kLiaoning + " --by pagerank --top 20").out);
  const std::regex row(R"(\s*(\d+)\s+\S+.*\s(\S+)\s+(\S+)\s+(\S+)$)");
  std::size_t rows = 0;
  for (const std::string& line : text) {
    std::smatch match;
    if (!std::regex_match(line, match, row) || match[1].str() == "rank") continue;
    ++rows;
    // 0.000123 or 1.23e-07: at most three significant digits, never 0.000012345678.
    CHECK(std::regex_match(match[2].str(),
                           std::regex(R"(0\.0*[1-9][0-9]{0,2}|[1-9]\.[0-9]{2}e-[0-9]+)")));
  }
  CHECK(rows == 20);
}

TEST_CASE("a control character in a name leaves the workbook readable XML", "[cli][tables]") {
  TempDir dir;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("samples/tiny")))
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename().string());
  std::string hosts = read_file(dir / "broadcasters.csv");
  hosts.replace(hosts.find("王小明"), std::string("王小明").size(), "王\x1B[31m小明\x01");
  dir.write("broadcasters.csv", hosts);
  const auto path = dir / "rank.xlsx";
  run_ok("rank " + shell_quote(dir.path().string()) + " --by fans -o " +
         shell_quote(path.string()));
  // XML 1.0 cannot hold ESC or U+0001; Excel's own escape _xHHHH_ stands for them.
  const json book = read_workbook(path);
  CHECK(book["sheets"][0]["cells"]["C4"]["value"] == "王_x001B_[31m小明_x0001_");
}
