// What castgraph prints and returns when a command fails: the one mapping from the
// library's typed errors to a message and an exit status (exit_codes.hpp), shared by
// castgraph and castgraph-mpi (which prints it once, on one rank, for all of them).
#pragma once

#include <exception>
#include <string>

namespace castgraph::cli {

struct Failure {
  int status = 0;
  std::string message;  // the line for stderr, without its newline
};

// The failure `error` stands for; call with std::current_exception() in a catch block.
Failure describe_failure(std::exception_ptr error);

}  // namespace castgraph::cli
