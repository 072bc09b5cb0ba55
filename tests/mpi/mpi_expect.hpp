// Checks that castgraph-mpi prints what castgraph prints, at 1 to 4 ranks.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "support/run_mpi.hpp"

namespace castgraph::testing {

// The same stdout, byte for byte, and success at every rank count; with `and_stderr`,
// the same warnings on stderr too, once.
inline void expect_same_as_castgraph(const std::string& arguments, bool and_stderr = false) {
  const CommandResult one = run_castgraph(arguments);
  INFO("castgraph " << arguments << "\n" << one.err);
  REQUIRE(one.status == 0);
  for (int ranks = 1; ranks <= 4; ++ranks) {
    const CommandResult many = run_mpi(ranks, arguments);
    INFO("castgraph-mpi on " << ranks << " ranks\n" << many.err);
    CHECK(many.status == 0);
    CHECK(many.out == one.out);
    if (and_stderr) CHECK(many.err == one.err);
  }
}

// The same message, every line of it (mpirun's own notices aside), and the same exit status,
// no output.
inline void expect_same_failure_as_castgraph(const std::string& arguments) {
  const CommandResult one = run_castgraph(arguments);
  REQUIRE(one.status != 0);
  for (int ranks = 1; ranks <= 4; ++ranks) {
    const CommandResult many = run_mpi(ranks, arguments);
    INFO("castgraph-mpi on " << ranks << " ranks: " << many.err);
    CHECK(many.status == one.status);
    CHECK(own_message(many.err) == one.err);
    CHECK(many.out.empty());
  }
}

}  // namespace castgraph::testing
