// Colour-blind-safe palettes; see palette.hpp.
#include "viz/palette.hpp"

#include <array>
#include <cmath>

namespace castgraph::viz {
namespace {

// Okabe–Ito without black: orange, sky blue, bluish green, yellow, blue, vermillion,
// reddish purple.
constexpr std::array<std::string_view, kCategoryColors> kOkabeIto{
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"};

// Paul Tol's YlOrBr, light to dark.
constexpr std::array<std::string_view, 9> kYlOrBr{"#FFFFE5", "#FFF7BC", "#FEE391",
                                                  "#FEC44F", "#FB9A29", "#EC7014",
                                                  "#CC4C02", "#993404", "#662506"};

double channel(std::string_view hex, std::size_t at) {
  const double value = std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0;
  return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

}  // namespace

std::string_view category_color(std::size_t i) {
  return i < kOkabeIto.size() ? kOkabeIto[i] : kOtherColor;
}

std::string_view sequential_color(std::size_t band, std::size_t bands) {
  if (bands <= 1) return kYlOrBr[4];
  // Skip the palest shades so the lowest band still stands out from the background.
  const std::size_t first = 2, last = kYlOrBr.size() - 1;
  const std::size_t index = first + band * (last - first) / (bands - 1);
  return kYlOrBr[index < kYlOrBr.size() ? index : last];
}

std::string_view text_color_on(std::string_view fill) {
  if (fill.size() != 7 || fill[0] != '#') return "#000000";
  const double luminance =
      0.2126 * channel(fill, 1) + 0.7152 * channel(fill, 3) + 0.0722 * channel(fill, 5);
  return luminance > 0.22 ? "#000000" : "#FFFFFF";
}

}  // namespace castgraph::viz
