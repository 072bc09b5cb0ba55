// Hostile and malformed input through the castgraph binary: every case ends in a clear
// message that names the file (and line and column where there is one), a non-zero
// exit status, and no more memory than a bound, instead of a crash, a hang or an answer.
// Each case copies samples/tiny and breaks one file of the copy. The validation rules of
// the format itself are tested in tests/loaders/test_dataset_loader.cpp.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/run_command.hpp"

using namespace castgraph::testing;
namespace fs = std::filesystem;

namespace {

constexpr int kExitUsage = 2, kExitData = 65, kExitIo = 74;

// The sample dataset, copied so that a test may break it.
struct BrokenDataset {
  TempDir dir;
  fs::path path = dir / "data";
  BrokenDataset() { fs::copy(source_path("samples/tiny"), path, fs::copy_options::recursive); }
  fs::path file(const char* name) const { return path / name; }
  // Appends `extra` to one file of the copy (every sample file ends in a line break).
  void append(const char* name, const std::string& extra) const {
    dir.write(std::string("data/") + name, read_file(file(name)) + extra);
  }
  void replace(const char* name, const std::string& text) const {
    dir.write(std::string("data/") + name, text);
  }
};

// `castgraph info DATASET` with its address space capped at 512 MiB, far below what a
// program that held the 100 MB line several times over, or 10^7 fields, would need.
// ASan reserves terabytes of address space for its shadow, so under ASan no cap is set.
CommandResult info_bounded(const fs::path& dataset) {
#if defined(__SANITIZE_ADDRESS__)
  const std::string prefix;
#else
  const std::string prefix = "ulimit -v 524288; exec ";
#endif
  return run_castgraph("info " + shell_quote(dataset.string()), prefix);
}

enum class Edit { append, replace };

// Breaks one file of a fresh copy of the sample (appends `text` to it, or replaces it),
// runs info on the copy, and checks the data-error status and that the message contains
// `expected`, e.g. "file.csv:line:column: reason". Returns the run for further checks.
CommandResult expect_data_error(const char* name, const std::string& text,
                                const std::string& expected, Edit edit = Edit::append) {
  BrokenDataset data;
  if (edit == Edit::append)
    data.append(name, text);
  else
    data.replace(name, text);
  const auto result = info_bounded(data.path);
  CHECK(result.status == kExitData);
  CHECK_THAT(result.err, Catch::Contains(expected));
  return result;
}

}  // namespace

// fanbases.csv of the sample has 11 lines, so an appended row is line 12.

TEST_CASE("a NUL byte is refused at its line and column", "[cli][hostile]") {
  expect_data_error("fanbases.csv",
                    std::string("h8,momo,1\0"
                                "2,x\n",
                                14),
                    "fanbases.csv:12:10: NUL byte");
}

TEST_CASE("a 100 MB line is refused at its over-long field, in bounded memory", "[cli][hostile]") {
  expect_data_error("fanbases.csv", "h8,momo,1," + std::string(100'000'000, 'x') + "\n",
                    "fanbases.csv:12:11: a field of 100000000 bytes");
}

TEST_CASE("a row or a header of 10^7 columns is refused at the first column too many",
          "[cli][hostile]") {
  const std::string columns(10'000'000, ',');
  SECTION("a row") {
    expect_data_error("fanbases.csv", columns + "\n",
                      "fanbases.csv:12:16385: more than 16384 fields in one record");
  }
  SECTION("the header") {
    expect_data_error("platforms.csv", "id,name" + columns + "\n",
                      "platforms.csv:1:16391: more than 16384 fields", Edit::replace);
  }
}

TEST_CASE("a field of 10^7 doubled quotes is too long, and one quote more never closes",
          "[cli][hostile]") {
  const std::string quotes(20'000'000, '"');
  SECTION("balanced: a quoted field holding 10^7 quote characters") {
    expect_data_error("fanbases.csv", "h8,momo,1,\"" + quotes + "\"\n",
                      "fanbases.csv:12:11: a field of 10000000 bytes");
  }
  SECTION("unbalanced: the field runs to the end of the file") {
    expect_data_error("fanbases.csv", "h8,momo,1,\"" + quotes + "\n",
                      "fanbases.csv:12:11: unterminated quoted field");
  }
}

TEST_CASE("a fan id of 1 MB is refused, and the message does not repeat it", "[cli][hostile]") {
  const auto result = expect_data_error("follows.csv", std::string(1 << 20, 'f') + ",h1,douyin\n",
                                        "follows.csv:31:1: a field of 1048576 bytes");
  CHECK(result.err.size() < 1000);
}

TEST_CASE("a dataset that is a plain file, or a file inside where a folder belongs, is named",
          "[cli][hostile]") {
  BrokenDataset data;
  const auto result = info_bounded(data.file("platforms.csv"));
  CHECK(result.status == kExitUsage);
  CHECK_THAT(result.err, Catch::Contains("platforms.csv is a file but not a castgraph snapshot"));

  const auto below = info_bounded(data.file("platforms.csv") / "more");
  CHECK(below.status == kExitIo);
  CHECK_THAT(below.err, Catch::Contains("platforms.csv/more: no such dataset directory"));
}

TEST_CASE("missing, empty and directory-shaped files are named", "[cli][hostile]") {
  SECTION("a missing required file") {
    BrokenDataset data;
    fs::remove(data.file("bases.csv"));
    const auto result = info_bounded(data.path);
    CHECK(result.status == kExitData);
    CHECK_THAT(result.err,
               Catch::Contains("bases.csv") && Catch::Contains("missing required file"));
  }
  SECTION("an empty file, required or optional") {
    for (const char* name : {"platforms.csv", "follows.csv"})
      expect_data_error(name, "", std::string(name) + ":1:1: empty file: no header row",
                        Edit::replace);
  }
  SECTION("a directory where a file belongs") {
    BrokenDataset data;
    fs::remove(data.file("collabs.csv"));
    fs::create_directory(data.file("collabs.csv"));
    const auto result = info_bounded(data.path);
    CHECK(result.status == kExitIo);
    CHECK_THAT(result.err, Catch::Contains("collabs.csv: is a directory"));
  }
}

TEST_CASE("a symlink loop or a dangling symlink is an error, never a silently absent file",
          "[cli][hostile]") {
  // follows.csv and fans.csv are optional: skipping them would quietly change every
  // reach answer, so a name that exists but cannot be opened must be reported.
  SECTION("a loop") {
    BrokenDataset data;
    fs::remove(data.file("follows.csv"));
    fs::create_symlink("loop_b.csv", data.file("follows.csv"));
    fs::create_symlink("follows.csv", data.file("loop_b.csv"));
    const auto result = info_bounded(data.path);
    CHECK(result.status == kExitIo);
    CHECK_THAT(result.err, Catch::Contains("follows.csv: Too many levels of symbolic links"));
  }
  SECTION("a dangling link") {
    BrokenDataset data;
    fs::remove(data.file("fans.csv"));
    fs::create_symlink("nowhere.csv", data.file("fans.csv"));
    const auto result = info_bounded(data.path);
    CHECK(result.status == kExitIo);
    CHECK_THAT(result.err, Catch::Contains("fans.csv: No such file or directory"));
  }
}

TEST_CASE("an unreadable file is an I/O error naming it", "[cli][hostile]") {
  BrokenDataset data;
  fs::permissions(data.file("broadcasters.csv"), fs::perms::none);
  if (::access(data.file("broadcasters.csv").c_str(), R_OK) == 0) {
    WARN("skipped: this user (root?) reads files whatever their permissions");
    return;
  }
  const auto result = info_bounded(data.path);
  CHECK(result.status == kExitIo);
  CHECK_THAT(result.err, Catch::Contains("broadcasters.csv: Permission denied"));
}

TEST_CASE("a truncated snapshot is refused by the command, naming the file", "[cli][hostile]") {
  BrokenDataset data;
  const fs::path snapshot = data.dir / "tiny.cgs";
  REQUIRE(run_castgraph("snapshot " + shell_quote(data.path.string()) + " -o " +
                        shell_quote(snapshot.string()))
              .status == 0);
  const std::string bytes = read_file(snapshot);
  for (std::size_t size : {std::size_t{0}, std::size_t{8}, std::size_t{100}, bytes.size() / 2}) {
    INFO("cut to " << size << " bytes");
    data.dir.write("cut.cgs", bytes.substr(0, size));
    const auto result = info_bounded(data.dir / "cut.cgs");
    CHECK(result.status != 0);
    CHECK_THAT(result.err, Catch::Contains("cut.cgs"));
  }
}

TEST_CASE(
    "an output that is an input, by name, symlink or hard link, is refused before anything is "
    "written",
    "[cli][hostile]") {
  BrokenDataset data;
  const std::string dataset = shell_quote(data.path.string());
  const std::string follows = read_file(data.file("follows.csv"));
  data.append("fanbases.csv", "h9,douyin,1\n");  // a bad row, so --lenient has rejects to write

  const auto rejects = run_castgraph("info " + dataset + " --lenient --rejects " +
                                     shell_quote(data.file("follows.csv").string()));
  CHECK(rejects.status == kExitUsage);
  CHECK_THAT(rejects.err, Catch::Contains("choose another --rejects"));

  fs::create_hard_link(data.file("follows.csv"), data.dir / "hard.dot");
  fs::create_symlink(data.file("follows.csv"), data.dir / "soft.graphml");
  for (const char* output : {"hard.dot", "soft.graphml"}) {
    INFO(output);
    const auto exported =
        run_castgraph("export " + dataset + " -o " + shell_quote((data.dir / output).string()));
    CHECK(exported.status == kExitUsage);
    CHECK_THAT(exported.err, Catch::Contains("is an input"));
  }
  CHECK(read_file(data.file("follows.csv")) == follows);
}
