// `castgraph rank DATASET --by ...`: the hosts that matter most by one measure — declared
// fans, own reach, PageRank or betweenness on the co-stream (or audience) graph, or
// bridging (audience spread over communities).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>

#include "algorithms/audience_places.hpp"
#include "algorithms/centrality.hpp"
#include "algorithms/communities.hpp"
#include "algorithms/cost_per_thousand.hpp"
#include "algorithms/projection.hpp"
#include "algorithms/reached_fans.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/human_numbers.hpp"
#include "cli/number_checks.hpp"
#include "cli/rank_command.hpp"
#include "cli/result_text.hpp"
#include "cli/table.hpp"
#include "cli/table_output.hpp"
#include "graph/errors.hpp"

namespace castgraph::cli {
namespace {

using Json = nlohmann::ordered_json;

// Three significant digits, without a run of zeros or an exponent where a reader can
// avoid one: 0.0123, 0.000123, 1.23e-07 (below a millionth the exponent is shorter).
std::string significant(double value) {
  if (value == 0) return "0";
  const double magnitude = std::floor(std::log10(std::fabs(value)));
  if (magnitude < -6 || magnitude >= 15) return fmt::format("{:.3g}", value);
  const int decimals = std::max(0, 2 - static_cast<int>(magnitude));
  return fmt::format("{:.{}f}", value, decimals);
}

// A score as the table shows it. Betweenness counts pairs of hosts, so it is shown like a
// count (to one decimal below 100, as sampling and ties make fractions), "~" when it
// was estimated from sampled sources; bridging is a coefficient in [0, 1]; cpm is yuan.
Cell score_cell(const std::string& by, double score, bool estimated) {
  if (by == "pagerank") return Cell::figure(score, significant(score));
  if (by == "cpm") return Cell::figure(score, fmt::format("{:.2f}", score), "#,##0.00");
  if (by == "bridging") return Cell::figure(score, fmt::format("{:.3f}", score), "0.000");
  const std::string shown = score >= 100
                                ? group_digits(static_cast<std::uint64_t>(std::llround(score)))
                                : fmt::format("{:.1f}", score);
  return Cell::figure(score, (estimated ? "~" : "") + shown, score >= 100 ? "#,##0" : "0.0");
}

// Each host's own reach in people, from follows, summed exactly (the loader bounds the
// total, graph/value_rules.hpp). O(follows).
std::vector<std::uint64_t> own_reach(const Network& network) {
  if (network.follow_count() == 0)
    throw UsageError(
        "--by reach needs follows (follows.csv); this dataset has none — try --by fans");
  return per_host_reach(network);
}

// Each host's fee per 1,000 people of its own reach (from follows; from declared fans when
// the dataset has none, which `basis` says); NaN for a host whose fee is unknown or who
// reaches nobody, which is left out of the ranking. O(follows).
std::vector<double> cost_per_thousand_reached(const Network& network, std::string& basis) {
  const bool follows = network.follow_count() > 0;
  return cli::cost_per_thousand_reached(
      network, follows ? per_host_reach(network) : std::vector<std::uint64_t>{}, basis);
}

}  // namespace

std::vector<double> cost_per_thousand_reached(const Network& network,
                                              const std::vector<std::uint64_t>& people,
                                              std::string& basis) {
  const bool follows = !people.empty();
  std::vector<double> cost(network.broadcasters.size());
  for (NodeId h = 0; h < network.broadcasters.size(); ++h)
    cost[h] = yuan_per_thousand(network.broadcasters.fee[h],
                                follows ? people[h] : declared_fans(network, h))
                  .value_or(NAN);
  basis = follows ? "yuan per 1,000 people reached (fee / own reach from follows), cheapest first"
                  : "yuan per 1,000 declared fans (no follows), cheapest first";
  return cost;
}

std::string rank_graph_name(const Network& network, const RankCommandOptions& options) {
  if (options.by == "bridging") return "projection";
  if (options.graph == "auto") return network.collab_count() > 0 ? "collab" : "audience";
  return options.graph;
}

ProjectionOptions rank_projection(const RankCommandOptions& options, const std::string& graph) {
  ProjectionOptions projection;
  if (graph == "audience") projection.collab_layer = 0;
  projection.min_shared = options.min_shared;
  return projection;
}

GraphScores score_on_graph(const RankCommandOptions& options, const HostGraph& graph,
                           const std::string& name) {
  GraphScores out;
  if (options.by == "pagerank" || options.by == "betweenness") {
    if (options.by == "pagerank") {
      out.score = pagerank(graph);
    } else {
      BetweennessOptions between;
      between.samples = options.samples;
      between.seed = options.seed;
      const Betweenness result = betweenness(graph, between);
      out.score = result.score;
      out.estimated = result.sampled;
    }
    out.basis = fmt::format(
        "{} on the {} graph ({} edges){}", options.by, name, graph.edges.size(),
        out.estimated ? fmt::format(", estimated from {} sampled sources", options.samples) : "");
    return out;
  }
  // bridging
  CommunityOptions community;
  community.seed = options.seed;
  const Communities found = find_communities(graph, community);
  out.score = participation(graph, found);
  out.basis = fmt::format(
      "participation coefficient over {} Leiden communities of the "
      "audience+collab graph (seed {})",
      found.count, options.seed);
  return out;
}

namespace {

// The graph --by pagerank, betweenness or bridging reads, from this network's fans.
HostGraph rank_graph(const Network& network, const RankCommandOptions& options,
                     const std::string& name) {
  if (name == "collab") return collab_graph(network);
  if (name == "audience") return audience_graph(network, rank_projection(options, name));
  return project_hosts(network, rank_projection(options, name));
}

void run_rank(const RankCommandOptions& options) {
  const Network network = open_dataset(options.dataset);
  const std::size_t hosts = network.broadcasters.size();
  // Counts (fans, reach) stay integers: a double would round those above 2^53, and
  // could order two hosts wrongly or print a count that is not the one summed.
  std::vector<std::uint64_t> count;
  std::vector<double> score;
  std::string basis;
  bool estimated = false;
  if (options.by == "fans") {
    count.resize(hosts);
    for (NodeId h = 0; h < hosts; ++h) count[h] = declared_fans(network, h);
    basis = "declared fans";
  } else if (options.by == "reach") {
    count = own_reach(network);
    basis = "people reached (from follows)";
  } else if (options.by == "cpm") {
    score = cost_per_thousand_reached(network, basis);
  } else {  // pagerank, betweenness, bridging
    const std::string name = rank_graph_name(network, options);
    GraphScores scores = score_on_graph(options, rank_graph(network, options, name), name);
    score = std::move(scores.score);
    basis = std::move(scores.basis);
    estimated = scores.estimated;
  }

  // Where the people of each host shown live, when the follows can tell: only the hosts
  // shown are read, so `rank --top 5` does not walk every follow.
  const Ranking ranking = rank_hosts(network, options, count, score);
  const std::vector<std::vector<PlaceShare>> audience =
      network.follow_count() > 0
          ? audience_provinces(network, ranking.order)
          : std::vector<std::vector<PlaceShare>>(network.broadcasters.size());
  print_ranking(network, options, ranking, count, score, basis, estimated, audience);
}

}  // namespace

Ranking rank_hosts(const Network& network, const RankCommandOptions& options,
                   const std::vector<std::uint64_t>& count, const std::vector<double>& score) {
  const std::size_t hosts = network.broadcasters.size();
  const bool integral = !count.empty();
  const bool cheapest_first = options.by == "cpm";
  Ranking ranking;
  std::vector<NodeId>& order = ranking.order;
  for (NodeId h = 0; h < hosts; ++h) {
    if (!integral && std::isnan(score[h])) continue;  // cpm: no fee, no rank
    if (declared_fans(network, h) < options.min_fans) {
      ++ranking.left_out;
      continue;
    }
    order.push_back(h);
  }
  if (integral)
    std::ranges::stable_sort(order, [&](NodeId x, NodeId y) { return count[x] > count[y]; });
  else
    std::ranges::stable_sort(order, [&](NodeId x, NodeId y) {
      return cheapest_first ? score[x] < score[y] : score[x] > score[y];
    });
  if (options.top != 0 && order.size() > options.top) order.resize(options.top);
  return ranking;
}

void print_ranking(const Network& network, const RankCommandOptions& options,
                   const Ranking& ranking, const std::vector<std::uint64_t>& count,
                   const std::vector<double>& score, const std::string& basis, bool estimated,
                   const std::vector<std::vector<PlaceShare>>& audience) {
  const bool integral = !count.empty();
  const std::vector<NodeId>& order = ranking.order;
  const std::size_t left_out = ranking.left_out;
  auto id = [&](NodeId h) { return std::string(network.broadcasters.ids[h]); };
  auto name = [&](NodeId h) { return std::string(network.broadcasters.names[h]); };
  if (options.json) {
    Json json{
        {"by", options.by}, {"basis", basis}, {"estimated", estimated}, {"hosts", Json::array()}};
    for (std::size_t r = 0; r < order.size(); ++r) {
      Json places = Json::array();
      for (const PlaceShare& place : audience[order[r]])
        places.push_back({{"province", place.place}, {"share", place.share}});
      json["hosts"].push_back({{"rank", r + 1},
                               {"id", id(order[r])},
                               {"name", name(order[r])},
                               {"province", std::string(network.broadcasters.province[order[r]])},
                               {"score", integral ? Json(count[order[r]]) : Json(score[order[r]])},
                               {"declared_fans", declared_fans(network, order[r])},
                               {"fee", std::isnan(network.broadcasters.fee[order[r]])
                                           ? Json(nullptr)
                                           : Json(network.broadcasters.fee[order[r]])},
                               {"audience_provinces", std::move(places)}});
    }
    add_left_out(json, options.dataset);
    std::cout << json.dump(2) << "\n";
    return;
  }
  const bool relative = options.by == "pagerank";
  // Where the audience lives is a column for the eye, beside the host's own province; CSV
  // and workbooks keep their columns (JSON has it as audience_provinces).
  std::vector<std::string> headers{"rank",    "host", "name", "province", "audience lives in",
                                   options.by};
  std::vector<std::string> keys{"rank", "id", "name", "province", "audience_provinces", "score"};
  if (relative) headers.push_back("x average"), keys.push_back("times_average");
  headers.push_back("declared fans"), keys.push_back("declared_fans");
  Table table(headers);
  table.keys(keys);
  table.text_only(4);
  for (std::size_t c = 5; c < headers.size(); ++c) table.align_right(c);
  table.align_right(0);
  for (std::size_t r = 0; r < order.size(); ++r) {
    const NodeId h = order[r];
    std::vector<Cell> row{
        Cell::integer(r + 1, std::to_string(r + 1)),
        id(h),
        name(h),
        std::string(network.broadcasters.province[h]),
        Cell(describe_places(audience[h])),
        integral ? Cell::count(count[h]) : score_cell(options.by, score[h], estimated)};
    // PageRank sums to 1 over all hosts: its multiple of 1/hosts reads without zeros.
    if (relative)
      row.push_back(Cell::decimal(score[h] * static_cast<double>(network.broadcasters.size()), 2));
    row.push_back(Cell::count(declared_fans(network, h)));
    table.add_row(std::move(row));
  }
  if (tables_wanted(options.tables))
    return write_tables(options.tables, {{"rank by " + options.by, &table}}, options.dataset);
  std::cout << "Hosts by " << basis << "\n";
  if (options.min_fans > 0)
    std::cout << fmt::format("(hosts with fewer than {} declared fans left out: {})\n",
                             group_digits(options.min_fans), group_digits(left_out));
  std::cout << "\n";
  table.print(std::cout);
}

CLI::App* add_rank_options(CLI::App& app, RankCommandOptions& options_ref) {
  RankCommandOptions* options = &options_ref;
  CLI::App* command = app.add_subcommand(
      "rank",
      "Rank hosts by one measure: fans (declared), reach (distinct people who follow them), "
      "pagerank (central in the co-stream network: Brin & Page 1998), betweenness (on the "
      "paths between others: Brandes 2001), or bridging (ties spread over several audience "
      "communities: participation coefficient, Guimerà & Amaral 2005).\n\n"
      "PageRank is the share of its time a random walk along the ties spends at the host: "
      "all hosts sum to 1, so it is shown to three significant digits and as a multiple of "
      "the average host's share (x average, 1 = average). Betweenness is the number of "
      "pairs of other hosts whose shortest chains of ties pass through the host, ~ when "
      "estimated from sampled sources. Bridging runs from 0 (all ties in one community) "
      "towards 1 (ties spread evenly over many).");
  add_dataset_options(*command, options->dataset);
  add_exclude_suspicious_option(*command, options->dataset);
  command
      ->add_option("--by", options->by,
                   "fans, reach, pagerank, betweenness, bridging, or cpm (yuan per 1,000 "
                   "people reached, cheapest first; hosts without a fee are left out)")
      ->check(CLI::IsMember({"fans", "reach", "pagerank", "betweenness", "bridging", "cpm"}))
      ->capture_default_str();
  command->add_option("--top", options->top, "How many hosts to list (0 = all)")
      ->capture_default_str();
  command
      ->add_option("--graph", options->graph,
                   "For pagerank and betweenness: collab (co-streams), audience (shared "
                   "followers), or auto (collab when the dataset has co-streams)")
      ->check(CLI::IsMember({"auto", "collab", "audience"}))
      ->capture_default_str();
  command
      ->add_option("--min-shared", options->min_shared,
                   "Audience graph: fewest shared people for two hosts to be tied")
      ->check(more_than_zero())
      ->capture_default_str();
  command
      ->add_option("--samples", options->samples,
                   "Betweenness on graphs over 4,000 hosts: sources sampled for the estimate")
      ->check(more_than_zero())
      ->capture_default_str();
  command
      ->add_option("--seed", options->seed, "Seed for sampling and for the communities of bridging")
      ->capture_default_str();
  command
      ->add_option_function<std::string>(
          "--min-fans",
          [options](const std::string& text) {
            options->min_fans = parse_human_count(text, "--min-fans");
          },
          "Leave out hosts with fewer declared fans than this (1000, 1万, 100k): a host with "
          "one fan and one tie can otherwise top --by bridging. Scores are still computed on "
          "every host")
      ->type_name("N");
  auto* json =
      command->add_flag("--json", options->json,
                        "JSON: {by, basis, estimated, hosts:[{rank, id, name, province, score, "
                        "declared_fans, fee, audience_provinces:[{province, share}]}], and with "
                        "--exclude-suspicious: suspicious_left_out{fans, follows, blocks}}; "
                        "score is the measure at full precision");
  add_table_output_options(*command, options->tables,
                           "CSV, one row per host: rank,id,name,province,score[,times_average "
                           "for pagerank],declared_fans; score at full precision",
                           json);
  command->footer(
      "Examples:\n"
      "  castgraph rank samples/tiny --by fans --top 5\n"
      "  castgraph rank samples/liaoning --by pagerank --graph collab\n"
      "  castgraph rank samples/liaoning --by bridging --min-fans 10万 --top 10\n"
      "  castgraph rank samples/liaoning --by pagerank --top 0 --csv --bom > rank.csv");
  return command;
}

void add_rank_command(CLI::App& app) {
  auto options = std::make_shared<RankCommandOptions>();
  add_rank_options(app, *options)->callback([options] { run_rank(*options); });
}

}  // namespace castgraph::cli
