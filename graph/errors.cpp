#include "graph/errors.hpp"

#include <fmt/format.h>

namespace castgraph {

namespace {
std::string located(const SourceLocation& where, const std::string& what) {
  if (where.line == 0) return fmt::format("{}: {}", where.file.string(), what);
  if (where.column == 0) return fmt::format("{}:{}: {}", where.file.string(), where.line, what);
  return fmt::format("{}:{}:{}: {}", where.file.string(), where.line, where.column, what);
}
std::string joined(const std::vector<MessagePart>& parts,
                   const std::function<std::string(const std::string&)>& name_of) {
  std::string text;
  for (const MessagePart& part : parts) text += part.is_parameter ? name_of(part.text) : part.text;
  return text;
}

std::string as_is(const std::string& name) { return name; }
}  // namespace

DataError::DataError(SourceLocation where, const std::string& what)
    : std::runtime_error(located(where, what)), where_(std::move(where)), reason_(what) {}

}  // namespace castgraph

namespace castgraph {

UsageError::UsageError(const std::string& what) : std::runtime_error(what), parts_{what} {}

UsageError::UsageError(std::vector<MessagePart> parts)
    : std::runtime_error(joined(parts, as_is)), parts_(std::move(parts)) {}

std::vector<std::string> UsageError::parameters() const {
  std::vector<std::string> names;
  for (const MessagePart& part : parts_)
    if (part.is_parameter) names.push_back(part.text);
  return names;
}

std::string UsageError::message(
    const std::function<std::string(const std::string&)>& name_of) const {
  return joined(parts_, name_of);
}

}  // namespace castgraph
