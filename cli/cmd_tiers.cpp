// `castgraph tiers DATASET`: how many hosts sit in each fan-count band.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "algorithms/tiers.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/human_numbers.hpp"
#include "cli/table.hpp"
#include "cli/table_output.hpp"
#include "cli/terminal_text.hpp"
#include "cli/tiers_command.hpp"
#include "graph/errors.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {

namespace {

const std::map<std::string, TierGrouping> kGroupings{{"platform", TierGrouping::platform},
                                                     {"base", TierGrouping::base},
                                                     {"province", TierGrouping::province},
                                                     {"kind", TierGrouping::kind}};

NodeId resolve_platform(const Network& network, const std::string& key) {
  if (auto platform = find_platform(network, key)) return *platform;
  std::string known;
  for (NodeId p = 0; p < network.platforms.size(); ++p)
    known += fmt::format("{}{} ({})", p ? ", " : "", network.platforms.ids[p],
                         network.platforms.names[p]);
  throw UsageError(fmt::format("unknown platform '{}'; the dataset has: {}", key, known));
}

nlohmann::ordered_json table_json(const TierTable& table) {
  nlohmann::ordered_json json;
  json["thresholds"] = table.thresholds;
  json["bands"] = nlohmann::ordered_json::array();
  for (const TierBand& band : table.bands) {
    nlohmann::ordered_json entry{{"name", band.name}, {"min", band.min}};
    entry["max"] = band.max ? nlohmann::ordered_json(*band.max) : nlohmann::ordered_json(nullptr);
    entry["hosts"] = band.hosts;
    entry["fans"] = band.fans;
    json["bands"].push_back(entry);
  }
  json["cumulative"] = nlohmann::ordered_json::array();
  for (const TierCumulative& level : table.cumulative)
    json["cumulative"].push_back(
        {{"name", level.name}, {"min", level.min}, {"hosts", level.hosts}});
  return json;
}

// Ungrouped, for CSV and the workbook: a row per band (with its range and fans), then a
// row per cumulative count, as `row` says.
Table tiers_rows_table(const TierTable& table) {
  Table rows({"group", "row", "tier", "min", "max", "hosts", "fans"});
  rows.keys({"group", "row", "name", "min", "max", "hosts", "fans"});
  for (const TierBand& band : table.bands)
    rows.add_row({"", "band", band.name, Cell::count(band.min),
                  band.max ? Cell::count(*band.max) : Cell::missing(""), Cell::count(band.hosts),
                  Cell::count(band.fans)});
  for (const TierCumulative& level : table.cumulative)
    rows.add_row({"", "cumulative", level.name, Cell::count(level.min), Cell::missing(""),
                  Cell::count(level.hosts), Cell::missing("")});
  return rows;
}

Table bands_table(const TierTable& table) {
  Table bands({"tier", "hosts", "fans", ""});
  bands.align_right(1).align_right(2).align_right(3).text_only(3);
  for (const TierBand& band : table.bands)
    bands.add_row(
        {band.name, Cell::count(band.hosts), Cell::count(band.fans), chinese_aside(band.fans)});
  return bands;
}

Table cumulative_table(const TierTable& table) {
  Table cumulative({"at least", "hosts"});
  cumulative.align_right(1);
  for (const TierCumulative& level : table.cumulative)
    cumulative.add_row({level.name, Cell::count(level.hosts)});
  return cumulative;
}

bool names_differ(const std::vector<TierGroup>& groups) {
  return std::ranges::any_of(groups,
                             [](const TierGroup& g) { return !g.name.empty() && g.name != g.key; });
}

// With --by: one table, a row per group and a column per band (hosts in it), then the
// cumulative counts. Groups keep the order tiers_by gives them.
Table grouped_table(const std::vector<TierGroup>& groups, const std::string& by) {
  const bool named = names_differ(groups);
  std::vector<std::string> headers{by, "name", "hosts", "declared fans"};
  std::vector<std::string> keys{"group", "name", "hosts", "fans"};
  const TierTable& first = groups.front().table;
  for (const TierBand& band : first.bands) headers.push_back(band.name), keys.push_back(band.name);
  for (const TierCumulative& level : first.cumulative)
    headers.push_back(level.name), keys.push_back(level.name);
  Table table(headers);
  table.keys(keys);
  if (!named) table.machine_only(1);  // the name is the key again: the text says it once
  for (std::size_t c = 2; c < headers.size(); ++c) table.align_right(c);
  for (const TierGroup& group : groups) {
    std::uint64_t hosts = 0, fans = 0;
    for (const TierBand& band : group.table.bands) {
      hosts += band.hosts;
      fans = fans + band.fans < fans ? ~std::uint64_t{0} : fans + band.fans;  // saturating
    }
    std::vector<Cell> row{group.key.empty() ? "(none)" : group.key, group.name, Cell::count(hosts),
                          Cell::count(fans)};
    for (const TierBand& band : group.table.bands) row.push_back(Cell::count(band.hosts));
    for (const TierCumulative& level : group.table.cumulative)
      row.push_back(Cell::count(level.hosts));
    table.add_row(std::move(row));
  }
  return table;
}

// The --by table in JSON, beside the per-group objects: {by, bands, cumulative,
// rows:[{group, name, hosts, fans, bands:{band: hosts}, cumulative:{level: hosts}}]}.
nlohmann::ordered_json grouped_json(const std::vector<TierGroup>& groups, const std::string& by) {
  nlohmann::ordered_json json{{"by", by},
                              {"bands", nlohmann::ordered_json::array()},
                              {"cumulative", nlohmann::ordered_json::array()},
                              {"rows", nlohmann::ordered_json::array()}};
  for (const TierBand& band : groups.front().table.bands) json["bands"].push_back(band.name);
  for (const TierCumulative& level : groups.front().table.cumulative)
    json["cumulative"].push_back(level.name);
  for (const TierGroup& group : groups) {
    nlohmann::ordered_json row{{"group", group.key.empty() ? "(none)" : group.key},
                               {"name", group.name}};
    std::uint64_t hosts = 0, fans = 0;
    nlohmann::ordered_json bands = nlohmann::ordered_json::object();
    for (const TierBand& band : group.table.bands) {
      hosts += band.hosts;
      fans = fans + band.fans < fans ? ~std::uint64_t{0} : fans + band.fans;
      bands[band.name] = band.hosts;
    }
    row["hosts"] = hosts;
    row["fans"] = fans;
    row["bands"] = bands;
    row["cumulative"] = nlohmann::ordered_json::object();
    for (const TierCumulative& level : group.table.cumulative)
      row["cumulative"][level.name] = level.hosts;
    json["rows"].push_back(row);
  }
  return json;
}

}  // namespace

TierOptions tier_options(const TiersOptions& options) {
  TierOptions tier_options;
  tier_options.thresholds = parse_human_counts(options.thresholds, "--thresholds");
  // Band names speak the units the thresholds were typed in: 10万,100万 -> "10万-100万".
  if (options.thresholds.find("万") != std::string::npos ||
      options.thresholds.find("亿") != std::string::npos)
    tier_options.units = TierUnits::chinese;
  return tier_options;
}

std::vector<TierGroup> compute_tiers(const Network& network, TierOptions tier_options,
                                     const TiersOptions& options) {
  if (!options.platform.empty())
    tier_options.platform = resolve_platform(network, options.platform);
  if (options.by.empty()) return {{"", "", tiers(network, tier_options)}};
  return tiers_by(network, kGroupings.at(options.by), tier_options);
}

void print_tiers(const std::vector<TierGroup>& groups, const TiersOptions& options) {
  const bool grouped = !options.by.empty();
  if (options.json) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    if (!grouped) json = table_json(groups.front().table);
    for (const TierGroup& group : grouped ? groups : std::vector<TierGroup>{}) {
      auto entry = table_json(group.table);
      entry["name"] = group.name;
      json[group.key.empty() ? "(none)" : group.key] = entry;
    }
    if (grouped && !groups.empty()) json["table"] = grouped_json(groups, options.by);
    std::cout << json.dump(2) << "\n";
    return;
  }
  if (grouped) {
    if (groups.empty()) {
      std::cout << "no hosts to group\n";
      return;
    }
    const Table table = grouped_table(groups, options.by);
    if (tables_wanted(options.tables))
      return write_tables(options.tables, {{"tiers by " + options.by, &table}}, options.dataset);
    std::cout << fmt::format(
        "Hosts per tier, by {} ({} groups; a host counts in its band, and "
        "in each cumulative column it reaches)\n\n",
        options.by, groups.size());
    table.print(std::cout);
    return;
  }
  const TierTable& table = groups.front().table;
  const Table bands = bands_table(table), cumulative = cumulative_table(table);
  if (tables_wanted(options.tables)) {
    const Table rows = tiers_rows_table(table);
    return write_tables(options.tables,
                        {{"tiers", &rows}, {"bands", &bands}, {"cumulative", &cumulative}},
                        options.dataset);
  }
  bands.print(std::cout);
  std::cout << "\n";
  cumulative.print(std::cout);
}

namespace {

void run_tiers(const TiersOptions& options) {
  const TierOptions thresholds = tier_options(options);
  const Network network = open_dataset(options.dataset);
  print_tiers(compute_tiers(network, thresholds, options), options);
}

}  // namespace

CLI::App* add_tiers_options(CLI::App& app, TiersOptions& options_ref) {
  TiersOptions* options = &options_ref;
  CLI::App* command = app.add_subcommand(
      "tiers",
      "Put every host in a fan-count tier. A host's fans are the declared fans of its fanbases, "
      "summed (or only those on --platform). Each host falls in one band: below the first "
      "threshold, or the highest threshold it reaches; cumulative counts (100k+, 1M+, 10M+) "
      "follow");
  add_dataset_options(*command, options->dataset);
  command
      ->add_option("--thresholds", options->thresholds,
                   "Comma-separated, increasing: 100000, 100k, 1M, or 10万,100万,1000万")
      ->capture_default_str();
  command->add_option(
      "--platform", options->platform,
      "Count only fans on this platform (id or exact name); hosts not on it are left out");
  command
      ->add_option("--by", options->by,
                   "One table with a row per platform, base, province or kind and a column "
                   "per band")
      ->check(CLI::IsMember({"platform", "base", "province", "kind"}));
  auto* json = command->add_flag(
      "--json", options->json,
      "JSON: {thresholds, bands:[{name,min,max,hosts,fans}], cumulative:[{name,min,hosts}]}; with "
      "--by, one such object per group, keyed by the group, and the --by table under "
      "\"table\": {by, bands, cumulative, rows:[{group, name, hosts, fans, bands:{band: hosts}, "
      "cumulative:{level: hosts}}]} (a group keyed \"table\" is found in table.rows)");
  add_table_output_options(
      *command, options->tables,
      "CSV: without --by, a row per band and per cumulative count: group,row,name,min,max,"
      "hosts,fans; with --by, a row per group: group,name,hosts,fans, then the hosts in each "
      "band and each cumulative count, one column each (named by the band)",
      json);
  command->footer(
      "Examples:\n  castgraph tiers samples/tiny\n"
      "  castgraph tiers samples/tiny --thresholds 10万,100万 --by platform --json\n"
      "  castgraph tiers samples/liaoning --by base -o tiers.xlsx");
  return command;
}

void add_tiers_command(CLI::App& app) {
  auto options = std::make_shared<TiersOptions>();
  add_tiers_options(app, *options)->callback([options] { run_tiers(*options); });
}

}  // namespace castgraph::cli
