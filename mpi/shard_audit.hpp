// The audit over MPI ranks (algorithms/audit.hpp), with castgraph's answer at any number
// of ranks:
//   1. lockstep groups: each rank counts the co-followers of fanbase pairs among its own
//      fans; the counts go to each pair's owner and add up (shard_projection.hpp), the
//      owner keeps the pairs in lockstep by the fanbases' follower counts summed over
//      ranks, and every rank unites the kept pairs into the same groups;
//   2. Fraudar: each rank sends rank 0 its fans that follow two or more fanbases of some
//      group, with their whole follow sets; rank 0 peels the groups and scores the blocks
//      with degrees summed over ranks. The audit orders fans by external id, not by file
//      order, so rank 0's blocks are castgraph's;
//   3. rank 0 sends each rank the positions of its flagged fans: every rank then has a
//      suspicious mask over its own fans, and the per-host counts are sums over ranks.
// Rank 0 holds the gathered fans and their follows: the fans of the groups only, which a
// farm-free network barely has, but all the busy genuine fans following two or more of a
// group's fanbases too (bench/RESULTS.md says how far this goes).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/audit.hpp"
#include "cli/audit_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

struct AuditOverRanks {
  // On every rank: `suspicious` over this rank's fans, the counts and `hosts` of all
  // ranks. On rank 0 only: the blocks, their fans numbered as in `fan_ids`.
  AuditResult result;
  std::vector<std::string> fan_ids;  // rank 0: the gathered fans, by id
  Csr gathered_follows;              // rank 0: their whole follow sets, in that order
  std::uint64_t fans = 0;            // of all ranks
  // What rank 0 received: fans and their follows.
  std::uint64_t gathered_fan_count = 0, gathered_follow_count = 0;
};

// Collective. `shard` must have follows on some rank (check_audit_follows).
AuditOverRanks audit_over_ranks(World& world, const Network& shard, const AuditOptions& options);

// --exclude-suspicious over ranks, as castgraph opens a dataset with it: the audit at
// its defaults, then each rank leaves out its flagged fans, the declared fans shrinking by
// each fanbase's flagged share of all ranks; sets dataset.left_out on every rank, and the
// root says on stderr what castgraph says. Collective.
void exclude_suspicious_over_ranks(World& world, Network& shard,
                                   const cli::DatasetOptions& dataset);
// Its second half, for report, which shows the audit it leaves out: `found` on `shard`.
cli::SuspiciousLeftOut leave_out_flagged_over_ranks(World& world, Network& shard,
                                                    const AuditOverRanks& found);

// castgraph-mpi audit. Collective. Throws AgreedFailure on every rank when any rank fails.
void run_audit(World& world, const cli::AuditCommandOptions& options);

}  // namespace castgraph::mpi
