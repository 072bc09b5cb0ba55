// Running castgraph-mpi beside castgraph: for 1 to 4 ranks, the same bytes on stdout, or
// the same message and exit status for a failure, without a hang. castgraph itself is the
// reference: it was checked against hand-worked answers and brute force in tests/cli and
// tests/algorithms.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "support/run_command.hpp"

namespace castgraph::testing {

// mpirun under a timeout: a hang fails the test (status 124) instead of stalling ctest.
inline CommandResult run_mpi(int ranks, const std::string& arguments) {
  return run_program("timeout 120 mpirun -q --oversubscribe --allow-run-as-root -np " +
                         std::to_string(ranks) + " " + shell_quote(CASTGRAPH_MPI_BINARY),
                     arguments);
}

// The line castgraph-mpi printed itself, without mpirun's own notice that a rank failed.
inline std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n') + 1);
}

inline void expect_same_output(const std::string& arguments) {
  const CommandResult one = run_castgraph(arguments);
  INFO("castgraph " << arguments << "\n" << one.err);
  REQUIRE(one.status == 0);
  for (int ranks = 1; ranks <= 4; ++ranks) {
    const CommandResult many = run_mpi(ranks, arguments);
    INFO("castgraph-mpi on " << ranks << " ranks\n" << many.err);
    CHECK(many.status == 0);
    CHECK(many.out == one.out);
    CHECK(many.err == one.err);  // the same warnings, once
  }
}

inline void expect_same_refusal(const std::string& arguments) {
  const CommandResult one = run_castgraph(arguments);
  REQUIRE(one.status != 0);
  for (int ranks = 1; ranks <= 4; ++ranks) {
    const CommandResult many = run_mpi(ranks, arguments);
    INFO("castgraph-mpi on " << ranks << " ranks: " << many.err);
    CHECK(many.status == one.status);
    CHECK(first_line(many.err) == one.err);
    CHECK(many.out.empty());
  }
}

}  // namespace castgraph::testing
