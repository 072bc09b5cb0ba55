// `castgraph snapshot DATASET -o FILE`: save a loaded network as one binary file that
// every other command opens in milliseconds instead of parsing CSV again.
#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/number_checks.hpp"
#include "cli/stored_sketches.hpp"
#include "cli/table.hpp"
#include "graph/errors.hpp"
#include "loaders/snapshot.hpp"

namespace castgraph::cli {

namespace {

struct SnapshotOptions {
  DatasetOptions dataset;
  std::string output;
  bool sketches = true;
  int sketch_precision = kDefaultHllPrecision;
};

void refuse_bad_output(const SnapshotOptions& options) {
  refuse_overwriting_input(options.output, options.dataset);
  std::error_code error;
  if (std::filesystem::is_directory(options.output, error))
    throw UsageError(
        fmt::format("the output {} is a directory; -o names the snapshot file", options.output));
}

void run_snapshot(const SnapshotOptions& options) {
  refuse_bad_output(options);
  const auto start = std::chrono::steady_clock::now();
  const Network network = open_dataset(options.dataset);
  const auto loaded = std::chrono::steady_clock::now();
  std::vector<SnapshotExtra> extras;
  FanbaseSketches sketches;
  if (options.sketches && network.follow_count() > 0) {
    sketches = build_fanbase_sketches(network, options.sketch_precision);
    extras = sketch_sections(sketches);
  }
  write_snapshot(network, options.output, extras);
  const auto written = std::chrono::steady_clock::now();
  const auto seconds = [](auto from, auto to) {
    return std::chrono::duration<double>(to - from).count();
  };
  std::cerr << fmt::format(
      "castgraph: wrote {} ({} bytes): loaded in {:.2f} s, written in {:.2f} s\n", options.output,
      group_digits(std::filesystem::file_size(options.output)), seconds(start, loaded),
      seconds(loaded, written));
}

}  // namespace

void add_snapshot_command(CLI::App& app) {
  auto options = std::make_shared<SnapshotOptions>();
  CLI::App* command = app.add_subcommand(
      "snapshot",
      "Save a dataset as one binary snapshot file (versioned, checksummed, memory-mapped): every "
      "command accepts the snapshot in place of the CSV directory and opens it without parsing");
  add_dataset_options(*command, options->dataset);
  command
      ->add_option("-o,--output", options->output,
                   "The snapshot file to write (replaced atomically)")
      ->required();
  command->add_flag("!--no-sketches", options->sketches,
                    "Do not store the per-fanbase HyperLogLog sketches that let `reach --method "
                    "sketch` answer without reading follows (a small fanbase's sketch is stored "
                    "as its non-zero registers, 4 bytes each; a large one's as 2^p bytes)");
  command
      ->add_option("--sketch-precision", options->sketch_precision,
                   "HyperLogLog precision p of the stored sketches")
      ->check(from_to(kMinHllPrecision, kMaxHllPrecision))
      ->capture_default_str();
  command->footer(
      "Example:\n  castgraph snapshot samples/liaoning -o liaoning.cgs\n"
      "  castgraph info liaoning.cgs");
  command->callback([options] { run_snapshot(*options); });
}

}  // namespace castgraph::cli
