// `castgraph communities DATASET`: clusters of hosts who share audiences, co-stream or
// belong to the same base (Leiden or Louvain through igraph), what each cluster is, and
// the modularity of the split.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "algorithms/communities.hpp"
#include "algorithms/community_summary.hpp"
#include "algorithms/projection.hpp"
#include "cli/commands.hpp"
#include "cli/communities_command.hpp"
#include "cli/community_json.hpp"
#include "cli/dataset_options.hpp"
#include "cli/number_checks.hpp"
#include "cli/table.hpp"
#include "cli/table_output.hpp"
#include "graph/errors.hpp"

namespace castgraph::cli {
namespace {

using Json = nlohmann::ordered_json;

// "辽宁 80%" for a person; a machine gets "辽宁" here and the share in its own column.
Cell province_cell(const CommunitySummary& summary) {
  if (summary.province.empty()) return Cell::missing();
  Cell cell(fmt::format("{} {:.0f}%", summary.province, 100 * summary.province_share));
  cell.plain = summary.province;
  return cell;
}

// One row per community, the largest first; `shown` of them (all for the workbook).
Table communities_table(const Network& network, const std::vector<CommunitySummary>& summaries,
                        std::size_t shown) {
  Table table({"#", "hosts", "declared fans", "reach", "province", "share", "base", "platform",
               "kind", "top hosts"});
  table.keys({"community", "size", "declared_fans", "reach", "province", "province_share", "base",
              "platform", "kind", "top_hosts"});
  table.align_right(0).align_right(1).align_right(2).align_right(3).machine_only(5);
  for (std::size_t i = 0; i < shown; ++i) {
    const CommunitySummary& s = summaries[i];
    std::string top;
    for (NodeId h : s.top_hosts)
      top += (top.empty() ? "" : ", ") + std::string(network.broadcasters.names[h]);
    table.add_row(
        {Cell::integer(community_number(s.community),
                       std::to_string(community_number(s.community))),
         Cell::count(s.size), Cell::count(s.declared_fans),
         s.reach ? Cell::integer(*s.reach, (s.reach_estimated ? "~" : "") + group_digits(*s.reach),
                                 "#,##0")
                 : Cell::missing(),
         province_cell(s),
         s.province.empty() ? Cell::missing("") : Cell::percent(s.province_share, 0),
         s.base.empty() ? Cell::missing() : Cell(s.base),
         s.platform.empty() ? Cell::missing() : Cell(s.platform),
         s.kind.empty() ? Cell::missing() : Cell(s.kind), top});
  }
  return table;
}

Table hosts_table(const Network& network, const Communities& found) {
  Table table({"host", "name", "community"});
  table.align_right(2);
  for (NodeId h = 0; h < found.of_host.size(); ++h)
    table.add_row({network.broadcasters.ids[h], network.broadcasters.names[h],
                   Cell::integer(community_number(found.of_host[h]),
                                 std::to_string(community_number(found.of_host[h])))});
  return table;
}

}  // namespace

CommunityOptions to_options(const CommunitiesCommandOptions& command) {
  CommunityOptions options;
  options.method = parse_community_method(command.method);
  options.resolution = command.resolution;
  options.seed = command.seed;
  const std::set<std::string> layers(command.layers.begin(), command.layers.end());
  for (const std::string& layer : layers)
    if (layer != "audience" && layer != "collab" && layer != "base")
      throw UsageError("unknown layer '" + layer + "': use audience, collab and/or base");
  options.audience_layer = layers.count("audience") > 0;
  options.collab_layer = layers.count("collab") > 0;
  options.base_layer = layers.count("base") > 0;
  options.min_shared = command.min_shared;
  options.audience_weight = parse_audience_weight(command.weight);
  options.top_k = command.top_k;
  options.max_hosts_per_fan = command.max_hosts_per_fan;
  options.collab_weight = command.collab_weight;
  options.base_weight = command.base_weight;
  return options;
}

namespace {

std::string join_layers(const CommunityOptions& options) {
  std::string text;
  for (auto [on, name] :
       {std::pair{options.audience_layer, "audience"}, std::pair{options.collab_layer, "collab"},
        std::pair{options.base_layer, "base"}})
    if (on) text += (text.empty() ? "" : "+") + std::string(name);
  return text;
}

}  // namespace

void note_audience_left_out(const CommunitiesCommandOptions& command,
                            const CommunityOptions& options, std::uint64_t follows) {
  if (options.audience_layer && follows == 0 && (options.collab_layer || options.base_layer) &&
      !command.json && !tables_wanted(command.tables))
    std::cerr << "castgraph: no follows in this dataset: the audience layer is left out\n";
}

void check_layers(const CommunityOptions& options, std::uint64_t follows) {
  if (!options.audience_layer && !options.collab_layer && !options.base_layer)
    throw UsageError("choose at least one layer: audience, collab or base");
  if (options.audience_layer && !options.collab_layer && !options.base_layer && follows == 0)
    throw UsageError(
        "the audience layer needs follows (follows.csv); this dataset has none "
        "— try --layers collab,base");
}

void report_communities(const Network& network, const CommunitiesCommandOptions& command,
                        const CommunityOptions& options, const HostGraph& graph,
                        const FansOverCap& left_out, const Communities& found,
                        const std::vector<CommunitySummary>& summaries) {
  auto host_id = [&](NodeId h) { return std::string(network.broadcasters.ids[h]); };
  auto host_name = [&](NodeId h) { return std::string(network.broadcasters.names[h]); };

  if (tables_wanted(command.tables)) {
    const Table hosts = hosts_table(network, found);
    const Table communities = communities_table(network, summaries, summaries.size());
    return write_tables(command.tables, {{"hosts", &hosts}, {"communities", &communities}},
                        command.dataset);
  }
  if (command.json) {
    Json json{{"method", command.method},         {"seed", command.seed},
              {"resolution", command.resolution}, {"layers", Json::array()},
              {"edges", graph.edges.size()},      {"max_hosts_per_fan", options.max_hosts_per_fan},
              {"fans_left_out", left_out.fans},   {"people_left_out", left_out.people},
              {"modularity", found.modularity},   {"community_count", found.count},
              {"communities", Json::array()},     {"hosts", Json::array()}};
    for (const char* layer : {"audience", "collab", "base"})
      if (join_layers(options).find(layer) != std::string::npos) json["layers"].push_back(layer);
    for (const CommunitySummary& s : summaries) json["communities"].push_back(to_json(s, network));
    for (NodeId h = 0; h < found.of_host.size(); ++h)
      json["hosts"].push_back({{"id", host_id(h)},
                               {"name", host_name(h)},
                               {"community", community_number(found.of_host[h])}});
    std::cout << json.dump(2) << "\n";
    return;
  }
  std::cout << fmt::format("{} communities among {} hosts, modularity {:.4f}\n", found.count,
                           network.broadcasters.size(), found.modularity)
            << fmt::format("({}, resolution {}, seed {}, layers {}: {} edges)\n\n", command.method,
                           command.resolution, command.seed, join_layers(options),
                           graph.edges.size());
  if (left_out.fans > 0)
    std::cout << fmt::format(
        "{} fans ({} people) who follow more than {} hosts each were left out of the "
        "audience layer (--max-hosts-per-fan; 0 keeps every fan)\n\n",
        group_digits(left_out.fans), group_digits(left_out.people), options.max_hosts_per_fan);
  const std::size_t shown =
      command.show == 0 ? summaries.size() : std::min(command.show, summaries.size());
  communities_table(network, summaries, shown).print(std::cout);
  if (shown < summaries.size())
    std::cout << fmt::format(
        "\n{} smaller communities not shown (--show 0 lists all; --csv "
        "gives every host's community)\n",
        summaries.size() - shown);
}

namespace {

void run_communities(const CommunitiesCommandOptions& command) {
  const CommunityOptions options = to_options(command);
  const Network network = open_dataset(command.dataset);
  note_audience_left_out(command, options, network.follow_count());
  check_layers(options, network.follow_count());
  const HostGraph graph = project_hosts(network, projection_options(options));
  const FansOverCap left_out = options.audience_layer && network.follow_count() > 0
                                   ? fans_over_cap(network, options.max_hosts_per_fan)
                                   : FansOverCap{};
  const Communities found = find_communities(graph, options);
  report_communities(network, command, options, graph, left_out, found,
                     summarize_communities(network, found));
}

}  // namespace

CLI::App* add_communities_options(CLI::App& app, CommunitiesCommandOptions& options_ref) {
  CommunitiesCommandOptions* options = &options_ref;
  CLI::App* command = app.add_subcommand(
      "communities",
      "Clusters of hosts who share audiences, co-stream or belong to the same base, found by "
      "Leiden or Louvain (igraph) on a host graph built from those layers. For each cluster: "
      "hosts, declared fans, unique reach, dominant province, base, platform and kind, and its "
      "biggest hosts; and the modularity of the split (0 = no structure, above ~0.3 = clear "
      "clusters). A fixed --seed repeats a run exactly.");
  add_dataset_options(*command, options->dataset);
  command
      ->add_option("--method", options->method,
                   "leiden (Traag et al. 2019: well-connected clusters) or louvain "
                   "(Blondel et al. 2008)")
      ->check(CLI::IsMember({"leiden", "louvain"}))
      ->capture_default_str();
  command
      ->add_option("--resolution", options->resolution,
                   "Higher gives more, smaller clusters; lower fewer, larger ones")
      ->check(more_than_zero())
      ->capture_default_str();
  command
      ->add_option("--seed", options->seed,
                   "Seed of igraph's random generator: same seed, same answer")
      ->capture_default_str();
  command
      ->add_option("--layers", options->layers,
                   "Which ties join hosts, comma-separated: audience (shared followers, "
                   "needs follows.csv), collab (co-streams), base (same livestream base)")
      ->delimiter(',')
      ->capture_default_str();
  command
      ->add_option("--min-shared", options->min_shared,
                   "Audience layer: fewest shared people for two hosts to be tied")
      ->check(more_than_zero())
      ->capture_default_str();
  command
      ->add_option("--weight", options->weight,
                   "Audience tie weight: shared (people), jaccard (shared / either) or "
                   "cosine (shared / sqrt(reach a · reach b))")
      ->check(CLI::IsMember({"shared", "jaccard", "cosine"}))
      ->capture_default_str();
  command
      ->add_option("--top-k", options->top_k,
                   "Audience layer: keep only each host's K strongest ties (0 keeps all)")
      ->capture_default_str();
  command
      ->add_option("--max-hosts-per-fan", options->max_hosts_per_fan,
                   "Audience layer: leave out fans following more hosts than this (each "
                   "costs hosts² pair updates: one fan of 5,000 hosts adds 12.5 million ties, "
                   "a bot or an aggregate rather than a person); the output says how many were "
                   "left out; 0 counts every fan")
      ->capture_default_str();
  command
      ->add_option("--collab-weight", options->collab_weight,
                   "Weight of the collab layer relative to an average audience tie")
      ->check(zero_or_more())
      ->capture_default_str();
  command
      ->add_option("--base-weight", options->base_weight,
                   "Weight of the base layer relative to an average audience tie")
      ->check(zero_or_more())
      ->capture_default_str();
  command->add_option("--show", options->show, "Communities listed in the table (0 = all)")
      ->capture_default_str();
  auto* json = command->add_flag(
      "--json", options->json,
      "JSON: {method, seed, resolution, layers, edges, max_hosts_per_fan, fans_left_out, "
      "people_left_out, modularity, community_count, "
      "communities:[{community, size, declared_fans, reach, reach_estimated, province, "
      "province_share, base, platform, kind, top_hosts:[{id,name}]}], hosts:[{id, name, "
      "community}]}; community is its number, 1 for the largest (the numbers of the table, "
      "`report` and `render`)");
  add_table_output_options(*command, options->tables,
                           "CSV, one row per host: host,name,community; -o FILE.xlsx also "
                           "holds every community's row of the table",
                           json);
  command->footer(
      "Examples:\n"
      "  castgraph communities samples/tiny\n"
      "  castgraph communities samples/liaoning --min-shared 3 --layers audience,collab,base\n"
      "  castgraph communities samples/liaoning --method louvain --seed 7 --csv > hosts.csv\n"
      "  castgraph communities samples/liaoning -o communities.xlsx");
  return command;
}

void add_communities_command(CLI::App& app) {
  auto options = std::make_shared<CommunitiesCommandOptions>();
  add_communities_options(app, *options)->callback([options] { run_communities(*options); });
}

}  // namespace castgraph::cli
