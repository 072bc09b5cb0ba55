#include "mpi/root_refusal.hpp"

#include "cli/parameter_flags.hpp"
#include "graph/errors.hpp"

namespace castgraph::mpi {
namespace {

enum class Refusal : char { none = '0', usage = 'u', external = 'e' };

// What rank 0's failure is, and its message, when it is a refusal.
std::pair<Refusal, std::string> refusal_of(const std::optional<LocalFailure>& failure) {
  if (!failure) return {Refusal::none, ""};
  try {
    std::rethrow_exception(failure->error);
  } catch (const UsageError& error) {
    return {Refusal::usage, cli::usage_message(error)};
  } catch (const ExternalError& error) {
    return {Refusal::external, error.what()};
  } catch (...) {
  }
  return {Refusal::none, ""};
}

}  // namespace

void share_root_refusal(World& world, const std::optional<LocalFailure>& mine) {
  const auto [refusal, message] =
      world.root() ? refusal_of(mine) : std::pair<Refusal, std::string>{Refusal::none, ""};
  // Everything else first, agreed on as always.
  agree(world, refusal == Refusal::none ? mine : std::nullopt);
  const std::string told = world.broadcast(static_cast<char>(refusal) + message, 0);
  if (static_cast<Refusal>(told[0]) == Refusal::none) return;
  if (world.root()) std::rethrow_exception(mine->error);
  if (static_cast<Refusal>(told[0]) == Refusal::usage) throw UsageError(told.substr(1));
  throw ExternalError(told.substr(1));
}

}  // namespace castgraph::mpi
