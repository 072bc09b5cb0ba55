// Values that each pass the format's rules but whose sums or forms would give a wrong
// answer: totals past the limits of graph/value_rules.hpp (exact at the limit, refused
// one past it, in every command), a snapshot that breaks the CSV's value rules with its
// checksums intact, and names that hold control characters.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "algorithms/fanbase_sketches.hpp"
#include "cli/stored_sketches.hpp"
#include "cli/table.hpp"
#include "graph/network_builder.hpp"
#include "loaders/dataset_loader.hpp"
#include "loaders/snapshot.hpp"
#include "support/run_command.hpp"

using namespace castgraph::testing;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr int kExitData = 65;
constexpr std::uint64_t k2To62 = std::uint64_t{1} << 62;
constexpr const char* kLimit = "9223372036854775807";  // 2^63 - 1

// Hosts a, b and c on one platform p, with the files that vary given.
//
//   fan x -follows-> a, fan y -follows-> b   (and whatever `follows` says)
struct SmallDataset {
  TempDir dir;
  fs::path path = dir / "data";
  explicit SmallDataset(const std::string& fans, const std::string& follows = "x,a\ny,b\n",
                        const std::string& fees = "1\n2\n3\n", const std::string& collabs = "") {
    fs::create_directories(path);
    write("platforms.csv", "id,name,population\np,P,1000\n");
    write("bases.csv", "id,name\n");
    std::string hosts = "id,name,fee\n";
    const std::string names = "abc";
    std::size_t at = 0;
    for (char host : names) {
      const std::size_t end = fees.find('\n', at);
      hosts += std::string(1, host) + ",H" + host + "," + fees.substr(at, end - at) + "\n";
      at = end + 1;
    }
    write("broadcasters.csv", hosts);
    write("fanbases.csv", "broadcaster,platform,fans\na,p,1\nb,p,1\nc,p,1\n");
    write("fans.csv", "id,weight\n" + fans);
    write("follows.csv", "fan,broadcaster\n" + follows);
    if (!collabs.empty()) write("collabs.csv", "a,b,weight\n" + collabs);
  }
  void write(const std::string& name, const std::string& text) const {
    dir.write("data/" + name, text);
  }
  CommandResult run(const std::string& command, const std::string& flags = "") const {
    return run_castgraph(command + " " + shell_quote(path.string()) + " " + flags);
  }
};

std::string weight(std::uint64_t value) { return std::to_string(value); }

}  // namespace

TEST_CASE("fan weights summing to exactly 2^63 - 1 give exact answers in every command",
          "[cli][hostile][values]") {
  // x weighs 2^62 + 1 and y 2^62 - 2: the people, the unique reach and the plan's total
  // are 2^63 - 1, the limit. A double holds neither weight: both round to 2^62.
  const SmallDataset data("x," + weight(k2To62 + 1) + "\ny," + weight(k2To62 - 2) + "\n");
  const auto info = data.run("info", "--json");
  REQUIRE(info.status == 0);
  CHECK(json::parse(info.out)["people"].dump() == kLimit);

  const auto reach = data.run("reach", "--hosts a,b --json");
  REQUIRE(reach.status == 0);
  CHECK(json::parse(reach.out)["unique_reach"].dump() == kLimit);
  CHECK(json::parse(reach.out)["gross_reach"].dump() == kLimit);

  const auto rank = data.run("rank", "--by reach --json");
  REQUIRE(rank.status == 0);
  const json ranked = json::parse(rank.out)["hosts"];
  CHECK(ranked[0]["id"] == "a");
  CHECK(ranked[0]["score"].dump() == weight(k2To62 + 1));
  CHECK(ranked[1]["score"].dump() == weight(k2To62 - 2));
  CHECK(ranked[2]["score"].dump() == "0");
  const auto rank_text = data.run("rank", "--by reach");
  CHECK_THAT(rank_text.out, Catch::Contains("4,611,686,018,427,387,905") &&
                                Catch::Contains("4,611,686,018,427,387,902"));

  // plan sums its gains in doubles (algorithms/plan.cpp), exact to 2^53 only: near the
  // limit its figures are right to a double's precision, never wrapped or capped.
  const auto plan = data.run("plan", "--k 2 --json");
  REQUIRE(plan.status == 0);
  const double planned = json::parse(plan.out)["unique_reach"].get<double>();
  CHECK(planned == Approx(9223372036854775807.0).epsilon(1e-15));

  const auto text = data.run("reach", "--hosts a,b");
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Contains("9,223,372,036,854,775,807 (922亿亿)"));

  const auto communities = data.run("communities", "--json");
  REQUIRE(communities.status == 0);
  CHECK_THAT(communities.out, Catch::Contains(weight(k2To62 + 1)));
}

TEST_CASE("fan weights one past 2^63 - 1 are refused at the row where the total passes it",
          "[cli][hostile][values]") {
  const SmallDataset data("x," + weight(k2To62) + "\ny," + weight(k2To62) + "\n");
  const std::string snapshot = "snapshot -o " + shell_quote((data.dir / "x.cgs").string());
  for (const std::string command : {"info", "reach --hosts a,b", "rank --by reach", "plan --k 2",
                                    "communities", "tiers", snapshot.c_str()}) {
    INFO(command);
    const auto result = data.run(command);
    CHECK(result.status == kExitData);
    CHECK_THAT(result.err, Catch::Contains("fans.csv:3:1: the total of the fans' weights passes "
                                           "2^63 - 1"));
    CHECK(result.out.empty());
  }
  SECTION("lenient too: skipping rows would change what the totals mean") {
    const auto result =
        data.run("info", "--lenient --rejects " + shell_quote((data.dir / "rejects.csv").string()));
    CHECK(result.status == kExitData);
    CHECK_THAT(result.err, Catch::Contains("fans.csv:3:1"));
  }
}

TEST_CASE("a fan met only in follows.csv counts 1 towards the people total",
          "[cli][hostile][values]") {
  // fans.csv sums to 2^63 - 2; z, met only in follows.csv, makes it the limit, and w one more.
  const std::string fans = "x," + weight(k2To62) + "\ny," + weight(k2To62 - 2) + "\n";
  const SmallDataset at_limit(fans, "x,a\ny,b\nz,c\n");
  const auto info = at_limit.run("info", "--json");
  REQUIRE(info.status == 0);
  CHECK(json::parse(info.out)["people"].dump() == kLimit);
  const SmallDataset past(fans, "x,a\ny,b\nz,c\nw,c\n");
  const auto result = past.run("info");
  CHECK(result.status == kExitData);
  CHECK_THAT(result.err, Catch::Contains("follows.csv:5:1: the total of the fans' weights passes"));
}

TEST_CASE("the weight of the fans of the follows is bounded too: it bounds gross reach",
          "[cli][hostile][values]") {
  // x weighs 2^62 - 1 and follows a and b, y weighs 1 and follows b: gross reach
  // 2^63 - 1, exact. x following c too makes the follows' weight pass it, at that row.
  const std::string fans = "x," + weight(k2To62 - 1) + "\ny,1\n";
  const SmallDataset at_limit(fans, "x,a\nx,b\ny,b\n");
  const auto reach = at_limit.run("reach", "--hosts a,b --json");
  REQUIRE(reach.status == 0);
  CHECK(json::parse(reach.out)["gross_reach"].dump() == kLimit);
  CHECK(json::parse(reach.out)["unique_reach"].dump() == weight(k2To62));

  const SmallDataset past(fans, "x,a\nx,b\nx,c\n");
  for (const char* command : {"info", "reach --hosts a,b,c"}) {
    INFO(command);
    const auto result = past.run(command);
    CHECK(result.status == kExitData);
    CHECK_THAT(result.err, Catch::Contains("follows.csv:4:1: the total weight of the fans of the "
                                           "follows passes 2^63 - 1"));
  }
}

TEST_CASE(
    "declared fans summing past 2^63 - 1 are refused, and at the limit tiers and info are exact",
    "[cli][hostile][values]") {
  const SmallDataset data("x,1\ny,1\n");
  data.write("fanbases.csv", "broadcaster,platform,fans\na,p," + weight(k2To62) + "\nb,p," +
                                 weight(k2To62 - 1) + "\nc,p,0\n");
  const auto info = data.run("info", "--json");
  REQUIRE(info.status == 0);
  CHECK(json::parse(info.out)["declared_fans"].dump() == kLimit);
  const auto tiers = data.run("tiers", "--json");
  REQUIRE(tiers.status == 0);
  CHECK_THAT(tiers.out, Catch::Contains(kLimit));
  const auto table = data.run("tiers");
  CHECK_THAT(table.out, Catch::Contains("9,223,372,036,854,775,807") && Catch::Contains("922亿亿"));
  const auto export_graphml =
      data.run("export", "-o " + shell_quote((data.dir / "n.graphml").string()));
  REQUIRE(export_graphml.status == 0);
  CHECK_THAT(read_file(data.dir / "n.graphml"), Catch::Contains(weight(k2To62)));

  data.write("fanbases.csv", "broadcaster,platform,fans\na,p," + weight(k2To62) + "\nb,p," +
                                 weight(k2To62 - 1) + "\nc,p,1\n");
  for (const char* command : {"info", "tiers", "rank --by fans"}) {
    INFO(command);
    const auto result = data.run(command);
    CHECK(result.status == kExitData);
    CHECK_THAT(result.err,
               Catch::Contains("fanbases.csv:4:5: the total of the declared fans passes 2^63 - 1"));
  }
}

TEST_CASE("collab weights or fees whose total is not finite are refused at load",
          "[cli][hostile][values]") {
  SECTION("two collab weights that each are finite but sum to infinity") {
    const SmallDataset data("x,1\ny,1\n", "x,a\ny,b\n", "1\n2\n3\n", "a,b,1e308\nb,a,1e308\n");
    const std::string export_json = "export -o " + shell_quote((data.dir / "x.json").string());
    for (const std::string command :
         {"info", "rank --by pagerank", "communities", export_json.c_str()}) {
      INFO(command);
      const auto result = data.run(command);
      CHECK(result.status == kExitData);
      CHECK_THAT(result.err, Catch::Contains("collabs.csv:2:5: the total of the collab weights "
                                             "passes 1e150"));
    }
  }
  SECTION("collab weights just under the limit load, and PageRank stays finite") {
    const SmallDataset data("x,1\ny,1\n", "x,a\ny,b\n", "1\n2\n3\n", "a,b,5e149\nb,c,5e149\n");
    const auto result = data.run("rank", "--by pagerank --json");
    REQUIRE(result.status == 0);
    CHECK_THAT(result.out,
               !Catch::Contains("nan") && !Catch::Contains("inf") && !Catch::Contains("null"));
  }
  SECTION("fees") {
    const SmallDataset data("x,1\ny,1\n", "x,a\ny,b\n", "1e308\n1e308\n1\n");
    const auto result = data.run("plan", "--budget 10");
    CHECK(result.status == kExitData);
    CHECK_THAT(result.err,
               Catch::Contains("broadcasters.csv:2:6: the total of the fees passes 1e150"));
  }
}

TEST_CASE("a snapshot whose values break the CSV's rules is refused though its checksums hold",
          "[cli][hostile][values][snapshot]") {
  // Each network is built without the CSV loader's checks and written as a snapshot, so
  // its checksums are right and only the value rules can catch it.
  using namespace castgraph;
  struct Case {
    const char* what;
    std::uint64_t fans = 5, weight = 1;
    double fee = 10, collab = 1;
    const char* expected;
    const char* reader;  // a command that reads the broken column
  };
  const double inf = std::numeric_limits<double>::infinity();
  const Case cases[] = {
      {"a weight of 2^64 - 1", 5, ~std::uint64_t{0}, 10, 1, "fans.weights: entry 0",
       "reach --hosts a,b"},
      {"weights summing past 2^63 - 1", 5, k2To62, 10, 1, "fans.weights: entry 1: the total",
       "info"},
      {"a fee of -inf", 5, 1, -inf, 1, "broadcasters.fee: entry 0: value must be a finite",
       "plan --budget 100"},
      {"declared fans of 2^64 - 1", ~std::uint64_t{0}, 1, 10, 1, "fanbases.fans: entry 0", "tiers"},
      {"a collab weight of NaN", 5, 1, 10, std::nan(""), "collab_weight: entry 0",
       "rank --by pagerank"},
      {"a collab weight of -1", 5, 1, 10, -1, "collab_weight: entry 0: value must not be neg",
       "communities"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    TempDir dir;
    NetworkBuilder builder;
    const NodeId douyin = *builder.add_platform("dy", "抖音");
    const NodeId a = *builder.add_broadcaster("a", "A", kNoNode, {}, {}, c.fee);
    const NodeId b = *builder.add_broadcaster("b", "B", kNoNode, {}, {}, 10);
    const NodeId fa = *builder.add_fanbase(a, douyin, c.fans);
    const NodeId fb = *builder.add_fanbase(b, douyin, 5);
    builder.add_follow(*builder.add_fan("x", c.weight), fa);
    builder.add_follow(*builder.add_fan("y", c.weight), fb);
    builder.add_collab(a, b, c.collab);
    write_snapshot(std::move(builder).finish(), dir / "bad.cgs");
    const std::string snapshot = shell_quote((dir / "bad.cgs").string());

    const auto checked = run_castgraph("check " + snapshot);
    CHECK(checked.status == kExitData);
    CHECK_THAT(checked.err, Catch::Contains(c.expected));
    CHECK_THAT(checked.err, Catch::Contains("bad.cgs"));
    const auto read = run_castgraph(std::string(c.reader) + " " + snapshot);
    CHECK(read.status == kExitData);
    CHECK_THAT(read.err, Catch::Contains(c.expected));
  }
}

TEST_CASE("a stored sketch section with an impossible precision is refused by check and reach",
          "[cli][hostile][values][snapshot]") {
  // The section's name states its precision; its checksum is right, so only the name's
  // own rule can catch it, and the message names the file and the section.
  using namespace castgraph;
  const Network network = load_dataset(source_path("samples/tiny")).network;
  for (const char* suffix : {"-3", "99", "x", "", "14x", "3"}) {
    INFO(suffix);
    TempDir dir;
    const std::string registers(network.fanbases.size() << 4, '\0');
    const SnapshotExtra extra{std::string("sketches.hll.p") + suffix, 1, registers};
    write_snapshot(network, dir / "bad.cgs", {&extra, 1});
    const std::string snapshot = shell_quote((dir / "bad.cgs").string());
    for (const char* command : {"check", "reach --method sketch --hosts h1,h2"}) {
      INFO(command);
      const auto result = run_castgraph(std::string(command) + " " + snapshot);
      CHECK(result.status == kExitData);
      CHECK_THAT(result.err,
                 Catch::Contains("bad.cgs: snapshot section 'sketches.hll.p" + std::string(suffix) +
                                 "': a sketch precision must be a whole number"));
    }
    CHECK(run_castgraph("tiers " + snapshot).status == 0);  // a command that reads no sketch
  }
  SECTION("a register beyond what its precision allows") {
    TempDir dir;
    FanbaseSketches sketches = build_fanbase_sketches(network, 4);
    std::vector<std::uint8_t> dense(sketches.dense_registers.begin(),
                                    sketches.dense_registers.end());
    REQUIRE(dense.size() > 7);
    dense[7] = 62;  // at precision 4 a register holds at most 61
    sketches.dense_registers = Column(std::move(dense));
    const std::vector<SnapshotExtra> extras = cli::sketch_sections(sketches);
    write_snapshot(network, dir / "bad.cgs", extras);
    const auto result = run_castgraph("check " + shell_quote((dir / "bad.cgs").string()));
    CHECK(result.status == kExitData);
    CHECK_THAT(result.err, Catch::Contains("'sketches.hll.p4': dense register 7 holds 62; at "
                                           "precision 4 a register holds at most 61"));
  }
}

namespace {

// The tiny sample with host h1 renamed `name` and h2 renamed 李佳琦 (wide characters).
struct RenamedHosts {
  TempDir dir;
  fs::path path = dir / "data";
  explicit RenamedHosts(const std::string& name) {
    fs::copy(source_path("samples/tiny"), path, fs::copy_options::recursive);
    std::string hosts = read_file(path / "broadcasters.csv");
    hosts.replace(hosts.find("李佳"), std::string("李佳").size(), "\"" + name + "\"");
    hosts.replace(hosts.find("王小明"), std::string("王小明").size(), "李佳琦");
    dir.write("data/broadcasters.csv", hosts);
  }
};

// No byte the terminal would obey: only printable text and line breaks.
bool terminal_clean(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\n') || byte == 0x7F) return false;
    if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9F)
      return false;                                             // a C1 control
    if (text.compare(i, 3, "\xE2\x80\xAE") == 0) return false;  // RIGHT-TO-LEFT OVERRIDE
  }
  return true;
}

}  // namespace

TEST_CASE("control characters in names are shown escaped in text output, aligned",
          "[cli][hostile][values][terminal]") {
  const std::string hostile =
      "红\x1B[31mred\x1B]0;title\x07\nforged line\r\tx\xC2\x9B"
      "2J\xE2\x80\xAE"
      "txt";
  const RenamedHosts data(hostile);
  const std::string dataset = shell_quote(data.path.string());
  const std::string shown = "红\\e[31mred\\e]0;title\\x07\\nforged line\\r\\tx\\u009B2J\\u202Etxt";
  for (const char* command : {"rank --by fans --top 0", "plan --k 2", "communities",
                              "overlap --hosts h1,h2", "reach --hosts h1,h2"}) {
    INFO(command);
    const auto result = run_castgraph(std::string(command) + " " + dataset);
    REQUIRE(result.status == 0);
    CHECK(terminal_clean(result.out));
    if (std::string(command) != "overlap --hosts h1,h2")
      CHECK_THAT(result.out, Catch::Contains(shown));
  }
  SECTION("the rank table's columns still line up, with wide characters beside the escapes") {
    const auto result = run_castgraph("rank --by fans --top 0 " + dataset);
    std::vector<std::string> lines;
    std::istringstream in(result.out);
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line.find("Hosts by") != 0) lines.push_back(line);
    REQUIRE(lines.size() == 10);  // header, rule, 8 hosts
    // The last column is right-aligned, so every line ends at the same display column.
    for (const std::string& line : lines) {
      INFO(line);
      CHECK(castgraph::cli::display_width(line) == castgraph::cli::display_width(lines[0]));
    }
  }
  SECTION("errors that quote a field or an argument escape it too") {
    const auto usage = run_castgraph("reach " + dataset + " --hosts " + shell_quote("\x1B[2Jzz"));
    CHECK(usage.status == 2);
    CHECK(terminal_clean(usage.err));
    CHECK_THAT(usage.err, Catch::Contains("\\e[2Jzz"));
    const auto flag = run_castgraph("tiers " + dataset + " --by " + shell_quote("\x1B[31mX"));
    CHECK(flag.status == 2);
    CHECK(terminal_clean(flag.err));
    CHECK_THAT(flag.err, Catch::Contains("--by: \\e[31mX not in"));
    fs::remove(data.path / "collabs.csv");
    data.dir.write("data/collabs.csv", "a,b\nh1,\"\x1B]0;x\x07\"\n");
    const auto bad = run_castgraph("info " + dataset);
    CHECK(bad.status == kExitData);
    CHECK(terminal_clean(bad.err));
    CHECK_THAT(bad.err, Catch::Contains("unknown broadcaster '\\e]0;x\\x07'"));
  }
}

namespace {

// True when an independent parser (xmllint) reads `file` as well-formed XML.
bool well_formed_xml(const fs::path& file) {
  return std::system(("xmllint --noout " + shell_quote(file.string()) + " 2>/dev/null").c_str()) ==
         0;
}

// Characters XML 1.0 cannot hold at all, even as a reference.
bool holds_xml_forbidden(const std::string& text) {
  for (unsigned char byte : text)
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') return true;
  return text.find("\xEF\xBF\xBE") != std::string::npos ||
         text.find("\xEF\xBF\xBF") != std::string::npos;
}

}  // namespace

TEST_CASE("control characters in names leave every SVG, HTML and XML output well-formed",
          "[cli][hostile][values][xml]") {
  REQUIRE(std::system("command -v xmllint >/dev/null") == 0);
  const RenamedHosts data("李\x01\x1B[31m\x0C\x7F\xEF\xBF\xBE佳\nx");
  const std::string dataset = shell_quote(data.path.string());
  TempDir out;
  for (const std::string view : {"network", "hosts", "communities", "ego --ego h1"}) {
    INFO(view);
    const fs::path svg = out / (view.substr(0, view.find(' ')) + ".svg");
    REQUIRE(
        run_castgraph("render " + dataset + " --view " + view + " -o " + shell_quote(svg.string()))
            .status == 0);
    CHECK(well_formed_xml(svg));
    CHECK_FALSE(holds_xml_forbidden(read_file(svg)));
  }
  for (const char* name : {"e.graphml", "e.gexf"}) {
    INFO(name);
    REQUIRE(
        run_castgraph("export " + dataset + " -o " + shell_quote((out / name).string())).status ==
        0);
    CHECK(well_formed_xml(out / name));
  }
  SECTION("the HTML report, and each SVG it inlines") {
    const fs::path html = out / "r.html";
    REQUIRE(run_castgraph("report " + dataset + " -o " + shell_quote(html.string())).status == 0);
    const std::string page = read_file(html);
    CHECK_FALSE(holds_xml_forbidden(page));
    std::size_t svgs = 0;
    for (std::size_t at = page.find("<svg"); at != std::string::npos;
         at = page.find("<svg", at + 1)) {
      const std::size_t end = page.find("</svg>", at);
      REQUIRE(end != std::string::npos);
      const fs::path piece = out.write("piece.svg", page.substr(at, end + 6 - at));
      CHECK(well_formed_xml(piece));
      ++svgs;
    }
    CHECK(svgs > 0);
  }
}

TEST_CASE("huge and tiny fees print as what they are in plan and report",
          "[cli][hostile][values]") {
  // 1e19 is past 2^63 (where a conversion to a 64-bit integer is undefined: it printed
  // 9,223,372,036,854,775,808), 1e100 past 2^64, 5e-324 the least double above 0.
  const SmallDataset data("x,1\ny,1\n", "x,a\ny,b\nx,c\n", "1e19\n1e100\n5e-324\n");
  const auto plan = data.run("plan", "--k 3");
  REQUIRE(plan.status == 0);
  CHECK_THAT(plan.out, Catch::Contains("1.00e+19") && Catch::Contains("1.00e+100") &&
                           !Catch::Contains("9,223,372,036,854,775,808") &&
                           !Catch::Contains("18,446,744,073,709,551,615"));
  const auto budget = data.run("plan", "--budget 1e18");
  REQUIRE(budget.status == 0);
  CHECK_THAT(budget.out, Catch::Contains("a budget of 1.00e+18 yuan"));
  TempDir out;
  const auto report = data.run("report", "--k 3 -o " + shell_quote((out / "r.html").string()));
  REQUIRE(report.status == 0);
  const std::string page = read_file(out / "r.html");
  CHECK_THAT(page, Catch::Contains("1.00e+19") && Catch::Contains("1.00e+100") &&
                       !Catch::Contains("9,223,372,036,854,775,808") &&
                       !Catch::Contains("18,446,744,073,709,551,615"));
}
