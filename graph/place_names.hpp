// Chinese place names with or without their administrative suffix: 辽宁省 and 辽宁,
// 沈阳市 and 沈阳, 内蒙古自治区 and 内蒙古 are one place, in the data and in flags.
#pragma once

#include <string_view>

namespace castgraph {

// `name` without its administrative suffix (省, 市, 自治区, 特别行政区, ...); unchanged
// when it has none or is nothing but the suffix. O(|name|).
std::string_view place_stem(std::string_view name);

}  // namespace castgraph
