// The plan command's options, checks and output, shared by castgraph and castgraph-mpi so
// that both take the same flags, say the same in --help and print the same bytes.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>
#include <vector>

#include "algorithms/plan.hpp"
#include "cli/dataset_options.hpp"
#include "cli/host_list.hpp"
#include "cli/table_output.hpp"

namespace castgraph::cli {

struct PlanCommandOptions {
  DatasetOptions dataset;
  long long k = 0;  // 0: not given
  std::string budget;
  std::string platform;
  std::string region;
  std::string city;
  std::string min_tier;
  std::vector<std::string> kinds;
  std::string province;
  std::vector<std::string> bases;
  long long max_per_base = 0;  // 0: not given
  HostListOptions include;
  HostListOptions exclude;
  std::string method = "auto";
  int precision = kPlanSketchPrecision;
  bool enumerate = false;
  bool json = false;
  TableOutput tables;
  std::string min_gain;
  bool optimal = false;
  double time_limit = 0;
  int bound_passes = kPlanBoundPasses;
};

// Adds the `plan` subcommand with its options and help to `app`; the caller sets the
// callback and calls check_plan_options first in it. `options` must outlive the parse.
CLI::App* add_plan_options(CLI::App& app, PlanCommandOptions& options);

// UsageError for what the flags alone get wrong (--k 0, neither --k nor --budget,
// --time-limit without --optimal). `command` is the subcommand add_plan_options made.
void check_plan_options(const CLI::App& command, const PlanCommandOptions& options);

// The limits, filters and method, parsed before the dataset is read (UsageError on a bad
// number); resolve_plan_hosts then fills in what needs the network.
PlanOptions parse_plan_options(const PlanCommandOptions& command);
// The platform, --include and --exclude hosts; repeats are warned of on `warnings`.
void resolve_plan_hosts(const Network& network, const PlanCommandOptions& command,
                        PlanOptions& options, std::ostream& warnings);

// The plan's warnings on stderr, then the plan as a report, JSON, CSV or a workbook.
void report_plan(const Network& network, const Plan& plan, const PlanOptions& options,
                 const PlanCommandOptions& command);

}  // namespace castgraph::cli
