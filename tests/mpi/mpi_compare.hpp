// Running castgraph-mpi beside castgraph: for 1 to 4 ranks, the same bytes on stdout, or
// the same message and exit status for a failure, without a hang. castgraph itself is the
// reference: it was checked against hand-worked answers and brute force in tests/cli and
// tests/algorithms. Unlike mpi_expect.hpp's checks, these also compare stderr (warnings).
// Each mpirun runs in its own Open MPI session directory (support/run_mpi.hpp).
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "support/run_mpi.hpp"

namespace castgraph::testing {

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
