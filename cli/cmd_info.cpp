// `castgraph info DATASET`: what is in a dataset, in counts.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/dataset_counts.hpp"
#include "cli/dataset_options.hpp"
#include "cli/focused_open.hpp"
#include "cli/info_command.hpp"
#include "cli/table.hpp"
#include "cli/table_output.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {

namespace {

// One row per count: its JSON key, its label, the count (and in the text, its 万 reading).
Table counts_table(const std::vector<DatasetCount>& counts) {
  Table table({"key", "", "count", ""});
  table.keys({"key", "label", "count", "chinese"});
  table.align_right(2).align_right(3).machine_only(0).text_only(3);
  for (const DatasetCount& count : counts) {
    table.add_row({count.key, count.label, Cell::count(count.value), chinese_aside(count.value)});
  }
  return table;
}

}  // namespace

void print_info(const std::vector<DatasetCount>& counts, const FanSample& sample,
                const InfoOptions& options) {
  if (options.json) {
    nlohmann::ordered_json json;
    for (const DatasetCount& count : counts) json[count.key] = count.value;
    json["sample"] = sample.kind();
    json["weight_min"] = sample.min_weight;
    json["weight_max"] = sample.max_weight;
    std::cout << json.dump(2) << "\n";
    return;
  }
  const Table table = counts_table(counts);
  if (tables_wanted(options.tables))
    return write_tables(options.tables, {{"counts", &table}}, options.dataset);
  table.print(std::cout);
  std::cout << "fans: " << fan_sample_words(sample) << "\n";
}

namespace {

// No focused load for info: its counts are of the whole network. The distinct fans (every
// fan id of follows.csv, repeats merged), the people they stand for, the follows (repeated
// rows merged) and the connected components all need every follow built, which is the
// full load's work; only the catalogue's counts could be had without it.
void run_info(const InfoOptions& options) {
  std::error_code error;
  if (std::filesystem::is_directory(options.dataset.path, error))
    say_full_load_instead(options.dataset, "info counts every fan, follow and component");
  const Network network = open_dataset(options.dataset);
  print_info(count_dataset(network), describe_fan_sample(network), options);
}

}  // namespace

CLI::App* add_info_options(CLI::App& app, InfoOptions& options_ref) {
  InfoOptions* options = &options_ref;
  CLI::App* command = app.add_subcommand(
      "info",
      "Count what a dataset holds: platforms, bases, hosts, fanbases, fans, the people "
      "they stand for, follows, collabs, declared fans and connected components, and whether the "
      "fans are a census or a "
      "panel (with its weight range)");
  add_dataset_options(*command, options->dataset);
  auto* json = command->add_flag(
      "--json", options->json,
      "Print JSON with keys platforms, bases, broadcasters, fanbases, fans, people, "
      "follows, collabs, declared_fans, components, sample (census or panel), "
      "weight_min, weight_max");
  add_table_output_options(*command, options->tables,
                           "CSV, one row per count: key (as in --json), label, count", json);
  command->footer(
      "Examples:\n  castgraph info samples/tiny --json\n  castgraph info samples/tiny -o "
      "counts.xlsx");
  return command;
}

void add_info_command(CLI::App& app) {
  auto options = std::make_shared<InfoOptions>();
  add_info_options(app, *options)->callback([options] { run_info(*options); });
}

}  // namespace castgraph::cli
