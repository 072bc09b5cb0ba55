// The palette: Okabe–Ito categories, grey beyond them, readable text on every fill.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "viz/palette.hpp"

using namespace castgraph::viz;

TEST_CASE("the first seven categories get distinct Okabe-Ito colours, the rest grey", "[viz]") {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < kCategoryColors; ++i) seen.emplace(category_color(i));
  CHECK(seen.size() == kCategoryColors);
  CHECK(category_color(0) == "#E69F00");
  CHECK(category_color(kCategoryColors) == kOtherColor);
  CHECK(category_color(100) == kOtherColor);
}

TEST_CASE("text on a fill is black on light colours and white on dark ones", "[viz]") {
  CHECK(text_color_on("#F0E442") == "#000000");  // yellow
  CHECK(text_color_on("#0072B2") == "#FFFFFF");  // blue
  CHECK(text_color_on(sequential_color(3, 4)) == "#FFFFFF");
  CHECK(text_color_on(sequential_color(0, 4)) == "#000000");
}
