#include "graph/place_names.hpp"

namespace castgraph {

std::string_view place_stem(std::string_view name) {
  // Longest first, so that 维吾尔自治区 is not cut to 维吾尔自治 + 区.
  static constexpr std::string_view kSuffixes[] = {
      "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区",
      "自治州",     "地区",         "省",         "市",         "盟"};
  for (std::string_view suffix : kSuffixes)
    if (name.size() > suffix.size() && name.ends_with(suffix))
      return name.substr(0, name.size() - suffix.size());
  return name;
}

}  // namespace castgraph
