// The communities command's options, checks and output, shared by castgraph and
// castgraph-mpi so that both take the same flags and print the same bytes.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/communities.hpp"
#include "algorithms/community_summary.hpp"
#include "algorithms/projection.hpp"
#include "cli/dataset_options.hpp"
#include "cli/table_output.hpp"

namespace castgraph::cli {

struct CommunitiesCommandOptions {
  DatasetOptions dataset;
  std::string method = "leiden";
  double resolution = 1.0;
  std::uint64_t seed = 1;
  std::vector<std::string> layers{"audience", "collab"};
  std::uint64_t min_shared = 1;
  std::string weight = "shared";
  std::size_t top_k = 0;
  std::size_t max_hosts_per_fan = kDefaultMaxHostsPerFan;
  double collab_weight = 1.0;
  double base_weight = 1.0;
  std::size_t show = 20;
  bool json = false;
  TableOutput tables;
};

// Adds the `communities` subcommand with its options and help to `app`; the caller sets
// the callback. `options` must outlive the parse.
CLI::App* add_communities_options(CLI::App& app, CommunitiesCommandOptions& options);

// The algorithm's options from the flags; UsageError for an unknown layer.
CommunityOptions to_options(const CommunitiesCommandOptions& command);
// On stderr, for a person: the audience layer is left out of a dataset without follows.
void note_audience_left_out(const CommunitiesCommandOptions& command,
                            const CommunityOptions& options, std::uint64_t follows);
// UsageError when no layer is chosen, or only the audience layer without follows.
void check_layers(const CommunityOptions& options, std::uint64_t follows);

// The communities as a report, JSON, CSV or a workbook, as `command` asks.
void report_communities(const Network& network, const CommunitiesCommandOptions& command,
                        const CommunityOptions& options, const HostGraph& graph,
                        const FansOverCap& left_out, const Communities& found,
                        const std::vector<CommunitySummary>& summaries);

}  // namespace castgraph::cli
