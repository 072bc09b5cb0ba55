#include "mpi/shard_model.hpp"

#include <algorithm>

#include "algorithms/reach_model.hpp"
#include "mpi/agreement.hpp"

namespace castgraph::mpi {
namespace {

// The hosts some fan of some rank follows on a kept fanbase.
std::vector<char> observed_over_ranks(World& world, const Network& shard,
                                      std::optional<NodeId> platform) {
  const std::vector<char> mine = observed_hosts(shard, platform);
  const std::vector<std::uint64_t> counts =
      world.sum(std::vector<std::uint64_t>(mine.begin(), mine.end()));
  std::vector<char> observed(counts.size());
  std::ranges::transform(counts, observed.begin(), [](std::uint64_t n) { return n > 0; });
  return observed;
}

ObservedSharing sharing_over_ranks(World& world, const Network& shard,
                                   std::optional<NodeId> platform,
                                   const std::vector<char>& observed) {
  ObservedSharing sharing = observed_sharing(shard, platform, observed);
  std::vector<std::uint64_t> parts(sharing.people.begin(), sharing.people.end());
  parts.push_back(sharing.fans_left_out);
  parts = world.sum(std::move(parts));
  std::copy_n(parts.begin(), kPairClasses, sharing.people.begin());
  sharing.fans_left_out = parts.back();
  return sharing;
}

// reach_exact of `counted` over all ranks: its unique, per-host and exclusive counts.
ExactReach exact_over_ranks(World& world, const Network& shard, const HostSet& counted) {
  ExactReach exact = reach_exact(shard, counted);
  std::vector<std::uint64_t> parts{exact.unique};
  parts.insert(parts.end(), exact.per_host.begin(), exact.per_host.end());
  parts.insert(parts.end(), exact.exclusive.begin(), exact.exclusive.end());
  parts = world.sum(std::move(parts));
  const auto hosts = static_cast<std::ptrdiff_t>(counted.size());
  exact.unique = parts[0];
  std::copy_n(parts.begin() + 1, hosts, exact.per_host.begin());
  std::copy_n(parts.begin() + 1 + hosts, hosts, exact.exclusive.begin());
  return exact;
}

}  // namespace

ReachResult model_reach(World& world, const Network& shard, const HostSet& set) {
  agree_on(world, [&] { check_model_query(set); });
  const std::vector<char> observed = observed_over_ranks(world, shard, set.platform);
  const ObservedSharing sharing = sharing_over_ranks(world, shard, set.platform, observed);
  DuplicationFit fit;
  agree_on(world, [&] { fit = fit_duplication(shard, set.platform, observed, sharing); });
  HostSet counted;
  agree_on(world, [&] { counted = counted_hosts(shard, set, observed); });
  const ExactReach exact = exact_over_ranks(world, shard, counted);
  return model_reach_result(set, reach_model(shard, set, std::move(fit), observed, exact));
}

}  // namespace castgraph::mpi
