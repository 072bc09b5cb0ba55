// The tiers command's options, computation and output, shared by castgraph and
// castgraph-mpi so that both take the same flags, say the same in --help and print the
// same bytes. Tiers read only hosts, fanbases and their declared fans, which every rank
// of castgraph-mpi holds whole, so any one rank computes castgraph's answer.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "algorithms/tiers.hpp"
#include "cli/dataset_options.hpp"
#include "cli/table_output.hpp"
#include "graph/network.hpp"

namespace castgraph::cli {

struct TiersOptions {
  DatasetOptions dataset;
  std::string thresholds = "100k,1M,10M";
  std::string platform;
  std::string by;  // "" for one table
  bool json = false;
  TableOutput tables;
};

// Adds the `tiers` subcommand with its options and help to `app`; the caller sets the
// callback. `options` must outlive the parse.
CLI::App* add_tiers_options(CLI::App& app, TiersOptions& options);

// The thresholds and units the flags ask for, before any dataset is read; UsageError for
// thresholds that do not parse or do not increase.
TierOptions tier_options(const TiersOptions& options);

// The tier table (one group without --by, else one per group, in tiers_by's order).
// UsageError for an unknown --platform.
std::vector<TierGroup> compute_tiers(const Network& network, TierOptions tier_options,
                                     const TiersOptions& options);

// The groups as tables, JSON, CSV or a workbook, as `options` ask.
void print_tiers(const std::vector<TierGroup>& groups, const TiersOptions& options);

}  // namespace castgraph::cli
