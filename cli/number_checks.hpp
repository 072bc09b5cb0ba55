// Range checks for numeric flags that read as sentences. CLI11's PositiveNumber and
// NonNegativeNumber say "Value 0 not in range 0.000000 to 1797693134862315708145..." (the
// largest double written out, 309 digits); these say "must be more than 0, not 0".
#pragma once

#include <CLI/CLI.hpp>

namespace castgraph::cli {

// A number above 0.
CLI::Validator more_than_zero();

// A number of 0 or more.
CLI::Validator zero_or_more();

}  // namespace castgraph::cli
