#include "mpi/agreement.hpp"

#include <limits>
#include <tuple>

#include "graph/errors.hpp"

namespace castgraph::mpi {
namespace {

// (line, column) of a data error; (0, 0) for a failure with no place in a file, which one
// process meets before it reads any row.
std::pair<std::uint64_t, std::uint64_t> place(const LocalFailure& failure) {
  try {
    std::rethrow_exception(failure.error);
  } catch (const DataError& data) {
    return {data.where().line, data.where().column};
  } catch (...) {
    return {0, 0};
  }
}

constexpr std::uint64_t kNone = std::numeric_limits<std::uint64_t>::max();

}  // namespace

std::optional<LocalFailure> earlier(std::optional<LocalFailure> a, std::optional<LocalFailure> b) {
  if (!a) return b;
  if (!b) return a;
  return place(*b) < place(*a) ? b : a;
}

void agree(World& world, const std::optional<LocalFailure>& mine) {
  const auto [line, column] = mine ? place(*mine) : std::pair{kNone, kNone};
  const auto all = world.gather_all(std::vector<std::uint64_t>{line, column});
  int winner = -1;
  for (int r = 0; r < world.size(); ++r) {
    const auto at = static_cast<std::size_t>(2 * r);
    if (all[at] == kNone) continue;
    if (winner < 0 ||
        std::tie(all[at], all[at + 1]) < std::tie(all[2 * static_cast<std::size_t>(winner)],
                                                  all[2 * static_cast<std::size_t>(winner) + 1]))
      winner = r;
  }
  if (winner < 0) return;
  cli::Failure failure;
  if (world.rank() == winner) failure = cli::describe_failure(mine->error);
  const std::string status = world.broadcast(std::to_string(failure.status), winner);
  failure.message = world.broadcast(failure.message, winner);
  failure.status = std::stoi(status);
  throw AgreedFailure(failure);
}

}  // namespace castgraph::mpi
