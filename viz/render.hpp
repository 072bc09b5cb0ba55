// From a Diagram to a picture: DOT text written here, laid out and rendered by
// Graphviz (cgraph + gvc) to SVG, PNG or PDF. The encoding:
//
//   shape    platform hexagon · base rounded box · host ellipse (width by tier) ·
//            folded hosts folder · community circle
//   colour   the fill each node's diagram carries (palette.hpp), text black or white
//   edges    fans on a platform grey · base membership dotted · shared audience blue ·
//            co-streams dashed vermillion; width from the diagram
//   clusters one "subgraph cluster" per base or community, for fdp and dot, the engines
//            that lay clusters out; with the others, colour and member edges group
//   legend   the graph label: title, summary, colour key and encoding, as an HTML-like
//            table at the top
//
// Fonts: every label names "Noto Sans CJK SC" (Debian's fonts-noto-cjk), so Chinese
// renders in PNG and PDF instead of boxes. Names are escaped (escape.hpp).
// Repeatable: node order is the diagram's, and `start` fixes the layout's random seed.
// This header is Graphviz-free; the C handles stay in viz/internal/graphviz_owners.hpp.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "viz/diagram.hpp"

namespace castgraph::viz {

inline constexpr std::string_view kCjkFont = "Noto Sans CJK SC";

struct RenderOptions {
  // sfdp | fdp | neato | dot | twopi | circo. sfdp is the default: quick and repeatable.
  // fdp draws clusters but is not repeatable in Graphviz 2.42 (the same input gives other
  // layouts from run to run); only fdp and dot get the cluster subgraphs.
  std::string layout = "sfdp";
  std::uint64_t seed = 1;  // Graphviz `start`
  std::string font{kCjkFont};
};

// The layout engines castgraph offers.
std::span<const std::string_view> layout_engines();
// The output formats: "svg", "png", "pdf", "dot".
std::span<const std::string_view> output_formats();

// The diagram as DOT text. Throws UsageError for an unknown layout. O(nodes + edges).
std::string to_dot(const Diagram& diagram, const RenderOptions& options = {});

// Lays out `dot` with `layout` and renders it to `format` ("svg", "png", "pdf"); "dot"
// returns the text unchanged. Graphviz's warnings are collected, never printed, and
// returned in `warnings` when given. Throws UsageError for an unknown layout or format,
// ExternalError when Graphviz fails or crashes. Time: that of the layout engine.
//
// Graphviz runs in a forked child process: Graphviz 2.42 keeps global state from one
// layout to the next, so a second render in the same process came out different (and a
// crash inside Graphviz would take the caller down). Call it while no other thread of
// the caller holds a lock the child might need (castgraph renders from one thread).
std::string render_dot(const std::string& dot, std::string_view format, std::string_view layout,
                       std::string* warnings = nullptr);

// The output format named by a path's extension ("out.svg" -> "svg"); UsageError when
// it is none of output_formats().
std::string format_of(std::string_view path);

}  // namespace castgraph::viz
