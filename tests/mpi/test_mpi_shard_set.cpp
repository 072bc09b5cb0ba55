// Shard sets (mpi/shard_set.hpp): castgraph-mpi snapshot writes one snapshot per rank and
// a manifest; commands opened on the set print what castgraph prints on the CSV files,
// byte for byte, at 1 to 4 ranks. A set for another number of ranks, a damaged or foreign
// shard, a broken manifest and a rank failing while the set is written each end every
// rank with one message and a documented status, never a hang (run_mpi's timeout gives
// 124), and leave no partial set.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/run_mpi.hpp"

using castgraph::testing::CommandResult;
using castgraph::testing::first_line;
using castgraph::testing::mpirun_command;
using castgraph::testing::read_file;
using castgraph::testing::run_castgraph;
using castgraph::testing::run_mpi;
using castgraph::testing::run_program;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::TempDir;

namespace fs = std::filesystem;

namespace {

// `command` with every "DATASET" replaced by `dataset` (already quoted).
std::string with_dataset(std::string command, const std::string& dataset) {
  for (std::size_t at; (at = command.find("DATASET")) != std::string::npos;)
    command.replace(at, 7, dataset);
  return command;
}

// For 1 to 4 ranks: a shard set of the CSV dataset `data`, then each command on it prints
// what castgraph prints on `data` itself, and succeeds.
void expect_shards_answer_as_castgraph(const std::string& data,
                                       const std::vector<std::string>& commands) {
  std::vector<CommandResult> reference;
  for (const std::string& command : commands) {
    reference.push_back(run_castgraph(with_dataset(command, shell_quote(data))));
    INFO("castgraph " << command << "\n" << reference.back().err);
    REQUIRE(reference.back().status == 0);
  }
  for (int ranks = 1; ranks <= 4; ++ranks) {
    const TempDir dir;
    const std::string shards = shell_quote((dir / "shards").string());
    const CommandResult written = run_mpi(ranks, "snapshot " + shell_quote(data) + " -o " + shards);
    INFO("snapshot on " << ranks << " ranks: " << written.err);
    REQUIRE(written.status == 0);
    CHECK(written.out.empty());
    CHECK(written.err.find("castgraph-mpi: wrote the shard set") == 0);
    for (std::size_t c = 0; c < commands.size(); ++c) {
      const CommandResult many = run_mpi(ranks, with_dataset(commands[c], shards));
      INFO("castgraph-mpi " << commands[c] << " on " << ranks << " ranks\n" << many.err);
      CHECK(many.status == 0);
      CHECK(many.out == reference[c].out);
    }
  }
}

std::string snapshot_command(const std::string& data, const fs::path& output) {
  return "snapshot " + shell_quote(data) + " -o " + shell_quote(output.string());
}

// Every entry of `directory`, by name.
std::vector<std::string> entries(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The data of the snapshot section named `name` in `file`: its offset and length, read
// from the section table as snapshot.hpp lays it out (64-byte header; section count at
// byte 24; 72-byte entries from byte 64: 40-byte name, element size, reserved, offset,
// bytes), independently of the reader under test.
std::pair<std::uint64_t, std::uint64_t> section(const std::string& file, const std::string& name) {
  std::uint64_t count = 0;
  std::memcpy(&count, file.data() + 24, 8);
  for (std::uint64_t i = 0; i < count; ++i) {
    const char* entry = file.data() + 64 + 72 * i;
    if (std::string(entry, strnlen(entry, 40)) != name) continue;
    std::uint64_t offset = 0, bytes = 0;
    std::memcpy(&offset, entry + 48, 8);
    std::memcpy(&bytes, entry + 56, 8);
    return {offset, bytes};
  }
  return {0, 0};
}

// The failure every rank count must end with: `status`, one line naming `words`, no output.
void expect_failure(const CommandResult& result, int status, const std::string& words) {
  INFO(result.err);
  CHECK(result.status == status);
  CHECK(first_line(result.err).find(words) != std::string::npos);
  CHECK(result.out.empty());
}

}  // namespace

TEST_CASE(
    "castgraph-mpi answers from its shard set as castgraph does from the CSV, on samples/tiny") {
  // 1 to 4 ranks over 10-odd fans: some ranks' shards hold no fan.
  expect_shards_answer_as_castgraph(
      source_path("samples/tiny"),
      {"info DATASET --json", "reach DATASET --hosts h1,h2,h7 --platform douyin --json",
       "overlap DATASET --hosts h1,h2,h7 --json", "plan DATASET --k 3 --json"});
}

TEST_CASE("castgraph-mpi answers from its shard set as castgraph does, on a generated panel") {
  TempDir dir;
  const std::string data = (dir / "panel").string();
  REQUIRE(run_castgraph("generate --preset tiny --scale 0.02 --seed 5 -o " + shell_quote(data))
              .status == 0);
  expect_shards_answer_as_castgraph(
      data, {"info DATASET --json",
             "reach DATASET --hosts h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,h11,h12 --method sketch --json",
             "reach DATASET --hosts h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,h11,h12 --region 辽宁 --by city "
             "--json",
             "overlap DATASET --top 5 --json", "plan DATASET --k 6 --platform p1 --json"});
}

TEST_CASE("castgraph-mpi refuses a shard set written for another number of ranks") {
  TempDir dir;
  const std::string tiny = source_path("samples/tiny");
  REQUIRE(run_mpi(2, snapshot_command(tiny, dir / "shards")).status == 0);
  CHECK(entries(dir / "shards") == std::vector<std::string>{"castgraph-mpi-shards.json",
                                                            "shard-0-of-2.cgs",
                                                            "shard-1-of-2.cgs"});
  const std::string reach =
      "reach " + shell_quote((dir / "shards").string()) + " --hosts h1 --json";
  for (int ranks : {1, 3})
    expect_failure(run_mpi(ranks, reach), 2,
                   "is a shard set for 2 ranks, and castgraph-mpi runs on");
}

TEST_CASE("castgraph-mpi refuses a damaged, foreign or missing shard on every rank, at open") {
  TempDir dir;
  const std::string tiny = source_path("samples/tiny");
  const fs::path shards = dir / "shards";
  REQUIRE(run_mpi(3, snapshot_command(tiny, shards)).status == 0);
  const std::string info = "info " + shell_quote(shards.string()) + " --json";
  REQUIRE(run_mpi(3, info).status == 0);

  // One byte of rank 1's follows flipped: its chunk's checksum no longer matches.
  const fs::path shard_1 = shards / "shard-1-of-3.cgs";
  const std::string intact = read_file(shard_1);
  std::string damaged = intact;
  const auto [offset, bytes] = section(damaged, "follows.targets");
  REQUIRE(bytes > 0);
  damaged[offset + bytes / 2] ^= 0x20;
  dir.write("shards/shard-1-of-3.cgs", damaged);
  expect_failure(run_mpi(3, info), 65, "shard-1-of-3.cgs");
  expect_failure(run_mpi(3, info), 65, "is corrupted");

  // Truncated: refused at open by the snapshot's own header.
  dir.write("shards/shard-1-of-3.cgs", intact.substr(0, intact.size() / 2));
  expect_failure(run_mpi(3, info), 65, "truncated");

  // Rank 1's shard of another dataset's set: sound by itself, but not the one named.
  TempDir other;
  REQUIRE(run_mpi(3, snapshot_command(source_path("samples/liaoning"), other / "shards")).status ==
          0);
  fs::copy_file(other / "shards" / "shard-1-of-3.cgs", shard_1,
                fs::copy_options::overwrite_existing);
  expect_failure(run_mpi(3, info), 65, "not the shard the set's manifest names");

  fs::remove(shard_1);
  expect_failure(run_mpi(3, info), 74, "shard-1-of-3.cgs");

  dir.write("shards/shard-1-of-3.cgs", intact);
  REQUIRE(run_mpi(3, info).status == 0);
  dir.write("shards/castgraph-mpi-shards.json", "{\"format\": \"castgraph-mpi shard set\"");
  expect_failure(run_mpi(3, info), 65, "not a usable castgraph-mpi shard-set manifest");
}

TEST_CASE(
    "castgraph-mpi snapshot leaves no partial set when a rank fails, and replaces a set whole") {
  TempDir dir;
  const std::string tiny = source_path("samples/tiny");
  const fs::path shards = dir / "shards";
  const TempDir session;
  const std::string failing_rank_2 = "CASTGRAPH_MPI_FAIL_WRITE_RANK=2 " +
                                     mpirun_command(3, session, shell_quote(CASTGRAPH_MPI_BINARY));

  // No set before: none after, and no staging directory beside it.
  expect_failure(run_program(failing_rank_2, snapshot_command(tiny, shards)), 74,
                 "CASTGRAPH_MPI_FAIL_WRITE_RANK");
  CHECK(entries(dir.path()).empty());

  // A set for 4 ranks before: the same files after the failure.
  REQUIRE(run_mpi(4, snapshot_command(tiny, shards)).status == 0);
  const std::vector<std::string> four = entries(shards);
  CHECK(four.size() == 5);
  const std::string manifest = read_file(shards / "castgraph-mpi-shards.json");
  expect_failure(run_program(failing_rank_2, snapshot_command(tiny, shards)), 74,
                 "CASTGRAPH_MPI_FAIL_WRITE_RANK");
  CHECK(entries(dir.path()) == std::vector<std::string>{"shards"});
  CHECK(entries(shards) == four);
  CHECK(read_file(shards / "castgraph-mpi-shards.json") == manifest);

  // Replaced by a set for 2 ranks: the 4 old shards go, a file of the user's stays.
  dir.write("shards/notes.txt", "mine\n");
  REQUIRE(run_mpi(2, snapshot_command(tiny, shards)).status == 0);
  CHECK(entries(shards) == std::vector<std::string>{"castgraph-mpi-shards.json", "notes.txt",
                                                    "shard-0-of-2.cgs", "shard-1-of-2.cgs"});
  CHECK(entries(dir.path()) == std::vector<std::string>{"shards"});

  // A directory that holds something else is not replaced.
  fs::create_directory(dir / "other");
  dir.write("other/data.csv", "a,b\n");
  expect_failure(run_mpi(2, snapshot_command(tiny, dir / "other")), 2, "holds no shard set");
  CHECK(entries(dir / "other") == std::vector<std::string>{"data.csv"});
}
