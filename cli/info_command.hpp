// The info command's options and output, shared by castgraph and castgraph-mpi.
#pragma once

#include <CLI/CLI.hpp>
#include <vector>

#include "cli/dataset_counts.hpp"
#include "cli/dataset_options.hpp"
#include "cli/table_output.hpp"

namespace castgraph::cli {

struct InfoOptions {
  DatasetOptions dataset;
  bool json = false;
  TableOutput tables;
};

// Adds the `info` subcommand with its options and help; the caller sets the callback.
CLI::App* add_info_options(CLI::App& app, InfoOptions& options);

// The counts as a table, JSON, CSV or a workbook, as `options` ask.
void print_info(const std::vector<DatasetCount>& counts, const FanSample& sample,
                const InfoOptions& options);

}  // namespace castgraph::cli
