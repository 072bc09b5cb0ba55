// Work only rank 0 does (igraph, the planner, Graphviz) inside code every rank runs alike,
// such as a report's sections: rank 0's refusal (a UsageError, or an ExternalError from a
// library) must reach every rank as the same exception, so that every rank turns it into
// the same "not available" and goes on to the same next collective.
#pragma once

#include <optional>

#include "mpi/agreement.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective. Any failure but rank 0's UsageError or ExternalError ends every rank as
// agree() does; rank 0's UsageError or ExternalError is then thrown on every rank (the
// original on rank 0, one with its message elsewhere). Returns when no rank failed.
void share_root_refusal(World& world, const std::optional<LocalFailure>& mine);

}  // namespace castgraph::mpi
