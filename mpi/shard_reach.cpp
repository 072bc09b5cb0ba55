#include "mpi/shard_reach.hpp"

#include <map>
#include <string>

#include "algorithms/host_set.hpp"
#include "mpi/agreement.hpp"
#include "mpi/wire.hpp"

namespace castgraph::mpi {

SketchReach sketch_all(World& world, const Network& shard, const HostSet& set, int precision) {
  const std::size_t m = hll_registers(precision);
  const std::vector<std::uint8_t> all = world.max(set_host_registers(shard, set, precision));
  std::vector<std::vector<std::uint8_t>> hosts;
  for (std::size_t h = 0; h < set.size(); ++h)
    hosts.emplace_back(all.begin() + static_cast<std::ptrdiff_t>(h * m),
                       all.begin() + static_cast<std::ptrdiff_t>((h + 1) * m));
  return sketch_from_host_registers(hosts, precision);
}

namespace {

// Each label's people summed over the ranks (labels as text: the same on every rank).
std::map<std::string, std::uint64_t> summed_by_label(
    World& world, const std::map<std::string, std::uint64_t>& mine) {
  std::string bytes;
  for (const auto& [label, people] : mine) {
    put(bytes, label);
    put(bytes, people);
  }
  std::map<std::string, std::uint64_t> total;
  for (const std::string& from : world.gather_all(bytes))
    for (WireReader in(from); !in.done();) {
      const std::string label(in.text());
      total[label] += in.number<std::uint64_t>();
    }
  return total;
}

// A host group's reach over all ranks, by the method that answered the whole set; empty
// (reach() on this rank) for the declared model, which every rank computes whole.
GroupReach group_reach_all(World& world, const Network& shard, ReachMethod method, int precision) {
  if (method == ReachMethod::exact)
    return [&world, &shard](std::span<const NodeId> group, const ReachOptions& with) {
      const HostSet set = make_host_set(shard, group, with.platform, with.region, with.city);
      return world.sum(reach_exact(shard, set).unique);
    };
  if (method == ReachMethod::sketch)
    return [&world, &shard, precision](std::span<const NodeId> group, const ReachOptions& with) {
      const HostSet set = make_host_set(shard, group, with.platform, with.region, with.city);
      return sketch_reach_result(set, sketch_all(world, shard, set, precision)).unique_reach;
    };
  return {};
}

}  // namespace

std::vector<BreakdownGroup> breakdown_all(World& world, const Network& shard,
                                          std::span<const NodeId> hosts,
                                          const ReachOptions& options, BreakdownBy by,
                                          std::uint64_t unique_reach, std::uint64_t follows) {
  std::map<std::string, std::uint64_t> people;
  if (by == BreakdownBy::province || by == BreakdownBy::city) {
    // Counted from each rank's own fans; a rank without follows has none to count,
    // unless no rank has any, when every rank refuses as one process would.
    agree_on(world, [&] {
      if (shard.follow_count() > 0 || follows == 0)
        people = breakdown_people(shard, hosts, options, by);
    });
    people = summed_by_label(world, people);
  } else if (options.method == ReachMethod::declared) {
    agree_on(world, [&] { people = breakdown_people(shard, hosts, options, by); });
  } else {
    // The groups come from hosts and platforms, which every rank holds whole, so every
    // rank asks for the same groups' reach in the same order.
    people =
        breakdown_people(shard, hosts, options, by,
                         group_reach_all(world, shard, options.method, options.sketch_precision));
  }
  return breakdown_groups(people, unique_reach);
}

}  // namespace castgraph::mpi
