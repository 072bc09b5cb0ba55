// The atomic writer and the cleanup of what killed runs leave behind.
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

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

// A file as a killed run leaves it: named after `pid`, marked with it, not locked.
void leave_marked(const TempDir& dir, const std::string& name, pid_t pid) {
  const auto path = dir.write(name, "torn");
  const std::string value = std::to_string(pid);
  REQUIRE(::setxattr(path.c_str(), kTemporaryMarker, value.data(), value.size(), 0) == 0);
}

TEST_CASE("only marked leftovers of dead runs are removed, never a look-alike of the user's",
          "[atomic]") {
  namespace fs = std::filesystem;
  TempDir dir;
  const std::string prefix = "out.txt.castgraph-tmp.";
  const pid_t dead = dead_pid(), other_dead = dead_pid();
  const std::string stale = prefix + std::to_string(dead);
  leave_marked(dir, stale, dead);
  // Look-alikes: unmarked, marked with another id, a directory, a symlink, a live id.
  const std::string unmarked = prefix + std::to_string(other_dead);
  dir.write(unmarked, "the user's");
  const std::string wrong_mark = prefix + std::to_string(dead_pid());
  leave_marked(dir, wrong_mark, other_dead);
  const std::string folder = prefix + std::to_string(dead_pid());
  fs::create_directory(dir / folder);
  dir.write(folder + "/inside", "the user's");
  const std::string link = prefix + std::to_string(dead_pid());
  fs::create_symlink(dir / stale, dir / link);
  const std::string live = prefix + std::to_string(::getppid());  // runs the test
  leave_marked(dir, live, ::getppid());
  dir.write(prefix + "notapid", "keep");
  dir.write("out.txt.tmp." + std::to_string(dead_pid()), "an older naming: not provably ours");

  write_file_atomically(dir / "out.txt", [](std::ostream& out) { out << "new"; });
  CHECK(read_file(dir / "out.txt") == "new");
  CHECK_FALSE(fs::exists(dir / stale));
  CHECK(read_file(dir / unmarked) == "the user's");
  CHECK(fs::exists(dir / wrong_mark));
  CHECK(read_file(dir / folder / "inside") == "the user's");
  CHECK(fs::is_symlink(dir / link));
  CHECK(fs::exists(dir / live));
  CHECK(fs::exists(dir / (prefix + "notapid")));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 8);
}

TEST_CASE(
    "a dead run's empty temporary is removed even unmarked, as a kill before marking leaves it",
    "[atomic]") {
  namespace fs = std::filesystem;
  TempDir dir;
  const std::string prefix = "out.txt.castgraph-tmp.";
  // Killed between creating its temporary and marking it: an empty, unmarked file.
  const std::string empty = prefix + std::to_string(dead_pid());
  dir.write(empty, "");
  const std::string full = prefix + std::to_string(dead_pid());
  dir.write(full, "the user's");
  const std::string live = prefix + std::to_string(::getppid());
  dir.write(live, "");
  write_file_atomically(dir / "out.txt", [](std::ostream& out) { out << "new"; });
  CHECK_FALSE(fs::exists(dir / empty));
  CHECK(read_file(dir / full) == "the user's");
  CHECK(fs::exists(dir / live));

  // The same for directories (generate's staging directories): empty goes, full stays.
  const std::string staging = ".data.castgraph-generate.";
  const std::string empty_dir = staging + std::to_string(dead_pid());
  const std::string full_dir = staging + std::to_string(dead_pid());
  fs::create_directory(dir / empty_dir);
  fs::create_directory(dir / full_dir);
  dir.write(full_dir + "/notes.txt", "the user's");
  std::vector<std::string> removed;
  for_each_stale_temporary(dir.path(), staging, TemporaryKind::directory,
                           [&](const fs::path& path) {
                             removed.push_back(path.filename().string());
                             fs::remove(path);
                           });
  CHECK(removed == std::vector<std::string>{empty_dir});
  CHECK(read_file(dir / full_dir / "notes.txt") == "the user's");
}
