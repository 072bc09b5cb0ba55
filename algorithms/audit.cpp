// The audit loop; see audit.hpp.
#include "algorithms/audit.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "algorithms/block_chance.hpp"
#include "algorithms/co_follow_groups.hpp"
#include "algorithms/fraudar.hpp"
#include "algorithms/lockstep.hpp"
#include "graph/csr_builder.hpp"

namespace castgraph {
namespace {

AuditBlock describe_block(const AuditGraph& graph, const PeeledBlock& peeled) {
  AuditBlock block;
  block.fans = peeled.rows;
  block.fanbases = peeled.columns;
  for (NodeId fanbase : block.fanbases)
    block.hosts.push_back(graph.network.fanbases.broadcaster[fanbase]);
  std::ranges::sort(block.hosts);
  block.hosts.erase(std::unique(block.hosts.begin(), block.hosts.end()), block.hosts.end());
  const BlockChance chance = block_chance(graph.follows, graph.degrees, block.fans, block.fanbases);
  block.edges = chance.edges;
  block.density = chance.density;
  block.expected = chance.expected;
  block.lift = chance.lift;
  block.average = peeled.average;
  block.identical_share = identical_follow_share(graph.follows, block.fans);
  return block;
}

// The follow graph between `group`'s fanbases and the fans following two or more of them,
// renumbered from 0: rows are fans in the order of their external ids, columns the
// group's fanbases in order.
struct GroupGraph {
  std::vector<NodeId> fans;  // row -> fan
  Csr rows, columns;
  std::vector<double> weights;  // per column: the Fraudar weight of the whole network
};

GroupGraph group_graph(const AuditGraph& audited, std::span<const double> weights,
                       const std::vector<NodeId>& group) {
  GroupGraph graph;
  std::vector<NodeId> all;
  for (NodeId fanbase : group)
    for (NodeId fan : audited.followers.neighbours(fanbase)) all.push_back(fan);
  std::ranges::sort(all);
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j] == all[i]) ++j;
    if (j - i >= 2) graph.fans.push_back(all[i]);
    i = j;
  }
  // By external id, not by the order the files gave: ties in the peeling then fall the
  // same way whatever the order of the rows, and on every number of MPI ranks.
  std::ranges::sort(graph.fans,
                    [&](NodeId a, NodeId b) { return audited.fan_id(a) < audited.fan_id(b); });
  std::vector<std::uint64_t> offsets{0};
  std::vector<NodeId> targets;
  for (NodeId fan : graph.fans) {
    for (NodeId fanbase : audited.follows.neighbours(fan))
      if (auto at = std::ranges::lower_bound(group, fanbase); at != group.end() && *at == fanbase)
        targets.push_back(static_cast<NodeId>(at - group.begin()));
    offsets.push_back(targets.size());
  }
  graph.rows = Csr(Column<std::uint64_t>(std::move(offsets)), Column<NodeId>(std::move(targets)));
  graph.columns = transpose(graph.rows, group.size());
  for (NodeId fanbase : group) graph.weights.push_back(weights[fanbase]);
  return graph;
}

// Fraudar's blocks of one group: the densest, then the densest of the fans left, while a
// block holds at least min_fans fans over two or more fanbases. Ids are the graph's, the
// fans in the order of their external ids.
std::vector<PeeledBlock> peel_group(const AuditGraph& audited, std::span<const double> weights,
                                    const std::vector<NodeId>& group, const AuditOptions& options) {
  const GroupGraph graph = group_graph(audited, weights, group);
  std::vector<std::uint8_t> active(graph.fans.size(), 1);
  std::vector<PeeledBlock> blocks;
  while (blocks.size() < options.max_blocks_per_group) {
    PeeledBlock block = peel_densest_block({graph.rows, graph.columns, graph.weights, active});
    if (block.rows.size() < options.min_fans || block.columns.size() < 2) break;
    for (NodeId& row : block.rows) {
      active[row] = 0;
      row = graph.fans[row];
    }
    for (NodeId& column : block.columns) column = group[column];
    blocks.push_back(std::move(block));
  }
  return blocks;
}

bool stands_out(const AuditBlock& block, const AuditOptions& options) {
  return block.fans.size() >= options.min_fans && block.fanbases.size() >= 2 &&
         block.lift >= options.min_lift;
}

}  // namespace

CoFollowOptions co_follow_options(const AuditOptions& options) {
  CoFollowOptions lockstep;
  lockstep.min_fans = options.min_fans;
  lockstep.min_overlap = options.min_overlap;
  return lockstep;
}

GroupBlocks audit_groups(const AuditGraph& graph, const std::vector<std::vector<NodeId>>& groups,
                         const AuditOptions& options) {
  GroupBlocks found;
  const std::vector<double> weights = fraudar_column_weights(graph.degrees.fanbase_followers);
  for (const std::vector<NodeId>& group : groups)
    for (const PeeledBlock& peeled : peel_group(graph, weights, group, options)) {
      AuditBlock block = describe_block(graph, peeled);
      block.flagged = stands_out(block, options);
      (block.flagged ? found.flagged : found.unflagged).push_back(std::move(block));
    }
  return found;
}

std::vector<HostAudit> count_host_audits(const Network& network,
                                         const std::vector<std::uint8_t>& suspicious) {
  const Relations& r = network.relations;
  std::vector<HostAudit> hosts(network.broadcasters.size());
  std::vector<NodeId> fans;
  for (NodeId host = 0; host < hosts.size(); ++host) {
    HostAudit& audit = hosts[host];
    audit.host = host;
    audit.declared = declared_fans(network, host);
    fans.clear();
    for (NodeId fanbase : r.owns.neighbours(host))
      for (NodeId fan : r.followers.neighbours(fanbase)) fans.push_back(fan);
    if (r.owns.degree(host) > 1) {
      std::ranges::sort(fans);
      fans.erase(std::unique(fans.begin(), fans.end()), fans.end());
    }
    audit.followers_seen = fans.size();
    for (NodeId fan : fans) audit.suspicious += suspicious.empty() ? 0 : suspicious[fan];
  }
  return hosts;
}

void rank_host_audits(std::vector<HostAudit>& hosts) {
  for (HostAudit& audit : hosts) {
    if (audit.followers_seen > 0)
      audit.suspicious_share =
          static_cast<double>(audit.suspicious) / static_cast<double>(audit.followers_seen);
    audit.quality = static_cast<int>(std::lround(100.0 * (1.0 - audit.suspicious_share)));
  }
  std::ranges::stable_sort(hosts, std::greater<>{}, &HostAudit::suspicious_share);
}

std::vector<HostAudit> host_audits(const Network& network,
                                   const std::vector<std::uint8_t>& suspicious) {
  std::vector<HostAudit> hosts = count_host_audits(network, suspicious);
  rank_host_audits(hosts);
  return hosts;
}

AuditResult audit(const Network& network, const AuditOptions& options) {
  const Relations& r = network.relations;
  AuditResult result;
  result.suspicious.assign(network.fans.size(), 0);
  if (r.follows.edges() > 0) {
    const NetworkDegrees degrees = network_degrees(r.follows, r.followers);
    const AuditGraph graph{network, r.follows, r.followers, degrees,
                           [&](NodeId fan) { return network.fans.ids[fan]; }};
    GroupBlocks found = audit_groups(
        graph, co_follow_groups(r.follows, r.followers, co_follow_options(options)), options);
    for (const AuditBlock& block : found.flagged) {
      for (NodeId fan : block.fans) result.suspicious[fan] = 1;
      result.suspicious_fans += block.fans.size();
    }
    result.blocks = std::move(found.flagged);
    result.unflagged = std::move(found.unflagged);
  }
  result.implausible_fans = fans_following_more_than(r.follows, options.implausible_follows);
  result.hosts = host_audits(network, result.suspicious);
  return result;
}

}  // namespace castgraph
