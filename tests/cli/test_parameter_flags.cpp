// The library names its parameters in UsageError messages; the command line shows the
// flag that sets each one (cli/parameter_flags.hpp).
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/parameter_flags.hpp"
#include "graph/errors.hpp"
#include "support/run_command.hpp"

using namespace castgraph;
using castgraph::testing::run_castgraph;
using castgraph::testing::shell_quote;
using castgraph::testing::source_path;
using castgraph::testing::TempDir;

TEST_CASE("a usage error names parameters for the library and flags for the command line",
          "[cli][errors]") {
  const UsageError error({Parameter{"include"}, " books 3 hosts, more than ", Parameter{"k"},
                          " 2; see ", Parameter{"min_fans"}, " and ", Parameter{"no_flag"}});
  CHECK(std::string(error.what()) ==
        "include books 3 hosts, more than k 2; see min_fans and no_flag");
  CHECK(error.parameters() == std::vector<std::string>{"include", "k", "min_fans", "no_flag"});
  CHECK(cli::usage_message(error) ==
        "--include books 3 hosts, more than --k 2; see --min-tier and no_flag");
  const UsageError plain("host id 9 is out of range");
  CHECK(plain.parameters().empty());
  CHECK(cli::usage_message(plain) == "host id 9 is out of range");
}

TEST_CASE("a library refusal shows the user the flag they typed", "[cli][errors]") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  TempDir dir;
  std::filesystem::copy(source_path("samples/tiny"), dir / "no-follows");
  std::filesystem::remove(dir / "no-follows" / "follows.csv");
  const std::string no_follows = shell_quote((dir / "no-follows").string());
  struct Case {
    std::string arguments, flag;
  };
  for (const Case& c : {
           Case{"plan " + tiny + " --k 2 --kinds village --include h1", "not among --kinds"},
           Case{"plan " + tiny + " --k 1 --include h1,h2",
                "--include books 2 hosts, more than --k 1"},
           Case{"plan " + tiny + " --k 2 --min-tier 10M --include h5", "below --min-tier"},
           Case{"plan " + tiny + " --k 3 --max-per-base 1 --include h1,h2",
                "more than --max-per-base 1"},
           Case{"plan " + tiny + " --budget 1M --include h6", "cannot be booked under --budget"},
           Case{"reach " + no_follows + " --hosts h1 --method exact", "use --method declared"},
           Case{"plan " + no_follows + " --k 1 --method sketch", "use --method declared"},
       }) {
    const auto result = run_castgraph(c.arguments);
    INFO(c.arguments << "\n" << result.err);
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains(c.flag));
  }
}
