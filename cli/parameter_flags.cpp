#include "cli/parameter_flags.hpp"

#include <map>

namespace castgraph::cli {

std::string flag_of(const std::string& parameter) {
  // Every command that sets one of these parameters uses the same flag for it; the one
  // exception, report's --diagram-top for the diagram's `top`, is checked by its option
  // (1 to 500) before the library can refuse it.
  static const std::map<std::string, std::string> kFlags{
      {"base", "--base"},
      {"budget", "--budget"},
      {"ego", "--ego"},
      {"encoding", "--encoding"},
      {"enumerate", "--enumerate"},
      {"include", "--include"},
      {"k", "--k"},
      {"kinds", "--kinds"},
      {"max_per_base", "--max-per-base"},
      {"method", "--method"},
      {"min_fans", "--min-tier"},
      {"platform", "--platform"},
      {"region", "--region"},
      {"top", "--top"},
  };
  const auto found = kFlags.find(parameter);
  return found == kFlags.end() ? parameter : found->second;
}

std::string usage_message(const UsageError& error) { return error.message(flag_of); }

}  // namespace castgraph::cli
