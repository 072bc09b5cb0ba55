// The export command's options, checks and writers, shared by castgraph and castgraph-mpi
// so that both take the same flags, say the same in --help and write the same bytes.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "algorithms/communities.hpp"
#include "cli/dataset_options.hpp"
#include "graph/network.hpp"
#include "viz/audience_export.hpp"

namespace castgraph::cli {

struct ExportCommandOptions {
  DatasetOptions dataset;
  std::string output;
  bool fans = false;
  bool communities = false;
  bool audience = false;
  std::uint64_t seed = 1;
};

// Adds the `export` subcommand with its options and help to `app`; the caller sets the
// callback. `options` must outlive the parse.
CLI::App* add_export_options(CLI::App& app, ExportCommandOptions& options);

// The format the output's extension names (of the shared-audience graph with --audience),
// after refusing an output that would overwrite the input: what is checked before any
// dataset is read. UsageError otherwise.
std::string export_format(const ExportCommandOptions& options);

// What --communities computes: castgraph's default layers, seeded by --seed.
CommunityOptions export_community_options(const ExportCommandOptions& options);

// Writes the typed network in `format` to -o, whole or not at all, and says so on stdout.
void write_network_export(const Network& network, const std::string& format,
                          const ExportCommandOptions& options, const Communities* communities);

// Writes the shared-audience graph in `format` to -o, whole or not at all, and says so.
void write_audience_export(const Network& network, const std::string& format,
                           const ExportCommandOptions& options,
                           const viz::AudienceExportOptions& export_options);

}  // namespace castgraph::cli
