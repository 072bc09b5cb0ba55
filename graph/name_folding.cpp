#include "graph/name_folding.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <numeric>

namespace castgraph {
namespace {

// utf8proc_map with `options`; the input unchanged when utf8proc rejects it (ill-formed
// UTF-8), since a name that cannot be folded can still match itself.
std::string map_text(std::string_view text, int options) {
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &mapped, static_cast<utf8proc_option_t>(options));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  if (length < 0) return std::string(text);
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(length));
}

// NFKC_Casefold as utf8proc spells it: compatibility composition, case folding, and
// default-ignorable code points (zero-width spaces, soft hyphens) dropped.
constexpr int kFold =
    UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE;

}  // namespace

std::string fold_name(std::string_view text) { return map_text(text, kFold); }

std::string fold_name_without_accents(std::string_view text) {
  // STRIPMARK drops the combining marks that decomposition split off (é = e + U+0301),
  // then COMPOSE puts back together what remains.
  return map_text(text, kFold | UTF8PROC_STRIPMARK);
}

std::vector<char32_t> code_points(std::string_view text) {
  std::vector<char32_t> points;
  points.reserve(text.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t point = 0;
    utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &point);
    if (used <= 0) {  // an ill-formed byte: counted as itself, above the code point range
      point = 0x110000 + *bytes;
      used = 1;
    }
    points.push_back(static_cast<char32_t>(point));
    bytes += used;
    left -= used;
  }
  return points;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::vector<char32_t> from = code_points(a), to = code_points(b);
  // row[j]: distance from the first i code points of `from` to the first j of `to`.
  std::vector<std::size_t> row(to.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= from.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= to.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (from[i - 1] != to[j - 1])});
      diagonal = above;
    }
  }
  return row.back();
}

}  // namespace castgraph
