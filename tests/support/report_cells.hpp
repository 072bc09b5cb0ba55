// Reading the numbers of a castgraph HTML report back, for tests: every element with
// data-cell="NAME" data-value="VALUE", and the text it shows. A scan of the page source (or
// of the DOM Chromium dumps), not a second HTML writer.
#pragma once

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace castgraph::testing::report {

inline std::string decode_entities(std::string text) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"},  {"&gt;", ">"},        {"&quot;", "\""},
      {"&#39;", "'"}, {"&nbsp;", "\u00a0"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities)
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + 1))
      text.replace(at, std::string_view(from).size(), to);
  return text;
}

inline std::string trim(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.erase(0, 1);
  return text;
}

struct Cell {
  std::string value;  // data-value
  std::string text;   // the visible text before any markup inside the cell
};

// The value of the attribute `name="..."` that starts exactly at `at` (not decoded), with
// `at` moved past its closing quote; nullopt if none starts there. A scan, not std::regex:
// GCC 12 warns (-Wmaybe-uninitialized) inside libstdc++'s regex compiler in the asan build.
inline std::optional<std::string> attribute_at(const std::string& html, std::size_t& at,
                                               std::string_view name) {
  const std::string open = std::string(name) + "=\"";
  if (html.compare(at, open.size(), open) != 0) return std::nullopt;
  const std::size_t first = at + open.size(), close = html.find('"', first);
  if (close == std::string::npos) return std::nullopt;
  at = close + 1;
  return html.substr(first, close - first);
}

// Every data-cell of a page (its source or a DOM dump), by name: each
// `data-cell="NAME"`, white space, `data-value="VALUE"`, the rest of the tag, then the
// text up to the next tag.
inline std::map<std::string, Cell> cells_of(const std::string& html) {
  std::map<std::string, Cell> cells;
  for (std::size_t at = html.find("data-cell=\""); at != std::string::npos;
       at = html.find("data-cell=\"", at + 1)) {
    std::size_t next = at;
    const std::optional<std::string> name = attribute_at(html, next, "data-cell");
    const std::size_t spaced = next;
    while (next < html.size() && std::isspace(static_cast<unsigned char>(html[next]))) ++next;
    const std::optional<std::string> value =
        name && next > spaced ? attribute_at(html, next, "data-value") : std::nullopt;
    const std::size_t tag_end = value ? html.find('>', next) : std::string::npos;
    if (tag_end == std::string::npos) continue;
    const std::size_t text_end = std::min(html.find('<', tag_end), html.size());
    cells[decode_entities(*name)] = {
        decode_entities(*value),
        trim(decode_entities(html.substr(tag_end + 1, text_end - tag_end - 1)))};
  }
  return cells;
}

}  // namespace castgraph::testing::report
