// Graphviz's SVG output, edited as text after the render: the two fixes castgraph needs,
// both working on the root <svg> element's attributes, found by one reader.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace castgraph::viz {

// Where the value of attribute `name` of the root <svg> element lies in `svg`:
// [begin, end) of the text between its quotes; nullopt when there is no such attribute.
struct AttributeValue {
  std::size_t begin = 0, end = 0;
};
std::optional<AttributeValue> svg_root_attribute(const std::string& svg, std::string_view name);

// Graphviz 2.42/2.43 writes an SVG's viewBox at 72 dpi but draws at the graph's dpi
// (castgraph's DOT says 96), so browsers clipped the right and bottom quarter. This sets
// the viewBox to the width and height (in pt) Graphviz gives the drawing, which bound it.
// render_dot applies it to every SVG; an SVG without those attributes is left as it is.
void fix_svg_viewbox(std::string& svg);

// Graphviz SVG made fit for inlining in HTML: no XML prolog, DOCTYPE or comments; no
// fixed width and height (the viewBox stays, CSS sizes it); the root marked for the
// report's tooltips (class "tips"). Graphviz's <title> of each node and edge, which holds
// only its DOT name ("n3"), goes: the tooltip is the element's `tooltip` attribute, which
// Graphviz writes as the xlink:title of a link around it and browsers show on hover.
std::string inline_svg(const std::string& graphviz_svg);

}  // namespace castgraph::viz
