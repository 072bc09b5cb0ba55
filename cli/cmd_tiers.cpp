// `castgraph tiers DATASET`: how many hosts sit in each fan-count band.
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "algorithms/tiers.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/human_numbers.hpp"
#include "cli/table.hpp"
#include "cli/terminal_text.hpp"
#include "graph/errors.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {

namespace {

struct TiersOptions {
  DatasetOptions dataset;
  std::string thresholds = "100k,1M,10M";
  std::string platform;
  std::string by;
  bool json = false;
  bool csv = false;
};

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

void print_csv_rows(const std::string& group, const TierTable& table) {
  for (const TierBand& band : table.bands)
    std::cout << fmt::format("{},band,{},{},{},{},{}\n", group, band.name, band.min,
                             band.max ? std::to_string(*band.max) : "", band.hosts, band.fans);
  for (const TierCumulative& level : table.cumulative)
    std::cout << fmt::format("{},cumulative,{},{},,{},\n", group, level.name, level.min,
                             level.hosts);
}

void print_table(const TierTable& table) {
  Table bands({"tier", "hosts", "fans", ""});
  bands.align_right(1).align_right(2).align_right(3);
  for (const TierBand& band : table.bands)
    bands.add_row({band.name, group_digits(band.hosts), group_digits(band.fans),
                   band.fans >= 10'000 ? fmt::format("({})", chinese_count(band.fans)) : ""});
  bands.print(std::cout);
  std::cout << "\n";
  Table cumulative({"at least", "hosts"});
  cumulative.align_right(1);
  for (const TierCumulative& level : table.cumulative)
    cumulative.add_row({level.name, group_digits(level.hosts)});
  cumulative.print(std::cout);
}

std::string group_label(const TierGroup& group) {
  if (group.key.empty()) return "(none)";
  return group.name == group.key || group.name.empty()
             ? group.key
             : fmt::format("{} {}", group.key, group.name);
}

void run_tiers(const TiersOptions& options) {
  if (options.json && options.csv) throw UsageError("choose one of --json and --csv");
  TierOptions tier_options;
  tier_options.thresholds = parse_human_counts(options.thresholds, "--thresholds");
  // Band names speak the units the thresholds were typed in: 10万,100万 -> "10万-100万".
  if (options.thresholds.find("万") != std::string::npos ||
      options.thresholds.find("亿") != std::string::npos)
    tier_options.units = TierUnits::chinese;
  const Network network = open_dataset(options.dataset);
  if (!options.platform.empty())
    tier_options.platform = resolve_platform(network, options.platform);

  std::vector<TierGroup> groups;
  if (options.by.empty())
    groups.push_back({"", "", tiers(network, tier_options)});
  else
    groups = tiers_by(network, kGroupings.at(options.by), tier_options);
  const bool grouped = !options.by.empty();

  if (options.json) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    if (!grouped) json = table_json(groups.front().table);
    for (const TierGroup& group : grouped ? groups : std::vector<TierGroup>{}) {
      auto entry = table_json(group.table);
      entry["name"] = group.name;
      json[group.key.empty() ? "(none)" : group.key] = entry;
    }
    std::cout << json.dump(2) << "\n";
  } else if (options.csv) {
    std::cout << "group,row,name,min,max,hosts,fans\n";
    for (const TierGroup& group : groups)
      print_csv_rows(grouped ? group_label(group) : "", group.table);
  } else {
    for (std::size_t i = 0; i < groups.size(); ++i) {
      if (grouped)
        std::cout << (i ? "\n" : "") << "== " << options.by << ": "
                  << terminal_safe(group_label(groups[i])) << " ==\n";
      print_table(groups[i].table);
    }
  }
}

}  // namespace

void add_tiers_command(CLI::App& app) {
  auto options = std::make_shared<TiersOptions>();
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
  command->add_option("--by", options->by, "One table per platform, base, province or kind")
      ->check(CLI::IsMember({"platform", "base", "province", "kind"}));
  auto* json = command->add_flag(
      "--json", options->json,
      "JSON: {thresholds, bands:[{name,min,max,hosts,fans}], cumulative:[{name,min,hosts}]}; with "
      "--by, one such object per group, keyed by the group");
  auto* csv =
      command->add_flag("--csv", options->csv, "CSV rows: group,row,name,min,max,hosts,fans");
  json->excludes(csv);
  command->footer(
      "Examples:\n  castgraph tiers samples/tiny\n"
      "  castgraph tiers samples/tiny --thresholds 10万,100万 --by platform --json");
  command->callback([options] { run_tiers(*options); });
}

}  // namespace castgraph::cli
