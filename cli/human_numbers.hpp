// Reading counts the way people type them: 100000, 100k, 1M, 2.5M, 10万, 100万, 1亿.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace castgraph::cli {

// Throws UsageError naming `what` when the text is not such a count.
std::uint64_t parse_human_count(std::string_view text, std::string_view what);

// A comma-separated list of counts ("100k,1M,10M" or "10万,100万,1000万").
std::vector<std::uint64_t> parse_human_counts(std::string_view text, std::string_view what);

}  // namespace castgraph::cli
