// castgraph removes only what it made. Before writing an output it cleans up what killed
// runs left, and a user's file, directory or symlink that merely has a look-alike name
// must survive that: only an entry carrying castgraph's marker (an extended attribute
// naming a process that is gone, on a regular file or directory of this user that no
// live run holds locked) is removed. Each "genuine leftover" below is made exactly as a
// run killed with SIGKILL leaves it: named after a dead process, marked, unlocked.
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/run_command.hpp"

using namespace castgraph::testing;
namespace fs = std::filesystem;

namespace {

// The id of a process that has exited and been reaped.
std::string dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return std::to_string(child);
}

// Marks `path` as a killed castgraph run with id `pid` marks its temporaries.
void mark(const fs::path& path, const std::string& pid) {
  REQUIRE(::setxattr(path.c_str(), "user.castgraph.temporary", pid.data(), pid.size(), 0) == 0);
}

}  // namespace

TEST_CASE("report -o keep.html keeps a user's directory, file and symlink of look-alike names",
          "[cli][user-files]") {
  TempDir dir;
  // The case of the issue: a directory named like the old temporaries, with a file in it.
  fs::create_directory(dir / "keep.html.tmp.4000000");
  dir.write("keep.html.tmp.4000000/precious.txt", "the user's");
  // Look-alikes of today's naming, each with a process id that is gone.
  const std::string prefix = "keep.html.castgraph-tmp.";
  const fs::path folder = dir / (prefix + dead_pid());
  fs::create_directory(folder);
  dir.write(folder.filename().string() + "/precious.txt", "the user's");
  mark(folder, folder.filename().string().substr(prefix.size()));  // even marked: a directory
  const fs::path file = dir.write(prefix + dead_pid(), "the user's, unmarked");
  const fs::path link = dir / (prefix + dead_pid());
  dir.write("target.txt", "the user's");
  fs::create_symlink(dir / "target.txt", link);
  // A genuine leftover of a killed run.
  const std::string killed = dead_pid();
  const fs::path leftover = dir.write(prefix + killed, "<html>half a report");
  mark(leftover, killed);

  const CommandResult run = run_castgraph("report " + shell_quote(source_path("samples/tiny")) +
                                          " -o " + shell_quote((dir / "keep.html").string()));
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(read_file(dir / "keep.html.tmp.4000000/precious.txt") == "the user's");
  CHECK(read_file(folder / "precious.txt") == "the user's");
  CHECK(read_file(file) == "the user's, unmarked");
  CHECK(fs::is_symlink(link));
  CHECK(read_file(dir / "target.txt") == "the user's");
  CHECK_FALSE(fs::exists(leftover));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 6);
}

TEST_CASE("generate keeps a user's directory named like its staging directory",
          "[cli][user-files]") {
  TempDir dir;
  const fs::path out = dir / "data";
  REQUIRE(run_castgraph("generate --preset tiny -q -o " + shell_quote(out.string())).status == 0);
  const std::string prefix = ".data.castgraph-generate.";
  // The user's: unmarked, holding files named like a dataset's.
  const fs::path users = dir / (prefix + dead_pid());
  fs::create_directory(users);
  dir.write(users.filename().string() + "/follows.csv", "the user's");
  // Genuine leftovers of killed runs: one still staging, one the old dataset swapped out
  // with a user's note beside it, which the current dataset holds too.
  const std::string staging_pid = dead_pid(), old_pid = dead_pid();
  const fs::path staging = dir / (prefix + staging_pid), old = dir / (prefix + old_pid);
  fs::create_directory(staging);
  dir.write(staging.filename().string() + "/follows.csv.tmp", "half");
  dir.write(staging.filename().string() + "/platforms.csv", "id,name\n");
  mark(staging, staging_pid);
  fs::create_directory(old);
  dir.write(old.filename().string() + "/fans.csv", "id\n");
  dir.write(old.filename().string() + "/notes.txt", "the user's notes");
  dir.write("data/notes.txt", "the user's notes");
  mark(old, old_pid);
  // ... and one whose note the current dataset does not hold: the note stays.
  const std::string other_pid = dead_pid();
  const fs::path other = dir / (prefix + other_pid);
  fs::create_directory(other);
  dir.write(other.filename().string() + "/fans.csv", "id\n");
  dir.write(other.filename().string() + "/other-notes.txt", "only here");
  mark(other, other_pid);

  const CommandResult run =
      run_castgraph("generate --preset tiny -q --force -o " + shell_quote(out.string()));
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(read_file(users / "follows.csv") == "the user's");
  CHECK_FALSE(fs::exists(staging));
  CHECK_FALSE(fs::exists(old));
  CHECK(read_file(other / "other-notes.txt") == "only here");
  CHECK_FALSE(fs::exists(other / "fans.csv"));
  CHECK(read_file(out / "notes.txt") == "the user's notes");
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 3);
}

TEST_CASE("generate --force keeps the user's files beside the dataset and refuses a subfolder",
          "[cli][user-files]") {
  TempDir dir;
  const fs::path out = dir / "data";
  REQUIRE(run_castgraph("generate --preset tiny -q -o " + shell_quote(out.string())).status == 0);
  dir.write("data/notes.txt", "the user's notes");
  fs::create_symlink("notes.txt", out / "link");
  REQUIRE(
      run_castgraph("generate --preset tiny --seed 2 -q --force -o " + shell_quote(out.string()))
          .status == 0);
  CHECK(read_file(out / "notes.txt") == "the user's notes");
  CHECK(fs::read_symlink(out / "link") == "notes.txt");
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);

  fs::create_directory(out / "sub");
  const CommandResult run =
      run_castgraph("generate --preset tiny -q --force -o " + shell_quote(out.string()));
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("holds sub, which is neither a dataset file"));
  CHECK(fs::is_directory(out / "sub"));
}

TEST_CASE("an output that is a symlink stays one, and an output that is a stream is written into",
          "[cli][user-files]") {
  TempDir dir;
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  // A symlink to the user's file: the file is replaced, the link kept.
  dir.write("real.html", "old");
  fs::create_symlink(dir / "real.html", dir / "link.html");
  REQUIRE(
      run_castgraph("report " + tiny + " -o " + shell_quote((dir / "link.html").string())).status ==
      0);
  CHECK(fs::is_symlink(dir / "link.html"));
  CHECK_THAT(read_file(dir / "real.html"), Catch::Contains("<html"));
  // A stream (here a FIFO behind a symlink, as /dev/stdout is) is written into, not
  // replaced by a renamed file: that replaced the FIFO, or /dev/stdout itself when run
  // as root. The reader gives up after 20 s, so a regression fails instead of hanging.
  const fs::path fifo = dir / "out.json", stream_link = dir / "stream.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  fs::create_symlink(fifo, stream_link);
  const CommandResult streamed =
      run_castgraph("export " + tiny + " -o " + shell_quote(stream_link.string()) +
                        " & timeout 20 cat " + shell_quote(fifo.string()) + "; wait $! && exit",
                    "");
  CHECK(streamed.status == 0);
  CHECK_THAT(streamed.out, Catch::Contains("\"relation\": \"collab\""));
  CHECK(fs::is_symlink(stream_link));
  CHECK(fs::is_fifo(fifo));
}
