// `castgraph export DATASET -o FILE.(graphml|gexf|json|dot)`: the typed network with its
// attributes (tier, and community when asked for) for Gephi, NetworkX, igraph and yEd.
// With --audience, `-o FILE.(graphml|gexf|csv)`: the host–host shared-audience graph.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "algorithms/communities.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/export_command.hpp"
#include "graph/errors.hpp"
#include "loaders/atomic_file.hpp"
#include "viz/audience_export.hpp"
#include "viz/export.hpp"

namespace castgraph::cli {
namespace {

std::optional<Communities> communities_if_asked(const ExportCommandOptions& options,
                                                const Network& network) {
  if (!options.communities) return std::nullopt;
  return find_communities(network, export_community_options(options));
}

void run_export(const ExportCommandOptions& options) {
  const std::string format = export_format(options);
  const Network network = open_dataset(options.dataset);
  const std::optional<Communities> communities = communities_if_asked(options, network);
  if (!options.audience)
    return write_network_export(network, format, options, communities ? &*communities : nullptr);
  viz::AudienceExportOptions export_options;
  export_options.communities = communities ? &*communities : nullptr;
  write_audience_export(network, format, options, export_options);
}

}  // namespace

std::string export_format(const ExportCommandOptions& options) {
  const std::string format = options.audience ? viz::audience_format_of(options.output)
                                              : viz::export_format_of(options.output);
  refuse_overwriting_input(options.output, options.dataset);
  return format;
}

CommunityOptions export_community_options(const ExportCommandOptions& options) {
  CommunityOptions community_options;
  community_options.seed = options.seed;
  return community_options;
}

void write_network_export(const Network& network, const std::string& format,
                          const ExportCommandOptions& options, const Communities* communities) {
  viz::ExportOptions export_options;
  export_options.fans = options.fans;
  export_options.communities = communities;
  write_file_atomically(options.output, [&](std::ostream& out) {
    viz::export_network(network, format, out, export_options);
  });
  std::cout << fmt::format("wrote {} ({}: {} platforms, {} bases, {} hosts, {} fanbases{}{})\n",
                           options.output, format, network.platforms.size(), network.bases.size(),
                           network.broadcasters.size(), network.fanbases.size(),
                           options.fans ? fmt::format(", {} fans", network.fans.size()) : "",
                           communities ? fmt::format(", {} communities", communities->count) : "");
}

void write_audience_export(const Network& network, const std::string& format,
                           const ExportCommandOptions& options,
                           const viz::AudienceExportOptions& export_options) {
  std::size_t pairs = 0;
  write_file_atomically(options.output, [&](std::ostream& out) {
    pairs = viz::export_audience(network, format, out, export_options);
  });
  const Communities* communities = export_options.communities;
  std::cout << fmt::format(
      "wrote {} ({}: shared-audience graph, {} hosts, {} pairs sharing people{})\n", options.output,
      format, network.broadcasters.size(), pairs,
      communities ? fmt::format(", {} communities", communities->count) : "");
}

CLI::App* add_export_options(CLI::App& app, ExportCommandOptions& options_ref) {
  ExportCommandOptions* options = &options_ref;
  CLI::App* command = app.add_subcommand(
      "export",
      "Write the typed network for other tools: GraphML (yEd, Gephi, NetworkX, igraph), GEXF "
      "(Gephi), JSON (NetworkX node-link) or DOT (Graphviz). Nodes platform:ID, base:ID, "
      "host:ID, fanbase:HOST@PLATFORM (and fan:ID with --fans); edges owns, on, member, "
      "collab (weighted) and follows; attributes kind, name, population, province, city, "
      "category, base, fee, fans, tier (and community with --communities). With --audience: "
      "the host–host shared-audience graph instead, the one to lay out in Gephi.");
  add_dataset_options(*command, options->dataset);
  command
      ->add_option("-o,--output", options->output,
                   "The file; its extension picks the format: .graphml .gexf .json .dot "
                   "(with --audience: .graphml .gexf .csv)")
      ->required();
  auto* fans = command->add_flag("--fans", options->fans,
                                 "Include fans and follow edges (large: one node per fan)");
  command->add_flag("--communities", options->communities,
                    "Compute communities (Leiden, seeded) and add `community` to hosts");
  auto* audience = command->add_flag(
      "--audience", options->audience,
      "The host–host shared-audience graph: one node per host (name, tier, fans, reach, fee, "
      "base, province, community) and one undirected edge per pair sharing people: weight = "
      "people following both (fan weights count, as in `overlap`), jaccard, a_in_b (share of "
      "the source's people who follow the target) and b_in_a. CSV is an edge list with "
      "Gephi's Source, Target, Type, Weight columns");
  audience->excludes(fans);
  command->add_option("--seed", options->seed, "Seed of community detection")
      ->capture_default_str();
  command->footer(
      "Examples:\n"
      "  castgraph export samples/liaoning -o liaoning.graphml\n"
      "  castgraph export samples/tiny -o tiny.json --fans --communities\n"
      "  castgraph export samples/liaoning --audience --communities -o audience.gexf\n"
      "Read back with NetworkX: networkx.read_graphml('liaoning.graphml')");
  return command;
}

void add_export_command(CLI::App& app) {
  auto options = std::make_shared<ExportCommandOptions>();
  add_export_options(app, *options)->callback([options] { run_export(*options); });
}

}  // namespace castgraph::cli
