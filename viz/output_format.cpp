#include "viz/output_format.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "graph/errors.hpp"

namespace castgraph::viz {

std::string format_from_extension(std::string_view path, std::span<const std::string_view> formats,
                                  std::string_view what) {
  const std::size_t dot = path.rfind('.');
  const std::size_t slash = path.rfind('/');
  std::string extension;
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash))
    extension = std::string(path.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (std::find(formats.begin(), formats.end(), extension) == formats.end())
    throw UsageError(fmt::format("cannot tell the {} of '{}': end it in .{}", what, path,
                                 fmt::join(formats, ", .")));
  return extension;
}

}  // namespace castgraph::viz
