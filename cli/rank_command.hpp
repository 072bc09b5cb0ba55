// The rank command's options and output, shared by castgraph and castgraph-mpi.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/audience_places.hpp"
#include "algorithms/projection.hpp"
#include "cli/dataset_options.hpp"
#include "cli/table_output.hpp"

namespace castgraph::cli {

struct RankCommandOptions {
  DatasetOptions dataset;
  std::string by = "fans";
  std::string graph = "auto";
  std::size_t top = 20;
  std::uint64_t seed = 1;
  std::size_t samples = 256;
  std::uint64_t min_shared = 1;
  std::uint64_t min_fans = 0;
  bool json = false;
  TableOutput tables;
};

// Adds the `rank` subcommand with its options and help; the caller sets the callback.
CLI::App* add_rank_options(CLI::App& app, RankCommandOptions& options);

// Each host's fee per 1,000 of `people` (its own reach from follows), or per 1,000
// declared fans when `people` is empty (no follows), which `basis` then says; NaN for a
// host whose fee is unknown or who reaches nobody. O(hosts).
std::vector<double> cost_per_thousand_reached(const Network& network,
                                              const std::vector<std::uint64_t>& people,
                                              std::string& basis);

// The graph --by pagerank or betweenness reads ("collab" or "audience": --graph, with auto
// the co-stream graph when the dataset has co-streams and the audience graph otherwise),
// or "projection" for --by bridging (the audience and co-stream layers).
std::string rank_graph_name(const Network& network, const RankCommandOptions& options);
// The projection options of the audience graph or the projection named so.
ProjectionOptions rank_projection(const RankCommandOptions& options, const std::string& graph);

// What --by pagerank, betweenness or bridging scores, on `graph` (the graph
// rank_graph_name names `name`, however it was built: castgraph-mpi projects it over its
// ranks): one score per host, the sentence that says what it is, and whether betweenness
// was estimated from sampled sources. Bridging finds Leiden communities (seed
// options.seed) first. Throws what igraph throws.
struct GraphScores {
  std::vector<double> score;
  std::string basis;
  bool estimated = false;
};
GraphScores score_on_graph(const RankCommandOptions& options, const HostGraph& graph,
                           const std::string& name);

// The hosts shown, in order: by `count` (integers, largest first) or else by `score` (cpm:
// cheapest first), the first options.top of them; hosts with fewer declared fans than
// options.min_fans are left out (and counted).
struct Ranking {
  std::vector<NodeId> order;
  std::size_t left_out = 0;  // by --min-fans
};
Ranking rank_hosts(const Network& network, const RankCommandOptions& options,
                   const std::vector<std::uint64_t>& count, const std::vector<double>& score);

// `ranking` as a table, JSON, CSV or a workbook as `options` ask, with where each host's
// people live (`audience`, indexed by host; empty lists without follows).
void print_ranking(const Network& network, const RankCommandOptions& options,
                   const Ranking& ranking, const std::vector<std::uint64_t>& count,
                   const std::vector<double>& score, const std::string& basis, bool estimated,
                   const std::vector<std::vector<PlaceShare>>& audience);

}  // namespace castgraph::cli
