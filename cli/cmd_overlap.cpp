// `castgraph overlap DATASET --hosts ID,...` (the matrix of shared people and Jaccard
// similarity) and `castgraph overlap DATASET --top N` (the most overlapping pairs of the
// whole dataset).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "algorithms/host_set.hpp"
#include "algorithms/overlap.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/focused_open.hpp"
#include "cli/host_list.hpp"
#include "cli/number_checks.hpp"
#include "cli/overlap_command.hpp"
#include "cli/table.hpp"
#include "cli/table_output.hpp"
#include "graph/errors.hpp"

namespace castgraph::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string host_id(const Network& network, NodeId host) {
  return std::string(network.broadcasters.ids[host]);
}
std::string host_name(const Network& network, NodeId host) {
  return std::string(network.broadcasters.names[host]);
}

// The three matrices of --hosts: shared people, Jaccard similarity, and the share of the
// row host's audience that also follows the column host.
struct OverlapMatrices {
  Table shared, jaccard, within;
};

OverlapMatrices matrix_tables(const Network& network, const OverlapMatrix& matrix) {
  std::vector<std::string> headers{"host", "name", "reach"};
  for (NodeId host : matrix.hosts) headers.push_back(host_id(network, host));
  std::vector<std::string> keys = headers;
  keys[0] = "id";
  OverlapMatrices tables{Table(headers), Table(headers), Table(headers)};
  for (Table* table : {&tables.shared, &tables.jaccard, &tables.within}) {
    table->keys(keys);
    for (std::size_t c = 2; c < headers.size(); ++c) table->align_right(c);
  }
  for (std::size_t i = 0; i < matrix.size(); ++i) {
    std::vector<Cell> people{host_id(network, matrix.hosts[i]), host_name(network, matrix.hosts[i]),
                             Cell::count(matrix.reach(i))};
    std::vector<Cell> similarity = people, shares = people;
    for (std::size_t j = 0; j < matrix.size(); ++j) {
      people.push_back(i == j ? Cell::missing() : Cell::count(matrix.at(i, j)));
      similarity.push_back(i == j ? Cell::missing() : Cell::decimal(matrix.jaccard(i, j), 3));
      shares.push_back(i == j ? Cell::missing() : Cell::percent(matrix.share(i, j), 1));
    }
    tables.shared.add_row(std::move(people));
    tables.jaccard.add_row(std::move(similarity));
    tables.within.add_row(std::move(shares));
  }
  return tables;
}

// Every pair once, as CSV has always listed the --hosts matrix.
Table matrix_pairs_table(const Network& network, const OverlapMatrix& matrix) {
  Table table({"host", "name", "host", "name", "shared", "jaccard", "a in b", "b in a"});
  table.keys({"host_a", "name_a", "host_b", "name_b", "shared", "jaccard", "a_in_b", "b_in_a"});
  for (std::size_t c = 4; c < 8; ++c) table.align_right(c);
  for (std::size_t i = 0; i < matrix.size(); ++i)
    for (std::size_t j = i + 1; j < matrix.size(); ++j)
      table.add_row({host_id(network, matrix.hosts[i]), host_name(network, matrix.hosts[i]),
                     host_id(network, matrix.hosts[j]), host_name(network, matrix.hosts[j]),
                     Cell::count(matrix.at(i, j)), Cell::decimal(matrix.jaccard(i, j), 3),
                     Cell::percent(matrix.share(i, j), 1), Cell::percent(matrix.share(j, i), 1)});
  return table;
}

void print_matrix(const OverlapMatrices& tables, const OverlapMatrix& matrix,
                  const OverlapCommandOptions& options) {
  std::cout << (matrix.estimated
                    ? fmt::format("Shared people (estimated: weighted MinHash, k = {})\n",
                                  options.sketch_size)
                    : std::string("Shared people (exact, from follows)\n"));
  tables.shared.print(std::cout);
  std::cout << "\nJaccard similarity (shared / either)\n";
  tables.jaccard.print(std::cout);
  std::cout << "\nShare of the row host's audience that also follows the column host\n";
  tables.within.print(std::cout);
}

}  // namespace

void report_matrix(const Network& network, const OverlapMatrix& matrix,
                   const OverlapCommandOptions& options) {
  if (tables_wanted(options.tables)) {
    const Table pairs = matrix_pairs_table(network, matrix);
    const OverlapMatrices tables = matrix_tables(network, matrix);
    return write_tables(options.tables,
                        {{"pairs", &pairs},
                         {"shared people", &tables.shared},
                         {"jaccard", &tables.jaccard},
                         {"row in column", &tables.within}},
                        options.dataset);
  }
  if (!options.json) return print_matrix(matrix_tables(network, matrix), matrix, options);
  Json json{{"method", matrix.estimated ? "sketch" : "exact"},
            {"hosts", Json::array()},
            {"shared", Json::array()},
            {"jaccard", Json::array()},
            {"a_in_b", Json::array()}};
  for (std::size_t i = 0; i < matrix.size(); ++i) {
    json["hosts"].push_back({{"id", host_id(network, matrix.hosts[i])},
                             {"name", host_name(network, matrix.hosts[i])},
                             {"reach", matrix.reach(i)}});
    Json shared = Json::array(), jaccard = Json::array(), within = Json::array();
    for (std::size_t j = 0; j < matrix.size(); ++j) {
      shared.push_back(matrix.at(i, j));
      jaccard.push_back(matrix.jaccard(i, j));
      within.push_back(matrix.share(i, j));
    }
    json["shared"].push_back(shared);
    json["jaccard"].push_back(jaccard);
    json["a_in_b"].push_back(within);
  }
  std::cout << json.dump(2) << "\n";
}

namespace {

Table top_table(const Network& network, const TopOverlap& top) {
  Table table({"rank", "host", "name", "host", "name", "shared", "jaccard", "a in b", "b in a"});
  table.keys(
      {"rank", "host_a", "name_a", "host_b", "name_b", "shared", "jaccard", "a_in_b", "b_in_a"});
  table.align_right(0).align_right(5).align_right(6).align_right(7).align_right(8);
  for (std::size_t r = 0; r < top.pairs.size(); ++r) {
    const HostPair& pair = top.pairs[r];
    table.add_row({Cell::integer(r + 1, std::to_string(r + 1)), host_id(network, pair.a),
                   host_name(network, pair.a), host_id(network, pair.b), host_name(network, pair.b),
                   Cell::count(pair.shared), Cell::decimal(pair.jaccard, 3),
                   Cell::percent(pair.a_in_b, 1), Cell::percent(pair.b_in_a, 1)});
  }
  return table;
}

}  // namespace

void report_top(const Network& network, const TopOverlap& top,
                const OverlapCommandOptions& options) {
  if (options.json) {
    Json json{{"top", options.top}, {"pairs", Json::array()}};
    for (const HostPair& pair : top.pairs)
      json["pairs"].push_back({{"a", host_id(network, pair.a)},
                               {"name_a", host_name(network, pair.a)},
                               {"b", host_id(network, pair.b)},
                               {"name_b", host_name(network, pair.b)},
                               {"shared", pair.shared},
                               {"jaccard", pair.jaccard},
                               {"a_in_b", pair.a_in_b},
                               {"b_in_a", pair.b_in_a}});
    json["skipped_fans"] = top.skipped_fans;
    json["skipped_people"] = top.skipped_people;
    std::cout << json.dump(2) << "\n";
    return;
  }
  const Table table = top_table(network, top);
  if (tables_wanted(options.tables))
    return write_tables(options.tables, {{"top pairs", &table}}, options.dataset);
  table.print(std::cout);
  if (top.skipped_fans > 0)
    std::cout << fmt::format(
        "\n{} fans ({} people) following more than {} hosts were left out "
        "of the pair counts\n",
        group_digits(top.skipped_fans), group_digits(top.skipped_people),
        options.max_hosts_per_fan);
}

void check_overlap_options(const OverlapCommandOptions& options) {
  if (options.hosts.empty() == (options.top == 0))
    throw UsageError("give either --hosts ID,... (or --hosts-file FILE) or --top N");
  if (options.top > 0 && (!options.platform.empty() || !options.region.empty() ||
                          !options.city.empty() || options.method != "exact"))
    throw UsageError("--platform, --region, --city and --method apply to --hosts, not to --top");
}

void require_overlap_follows(std::uint64_t follows) {
  if (follows == 0) throw UsageError("overlap needs follows (follows.csv); this dataset has none");
}

namespace {

// The --hosts matrix; host warnings go to `warnings`.
OverlapMatrix hosts_matrix(const Network& network, const OverlapCommandOptions& options,
                           std::ostream& warnings) {
  std::optional<NodeId> platform;
  if (!options.platform.empty()) platform = resolve_platform(network, options.platform);
  const std::vector<NodeId> hosts = resolve_host_options(network, options.hosts, warnings);
  const HostSet set = make_host_set(network, hosts, platform, options.region, options.city);
  return options.method == "sketch" ? overlap_matrix_sketch(network, set, options.sketch_size)
                                    : overlap_matrix(network, set);
}

// Why the focused network cannot answer --hosts as the full one would, or "" when it can.
// The exact matrix reads only the asked hosts' follows and their fans' weights and places.
// The sketch breaks rank ties by the fans' numbers, which the focused load gives in
// another order; a city within a region is checked against every fan's places.
std::string focused_overlap_unfit(const OverlapCommandOptions& options) {
  if (options.method != "exact")
    return "--method " + options.method + " numbers fans as a full load";
  if (!options.region.empty() && !options.city.empty())
    return "--city with --region checks every fan's places";
  return "";
}

// Answers --hosts from a focused load when it can; false when the full load is to run.
bool overlap_from_focused_load(const OverlapCommandOptions& options) {
  if (options.top > 0) {
    say_full_load_instead(options.dataset, "--top reads every host's follows");
    return false;
  }
  const auto found = answer_on_focused_load<OverlapMatrix>(
      options.dataset, options.hosts, options.load, focused_overlap_unfit(options),
      [&](const FocusedNetwork& focused, std::ostream& warnings) {
        return hosts_matrix(focused.network, options, warnings);
      });
  if (!found) return false;
  report_rejects(options.dataset, found->focused.rejects);
  require_overlap_follows(found->focused.follow_rows);
  std::cerr << found->warnings;
  report_matrix(found->focused.network, found->answer, options);
  return true;
}

void run_overlap(const OverlapCommandOptions& options) {
  check_overlap_options(options);
  if (overlap_from_focused_load(options)) return;
  const Network network = open_dataset(options.dataset);
  require_overlap_follows(network.follow_count());
  if (options.top > 0) {
    TopOverlapOptions top_options;
    top_options.max_hosts_per_fan = options.max_hosts_per_fan;
    return report_top(network, top_overlaps(network, options.top, top_options), options);
  }
  report_matrix(network, hosts_matrix(network, options, std::cerr), options);
}

}  // namespace

CLI::App* add_overlap_options(CLI::App& app, OverlapCommandOptions& options_ref) {
  OverlapCommandOptions* options = &options_ref;
  CLI::App* command = app.add_subcommand(
      "overlap",
      "Audience overlap in people (fan weights count), from follows: with --hosts, the matrix "
      "of shared people and Jaccard similarity between every pair; with --top N, the N host "
      "pairs of the whole dataset sharing the most people, found from co-occurrence over fans "
      "without forming all pairs");
  add_dataset_options(*command, options->dataset);
  auto* hosts =
      add_host_list_option(*command, options->hosts, "--hosts", "The hosts", "--hosts-file");
  auto* top = command->add_option("--top", options->top, "The N most overlapping pairs")
                  ->check(more_than_zero());
  hosts->excludes(top);
  command->get_option("--hosts-file")->excludes(top);
  command->add_option("--platform", options->platform,
                      "With --hosts: count only fanbases on this platform");
  command->add_option("--region", options->region,
                      "With --hosts: count only fans whose province is this");
  command->add_option("--city", options->city,
                      "With --hosts: count only fans whose city is this (沈阳 = 沈阳市)");
  command
      ->add_option("--max-hosts-per-fan", options->max_hosts_per_fan,
                   "With --top: leave fans following more hosts than this out of the pair "
                   "counts (each costs hosts²/2 updates); 0 counts every fan")
      ->capture_default_str();
  command
      ->add_option("--method", options->method,
                   "With --hosts: exact (from follows) or sketch (weighted MinHash "
                   "estimate, relative error about 1/sqrt(k · Jaccard))")
      ->check(CLI::IsMember({"exact", "sketch"}))
      ->capture_default_str();
  command->add_option("--sketch-size", options->sketch_size, "k, the fans each MinHash keeps")
      ->check(from_to(2, 1 << 24))
      ->capture_default_str();
  auto* json = command->add_flag(
      "--json", options->json,
      "JSON: --hosts {method, hosts:[{id,name,reach}], shared:[[..]], jaccard:[[..]], "
      "a_in_b:[[..]] (row i, column j: the share of i's people who follow j too)}; --top "
      "{top, pairs:[{a,name_a,b,name_b,shared,jaccard,a_in_b,b_in_a}], skipped_fans, "
      "skipped_people}");
  add_table_output_options(*command, options->tables,
                           "CSV, one row per pair: [rank,]host_a,name_a,host_b,name_b,"
                           "shared,jaccard,a_in_b,b_in_a (shares as fractions); with --hosts, "
                           "-o FILE.xlsx also holds the three matrices",
                           json);
  command->footer(
      "Examples:\n  castgraph overlap samples/tiny --hosts h1,h2,h7\n"
      "  castgraph overlap samples/tiny --top 5 --csv\n"
      "  castgraph overlap samples/tiny --hosts h1,h2,h7 -o overlap.xlsx");
  return command;
}

void add_overlap_command(CLI::App& app) {
  auto options = std::make_shared<OverlapCommandOptions>();
  CLI::App* command = add_overlap_options(app, *options);
  add_load_option(*command, options->load);
  command->callback([options] { run_overlap(*options); });
}

}  // namespace castgraph::cli
