#include "mpi/communities_over_ranks.hpp"

#include <cstring>

#include "mpi/agreement.hpp"
#include "mpi/root_refusal.hpp"
#include "mpi/shard_projection.hpp"
#include "mpi/wire.hpp"

namespace castgraph::mpi {
namespace {

// Every owner's pairs on rank 0, by (a, b) (the owners' sets are disjoint); empty on the
// other ranks. Collective.
std::vector<PairCount> gather_pairs(World& world, const std::vector<PairCount>& mine) {
  std::vector<std::string> to(static_cast<std::size_t>(world.size()));
  for (const PairCount& pair : mine) put_pair(to[0], pair);
  return add_up_pairs(world.exchange(to));  // disjoint owners: nothing to add, only sort
}

}  // namespace

ProjectionOverRanks audience_graph_over_ranks(World& world, const Network& shard,
                                              const ProjectionOptions& projection,
                                              std::uint64_t follows) {
  ProjectionOverRanks out;
  out.graph = {shard.broadcasters.size(), {}};
  if (follows == 0) return out;
  PairCounts counts = reduce_pairs_to_owners(world, shard, {projection.max_hosts_per_fan});
  counts.pairs = gather_pairs(world, counts.pairs);
  if (projection.max_hosts_per_fan > 0) out.left_out = {counts.skipped_fans, counts.skipped_people};
  if (world.root())
    out.graph = audience_graph_from_pairs(shard.broadcasters.size(), counts, projection);
  return out;
}

ProjectionOverRanks project_hosts_over_ranks(World& world, const Network& shard,
                                             const ProjectionOptions& projection,
                                             std::uint64_t follows) {
  ProjectionOverRanks out;
  HostGraph audience{shard.broadcasters.size(), {}};
  if (projection.audience_layer > 0) {
    out = audience_graph_over_ranks(world, shard, projection, follows);
    audience = std::move(out.graph);
    out.graph = {};
  }
  agree_on(world, [&] {
    if (world.root()) out.graph = project_hosts(shard, projection, std::move(audience));
  });
  return out;
}

ProjectionOverRanks project_hosts_over_ranks(World& world, const Network& shard,
                                             const CommunityOptions& options,
                                             std::uint64_t follows) {
  return project_hosts_over_ranks(world, shard, projection_options(options), follows);
}

Communities find_communities_on_root(World& world, const HostGraph& graph,
                                     const CommunityOptions& options, RootFailure failure) {
  Communities found;
  std::optional<LocalFailure> failed;
  if (world.root()) failed = attempt([&] { found = find_communities(graph, options); });
  if (failure == RootFailure::ends_every_rank)
    agree(world, failed);
  else
    share_root_refusal(world, failed);
  return found;
}

Communities find_communities_over_ranks(World& world, const Network& shard, std::uint64_t follows,
                                        const CommunityOptions& options, RootFailure failure) {
  const HostGraph graph = project_hosts_over_ranks(world, shard, options, follows).graph;
  return share_communities(world, shard, find_communities_on_root(world, graph, options, failure));
}

Communities share_communities(World& world, const Network& shard, const Communities& found) {
  std::string bytes;
  if (world.root()) {
    put(bytes, std::uint32_t{found.count});
    std::uint64_t modularity = 0;  // the double's bits, so that every rank prints the same
    std::memcpy(&modularity, &found.modularity, sizeof modularity);
    put(bytes, modularity);
    for (std::uint32_t community : found.of_host) put(bytes, community);
  }
  bytes = world.broadcast(std::move(bytes), 0);
  WireReader in(bytes);
  Communities known;
  known.count = in.number<std::uint32_t>();
  const auto modularity = in.number<std::uint64_t>();
  std::memcpy(&known.modularity, &modularity, sizeof modularity);
  known.of_host.resize(shard.broadcasters.size());
  for (std::uint32_t& community : known.of_host) community = in.number<std::uint32_t>();
  return known;
}

// viz::community_audience over all ranks, on every rank: each community's people are a sum
// over fans, and so are those each pair shares, gathered as (a, b, people) and added up.
viz::CommunityAudience community_audience_over_ranks(World& world, const Network& shard,
                                                     const Communities& found) {
  viz::CommunityAudience mine = viz::community_audience(shard, found);
  std::string bytes;
  for (const auto& [pair, people] : mine.shared) {
    put(bytes, pair.first);
    put(bytes, pair.second);
    put(bytes, people);
  }
  viz::CommunityAudience all;
  all.reach = world.sum(std::move(mine.reach));
  for (const std::string& from : world.gather_all(bytes)) {
    WireReader in(from);
    while (!in.done()) {
      const auto a = in.number<std::uint32_t>();
      const auto b = in.number<std::uint32_t>();
      all.shared[{a, b}] += in.number<std::uint64_t>();
    }
  }
  return all;
}

}  // namespace castgraph::mpi
