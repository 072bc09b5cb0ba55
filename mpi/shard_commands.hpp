// The commands of castgraph-mpi: each runs on every rank over its shard, combines the
// ranks' integer counts, and derives its figures on every rank with the same functions
// castgraph uses, so that the root prints what castgraph would print.
#pragma once

#include "algorithms/audience_places.hpp"
#include "algorithms/reach.hpp"
#include "cli/info_command.hpp"
#include "cli/overlap_command.hpp"
#include "cli/rank_command.hpp"
#include "cli/reach_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective. Throws AgreedFailure on every rank when any rank fails.

// This rank's shard of the dataset (a CSV directory, or a shard set written by
// run_snapshot for as many ranks), after checking on every rank what every command takes
// before any work: the dataset's options (what castgraph-mpi cannot read yet is refused),
// and what --csv, --bom and -o would refuse when the root writes the tables at the end.
Network open_shard(World& world, const cli::DatasetOptions& dataset,
                   const cli::TableOutput& tables);

// castgraph-mpi snapshot DATASET -o DIR: this run's shards as a shard set (shard_set.hpp).
struct ShardSnapshotOptions {
  cli::DatasetOptions dataset;
  std::string output;
};
void run_snapshot(World& world, const ShardSnapshotOptions& options);

// The fans' weights over all ranks, as describe_fan_sample finds them on one; `fans` is
// the fans of all ranks.
cli::FanSample fan_sample(World& world, const Network& shard, std::uint64_t fans);
// The exact count over all ranks: each counts its own fans, which no other rank has, so
// every count is a sum of the ranks' counts.
ReachResult exact_reach(World& world, const Network& shard, const HostSet& set);
// overlap_matrix of the whole dataset: each shared count is a sum over fans, and each fan
// lives on one rank. Collective: every rank gives the same set.
OverlapMatrix overlap_over_ranks(World& world, const Network& shard, const HostSet& set);
// Where each of `hosts` has its people, over all ranks (top three provinces, as
// audience_provinces); each rank's people per (host, place) are sums of whole weights, so
// the places of all ranks add up exactly to one node's; labels travel as text because each
// shard numbers its places in its own first-seen order. `follows`: of all ranks.
std::vector<std::vector<PlaceShare>> audience_provinces(World& world, const Network& shard,
                                                        std::uint64_t follows,
                                                        std::span<const NodeId> hosts);

void run_info(World& world, const cli::InfoOptions& options);
void run_reach(World& world, const cli::ReachCommandOptions& options);
// overlap --hosts (exact) and --top; --region, --city and sketches are refused for now.
void run_overlap(World& world, const cli::OverlapCommandOptions& options);
// rank --by fans, reach, cpm, pagerank, betweenness or bridging.
void run_rank(World& world, const cli::RankCommandOptions& options);

}  // namespace castgraph::mpi
