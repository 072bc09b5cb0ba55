// Range checks for numeric flags that read as sentences. CLI11's PositiveNumber and
// NonNegativeNumber say "Value 0 not in range 0.000000 to 1797693134862315708145..." (the
// largest double written out, 309 digits); these say "must be more than 0, not 0". CLI11
// puts the flag before them: "--top: must be more than 0, not 0".
#pragma once

#include <CLI/CLI.hpp>

namespace castgraph::cli {

// A number above 0.
CLI::Validator more_than_zero();

// A number of 0 or more.
CLI::Validator zero_or_more();

// A number from `least` to `most`, both included: "must be from 4 to 18, not 30".
// Replaces CLI::Range, whose "Value 30 not in range 4 to 18" is not a sentence.
CLI::Validator from_to(double least, double most);

}  // namespace castgraph::cli
