// The audience audit: which fans look bought, found as dense blocks of the fan x fanbase
// follow graph and judged against chance, and what that means for each host.
//
// Method, in three steps:
//   1. lockstep between hosts (co_follow_groups.hpp): fanbases whose audiences are largely
//      the same people form groups; a farm following its buyers makes such a group;
//   2. Fraudar (fraudar.hpp) peels each group's fans (those following two or more of its
//      fanbases) into blocks: the densest, then the densest of the rest, and so on;
//   3. each block is scored against a random graph with the same degrees
//      (block_chance.hpp) and flagged when it holds at least min_lift times the follows
//      chance would put there, with at least min_fans fans over two or more fanbases.
// Peeling each group rather than the whole graph is what makes small farms visible:
// on the whole graph, Fraudar's densest block is a large, chance-level mass of busy
// genuine fans, and a farm of low-degree accounts is swept into it.
//
// Time: O(sum over fans of d^2) for the groups (d capped), plus O(E log V) over the
// groups' follows for the peeling; memory O(fans + fanbases).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "algorithms/block_chance.hpp"
#include "algorithms/co_follow_groups.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct AuditOptions {
  double min_overlap = 0.3;  // co_follow_groups.hpp
  std::size_t max_blocks_per_group = 8;
  double min_lift = 20.0;
  std::size_t min_fans = 10;
  std::uint64_t implausible_follows = 200;  // a fan following more fanbases is counted
};

struct AuditBlock {
  std::vector<NodeId> fans;      // by external id (the order the sums run in)
  std::vector<NodeId> fanbases;  // sorted
  std::vector<NodeId> hosts;     // owners of the fanbases, sorted, distinct
  std::uint64_t edges = 0;       // follows inside the block
  double density = 0;            // edges / (fans x fanbases)
  double expected = 0;           // edges chance puts there (block_chance.hpp)
  double lift = 0;               // edges / expected: the block's score
  double average = 0;            // Fraudar's weighted average degree g
  double identical_share = 0;    // share of fans with a follow set shared by 2+ others
  bool flagged = false;
};

struct HostAudit {
  NodeId host = kNoNode;
  std::uint64_t followers_seen = 0;  // distinct fans following any of its fanbases
  std::uint64_t suspicious = 0;      // of them, in flagged blocks
  double suspicious_share = 0;       // suspicious / followers_seen
  std::uint64_t declared = 0;        // declared fans, all its fanbases
  // 0-100: 100 x (1 - suspicious_share), rounded; a host whose followers all look
  // genuine scores 100, one whose followers are all in farms 0. 100 when none are seen.
  int quality = 100;
};

struct AuditResult {
  std::vector<AuditBlock> blocks;        // flagged, in the order found
  std::vector<AuditBlock> unflagged;     // peeled but no further from chance than min_lift
  std::vector<std::uint8_t> suspicious;  // per fan: 1 when in a flagged block
  std::uint64_t suspicious_fans = 0;
  std::uint64_t implausible_fans = 0;  // following more than implausible_follows fanbases
  std::vector<HostAudit> hosts;        // every host, by suspicious share, largest first
};

// Audits every follow of `network`. A network without follows audits to nothing.
//
// The answer depends on the fans' external ids, not on the order of the files: each
// group's fans are peeled in the order of their ids (Fraudar's ties go to the earlier id)
// and every sum over a block's fans runs in that order. So shuffled rows audit alike, and
// castgraph-mpi, whose ranks hold the fans in no common order, finds the same blocks.
AuditResult audit(const Network& network, const AuditOptions& options = {});

// What audit_groups peels: fans with their whole follow sets, and what it reads of the
// whole network beside them. One node passes the network; castgraph-mpi's rank 0 passes
// the fans of every group, gathered from all ranks, with degrees summed over ranks.
struct AuditGraph {
  const Network& network;         // hosts and fanbases (fans are those of `follows`)
  const Csr& follows;             // fan -> fanbases: every fan of two or more of a group's fanbases
  const Csr& followers;           // the transpose of `follows`
  const NetworkDegrees& degrees;  // of the whole network
  std::function<std::string_view(NodeId)> fan_id;  // a fan's external id
};

// The blocks Fraudar peels from `groups` (co_follow_groups.hpp), in the order found,
// flagged or not; fans numbered as in `graph.follows`.
struct GroupBlocks {
  std::vector<AuditBlock> flagged, unflagged;
};
GroupBlocks audit_groups(const AuditGraph& graph, const std::vector<std::vector<NodeId>>& groups,
                         const AuditOptions& options);

// The lockstep options audit() derives from `options`.
CoFollowOptions co_follow_options(const AuditOptions& options);

// Per-host suspicious shares and quality given a fan mask (1 = suspicious). O(follows).
std::vector<HostAudit> host_audits(const Network& network,
                                   const std::vector<std::uint8_t>& suspicious);

// host_audits in two halves: the counts per host, in host order (over disjoint sets of
// fans, such as MPI ranks, followers_seen and suspicious add up), then the shares,
// qualities and the order by share.
std::vector<HostAudit> count_host_audits(const Network& network,
                                         const std::vector<std::uint8_t>& suspicious);
void rank_host_audits(std::vector<HostAudit>& hosts);

}  // namespace castgraph
