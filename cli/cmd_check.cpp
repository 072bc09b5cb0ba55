// `castgraph check DATASET`: read every byte of a dataset and check every rule. Commands
// check a snapshot only as far as they read it (graph/column_guard.hpp), so damage in a
// part no command has read yet stays silent; this finds it before it matters, e.g.
// after copying a snapshot to another machine.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/stored_sketches.hpp"
#include "graph/errors.hpp"
#include "graph/network_check.hpp"

namespace castgraph::cli {

namespace {

struct CheckOptions {
  DatasetOptions dataset;
  bool json = false;
};

void run_check(const CheckOptions& options) {
  DatasetOptions dataset = options.dataset;
  dataset.cache = false;  // a check reads the files themselves, not a snapshot made of them
  const OpenedSnapshot opened = open_dataset_with_extras(dataset);
  // A guarded column refuses (throws DataError naming the file) when it is first read;
  // a rule that fails on an unguarded network comes back as a problem.
  if (auto problem = check_network(opened.network))
    throw DataError({options.dataset.path, 0, 0},
                    fmt::format("inconsistent network: {}", *problem));
  check_stored_sketches(opened, options.dataset.path);
  std::uint64_t extra_bytes = 0;
  for (const auto& [name, extra] : opened.extras) extra_bytes += extra.bytes().size();
  if (options.json) {
    nlohmann::ordered_json json;
    json["dataset"] = options.dataset.path;
    json["sound"] = true;
    json["extra_sections"] = opened.extras.size();
    json["extra_bytes"] = extra_bytes;
    std::cout << json.dump(2) << "\n";
    return;
  }
  std::cout << fmt::format(
      "{}: sound: every section read and every rule checked ({} extra sections)\n",
      options.dataset.path, opened.extras.size());
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check",
      "Read a whole dataset or snapshot and check every checksum and rule; other commands "
      "check a snapshot only as far as they read it. Exits 65 naming the damaged part");
  add_dataset_options(*command, options->dataset);
  command->add_flag("--json", options->json,
                    "Print JSON with keys dataset, sound, extra_sections, extra_bytes");
  command->footer("Example: castgraph check liaoning.cgs");
  command->callback([options] { run_check(*options); });
}

}  // namespace castgraph::cli
