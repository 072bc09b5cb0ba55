// The command-line flag that sets each library parameter. The library names its
// parameters in UsageError messages ("k must be at least 1"); the user typed flags, so
// cli/ shows the flag ("--k must be at least 1").
#pragma once

#include <string>

#include "graph/errors.hpp"

namespace castgraph::cli {

// "--max-per-base" for "max_per_base"; a parameter no flag sets keeps its name.
std::string flag_of(const std::string& parameter);

// The error's message as the command line should read it: each parameter as its flag.
std::string usage_message(const UsageError& error);

}  // namespace castgraph::cli
