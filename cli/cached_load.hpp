// Loading a CSV directory through the dataset cache (loaders/dataset_cache.hpp): a hit
// maps the snapshot written by an earlier run; a miss loads the CSV and, when no row was
// rejected, writes the network to the cache for the next run. Nothing about the cache can
// fail the command: an unusable cache (no home, a read-only or full disk, a damaged entry)
// only means loading from CSV, and --verbose says so.
#pragma once

#include "cli/dataset_options.hpp"
#include "loaders/dataset_loader.hpp"

namespace castgraph::cli {

// The network of the CSV directory options.path, with the rejects of a lenient load (a
// hit has none: only loads without rejects are cached, so that every run that skips rows
// lists them again). Throws as load_dataset does.
LoadResult load_csv_directory(const DatasetOptions& options);

}  // namespace castgraph::cli
