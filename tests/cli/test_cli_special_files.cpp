// Inputs that are not regular files: a FIFO, a device that never ends (/dev/zero,
// /dev/urandom), a /proc file whose size says 0. castgraph must refuse each one at once
// with the file's name and why (exit 74), instead of waiting forever on the FIFO or
// reading the device until memory runs out. Every run here is bounded by `timeout` and
// an address-space cap, so a regression fails the test instead of hanging the suite.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/run_command.hpp"

using namespace castgraph::testing;
namespace fs = std::filesystem;

namespace {

constexpr int kExitIo = 74;

// The sample dataset, copied, with `name` replaced by what `make` puts there.
struct Dataset {
  TempDir dir;
  fs::path path = dir / "data";
  Dataset() { fs::copy(source_path("samples/tiny"), path, fs::copy_options::recursive); }
};

// castgraph ARGUMENTS, killed after 20 s and limited to 512 MiB of address space (no
// cap under ASan, which reserves terabytes for its shadow).
CommandResult run_bounded(const std::string& arguments) {
#if defined(__SANITIZE_ADDRESS__)
  const std::string cap;
#else
  const std::string cap = "ulimit -v 524288; ";
#endif
  return run_castgraph(arguments, cap + "exec timeout -s KILL 20 ");
}

void expect_refused(const CommandResult& run, const fs::path& file, const std::string& why) {
  INFO(run.err);
  CHECK(run.status == kExitIo);
  CHECK_THAT(run.err, Catch::Contains(file.string() + ": " + why));
  CHECK_THAT(run.err, Catch::Contains("castgraph reads only regular files"));
}

}  // namespace

TEST_CASE("a follows.csv that is /dev/zero is refused at once, not read until memory runs out",
          "[cli][special-files]") {
  Dataset data;
  fs::remove(data.path / "follows.csv");
  fs::create_symlink("/dev/zero", data.path / "follows.csv");
  expect_refused(run_bounded("reach " + shell_quote(data.path.string()) + " --hosts h1"),
                 data.path / "follows.csv", "is a character device");
}

TEST_CASE("a fans.csv that is /dev/urandom is refused at once", "[cli][special-files]") {
  Dataset data;
  fs::remove(data.path / "fans.csv");
  fs::create_symlink("/dev/urandom", data.path / "fans.csv");
  expect_refused(run_bounded("info " + shell_quote(data.path.string())), data.path / "fans.csv",
                 "is a character device");
}

TEST_CASE("a FIFO nobody writes to is refused instead of waited on", "[cli][special-files]") {
  Dataset data;
  fs::remove(data.path / "follows.csv");
  REQUIRE(::mkfifo((data.path / "follows.csv").c_str(), 0600) == 0);
  expect_refused(run_bounded("info " + shell_quote(data.path.string())), data.path / "follows.csv",
                 "is a pipe (FIFO)");
}

TEST_CASE("a /proc file whose size says 0 but that has content is refused",
          "[cli][special-files]") {
  Dataset data;
  fs::remove(data.path / "collabs.csv");
  fs::create_symlink("/proc/self/status", data.path / "collabs.csv");
  const CommandResult run = run_bounded("info " + shell_quote(data.path.string()));
  INFO(run.err);
  CHECK(run.status == kExitIo);
  CHECK_THAT(run.err, Catch::Contains((data.path / "collabs.csv").string() +
                                      ": has more bytes than the 0 its size said"));
}

TEST_CASE("a snapshot path that is a FIFO or a device is refused, not opened",
          "[cli][special-files]") {
  TempDir dir;
  REQUIRE(::mkfifo((dir / "fifo.cgs").c_str(), 0600) == 0);
  for (const std::string& path : {(dir / "fifo.cgs").string(), std::string("/dev/zero")}) {
    const CommandResult run = run_bounded("info " + shell_quote(path));
    INFO(path << ": " << run.err);
    CHECK(run.status == kExitIo);
    CHECK_THAT(run.err, Catch::Contains(path + ": not a dataset directory"));
  }
}

TEST_CASE("a regular file symlinked into a dataset is still read", "[cli][special-files]") {
  Dataset data;
  TempDir elsewhere;
  fs::rename(data.path / "follows.csv", elsewhere / "follows.csv");
  fs::create_symlink(elsewhere / "follows.csv", data.path / "follows.csv");
  const CommandResult run = run_bounded("info " + shell_quote(data.path.string()));
  INFO(run.err);
  CHECK(run.status == 0);
}
