#include "graph/errors.hpp"

#include <fmt/format.h>

namespace castgraph {

namespace {
std::string located(const SourceLocation& where, const std::string& what) {
  if (where.line == 0) return fmt::format("{}: {}", where.file.string(), what);
  if (where.column == 0) return fmt::format("{}:{}: {}", where.file.string(), where.line, what);
  return fmt::format("{}:{}:{}: {}", where.file.string(), where.line, where.column, what);
}
}  // namespace

DataError::DataError(SourceLocation where, const std::string& what)
    : std::runtime_error(located(where, what)), where_(std::move(where)), reason_(what) {}

}  // namespace castgraph
