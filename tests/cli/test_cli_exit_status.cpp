// Every exit status castgraph can return is documented where users look (castgraph
// --help, each command's --help, the README), and running out of memory really ends in
// the documented 70 with a message, not a crash.
#include <catch2/catch.hpp>
#include <string>

#include "cli/exit_codes.hpp"
#include "support/run_command.hpp"

using namespace castgraph::testing;

namespace {

const char* const kCommands[] = {"info",    "tiers",  "snapshot", "generate",    "reach",
                                 "overlap", "render", "export",   "communities", "rank",
                                 "plan",    "report", "check"};

void check_lists_every_status(const std::string& text) {
  for (const char* status : {"0 success", "2 bad usage", "65 malformed data", "70 out of memory",
                             "74 I/O error", "135 (SIGBUS)"})
    CHECK_THAT(text, Catch::Contains(status));
}

}  // namespace

TEST_CASE("castgraph --help, every command's --help and the README list every exit status",
          "[cli][exit-status]") {
  {
    const CommandResult help = run_castgraph("--help");
    INFO("castgraph --help");
    check_lists_every_status(help.out);
  }
  for (const char* command : kCommands) {
    const CommandResult help = run_castgraph(std::string(command) + " --help");
    INFO(command << " --help");
    CHECK(help.status == 0);
    check_lists_every_status(help.out);
  }
  const std::string readme = read_file(source_path("README.md"));
  for (int status : {castgraph::cli::kExitOk, castgraph::cli::kExitUsage, castgraph::cli::kExitData,
                     castgraph::cli::kExitSoftware, castgraph::cli::kExitIo})
    CHECK_THAT(readme, Catch::Contains("| " + std::to_string(status) + " | "));
  CHECK_THAT(readme, Catch::Contains("70 | out of memory"));
}

#if !defined(__SANITIZE_ADDRESS__)  // ASan needs terabytes of address space for itself
TEST_CASE("running out of memory exits 70 with a message, and leaves no partial output",
          "[cli][exit-status]") {
  TempDir dir;
  // The full-size liaoning preset needs gigabytes; 400 MiB of address space is not enough.
  const CommandResult run = run_castgraph(
      "generate --preset liaoning --scale 1 -q -o " + shell_quote((dir / "data").string()),
      "ulimit -v 409600; exec ");
  CHECK(run.status == castgraph::cli::kExitSoftware);
  CHECK(run.err == "castgraph: out of memory\n");
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 0);
}
#endif
