// Numeric flags out of range are refused with a sentence: CLI11's own positive-number
// check printed "Value 0 not in range 0.000000 to " followed by the largest double written
// out in 309 digits.
#include <catch2/catch.hpp>
#include <string>

#include "support/run_command.hpp"

using namespace castgraph::testing;

TEST_CASE("a numeric flag out of range is refused in a sentence, without a 309-digit number",
          "[cli][usage]") {
  const std::string tiny = shell_quote(source_path("samples/tiny"));
  struct Case {
    std::string arguments, sentence;
  };
  for (const Case& c :
       {Case{"overlap " + tiny + " --top 0", "--top: must be more than 0, not 0"},
        Case{"communities " + tiny + " --resolution -1",
             "--resolution: must be more than 0, not -1"},
        Case{"communities " + tiny + " --min-shared 0", "--min-shared: must be more than 0, not 0"},
        Case{"rank " + tiny + " --by pagerank --samples 0",
             "--samples: must be more than 0, not 0"},
        Case{"overlap " + tiny + " --top x", "--top: 'x' is not a number"}}) {
    INFO(c.arguments);
    const auto result = run_castgraph(c.arguments);
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Contains(c.sentence));
    CHECK(result.err.find("179769313486231570") == std::string::npos);
  }
  // In range, the same flags are accepted.
  CHECK(run_castgraph("overlap " + tiny + " --top 1").status == 0);
  CHECK(run_castgraph("communities " + tiny + " --resolution 0.5").status == 0);
}
