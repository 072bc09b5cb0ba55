#include "mpi/shard_audit.hpp"

#include <algorithm>
#include <iostream>
#include <numeric>
#include <sstream>

#include "algorithms/co_follow_groups.hpp"
#include "algorithms/lockstep.hpp"
#include "algorithms/overlap.hpp"
#include "graph/csr_builder.hpp"
#include "graph/without_fans.hpp"
#include "mpi/agreement.hpp"
#include "mpi/root_prints.hpp"
#include "mpi/shard_commands.hpp"
#include "mpi/shard_projection.hpp"
#include "mpi/wire.hpp"

namespace castgraph::mpi {
namespace {

// The followers of every fanbase and the follows, summed over ranks.
NetworkDegrees degrees_over_ranks(World& world, const Network& shard) {
  NetworkDegrees degrees = network_degrees(shard.relations.follows, shard.relations.followers);
  std::vector<std::uint64_t> counts = std::move(degrees.fanbase_followers);
  counts.push_back(degrees.follows);
  counts = world.sum(std::move(counts));
  degrees.follows = counts.back();
  counts.pop_back();
  degrees.fanbase_followers = std::move(counts);
  return degrees;
}

// co_follow_groups over all ranks' fans, on every rank.
std::vector<std::vector<NodeId>> groups_over_ranks(World& world, const Network& shard,
                                                   const NetworkDegrees& degrees,
                                                   const CoFollowOptions& options) {
  const Relations& r = shard.relations;
  std::vector<PairCount> pairs;
  for_each_co_follow_pair(r.follows, r.followers, options.cap,
                          [&](NodeId a, NodeId b, std::uint64_t both) {
                            pairs.push_back({a, b, both});
                          });
  std::string kept;
  for (const PairCount& pair : sum_pairs_at_owners(world, std::move(pairs)))
    if (co_follow_pair_kept(pair.shared, degrees.fanbase_followers[pair.a],
                            degrees.fanbase_followers[pair.b], options))
      put_pair(kept, pair);
  std::vector<std::pair<NodeId, NodeId>> all_kept;
  for (const PairCount& pair : add_up_pairs(world.gather_all(kept)))
    all_kept.emplace_back(pair.a, pair.b);
  return groups_from_pairs(r.followers.rows(), all_kept);
}

// This rank's fans following two or more fanbases of one group, in shard order.
std::vector<NodeId> fans_of_groups(const Network& shard,
                                   const std::vector<std::vector<NodeId>>& groups) {
  std::vector<NodeId> group_of(shard.fanbases.size(), kNoNode);
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (NodeId fanbase : groups[g]) group_of[fanbase] = static_cast<NodeId>(g);
  std::vector<NodeId> fans, seen;
  const Csr& follows = shard.relations.follows;
  for (NodeId fan = 0; fan < follows.rows(); ++fan) {
    seen.clear();
    for (NodeId fanbase : follows.neighbours(fan))
      if (group_of[fanbase] != kNoNode) seen.push_back(group_of[fanbase]);
    std::ranges::sort(seen);
    if (std::ranges::adjacent_find(seen) != seen.end()) fans.push_back(fan);
  }
  return fans;
}

// One fan as rank 0 receives it.
struct GatheredFan {
  std::string_view id;
  std::vector<NodeId> follows;
  int rank = 0;
  std::uint32_t position = 0;  // in its rank's list of fans sent
};

// Rank 0's audit of the gathered fans; the other ranks return an empty result.
struct RootAudit {
  GroupBlocks found;
  Csr follows;
  std::vector<std::string> ids;
  std::vector<std::string> flagged_to;  // per rank: positions of its flagged fans
  std::uint64_t fans = 0, follow_count = 0;
};

RootAudit audit_at_root(const Network& shard, const std::vector<std::string>& from,
                        const NetworkDegrees& degrees,
                        const std::vector<std::vector<NodeId>>& groups,
                        const AuditOptions& options) {
  RootAudit root;
  std::vector<GatheredFan> fans;
  for (std::size_t rank = 0; rank < from.size(); ++rank) {
    WireReader in(from[rank]);
    for (std::uint32_t position = 0; !in.done(); ++position) {
      GatheredFan fan;
      fan.id = in.text();
      fan.follows.resize(in.number<std::uint32_t>());
      for (NodeId& fanbase : fan.follows) fanbase = in.number<std::uint32_t>();
      fan.rank = static_cast<int>(rank);
      fan.position = position;
      fans.push_back(std::move(fan));
    }
  }
  std::ranges::sort(fans, {}, &GatheredFan::id);
  std::vector<std::uint64_t> offsets{0};
  std::vector<NodeId> targets;
  for (const GatheredFan& fan : fans) {
    root.ids.emplace_back(fan.id);
    targets.insert(targets.end(), fan.follows.begin(), fan.follows.end());
    offsets.push_back(targets.size());
  }
  root.fans = fans.size();
  root.follow_count = targets.size();
  root.follows = Csr(Column<std::uint64_t>(std::move(offsets)), Column<NodeId>(std::move(targets)));
  const Csr& follows = root.follows;
  const Csr followers = transpose(follows, shard.fanbases.size());
  const AuditGraph graph{shard, follows, followers, degrees,
                         [&](NodeId fan) { return std::string_view(root.ids[fan]); }};
  root.found = audit_groups(graph, groups, options);
  root.flagged_to.resize(from.size());
  for (const AuditBlock& block : root.found.flagged)
    for (NodeId fan : block.fans)
      put(root.flagged_to[static_cast<std::size_t>(fans[fan].rank)],
          std::uint32_t{fans[fan].position});
  return root;
}

}  // namespace

AuditOverRanks audit_over_ranks(World& world, const Network& shard, const AuditOptions& options) {
  AuditOverRanks over;
  AuditResult& result = over.result;
  const Relations& r = shard.relations;
  const NetworkDegrees degrees = degrees_over_ranks(world, shard);
  const std::vector<std::vector<NodeId>> groups =
      groups_over_ranks(world, shard, degrees, co_follow_options(options));

  // This rank's fans of the groups, whole, to rank 0.
  const std::vector<NodeId> sent = fans_of_groups(shard, groups);
  std::vector<std::string> to(static_cast<std::size_t>(world.size()));
  for (NodeId fan : sent) {
    put(to[0], shard.fans.ids[fan]);
    put(to[0], static_cast<std::uint32_t>(r.follows.degree(fan)));
    for (NodeId fanbase : r.follows.neighbours(fan)) put(to[0], std::uint32_t{fanbase});
  }
  const std::vector<std::string> from = world.exchange(to);
  RootAudit root;
  agree_on(world, [&] {
    if (world.root()) root = audit_at_root(shard, from, degrees, groups, options);
  });

  // Each rank's flagged fans back to it.
  result.suspicious.assign(shard.fans.size(), 0);
  if (!world.root()) root.flagged_to.assign(static_cast<std::size_t>(world.size()), {});
  for (const std::string& bytes : world.exchange(root.flagged_to)) {
    WireReader in(bytes);
    while (!in.done()) result.suspicious[sent[in.number<std::uint32_t>()]] = 1;
  }
  for (const AuditBlock& block : root.found.flagged) result.suspicious_fans += block.fans.size();
  result.blocks = std::move(root.found.flagged);
  result.unflagged = std::move(root.found.unflagged);
  over.fan_ids = std::move(root.ids);
  over.gathered_follows = std::move(root.follows);
  over.gathered_fan_count = root.fans;
  over.gathered_follow_count = root.follow_count;

  // The counts of all ranks: rank 0's of the blocks, everyone's of the fans.
  std::vector<HostAudit> hosts = count_host_audits(shard, result.suspicious);
  std::vector<std::uint64_t> counts;
  for (const HostAudit& host : hosts) {
    counts.push_back(host.followers_seen);
    counts.push_back(host.suspicious);
  }
  counts.push_back(fans_following_more_than(r.follows, options.implausible_follows));
  counts.push_back(shard.fans.size());
  counts.push_back(result.suspicious_fans);
  counts = world.sum(std::move(counts));
  for (std::size_t h = 0; h < hosts.size(); ++h) {
    hosts[h].followers_seen = counts[2 * h];
    hosts[h].suspicious = counts[2 * h + 1];
  }
  rank_host_audits(hosts);
  result.hosts = std::move(hosts);
  result.implausible_fans = counts[2 * result.hosts.size()];
  over.fans = counts[2 * result.hosts.size() + 1];
  result.suspicious_fans = counts[2 * result.hosts.size() + 2];
  return over;
}

void exclude_suspicious_over_ranks(World& world, Network& shard,
                                   const cli::DatasetOptions& dataset) {
  const std::uint64_t follows = world.sum(shard.follow_count());
  agree_on(world, [&] { cli::check_exclude_follows(follows); });
  const AuditOverRanks found = audit_over_ranks(world, shard, AuditOptions{});
  dataset.left_out = leave_out_flagged_over_ranks(world, shard, found);
}

cli::SuspiciousLeftOut leave_out_flagged_over_ranks(World& world, Network& shard,
                                                    const AuditOverRanks& found) {
  const std::vector<std::uint8_t>& flagged = found.result.suspicious;
  FollowersLeftOut followers = followers_left_out(shard, flagged);
  const std::size_t fanbases = followers.seen.size();
  std::vector<std::uint64_t> counts = std::move(followers.seen);
  counts.insert(counts.end(), followers.dropped.begin(), followers.dropped.end());
  counts = world.sum(std::move(counts));
  followers.seen.assign(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(fanbases));
  followers.dropped.assign(counts.begin() + static_cast<std::ptrdiff_t>(fanbases), counts.end());
  const FansLeftOut gone = leave_out_fans(shard, flagged, followers);
  // The blocks are rank 0's alone.
  const auto totals = world.sum({gone.fans, gone.follows, found.result.blocks.size()});
  const cli::SuspiciousLeftOut left{totals[0], totals[1], totals[2]};
  if (world.root()) std::cerr << cli::left_out_message(left);
  return left;
}

void run_audit(World& world, const cli::AuditCommandOptions& options) {
  const Network shard = open_shard(world, options.dataset, options.tables);
  const std::uint64_t follows = world.sum(shard.relations.follows.edges());
  std::vector<NodeId> asked;
  agree_on(world, [&] {
    cli::check_audit_follows(follows);
    std::ostringstream quiet;
    asked = cli::audit_hosts_asked(shard, options, world.root() ? std::cerr : quiet);
  });
  const AuditOverRanks over = audit_over_ranks(world, shard, options.audit);
  if (options.dataset.verbose && world.root())
    std::cerr << "castgraph-mpi: audit: rank 0 gathered " << over.gathered_fan_count
              << " fans of the lockstep groups with " << over.gathered_follow_count
              << " follows, of " << over.fans << " fans\n";
  const cli::AuditFans fans{[&](NodeId fan) { return std::string_view(over.fan_ids[fan]); },
                            over.fans};
  root_prints(world, [&] { cli::print_audit(shard, fans, over.result, asked, options); });
}

}  // namespace castgraph::mpi
