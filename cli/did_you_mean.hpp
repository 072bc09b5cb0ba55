// "Did you mean": the command or flag nearest to one a person mistyped (`reahc` ->
// `reach`, `--methd` -> `--method`), by edit distance in code points.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace castgraph::cli {

// The candidate nearest `typed`, when it is near enough to be a typo: at most a third of
// the typed code points away (at least 2, so a swapped pair of letters counts), or a
// prefix of it or starting with it. Ties go to the first candidate. O(candidates ·
// |typed| · |candidate|).
std::optional<std::string> nearest_word(std::string_view typed,
                                        const std::vector<std::string>& candidates);

// When the first argument names no sub-command of `app` (and is not a flag), the
// sentence saying so, with the nearest sub-command; nullopt otherwise.
std::optional<std::string> unknown_command_message(const CLI::App& app, int argc,
                                                   const char* const* argv);

// For each `--flag` in argv that neither `app` nor the sub-command chosen in argv knows,
// a line "unknown flag '--methd'; did you mean '--method'?" (the suggestion only when one
// is near). Empty when every flag is known.
std::string unknown_flag_hints(const CLI::App& app, int argc, const char* const* argv);

}  // namespace castgraph::cli
