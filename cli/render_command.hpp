// The render command's options, checks and writer, shared by castgraph and castgraph-mpi
// so that both take the same flags, say the same in --help and draw the same picture.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "algorithms/communities.hpp"
#include "cli/dataset_options.hpp"
#include "graph/network.hpp"
#include "viz/diagram.hpp"

namespace castgraph::cli {

struct RenderCommandOptions {
  DatasetOptions dataset;
  std::string output;
  std::string layout = "sfdp";
  std::string view = "network";
  std::string color = "auto";
  std::string rank = "auto";
  std::size_t top = 30;
  std::size_t groups = 12;
  std::string ego;
  std::size_t hops = 1;
  std::string title;
  std::uint64_t seed = 1;
};

// Adds the `render` subcommand with its options and help to `app`; the caller sets the
// callback. `options` must outlive the parse.
CLI::App* add_render_options(CLI::App& app, RenderCommandOptions& options);

// The picture's format from -o, after refusing an output that would overwrite the input
// and an --ego without --view ego (or the reverse): what is checked before any dataset is
// read. UsageError otherwise.
std::string render_format(const RenderCommandOptions& options);

// The diagram the flags ask for, with the --ego host looked up in `network` (UsageError
// for an unknown one).
viz::DiagramOptions diagram_options(const Network& network, const RenderCommandOptions& options);

// Whether the view or colouring needs communities, and the options they are found with:
// castgraph's default layers, seeded by --seed.
bool needs_communities(const viz::DiagramOptions& options);
CommunityOptions render_community_options(const RenderCommandOptions& options);

// Lays the diagram out with Graphviz, writes -o whole or not at all, and says on stdout
// what it wrote and how long the command took since `started` (Graphviz's warnings on
// stderr).
void write_render(const viz::Diagram& diagram, const std::string& format,
                  const RenderCommandOptions& options,
                  std::chrono::steady_clock::time_point started);

}  // namespace castgraph::cli
