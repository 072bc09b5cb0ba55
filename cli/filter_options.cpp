#include "cli/filter_options.hpp"

namespace castgraph::cli {

void add_filter_options(CLI::App& command, std::string& platform, std::string& region,
                        std::string& city) {
  command.add_option("--platform", platform,
                     "Count only fanbases on this platform (id or exact name)");
  command.add_option("--region", region,
                     "Count only fans whose province is this (needs follows); 辽宁 and 辽宁省 "
                     "both match");
  command.add_option("--city", city,
                     "Count only fans whose city is this (needs follows); 沈阳 and 沈阳市 both "
                     "match");
}

}  // namespace castgraph::cli
