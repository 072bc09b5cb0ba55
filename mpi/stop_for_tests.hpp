// A hook for the tests of a rank that dies mid-run: with CASTGRAPH_MPI_STOP_RANK=R in the
// environment, rank R stops itself (SIGSTOP) once it has loaded its shard, so a test can
// kill it while the other ranks wait for it in the next collective. Without the variable
// it does nothing.
#pragma once

#include <csignal>
#include <cstdlib>
#include <string>

#include "mpi/world.hpp"

namespace castgraph::mpi {

inline void stop_here_if_asked(const World& world) {
  const char* rank = std::getenv("CASTGRAPH_MPI_STOP_RANK");
  if (rank != nullptr && std::to_string(world.rank()) == rank) std::raise(SIGSTOP);
}

}  // namespace castgraph::mpi
