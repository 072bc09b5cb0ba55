// The typed errors castgraph's library throws. Only cli/ turns them into exit codes
// and messages; library code never prints and never exits.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace castgraph {

// Where in an input file something went wrong. Lines and columns are 1-based;
// columns count characters (UTF-8 code points), so they match what an editor shows.
struct SourceLocation {
  std::filesystem::path file;
  std::size_t line = 0;
  std::size_t column = 0;
};

// Bad input data: the message reads "path:line:column: what".
class DataError : public std::runtime_error {
 public:
  DataError(SourceLocation where, const std::string& what);
  const SourceLocation& where() const { return where_; }
  // The message without the location prefix, e.g. for a rejects file.
  const std::string& reason() const { return reason_; }

 private:
  SourceLocation where_;
  std::string reason_;
};

// A parameter of a library call, named inside a UsageError's message. The library
// knows its parameters ("max_per_base"), not the command-line flags that set them
// (--max-per-base): cli/ names each parameter as its flag when it shows the message.
struct Parameter {
  std::string name;
};

// One piece of a UsageError's message: plain text, or a parameter.
struct MessagePart {
  MessagePart(std::string text) : text(std::move(text)) {}
  MessagePart(const char* text) : text(text) {}
  MessagePart(Parameter parameter) : text(std::move(parameter.name)), is_parameter(true) {}
  std::string text;
  bool is_parameter = false;
};

// The caller asked for something that cannot be done (unknown host, bad parameter value).
// Built from parts, what() names each parameter as the library calls it
// ("k must be at least 1"); message(name_of) lets a front end name it its own way.
class UsageError : public std::runtime_error {
 public:
  explicit UsageError(const std::string& what);
  explicit UsageError(std::vector<MessagePart> parts);
  // The parameters the message names, in order (none for a plain message).
  std::vector<std::string> parameters() const;
  // The message with each parameter written as name_of(parameter).
  std::string message(const std::function<std::string(const std::string&)>& name_of) const;

 private:
  std::vector<MessagePart> parts_;
};

// A file could not be opened, read or written.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A library castgraph calls (igraph, Graphviz) failed, crashed or gave no answer. Not
// the user's fault and not the data's: a command can leave out the part that needed it
// and still do the rest.
class ExternalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace castgraph
