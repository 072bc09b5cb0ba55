// The places and interests the generator draws from: the cities of China's three
// north-eastern provinces (Chinese names, populations, districts where bases sit, local
// specialities), the rest of the country as a few big regions, and the interest
// categories that both hosts (what they sell) and people (what they watch) have.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace castgraph::generator {

// Interest categories; hosts sell in one, people are interested mainly in one.
enum class Category : std::uint8_t {
  clothing,
  food,
  fresh,
  farm,
  beauty,
  jewellery,
  home,
  entertainment
};
inline constexpr int kCategoryCount = 8;

struct CategoryInfo {
  std::string_view name;                       // Chinese label, e.g. 服装
  double audience_share;                       // the share of people whose main interest it is
  std::span<const std::string_view> products;  // product words for names: 草莓, 海鲜, ...
};
const CategoryInfo& category_info(Category category);

struct City {
  std::string_view name;                        // 沈阳
  double population_millions;                   // resident population, rounded (7th census, 2020)
  std::span<const std::string_view> districts;  // districts/counties that host bases
  std::span<const Category> specialities;       // what the local bases are known for
  std::span<const std::string_view> speciality_words;  // 草莓, 玛瑙, 皮草, ...
};

struct Province {
  std::string_view name;  // 辽宁
  std::span<const City> cities;
};

// 辽宁, 吉林, 黑龙江 with all their prefecture-level cities.
const Province& liaoning();
const Province& jilin();
const Province& heilongjiang();

// Where people live outside the north-east: one representative city per region.
struct OutsideRegion {
  std::string_view province;
  std::string_view city;
  double population_millions;  // the whole province's population, rounded
};
std::span<const OutsideRegion> outside_regions();

}  // namespace castgraph::generator
