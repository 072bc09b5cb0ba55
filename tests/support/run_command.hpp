// Running the built castgraph binary from a test: its stdout, stderr and exit status.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "support/temp_dir.hpp"

namespace castgraph::testing {

struct CommandResult {
  int status = -1;  // the exit status, or -1 when it did not exit normally
  std::string out;
  std::string err;
};

// Quotes one argument for /bin/sh.
inline std::string shell_quote(const std::string& argument) {
  std::string quoted = "'";
  for (char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs `program <arguments>` (arguments already joined and quoted as needed; program
// may be several words, e.g. "mpirun -np 2 castgraph-mpi").
// `shell_prefix` runs first in the same shell, e.g. "ulimit -v 524288; exec ".
inline CommandResult run_program(const std::string& program, const std::string& arguments,
                                 const std::string& shell_prefix = "") {
  TempDir scratch;
  const auto err_path = scratch / "stderr";
  const std::string command = shell_prefix + program + " " + arguments + " 2>" +
                              shell_quote(err_path.string()) + " </dev/null";
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    result.out.append(buffer, n);
  const int wait_status = ::pclose(pipe);
  result.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : -1;
  result.err = read_file(err_path);
  return result;
}

// Runs `castgraph <arguments>`, as run_program does.
inline CommandResult run_castgraph(const std::string& arguments,
                                   const std::string& shell_prefix = "") {
  return run_program(shell_quote(CASTGRAPH_BINARY), arguments, shell_prefix);
}

// Absolute path of a file or folder in the source tree, e.g. source_path("samples/tiny").
inline std::string source_path(const std::string& relative) {
  return std::string(CASTGRAPH_SOURCE_DIR) + "/" + relative;
}

// samples/tiny's path, quoted for the shell: the dataset most command-line tests run on.
inline const std::string& tiny_path() {
  static const std::string path = shell_quote(source_path("samples/tiny"));
  return path;
}

}  // namespace castgraph::testing
