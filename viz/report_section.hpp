// One section of the HTML report, or why this dataset cannot have it.
#pragma once

#include <optional>
#include <string>

namespace castgraph::viz {

// A section that could not be computed on this dataset says why instead.
template <class T>
struct ReportSection {
  std::optional<T> value;
  std::string unavailable;  // the reason, when !value
};

}  // namespace castgraph::viz
