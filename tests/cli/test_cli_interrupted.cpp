// Interrupted runs: castgraph is SIGKILLed at several points while it writes, and the
// output must then hold the old complete file (or dataset) or the new complete one,
// never a torn mixture; a later run must work despite whatever the killed one left.
// The kill points are spread from "still loading" to "done"; which phase each one hits
// depends on the machine, and the checks hold whichever it is.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/run_command.hpp"

using namespace castgraph::testing;
namespace fs = std::filesystem;

namespace {

constexpr int kDelaysMs[] = {30, 200, 600, 1500, 3000};  // for the snapshot

// Starts castgraph with `arguments` (output discarded), kills it with SIGKILL after
// `delay`, and returns true when it was still running, i.e. the kill interrupted it.
bool run_and_kill(const std::vector<std::string>& arguments, std::chrono::milliseconds delay) {
  std::vector<char*> argv{const_cast<char*>(CASTGRAPH_BINARY)};
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  const pid_t child = ::fork();
  if (child == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execv(CASTGRAPH_BINARY, argv.data());
    ::_exit(127);
  }
  std::this_thread::sleep_for(delay);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  return WIFSIGNALED(status);
}

// Every regular file directly in `directory`, by name, with its bytes.
std::vector<std::pair<std::string, std::string>> files_in(const fs::path& directory) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : fs::directory_iterator(directory))
    if (entry.is_regular_file())
      files.emplace_back(entry.path().filename().string(), read_file(entry.path()));
  std::sort(files.begin(), files.end());
  return files;
}

struct Generated {
  TempDir dir;
  fs::path path = dir / "liaoning";
  Generated() {
    REQUIRE(
        run_castgraph("generate --preset liaoning --scale 0.01 -q -o " + shell_quote(path.string()))
            .status == 0);
  }
};

}  // namespace

TEST_CASE(
    "a snapshot killed at any point leaves the old snapshot or the new one, never a torn file",
    "[cli][interrupted]") {
  const Generated big;
  TempDir dir;
  const fs::path out = dir / "out.cgs", reference = dir / "reference.cgs";
  const std::string big_path = big.path.string();
  REQUIRE(run_castgraph("snapshot --no-sketches " + shell_quote(big_path) + " -o " +
                        shell_quote(reference.string()))
              .status == 0);
  REQUIRE(run_castgraph("snapshot " + shell_quote(source_path("samples/tiny")) + " -o " +
                        shell_quote(out.string()))
              .status == 0);
  const std::string old_bytes = read_file(out), new_bytes = read_file(reference);

  int interrupted = 0;
  for (int delay : kDelaysMs) {
    INFO("killed after " << delay << " ms");
    interrupted += run_and_kill({"snapshot", "--no-sketches", big_path, "-o", out.string()},
                                std::chrono::milliseconds(delay));
    const std::string now = read_file(out);
    CHECK((now == old_bytes || now == new_bytes));
  }
  CHECK(interrupted > 0);  // else nothing was tested: every run finished before its kill

  // What a killed run leaves is its own temporary file, which no later run reads or
  // trips over: the next run writes the same snapshot, which opens, and removes them.
  for (const auto& [name, bytes] : files_in(dir.path()))
    if (name != "out.cgs" && name != "reference.cgs")
      CHECK_THAT(name, Catch::StartsWith("out.cgs.castgraph-tmp."));
  REQUIRE(run_castgraph("snapshot --no-sketches " + shell_quote(big_path) + " -o " +
                        shell_quote(out.string()))
              .status == 0);
  CHECK(read_file(out) == new_bytes);
  CHECK(run_castgraph("info " + shell_quote(out.string())).status == 0);
  CHECK(files_in(dir.path()).size() == 2);  // out.cgs and reference.cgs only
}

namespace {

// The entries directly in `directory`, by name.
std::vector<std::string> names_in(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE(
    "generate --force killed at any point leaves the old dataset or the new one, never a mixture",
    "[cli][interrupted]") {
  const Generated reference;
  TempDir dir;
  const fs::path out = dir / "data";
  REQUIRE(run_castgraph("generate --preset tiny -q -o " + shell_quote(out.string())).status == 0);
  // A file of the user's beside the dataset, which every state must keep.
  dir.write("data/notes.txt", "the user's notes");
  dir.write("liaoning-notes.txt", "the user's notes");
  fs::copy_file(dir / "liaoning-notes.txt", reference.path / "notes.txt");
  const auto old_files = files_in(out), new_files = files_in(reference.path);

  // Each kill lands somewhere between "still writing" and "done"; where depends on the
  // machine, and the invariant is checked whichever it is. The swap is one atomic
  // exchange, so no delay can catch a mixture.
  int interrupted = 0;
  for (int delay : {20, 100, 200, 300, 400, 500, 700}) {
    INFO("killed after " << delay << " ms");
    interrupted += run_and_kill({"generate", "--preset", "liaoning", "--scale", "0.01", "-q",
                                 "--force", "-o", out.string()},
                                std::chrono::milliseconds(delay));
    const auto now = files_in(out);
    CHECK((now == old_files || now == new_files));
    // Beside the output, nothing but the staging directories of killed runs.
    for (const std::string& name : names_in(dir.path()))
      if (name != "data" && name != "liaoning-notes.txt")
        CHECK_THAT(name, Catch::StartsWith(".data.castgraph-generate."));
  }
  CHECK(interrupted > 0);

  // The next run removes every staging directory the killed runs left.
  REQUIRE(run_castgraph("generate --preset liaoning --scale 0.01 -q --force -o " +
                        shell_quote(out.string()))
              .status == 0);
  CHECK(files_in(out) == new_files);
  CHECK(run_castgraph("info " + shell_quote(out.string())).status == 0);
  CHECK(names_in(dir.path()) == std::vector<std::string>{"data", "liaoning-notes.txt"});
  CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 8);
}
