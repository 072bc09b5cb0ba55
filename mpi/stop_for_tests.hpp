// Hooks for the tests of a rank that dies or fails on its own mid-run. Without their
// environment variables they do nothing.
//   CASTGRAPH_MPI_STOP_RANK=R: rank R stops itself (SIGSTOP) once it has its shard, so a
//     test can kill it while the other ranks wait for it in the next collective.
//   CASTGRAPH_MPI_FAIL_WRITE_RANK=R: rank R fails (an IoError) instead of writing its shard
//     of a shard set while the others write theirs, so a test can check that no partial
//     set is left (shard_set.hpp).
//   CASTGRAPH_MPI_PIECE_BYTES=N: gatherings, broadcasts and reductions send at most N bytes
//     a call (World::kDefaultPieceBytes otherwise), so that a test of small data checks that
//     messages cut into pieces (pieces.hpp) join up again byte for byte.
#pragma once

#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "graph/errors.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

inline bool this_rank_asked(const World& world, const char* variable) {
  const char* rank = std::getenv(variable);
  return rank != nullptr && std::to_string(world.rank()) == rank;
}

inline void stop_here_if_asked(const World& world) {
  if (this_rank_asked(world, "CASTGRAPH_MPI_STOP_RANK")) std::raise(SIGSTOP);
}

inline void fail_here_if_asked(const World& world, const char* variable) {
  if (this_rank_asked(world, variable))
    throw IoError(std::string("failing as ") + variable + " asks (a test of failures)");
}

// The piece size CASTGRAPH_MPI_PIECE_BYTES asks for; none when unset or not a number from
// 1 to 2^31 − 1.
inline std::optional<std::uint64_t> piece_bytes_for_tests() {
  const char* text = std::getenv("CASTGRAPH_MPI_PIECE_BYTES");
  if (text == nullptr) return std::nullopt;
  char* end = nullptr;
  const unsigned long long bytes = std::strtoull(text, &end, 10);
  if (end == text || *end != '\0' || bytes < 1 || bytes > World::kMaxRoundBytes)
    return std::nullopt;
  return bytes;
}

}  // namespace castgraph::mpi
