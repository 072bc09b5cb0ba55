// The atomic writer and the cleanup of what killed runs leave behind.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "loaders/atomic_file.hpp"
#include "loaders/stale_temporaries.hpp"
#include "support/temp_dir.hpp"

using namespace castgraph;
using castgraph::testing::read_file;
using castgraph::testing::TempDir;

namespace {

// The id of a process that has exited (and been reaped), so no longer exists.
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

}  // namespace

TEST_CASE("a failed write leaves the old file and no temporary file", "[atomic]") {
  TempDir dir;
  const auto target = dir.write("out.txt", "old");
  CHECK_THROWS_AS(write_file_atomically(target,
                                        [](std::ostream& out) {
                                          out << "half of the new";
                                          throw std::runtime_error("the writer failed");
                                        }),
                  std::runtime_error);
  CHECK(read_file(target) == "old");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("leftovers of dead runs are removed, those of live processes and other names kept",
          "[atomic]") {
  TempDir dir;
  const std::string dead = "out.txt.tmp." + std::to_string(dead_pid());
  const std::string dead_folder =
      "out.txt.tmp." + std::to_string(dead_pid());  // as generate's staging
  const std::string live =
      "out.txt.tmp." + std::to_string(::getppid());  // the process that runs the test
  dir.write(dead, "torn");
  std::filesystem::create_directory(dir / dead_folder);
  dir.write(live, "in progress");
  dir.write("out.txt.tmp.notapid", "keep");
  dir.write("other.txt.tmp.1", "keep");
  write_file_atomically(dir / "out.txt", [](std::ostream& out) { out << "new"; });
  CHECK(read_file(dir / "out.txt") == "new");
  CHECK_FALSE(std::filesystem::exists(dir / dead));
  CHECK_FALSE(std::filesystem::exists(dir / dead_folder));
  CHECK(std::filesystem::exists(dir / live));
  CHECK(std::filesystem::exists(dir / "out.txt.tmp.notapid"));
  CHECK(std::filesystem::exists(dir / "other.txt.tmp.1"));
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 4);
}
