// Escaping names for the text formats castgraph writes, so that a name such as
// `<script>`, `"`, `\` or `&` comes out as the same text, never as markup or syntax.
//
//   DOT quoted string   \ -> \\ and " -> \" (a trailing backslash cannot swallow the
//                       closing quote); line breaks -> \n; other controls, U+FFFE
//                       and U+FFFF -> U+FFFD, as for XML, since Graphviz copies the
//                       text into the SVG it writes
//   DOT label           the same, and & -> &amp;: Graphviz decodes HTML entities in
//                       labels, so a literal "&lt;" would otherwise show as "<"
//   XML / HTML text     & < > " ' -> entities; characters XML 1.0 forbids (controls,
//                       U+FFFE, U+FFFF) -> U+FFFD
//   JSON string         " \ and control characters -> escapes
//
// XML and JSON output is always well-formed UTF-8: an ill-formed byte becomes U+FFFD.
#pragma once

#include <string>
#include <string_view>

namespace castgraph::viz {

// The inside of a DOT "..." string for an attribute other than a label.
std::string escape_dot(std::string_view text);

// The inside of a DOT "..." label: escape_dot plus & -> &amp;.
std::string escape_dot_label(std::string_view text);

// Text or attribute value for XML, SVG, HTML, GraphML, GEXF and Graphviz HTML-like labels.
std::string escape_xml(std::string_view text);

// The inside of a JSON "..." string.
std::string escape_json(std::string_view text);

// A CSV field (RFC 4180): quoted, quotes doubled, when it holds a comma, quote, CR or LF.
std::string escape_csv(std::string_view text);

}  // namespace castgraph::viz
