// The dataset cache (loaders/dataset_cache.hpp) through the binary: a second run on an
// unchanged CSV directory maps the snapshot the first wrote and answers byte for byte as
// the CSV does (compared with --no-cache, which reads the CSV); any change to a file,
// even one that keeps its size and mtime, misses; and nothing the cache does can fail a
// command. Every case uses a cache directory of its own (XDG_CACHE_HOME), never ~/.cache.
// reach runs here take --load full: the focused load of a few hosts writes no entry
// (test_cli_focused_load.cpp).
#include <fcntl.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/run_command.hpp"

using namespace castgraph::testing;
namespace fs = std::filesystem;

namespace {

// A copy of a sample dataset and a cache directory, both removed at the end.
struct CachedDataset {
  TempDir dir;
  fs::path data = dir / "data";
  fs::path cache_home = dir / "cache";
  explicit CachedDataset(const std::string& sample = "samples/tiny") {
    fs::copy(source_path(sample), data, fs::copy_options::recursive);
  }
  // Runs castgraph with this case's cache, DATA standing for the dataset's path.
  CommandResult run(std::string arguments, const std::string& extra_env = "") const {
    const std::string quoted = shell_quote(data.string());
    for (std::size_t at; (at = arguments.find("DATA")) != std::string::npos;)
      arguments.replace(at, 4, quoted);
    return run_castgraph(
        arguments, "XDG_CACHE_HOME=" + shell_quote(cache_home.string()) + " " + extra_env + " ");
  }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> found;
    std::error_code error;
    for (fs::directory_iterator it(cache_home / "castgraph", error), end; !error && it != end;
         it.increment(error))
      found.push_back(it->path());
    return found;
  }
};

// Replaces the first `from` in `file` with `to` (of the same size), keeping the file's
// size and restoring its modification time to the nanosecond.
void edit_keeping_size_and_mtime(const fs::path& file, const std::string& from,
                                 const std::string& to) {
  REQUIRE(from.size() == to.size());
  struct stat before {};
  REQUIRE(::stat(file.c_str(), &before) == 0);
  std::string content = read_file(file);
  const auto at = content.find(from);
  REQUIRE(at != std::string::npos);
  content.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
  struct stat after {};
  REQUIRE(::stat(file.c_str(), &after) == 0);
  REQUIRE(after.st_size == before.st_size);
  REQUIRE(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
  REQUIRE(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
}

}  // namespace

TEST_CASE("a CSV directory read again opens from the cache and answers as the CSV does",
          "[cli][cache]") {
  CachedDataset dataset("samples/liaoning");
  const auto first = dataset.run("info DATA --json --verbose");
  REQUIRE(first.status == 0);
  CHECK_THAT(first.err, Catch::Contains("cache: miss") && Catch::Contains("cache: wrote"));
  REQUIRE(dataset.entries().size() == 1);

  for (const std::string command :
       {"info DATA --json", "reach DATA --hosts h1,h2,h3,h11655 --json",
        "reach DATA --hosts h1,h2 --method sketch --json", "overlap DATA --hosts h1,h2,h3 --json",
        "rank DATA --by reach --top 20 --json", "tiers DATA --json",
        "reach DATA --hosts h1,h2 --exclude-suspicious --json"}) {
    const auto from_csv = dataset.run(command + " --no-cache");
    const auto from_cache = dataset.run(command + " --verbose");
    INFO(command);
    REQUIRE(from_csv.status == 0);
    CHECK_THAT(from_cache.err, Catch::Contains("cache: hit"));
    CHECK(from_cache.status == 0);
    CHECK(from_cache.out == from_csv.out);
  }
  CHECK(dataset.entries().size() == 1);
}

TEST_CASE("with --no-cache the CSV is read and nothing is written to the cache", "[cli][cache]") {
  CachedDataset dataset;
  const auto run = dataset.run("info DATA --no-cache --verbose");
  CHECK(run.status == 0);
  CHECK_THAT(run.err,
             Catch::Contains(
                 "cache: not used (--no-cache, or a command that reads the files themselves)"));
  CHECK(dataset.entries().empty());
}

TEST_CASE("touching a dataset file misses the cache", "[cli][cache]") {
  CachedDataset dataset;
  REQUIRE(dataset.run("reach DATA --hosts h1 --json --load full").status == 0);
  const auto hit = dataset.run("reach DATA --hosts h1 --json --load full --verbose");
  CHECK_THAT(hit.err, Catch::Contains("cache: hit"));
  REQUIRE(run_program("touch", shell_quote((dataset.data / "follows.csv").string())).status == 0);
  const auto touched = dataset.run("reach DATA --hosts h1 --json --load full --verbose");
  CHECK(touched.status == 0);
  CHECK_THAT(touched.err, Catch::Contains("cache: miss"));
  CHECK(touched.out == hit.out);
}

// fans.csv of samples/tiny: f01 weighs 1000 people. Made to weigh 9000, same size, same
// mtime: the cached answer would be 8000 people short.
TEST_CASE("an edit that keeps a small file's size and mtime misses the cache", "[cli][cache]") {
  CachedDataset dataset;
  const auto before = dataset.run("reach DATA --hosts h1 --json --load full");
  REQUIRE(before.status == 0);
  REQUIRE_THAT(dataset.run("reach DATA --hosts h1 --json --load full --verbose").err,
               Catch::Contains("cache: hit"));
  edit_keeping_size_and_mtime(dataset.data / "fans.csv", "f01,1000,", "f01,9000,");
  const auto after = dataset.run("reach DATA --hosts h1 --json --load full --verbose");
  CHECK(after.status == 0);
  CHECK_THAT(after.err, Catch::Contains("cache: miss"));
  CHECK(after.out != before.out);
  CHECK(after.out == dataset.run("reach DATA --hosts h1 --json --load full --no-cache").out);
}

// Files above 16 MiB are keyed by their status, not hashed: an edit keeping size and mtime
// still changes the ctime, which the key holds.
TEST_CASE("an edit that keeps a large file's size and mtime misses the cache", "[cli][cache]") {
  CachedDataset dataset;
  {
    std::ofstream follows(dataset.data / "follows.csv", std::ios::binary | std::ios::app);
    // samples/tiny's h3 has one fanbase, so rows may leave out the platform.
    for (int i = 0; i < 1'400'000; ++i) follows << 'x' << (1'000'000 + i) << ",h3,\n";
  }
  REQUIRE(fs::file_size(dataset.data / "follows.csv") > (16u << 20));
  const auto before = dataset.run("reach DATA --hosts h3 --json --load full");
  REQUIRE(before.status == 0);
  REQUIRE_THAT(dataset.run("reach DATA --hosts h3 --json --load full --verbose").err,
               Catch::Contains("cache: hit"));
  // Two of the padding fans become one: the reach drops by one person.
  edit_keeping_size_and_mtime(dataset.data / "follows.csv", "x1000001,h3,", "x1000000,h3,");
  const auto after = dataset.run("reach DATA --hosts h3 --json --load full --verbose");
  CHECK(after.status == 0);
  CHECK_THAT(after.err, Catch::Contains("cache: miss"));
  CHECK(after.out != before.out);
  CHECK(after.out == dataset.run("reach DATA --hosts h3 --json --load full --no-cache").out);
}

TEST_CASE("a lenient load with rejects is not cached, so every run lists its rejects",
          "[cli][cache]") {
  CachedDataset dataset;
  std::ofstream(dataset.data / "follows.csv", std::ios::app) << "f01,nobody,douyin\n";
  const std::string rejects = shell_quote((dataset.dir / "rejects.csv").string());
  for (int run = 0; run < 2; ++run) {
    const auto lenient = dataset.run("info DATA --lenient --verbose --rejects " + rejects);
    CHECK(lenient.status == 0);
    CHECK_THAT(lenient.err, Catch::Contains("skipped 1 bad row of follows.csv") &&
                                Catch::Contains("cache: not written"));
  }
  CHECK(dataset.entries().empty());
  // And a strict run still refuses the file, cache or not.
  const auto strict = dataset.run("info DATA");
  CHECK(strict.status == 65);
  CHECK_THAT(strict.err, Catch::Contains("follows.csv"));
}

TEST_CASE("a cache that cannot be written or read never fails the command", "[cli][cache]") {
  CachedDataset dataset;
  const auto expected = dataset.run("reach DATA --hosts h1,h2 --json --load full --no-cache");
  REQUIRE(expected.status == 0);

  SECTION("the cache directory cannot be made (its parent is a file)") {
    const auto file = dataset.dir.write("a-file", "x");
    const auto run = run_castgraph("reach " + shell_quote(dataset.data.string()) +
                                       " --hosts h1,h2 --json --load full --verbose",
                                   "XDG_CACHE_HOME=" + shell_quote(file.string()) + " ");
    CHECK(run.status == 0);
    CHECK(run.out == expected.out);
    CHECK_THAT(run.err, Catch::Contains("cache: not written"));
  }
  SECTION("a damaged entry is a miss, and is replaced") {
    REQUIRE(dataset.run("reach DATA --hosts h1,h2 --json --load full").status == 0);
    const auto entries = dataset.entries();
    REQUIRE(entries.size() == 1);
    std::ofstream(entries[0], std::ios::binary | std::ios::trunc) << "not a snapshot";
    const auto damaged = dataset.run("reach DATA --hosts h1,h2 --json --load full --verbose");
    CHECK(damaged.status == 0);
    CHECK(damaged.out == expected.out);
    CHECK_THAT(damaged.err, Catch::Contains("cache: miss") && Catch::Contains("cache: wrote"));
    CHECK_THAT(dataset.run("reach DATA --hosts h1,h2 --json --load full --verbose").err,
               Catch::Contains("cache: hit"));
  }
  SECTION("neither XDG_CACHE_HOME nor HOME is set") {
    const auto run = run_castgraph("reach " + shell_quote(dataset.data.string()) +
                                       " --hosts h1,h2 --json --load full --verbose",
                                   "env -u XDG_CACHE_HOME -u HOME ");
    CHECK(run.status == 0);
    CHECK(run.out == expected.out);
    CHECK_THAT(run.err, Catch::Contains("cache: not used"));
  }
}

TEST_CASE("the cache keeps within CASTGRAPH_CACHE_BYTES, removing the least recently used",
          "[cli][cache]") {
  CachedDataset first, second;
  second.cache_home = first.cache_home;  // one cache, two datasets
  REQUIRE(first.run("info DATA").status == 0);
  const auto entries = first.entries();
  REQUIRE(entries.size() == 1);
  const auto one_entry = fs::file_size(entries[0]);
  // Room for one entry and a half: writing the second removes the first.
  const std::string limit = "CASTGRAPH_CACHE_BYTES=" + std::to_string(one_entry * 3 / 2) + " ";
  REQUIRE(second.run("info DATA", limit).status == 0);
  const auto kept = first.entries();
  REQUIRE(kept.size() == 1);
  CHECK(kept[0] != entries[0]);
  CHECK_THAT(second.run("info DATA --verbose", limit).err, Catch::Contains("cache: hit"));
  CHECK_THAT(first.run("info DATA --verbose", limit).err, Catch::Contains("cache: miss"));
}

TEST_CASE("two runs writing the same entry at once both answer, and leave one whole entry",
          "[cli][cache]") {
  CachedDataset dataset("samples/liaoning");
  const auto expected = dataset.run("reach DATA --hosts h1,h2,h3 --json --no-cache");
  REQUIRE(expected.status == 0);
  const std::string one = shell_quote(CASTGRAPH_BINARY) + " reach " +
                          shell_quote(dataset.data.string()) + " --hosts h1,h2,h3 --json";
  const std::string out_a = shell_quote((dataset.dir / "a.json").string()),
                    out_b = shell_quote((dataset.dir / "b.json").string());
  const auto both = run_program(
      "sh", "-c " + shell_quote("XDG_CACHE_HOME=" + shell_quote(dataset.cache_home.string()) +
                                " && export XDG_CACHE_HOME && (" + one + " >" + out_a + " & " +
                                one + " >" + out_b + " & wait)"));
  CHECK(both.status == 0);
  CHECK(read_file(dataset.dir / "a.json") == expected.out);
  CHECK(read_file(dataset.dir / "b.json") == expected.out);
  const auto entries = dataset.entries();
  REQUIRE(entries.size() == 1);  // no temporary file left beside it
  CHECK(entries[0].extension() == ".cgs");
  const auto hit = dataset.run("reach DATA --hosts h1,h2,h3 --json --verbose");
  CHECK_THAT(hit.err, Catch::Contains("cache: hit"));
  CHECK(hit.out == expected.out);
}

TEST_CASE("check reads the CSV files themselves, not the cache", "[cli][cache]") {
  CachedDataset dataset;
  REQUIRE(dataset.run("info DATA").status == 0);
  const auto check = dataset.run("check DATA --verbose");
  CHECK(check.status == 0);
  CHECK_THAT(check.err,
             Catch::Contains(
                 "cache: not used (--no-cache, or a command that reads the files themselves)"));
}

// A rebuilt castgraph may check rows differently: it must not trust an older build's
// entries. A copy of the binary (same bytes, a new mtime) stands for the rebuild.
TEST_CASE("another castgraph executable does not reuse the cache's entries", "[cli][cache]") {
  CachedDataset dataset;
  REQUIRE(dataset.run("info DATA").status == 0);
  const fs::path rebuilt = dataset.dir / "castgraph";
  fs::copy_file(CASTGRAPH_BINARY, rebuilt);
  const std::string arguments = "info " + shell_quote(dataset.data.string()) + " --verbose";
  const std::string env = "XDG_CACHE_HOME=" + shell_quote(dataset.cache_home.string()) + " ";
  const auto first = run_program(env + shell_quote(rebuilt.string()), arguments);
  CHECK(first.status == 0);
  CHECK_THAT(first.err, Catch::Contains("cache: miss"));
  CHECK_THAT(run_program(env + shell_quote(rebuilt.string()), arguments).err,
             Catch::Contains("cache: hit"));
  CHECK(dataset.entries().size() == 2);
}

TEST_CASE("CASTGRAPH_CACHE_BYTES=0 writes nothing, and an entry over the limit is not kept",
          "[cli][cache]") {
  CachedDataset dataset;
  const auto off = dataset.run("info DATA --verbose", "CASTGRAPH_CACHE_BYTES=0");
  CHECK(off.status == 0);
  CHECK_THAT(off.err, Catch::Contains("cache: not written (CASTGRAPH_CACHE_BYTES is 0"));
  CHECK(dataset.entries().empty());
  const auto tiny = dataset.run("info DATA --verbose", "CASTGRAPH_CACHE_BYTES=1000");
  CHECK(tiny.status == 0);
  CHECK(tiny.out == off.out);
  CHECK_THAT(tiny.err, Catch::Contains("the entry alone is larger than CASTGRAPH_CACHE_BYTES"));
  CHECK(dataset.entries().empty());
}
