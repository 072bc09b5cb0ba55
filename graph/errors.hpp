// The typed errors castgraph's library throws. Only cli/ turns them into exit codes
// and messages; library code never prints and never exits.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>

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

// The caller asked for something that cannot be done (unknown host, bad flag value).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file could not be opened, read or written.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace castgraph
