// The filters that reach and plan take alike: --platform (count one platform's fanbases),
// --region and --city (count only the people who live there, which needs follows). One
// definition, so that both commands, and castgraph-mpi's reach, say the same in --help.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace castgraph::cli {

// Adds --platform, --region and --city to `command`, storing what is given as typed; the
// command resolves the platform and checks the places once the dataset is open.
void add_filter_options(CLI::App& command, std::string& platform, std::string& region,
                        std::string& city);

}  // namespace castgraph::cli
