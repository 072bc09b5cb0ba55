// A mistyped command or flag is named with the nearest real one (issue 21), and a range
// error reads as a sentence.
#include <catch2/catch.hpp>

#include "support/run_command.hpp"

using namespace castgraph::testing;

TEST_CASE("an unknown command suggests the nearest one", "[cli][usage]") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const auto typo = run_castgraph("reahc " + tiny + " --hosts h1");
  CHECK(typo.status == 2);
  CHECK_THAT(typo.err, Catch::Contains("unknown command 'reahc'; did you mean 'reach'?"));
  CHECK(typo.err.find("A subcommand is required") == std::string::npos);
  const auto far = run_castgraph("zzzzzzzz " + tiny);
  CHECK(far.status == 2);
  CHECK_THAT(far.err, Catch::Contains("unknown command 'zzzzzzzz'; the commands are: ") &&
                          Catch::Contains("reach") && Catch::Contains("tiers"));
  CHECK(run_castgraph("reach " + tiny + " --hosts h1").status == 0);
}

TEST_CASE("an unknown flag suggests the nearest flag of its command", "[cli][usage]") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  const auto method = run_castgraph("reach " + tiny + " --hosts h1 --methd exact");
  CHECK(method.status == 2);
  CHECK_THAT(method.err, Catch::Contains("unknown flag '--methd'; did you mean '--method'?"));
  const auto equals = run_castgraph("plan " + tiny + " --k 2 --budgte=100万");
  CHECK(equals.status == 2);
  CHECK_THAT(equals.err, Catch::Contains("unknown flag '--budgte'; did you mean '--budget'?"));
  // A flag of another command is unknown here, and nothing near is suggested for junk.
  const auto junk = run_castgraph("info " + tiny + " --qqqqqqqqq");
  CHECK(junk.status == 2);
  CHECK_THAT(junk.err, Catch::Contains("unknown flag '--qqqqqqqqq'"));
  CHECK(junk.err.find("did you mean") == std::string::npos);
}

TEST_CASE("range errors read as sentences", "[cli][usage]") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  struct Case {
    std::string arguments, sentence;
  };
  for (const Case& c : {Case{"plan " + tiny + " --k 0", "--k must be at least 1"},
                        Case{"reach " + tiny + " --hosts h1 --method sketch --precision 30",
                             "--precision: must be from 4 to 16, not 30"},
                        Case{"plan " + tiny + " --k 1 --optimal --time-limit 0",
                             "--time-limit: must be from 0.001 to 10000000, not 0"},
                        Case{"overlap " + tiny + " --hosts h1,h2 --method sketch --sketch-size 1",
                             "--sketch-size: must be from 2 to 16777216, not 1"}}) {
    INFO(c.arguments);
    const auto result = run_castgraph(c.arguments);
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains(c.sentence));
  }
}
