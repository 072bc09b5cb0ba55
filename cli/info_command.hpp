// The info command's options and output, shared by castgraph and castgraph-mpi.
#pragma once

#include <CLI/CLI.hpp>
#include <vector>

#include "cli/dataset_counts.hpp"
#include "cli/dataset_options.hpp"

namespace castgraph::cli {

struct InfoOptions {
  DatasetOptions dataset;
  bool json = false;
};

// Adds the `info` subcommand with its options and help; the caller sets the callback.
CLI::App* add_info_options(CLI::App& app, InfoOptions& options);

// The counts as a table (or JSON) on stdout.
void print_info(const std::vector<DatasetCount>& counts, const FanSample& sample, bool json);

}  // namespace castgraph::cli
