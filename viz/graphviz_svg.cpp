// Graphviz's SVG edited as text; see graphviz_svg.hpp.
#include "viz/graphviz_svg.hpp"

#include <fmt/format.h>

#include <exception>

namespace castgraph::viz {
namespace {

// Removes every `open`...`close` block (and the line break after it) from `text` whose
// start `keep` does not keep.
template <class Keep>
void erase_blocks(std::string& text, std::string_view open, std::string_view close, Keep keep) {
  for (std::size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
    const std::size_t end = text.find(close, at);
    if (end == std::string::npos) break;
    if (keep(at)) {
      at = end;
      continue;
    }
    text.erase(at, end + close.size() - at);
    if (at < text.size() && text[at] == '\n') text.erase(at, 1);
  }
}

bool follows(const std::string& text, std::size_t at, std::string_view before) {
  return at >= before.size() && text.compare(at - before.size(), before.size(), before) == 0;
}

}  // namespace

std::optional<AttributeValue> svg_root_attribute(const std::string& svg, std::string_view name) {
  const std::size_t root = svg.find("<svg");
  if (root == std::string::npos) return std::nullopt;
  const std::size_t root_end = svg.find('>', root);
  const std::string needle = std::string(name) + "=\"";
  for (std::size_t at = svg.find(needle, root); at != std::string::npos && at < root_end;
       at = svg.find(needle, at + 1)) {
    if (svg[at - 1] != ' ' && svg[at - 1] != '\n') continue;  // "stroke-width=" for "width="
    const std::size_t begin = at + needle.size(), end = svg.find('"', begin);
    if (end == std::string::npos || end > root_end) return std::nullopt;
    return AttributeValue{begin, end};
  }
  return std::nullopt;
}

void fix_svg_viewbox(std::string& svg) {
  const auto width = svg_root_attribute(svg, "width");
  const auto height = svg_root_attribute(svg, "height");
  const auto view_box = svg_root_attribute(svg, "viewBox");
  if (!width || !height || !view_box) return;
  auto points = [&](AttributeValue value) -> std::optional<double> {
    std::string text = svg.substr(value.begin, value.end - value.begin);
    if (text.size() < 3 || text.substr(text.size() - 2) != "pt") return std::nullopt;
    text.resize(text.size() - 2);
    try {
      std::size_t used = 0;
      const double number = std::stod(text, &used);
      return used == text.size() && number > 0 ? std::optional<double>(number) : std::nullopt;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  };
  const auto w = points(*width), h = points(*height);
  if (!w || !h) return;
  svg.replace(view_box->begin, view_box->end - view_box->begin,
              fmt::format("0.00 0.00 {:.2f} {:.2f}", *w, *h));
}

std::string inline_svg(const std::string& graphviz_svg) {
  std::string svg = graphviz_svg;
  // Everything before <svg (XML declaration, DOCTYPE, comments) goes.
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return "";
  svg.erase(0, start);
  // Comments: Graphviz writes one per node and edge, naming it.
  erase_blocks(svg, "<!--", "-->", [](std::size_t) { return false; });
  // The DOT names of nodes and edges, which Graphviz writes as their <title>.
  erase_blocks(svg, "<title>", "</title>", [&](std::size_t at) {
    return !follows(svg, at, "class=\"node\">\n") && !follows(svg, at, "class=\"edge\">\n");
  });
  // The root element: no fixed size in points, so that CSS sizes it.
  for (std::string_view name : {"width", "height"})
    if (const auto value = svg_root_attribute(svg, name)) {
      const std::size_t begin = value->begin - name.size() - 2;  // name="
      svg.erase(begin, value->end + 1 - begin);
    }
  svg.insert(4, " class=\"tips\" role=\"img\" aria-label=\"network diagram\"");
  while (!svg.empty() && (svg.back() == '\n' || svg.back() == ' ')) svg.pop_back();
  return svg;
}

}  // namespace castgraph::viz
