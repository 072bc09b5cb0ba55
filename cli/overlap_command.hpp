// The overlap command's options, checks and output, shared by castgraph and castgraph-mpi.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "algorithms/minhash.hpp"
#include "algorithms/overlap.hpp"
#include "cli/dataset_options.hpp"
#include "cli/host_list.hpp"
#include "cli/table_output.hpp"

namespace castgraph::cli {

struct OverlapCommandOptions {
  DatasetOptions dataset;
  HostListOptions hosts;
  std::size_t top = 0;
  std::string platform;
  std::string region;
  std::string city;
  std::size_t max_hosts_per_fan = 0;
  std::string method = "exact";
  std::size_t sketch_size = kDefaultBottomK;
  bool json = false;
  TableOutput tables;
  std::string load = "auto";  // castgraph's --load (focused_open.hpp); castgraph-mpi has none
};

// Adds the `overlap` subcommand with its options and help; the caller sets the callback.
CLI::App* add_overlap_options(CLI::App& app, OverlapCommandOptions& options);

// UsageError unless exactly one of --hosts and --top is given, and --top without the
// options of --hosts. O(1).
void check_overlap_options(const OverlapCommandOptions& options);
// UsageError when the dataset has no follows (`follows` of the whole dataset).
void require_overlap_follows(std::uint64_t follows);

// The pairs of --top as a table, JSON, CSV or a workbook, as `options` ask.
void report_top(const Network& network, const TopOverlap& top,
                const OverlapCommandOptions& options);

// The matrix of --hosts as tables, JSON, CSV or a workbook, as `options` ask.
void report_matrix(const Network& network, const OverlapMatrix& matrix,
                   const OverlapCommandOptions& options);

}  // namespace castgraph::cli
