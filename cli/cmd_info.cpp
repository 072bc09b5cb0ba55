// `castgraph info DATASET`: what is in a dataset, in counts.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/dataset_counts.hpp"
#include "cli/dataset_options.hpp"
#include "cli/table.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {

namespace {

struct InfoOptions {
  DatasetOptions dataset;
  bool json = false;
};

void print_table(const std::vector<DatasetCount>& counts) {
  Table table({"", "count", ""});
  table.align_right(1).align_right(2);
  for (const DatasetCount& count : counts) {
    const bool large = count.value >= 10'000;
    table.add_row({count.label, group_digits(count.value),
                   large ? fmt::format("({})", chinese_count(count.value)) : ""});
  }
  table.print(std::cout);
}

void run_info(const InfoOptions& options) {
  const Network network = open_dataset(options.dataset);
  const auto counts = count_dataset(network);
  if (options.json) {
    nlohmann::ordered_json json;
    for (const DatasetCount& count : counts) json[count.key] = count.value;
    std::cout << json.dump(2) << "\n";
    return;
  }
  print_table(counts);
}

}  // namespace

void add_info_command(CLI::App& app) {
  auto options = std::make_shared<InfoOptions>();
  CLI::App* command = app.add_subcommand(
      "info",
      "Count what a dataset holds: platforms, bases, hosts, fanbases, fans, the people "
      "they stand for, follows, collabs, declared fans and connected components");
  add_dataset_options(*command, options->dataset);
  command->add_flag("--json", options->json,
                    "Print JSON with keys platforms, bases, broadcasters, fanbases, fans, people, "
                    "follows, collabs, declared_fans, components");
  command->footer("Example: castgraph info samples/tiny --json");
  command->callback([options] { run_info(*options); });
}

}  // namespace castgraph::cli
