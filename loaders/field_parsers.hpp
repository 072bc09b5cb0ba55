// Parsing the typed fields of the dataset files. Each parser returns the value or an
// error message (without location: the caller knows the file, line and column).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace castgraph {

template <class T>
struct Parsed {
  T value{};
  std::string error;  // empty on success
  bool ok() const { return error.empty(); }
};

// A non-negative integer no larger than 2^63 - 1 (fans, weight, population; see
// graph/value_rules.hpp). Surrounding
// ASCII spaces are ignored; signs, decimals, exponents and digit separators are not.
Parsed<std::uint64_t> parse_count(std::string_view text, std::string_view what);

// A finite non-negative decimal number (fee, collab weight).
Parsed<double> parse_amount(std::string_view text, std::string_view what);

// Leading and trailing ASCII spaces and tabs removed.
std::string_view trim(std::string_view text);

}  // namespace castgraph
