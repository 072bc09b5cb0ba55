#include "cli/number_checks.hpp"

#include <cmath>
#include <string>

namespace castgraph::cli {
namespace {

// A validator that reads the flag's text as a number and asks `holds` of it; `rule` ends
// the sentence "must be ...".
template <typename Holds>
CLI::Validator number_check(const char* rule, const char* description, Holds holds) {
  return CLI::Validator(
      [rule, holds](std::string& input) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(input, value) || std::isnan(value))
          return "'" + input + "' is not a number";
        return holds(value) ? std::string() : std::string("must be ") + rule + ", not " + input;
      },
      description);
}

}  // namespace

CLI::Validator more_than_zero() {
  return number_check("more than 0", "NUMBER > 0", [](double value) { return value > 0; });
}

CLI::Validator zero_or_more() {
  return number_check("0 or more", "NUMBER >= 0", [](double value) { return value >= 0; });
}

}  // namespace castgraph::cli
