// Colours that colour-blind readers can tell apart. Categories take the Okabe–Ito
// palette (Okabe & Ito 2008, "Color Universal Design"), minus its black; ordered values
// (tiers) take Paul Tol's sequential YlOrBr scheme. Beyond the seventh category the
// rest share one neutral grey and the legend says "其他" (other).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace castgraph::viz {

// Number of distinct category colours before falling back to kOtherColor.
inline constexpr std::size_t kCategoryColors = 7;
inline constexpr std::string_view kOtherColor = "#BBBBBB";
inline constexpr std::string_view kNeutralColor = "#E8E8E8";  // nodes not coloured by the mode
inline constexpr std::string_view kNoneColor = "#FFFFFF";     // no base / platform / kind

// The i-th category colour ("#RRGGBB"), or kOtherColor for i >= kCategoryColors.
std::string_view category_color(std::size_t i);

// The colour of band `band` of `bands` ordered bands, light (low) to dark (high).
std::string_view sequential_color(std::size_t band, std::size_t bands);

// Black or white, whichever reads better on `fill` ("#RRGGBB"), by relative luminance.
std::string_view text_color_on(std::string_view fill);

}  // namespace castgraph::viz
