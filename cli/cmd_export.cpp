// `castgraph export DATASET -o FILE.(graphml|gexf|json|dot)`: the typed network with its
// attributes (tier, and community when asked for) for Gephi, NetworkX, igraph and yEd.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "algorithms/communities.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "graph/errors.hpp"
#include "loaders/atomic_file.hpp"
#include "viz/export.hpp"

namespace castgraph::cli {
namespace {

struct ExportCommandOptions {
  DatasetOptions dataset;
  std::string output;
  bool fans = false;
  bool communities = false;
  std::uint64_t seed = 1;
};

void run_export(const ExportCommandOptions& options) {
  const std::string format = viz::export_format_of(options.output);
  refuse_overwriting_input(options.output, options.dataset);
  const Network network = open_dataset(options.dataset);
  std::optional<Communities> communities;
  if (options.communities) {
    CommunityOptions community_options;
    community_options.seed = options.seed;
    communities = find_communities(network, community_options);
  }
  viz::ExportOptions export_options;
  export_options.fans = options.fans;
  export_options.communities = communities ? &*communities : nullptr;
  write_file_atomically(options.output, [&](std::ostream& out) {
    viz::export_network(network, format, out, export_options);
  });
  std::cout << fmt::format("wrote {} ({}: {} platforms, {} bases, {} hosts, {} fanbases{}{})\n",
                           options.output, format, network.platforms.size(), network.bases.size(),
                           network.broadcasters.size(), network.fanbases.size(),
                           options.fans ? fmt::format(", {} fans", network.fans.size()) : "",
                           communities ? fmt::format(", {} communities", communities->count) : "");
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "export",
      "Write the typed network for other tools: GraphML (yEd, Gephi, NetworkX, igraph), GEXF "
      "(Gephi), JSON (NetworkX node-link) or DOT (Graphviz). Nodes platform:ID, base:ID, "
      "host:ID, fanbase:HOST@PLATFORM (and fan:ID with --fans); edges owns, on, member, "
      "collab (weighted) and follows; attributes kind, name, population, province, city, "
      "category, base, fee, fans, tier (and community with --communities).");
  add_dataset_options(*command, options->dataset);
  command
      ->add_option("-o,--output", options->output,
                   "The file; its extension picks the format: .graphml .gexf .json .dot")
      ->required();
  command->add_flag("--fans", options->fans,
                    "Include fans and follow edges (large: one node per fan)");
  command->add_flag("--communities", options->communities,
                    "Compute communities (Leiden, seeded) and add `community` to hosts");
  command->add_option("--seed", options->seed, "Seed of community detection")
      ->capture_default_str();
  command->footer(
      "Examples:\n"
      "  castgraph export samples/liaoning -o liaoning.graphml\n"
      "  castgraph export samples/tiny -o tiny.json --fans --communities\n"
      "Read back with NetworkX: networkx.read_graphml('liaoning.graphml')");
  command->callback([options] { run_export(*options); });
}

}  // namespace castgraph::cli
