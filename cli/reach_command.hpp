// The reach command's options and output, shared by castgraph and castgraph-mpi so that
// both take the same flags, say the same in --help and print the same bytes.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "algorithms/cost_per_thousand.hpp"
#include "algorithms/hyperloglog.hpp"
#include "algorithms/reach.hpp"
#include "algorithms/reach_breakdown.hpp"
#include "cli/dataset_options.hpp"
#include "cli/host_list.hpp"
#include "cli/table_output.hpp"

namespace castgraph::cli {

struct ReachCommandOptions {
  DatasetOptions dataset;
  HostListOptions hosts;
  std::string platform;
  std::string region;
  std::string city;
  std::string by;  // "" for no breakdown
  std::string method = "auto";
  int precision = kDefaultHllPrecision;
  bool json = false;
  TableOutput tables;
  std::string load = "auto";  // castgraph's --load (focused_open.hpp); castgraph-mpi has none
};

// What the command computed: the reach, and the breakdown and cost asked for beside it.
struct ReachAnswer {
  ReachResult result;
  std::vector<BreakdownGroup> breakdown;  // empty without --by
  CostPerThousand cost;
};

// Adds the `reach` subcommand with its options and help to `app`; the caller sets the
// callback. `options` must outlive the parse.
CLI::App* add_reach_options(CLI::App& app, ReachCommandOptions& options);

// The answer as a report, JSON, CSV or a workbook, as `options` ask.
void print_reach_answer(const Network& network, const ReachAnswer& answer,
                        const ReachCommandOptions& options);

}  // namespace castgraph::cli
