// The output format a path names by its extension, shared by render (svg, png, pdf,
// dot) and export (graphml, gexf, json, ...), so both read "OUT.SVG" and "out" alike.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace castgraph::viz {

// The lower-cased extension of `path` (after the last '.' of its last component) when it
// is one of `formats`; otherwise UsageError "cannot tell the <what> of 'path': end it in
// .a, .b, ...". O(path + formats).
std::string format_from_extension(std::string_view path, std::span<const std::string_view> formats,
                                  std::string_view what);

}  // namespace castgraph::viz
