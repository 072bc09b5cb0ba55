#include "cli/number_checks.hpp"

#include <fmt/format.h>

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

// `value` as a person writes it: 16777216, 0.001 (not 1.6777216e+07 or 16777216.0).
std::string plain(double value) {
  return value == std::floor(value) && std::abs(value) < 1e15 ? fmt::format("{:.0f}", value)
                                                              : fmt::format("{}", value);
}

}  // namespace

CLI::Validator more_than_zero() {
  return number_check("more than 0", "NUMBER > 0", [](double value) { return value > 0; });
}

CLI::Validator zero_or_more() {
  return number_check("0 or more", "NUMBER >= 0", [](double value) { return value >= 0; });
}

CLI::Validator from_to(double least, double most) {
  // Written as the user would type them: 0.001, 18, 16777216 (no exponent, no zeros).
  const std::string rule = "from " + plain(least) + " to " + plain(most);
  return CLI::Validator(
      [rule, least, most](std::string& input) -> std::string {
        double value = 0;
        if (!CLI::detail::lexical_cast(input, value) || std::isnan(value))
          return "'" + input + "' is not a number";
        return value >= least && value <= most ? std::string()
                                               : "must be " + rule + ", not " + input;
      },
      "NUMBER " + plain(least) + ".." + plain(most));
}

}  // namespace castgraph::cli
