// Failing together: a failure on any rank ends every rank with the same message and exit
// status, and none waits for ever in a collective the failing rank skipped.
//
// Local work that can throw runs in agree_on(); then every rank learns whether some rank
// failed, and all throw the same AgreedFailure. When several failed, the failure that one
// process would have met first wins: the data error earliest in the file (least line,
// then column), a failure without a place (a missing file, a bad argument) before any
// data error, and between equals the lowest rank.
#pragma once

#include <exception>
#include <optional>
#include <stdexcept>

#include "cli/failure.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// The failure every rank agreed on; the root prints it.
class AgreedFailure : public std::runtime_error {
 public:
  explicit AgreedFailure(cli::Failure failure)
      : std::runtime_error(failure.message), failure_(std::move(failure)) {}
  const cli::Failure& failure() const { return failure_; }

 private:
  cli::Failure failure_;
};

// A failure caught on this rank, not yet agreed on.
struct LocalFailure {
  std::exception_ptr error;
};

// Catches what `work` throws. Does not communicate.
template <typename Work>
std::optional<LocalFailure> attempt(Work&& work) {
  try {
    work();
    return std::nullopt;
  } catch (...) {
    return LocalFailure{std::current_exception()};
  }
}

// The earlier of two failures in one file (see the file comment), either may be absent.
std::optional<LocalFailure> earlier(std::optional<LocalFailure> a, std::optional<LocalFailure> b);

// Collective. Throws AgreedFailure on every rank when `mine` or another rank's is set.
void agree(World& world, const std::optional<LocalFailure>& mine);

// attempt(work), then agree.
template <typename Work>
void agree_on(World& world, Work&& work) {
  agree(world, attempt(std::forward<Work>(work)));
}

}  // namespace castgraph::mpi
