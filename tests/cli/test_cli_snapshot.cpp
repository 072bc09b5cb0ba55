#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/snapshot_layout.hpp"

using namespace castgraph::testing;
using nlohmann::json;

TEST_CASE("every command reads a snapshot as it reads the CSV directory", "[cli][snapshot]") {
  TempDir dir;
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string snapshot = shell_quote((dir / "tiny.cgs").string());
  const auto made = run_castgraph("snapshot " + tiny + " -o " + snapshot);
  REQUIRE(made.status == 0);
  CHECK_THAT(made.err, Catch::Contains("wrote"));

  for (const std::string command : {"info", "tiers"}) {
    const auto from_csv = run_castgraph(command + " " + tiny + " --json");
    const auto from_snapshot = run_castgraph(command + " " + snapshot + " --json");
    REQUIRE(from_snapshot.status == 0);
    CHECK(json::parse(from_snapshot.out) == json::parse(from_csv.out));
  }
}

TEST_CASE("snapshot refuses to overwrite its input and rejects files that are not snapshots",
          "[cli][snapshot]") {
  TempDir dir;
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string snapshot = shell_quote((dir / "tiny.cgs").string());
  REQUIRE(run_castgraph("snapshot " + tiny + " -o " + snapshot).status == 0);
  const auto same = run_castgraph("snapshot " + snapshot + " -o " + snapshot);
  CHECK(same.status == 2);
  CHECK_THAT(same.err, Catch::Contains("is the input"));

  const auto csv_file = dir.write("platforms.csv", "id,name\n");
  const auto not_snapshot = run_castgraph("info " + shell_quote(csv_file.string()));
  CHECK(not_snapshot.status == 2);
  CHECK_THAT(not_snapshot.err, Catch::Contains("not a castgraph snapshot"));
}

// A snapshot is checked as far as it is read: damage to the followers is refused by a
// reach query, which reads them, and changes nothing for `tiers`, which does not.
TEST_CASE("a damaged section is refused by the command that reads it, and only by it",
          "[cli][snapshot]") {
  TempDir dir;
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  REQUIRE(run_castgraph("snapshot " + tiny + " -o " + shell_quote((dir / "tiny.cgs").string()))
              .status == 0);
  const std::string intact = shell_quote((dir / "tiny.cgs").string());
  const std::string damaged =
      shell_quote(dir.write("damaged.cgs",
                            with_damaged_section(read_file(dir / "tiny.cgs"), "followers.targets"))
                      .string());

  const auto reach = run_castgraph("reach " + damaged + " --hosts h1,h2 --json");
  CHECK(reach.status == 65);
  CHECK_THAT(reach.err, Catch::Contains("damaged.cgs") &&
                            Catch::Contains("not a usable castgraph snapshot") &&
                            Catch::Contains("section 'followers.targets' is corrupted"));
  CHECK(reach.out.empty());
  const auto tiers = run_castgraph("tiers " + damaged + " --json");
  CHECK(tiers.status == 0);
  CHECK(tiers.out == run_castgraph("tiers " + intact + " --json").out);
}

TEST_CASE("damaged stored sketches are refused by the query that reads them, and only by it",
          "[cli][snapshot]") {
  TempDir dir;
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  REQUIRE(run_castgraph("snapshot " + tiny + " -o " + shell_quote((dir / "tiny.cgs").string()))
              .status == 0);
  // The tiny sample's fanbases are all small: their sketches are rebuilt from the follows,
  // and what is stored is each fanbase's form (dense_slot) and offsets.
  const std::string path =
      shell_quote(dir.write("damaged.cgs", with_damaged_section(read_file(dir / "tiny.cgs"),
                                                                "sketches.hll.p14.dense_slot"))
                      .string());
  CHECK(run_castgraph("info " + path).status == 0);
  CHECK(run_castgraph("reach " + path + " --hosts h1,h2 --json").status == 0);
  const auto sketched = run_castgraph("reach " + path + " --hosts h1,h2 --method sketch --json");
  CHECK(sketched.status == 65);
  CHECK_THAT(sketched.err, Catch::Contains("section 'sketches.hll.p14.dense_slot' is corrupted"));
}

TEST_CASE(
    "a snapshot stores reach sketches that give the same estimate as sketches built from follows",
    "[cli][snapshot]") {
  TempDir dir;
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const std::string snapshot = shell_quote((dir / "tiny.cgs").string());
  const std::string bare = shell_quote((dir / "bare.cgs").string());
  REQUIRE(run_castgraph("snapshot " + tiny + " -o " + snapshot).status == 0);
  REQUIRE(run_castgraph("snapshot " + tiny + " -o " + bare + " --no-sketches").status == 0);
  CHECK(std::filesystem::file_size(dir / "tiny.cgs") >
        std::filesystem::file_size(dir / "bare.cgs"));

  const std::string query = " --hosts h1,h2,h7 --method sketch --json";
  const auto stored = run_castgraph("reach " + snapshot + query);
  const auto built = run_castgraph("reach " + tiny + query);
  const auto rebuilt = run_castgraph("reach " + bare + query);
  REQUIRE(stored.status == 0);
  CHECK(json::parse(stored.out)["unique_reach"] == json::parse(built.out)["unique_reach"]);
  CHECK(json::parse(rebuilt.out)["unique_reach"] == json::parse(built.out)["unique_reach"]);
}

TEST_CASE("check reads a whole snapshot and finds damage no other command has read",
          "[cli][snapshot]") {
  TempDir dir;
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  REQUIRE(run_castgraph("snapshot " + tiny + " -o " + shell_quote((dir / "tiny.cgs").string()))
              .status == 0);
  const auto intact =
      run_castgraph("check " + shell_quote((dir / "tiny.cgs").string()) + " --json");
  CHECK(intact.status == 0);
  CHECK(json::parse(intact.out)["sound"] == true);
  CHECK(json::parse(intact.out)["extra_sections"] == 4);  // the stored sketches' four parts
  CHECK(run_castgraph("check " + tiny).status == 0);

  for (const char* section : {"fans.city.codes", "collab_weight", "sketches.hll.p14.dense_slot",
                              "sketches.hll.p14.sparse_offsets"}) {
    INFO(section);
    const std::string damaged = shell_quote(
        dir.write("damaged.cgs", with_damaged_section(read_file(dir / "tiny.cgs"), section))
            .string());
    CHECK(run_castgraph("tiers " + damaged).status == 0);
    const auto checked = run_castgraph("check " + damaged);
    CHECK(checked.status == 65);
    CHECK_THAT(checked.err, Catch::Contains(std::string("section '") + section + "' is corrupted"));
    CHECK(checked.out.empty());
  }
}
