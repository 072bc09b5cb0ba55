// The options every command that reads a dataset shares: the DATASET argument,
// --lenient and --rejects, and opening the dataset with progress and reject reporting.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "graph/network.hpp"

namespace castgraph::cli {

struct DatasetOptions {
  std::string path;
  bool lenient = false;
  std::string rejects_path = "rejects.csv";
};

// Adds DATASET (required positional), --lenient and --rejects to `command`.
void add_dataset_options(CLI::App& command, DatasetOptions& options);

// Loads the dataset. In lenient mode, writes skipped rows to options.rejects_path and
// prints per-file counts on stderr. Throws DataError / IoError / UsageError.
Network open_dataset(const DatasetOptions& options);

}  // namespace castgraph::cli
