// `castgraph info DATASET`: what is in a dataset, in counts.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/table.hpp"
#include "graph/whole_network.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {

namespace {

struct InfoOptions {
  DatasetOptions dataset;
  bool json = false;
};

struct Count {
  const char* key;    // the JSON key, a contract for scripts
  const char* label;  // what the table calls it
  std::uint64_t value;
};

std::vector<Count> count_everything(const Network& network) {
  return {
      {"platforms", "platforms", network.platforms.size()},
      {"bases", "bases", network.bases.size()},
      {"broadcasters", "broadcasters (hosts)", network.broadcasters.size()},
      {"fanbases", "fanbases", network.fanbases.size()},
      {"fans", "distinct fans", network.fans.size()},
      {"people", "people (summed fan weights)", people(network)},
      {"follows", "follows", network.follow_count()},
      {"collabs", "collabs (host pairs)", network.collab_count()},
      {"declared_fans", "declared fans", declared_fans_total(network)},
      {"components", "connected components", count_components(network)},
  };
}

void print_table(const std::vector<Count>& counts) {
  Table table({"", "count", ""});
  table.align_right(1).align_right(2);
  for (const Count& count : counts) {
    const bool large = count.value >= 10'000;
    table.add_row({count.label, group_digits(count.value),
                   large ? fmt::format("({})", chinese_count(count.value)) : ""});
  }
  table.print(std::cout);
}

void run_info(const InfoOptions& options) {
  const Network network = open_dataset(options.dataset);
  const auto counts = count_everything(network);
  if (options.json) {
    nlohmann::ordered_json json;
    for (const Count& count : counts) json[count.key] = count.value;
    std::cout << json.dump(2) << "\n";
    return;
  }
  print_table(counts);
}

}  // namespace

void add_info_command(CLI::App& app) {
  auto options = std::make_shared<InfoOptions>();
  CLI::App* command = app.add_subcommand(
      "info", "Count what a dataset holds: platforms, bases, hosts, fanbases, fans, the people "
              "they stand for, follows, collabs, declared fans and connected components");
  add_dataset_options(*command, options->dataset);
  command->add_flag("--json", options->json,
                    "Print JSON with keys platforms, bases, broadcasters, fanbases, fans, people, "
                    "follows, collabs, declared_fans, components");
  command->footer("Example: castgraph info samples/tiny --json");
  command->callback([options] { run_info(*options); });
}

}  // namespace castgraph::cli
