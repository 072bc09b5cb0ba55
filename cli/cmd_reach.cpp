// `castgraph reach DATASET --hosts ID[,ID...]`: how many different people a set of hosts
// reaches, how much their audiences duplicate, and what each host adds.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "algorithms/host_set.hpp"
#include "algorithms/reach.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/result_text.hpp"
#include "cli/stored_sketches.hpp"
#include "cli/table.hpp"
#include "graph/errors.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {
namespace {

struct ReachCommandOptions {
  DatasetOptions dataset;
  std::vector<std::string> hosts;
  std::string platform;
  std::string region;
  std::string method = "auto";
  int precision = kDefaultHllPrecision;
  bool json = false;
};

std::string with_chinese(std::uint64_t people) {
  return people >= 10'000 ? fmt::format("{} ({})", group_digits(people), chinese_count(people))
                          : group_digits(people);
}

void print_report(const Network& network, const ReachResult& result,
                  const ReachCommandOptions& options) {
  std::cout << "Reach of " << result.per_host.size() << " host"
            << (result.per_host.size() == 1 ? "" : "s") << ": " << describe_reach_method(result)
            << "\n";
  if (!options.platform.empty()) std::cout << "platform: " << options.platform << "\n";
  if (!options.region.empty()) std::cout << "region: " << options.region << "\n";
  std::cout << "\n";
  Table summary({"", "people"});
  summary.align_right(1);
  summary.add_row({"unique reach", with_chinese(result.unique_reach)});
  summary.add_row({"gross reach", with_chinese(result.gross_reach)});
  summary.add_row({"duplication", fmt::format("{:.3f}", result.duplication)});
  if (result.frequency) {
    summary.add_row({"reached by 1 host", with_chinese((*result.frequency)[0])});
    summary.add_row({"reached by 2 hosts", with_chinese((*result.frequency)[1])});
    summary.add_row({"reached by 3+ hosts", with_chinese((*result.frequency)[2])});
  }
  summary.print(std::cout);
  std::cout << "\n";
  Table hosts({"host", "name", "reach", "exclusive", "share"});
  hosts.align_right(2).align_right(3).align_right(4);
  for (const HostReach& host : result.per_host)
    hosts.add_row({std::string(network.broadcasters.ids[host.host]),
                   std::string(network.broadcasters.names[host.host]), group_digits(host.reach),
                   group_digits(host.exclusive), fmt::format("{:.1f}%", 100 * host.share)});
  hosts.print(std::cout);
}

nlohmann::ordered_json report_json(const Network& network, const ReachResult& result,
                                   const ReachCommandOptions& options) {
  using Json = nlohmann::ordered_json;
  Json json;
  json["method"] = to_string(result.method);
  json["estimate"] = result.method == ReachMethod::exact    ? "count"
                     : result.method == ReachMethod::sketch ? "sketch"
                                                            : "model";
  json["unique_reach"] = result.unique_reach;
  json["gross_reach"] = result.gross_reach;
  json["duplication"] = result.duplication;
  json["frequency"] = result.frequency ? Json{{"1", (*result.frequency)[0]},
                                              {"2", (*result.frequency)[1]},
                                              {"3+", (*result.frequency)[2]}}
                                       : Json(nullptr);
  json["relative_standard_error"] =
      result.method == ReachMethod::sketch ? Json(result.relative_error) : Json(nullptr);
  json["error_bound"] =
      result.method == ReachMethod::sketch ? Json(result.error_bound) : Json(nullptr);
  if (result.method == ReachMethod::exact) {
    json["strategy"] = strategy_name(result.exact_strategy);
    json["memberships"] = result.memberships;
  }
  if (result.method == ReachMethod::declared) json["universe"] = result.universe;
  json["platform"] = options.platform.empty() ? Json(nullptr) : Json(options.platform);
  json["region"] = options.region.empty() ? Json(nullptr) : Json(options.region);
  json["per_host"] = Json::array();
  for (const HostReach& host : result.per_host)
    json["per_host"].push_back({{"id", network.broadcasters.ids[host.host]},
                                {"name", network.broadcasters.names[host.host]},
                                {"declared_fans", declared_fans(network, host.host)},
                                {"reach", host.reach},
                                {"exclusive", host.exclusive},
                                {"share", host.share}});
  return json;
}

void run_reach(const ReachCommandOptions& options) {
  ReachOptions reach_options;
  reach_options.method = parse_reach_method(options.method);
  reach_options.region = options.region;
  reach_options.sketch_precision = options.precision;
  const OpenedSnapshot opened = open_dataset_with_extras(options.dataset);
  const Network& network = opened.network;
  // Sketches stored in a snapshot answer --method sketch without touching follows; other
  // methods leave them unread (and their checksum unchecked).
  const std::optional<FanbaseSketches> stored =
      reach_options.method == ReachMethod::sketch ? stored_sketches(opened) : std::nullopt;
  if (stored && stored->precision == options.precision) reach_options.sketches = &*stored;
  if (!options.platform.empty())
    reach_options.platform = resolve_platform(network, options.platform);
  const std::vector<NodeId> hosts = resolve_hosts(network, options.hosts);
  const ReachResult result = reach(network, hosts, reach_options);
  if (options.json)
    std::cout << report_json(network, result, options).dump(2) << "\n";
  else
    print_report(network, result, options);
}

}  // namespace

void add_reach_command(CLI::App& app) {
  auto options = std::make_shared<ReachCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "reach",
      "How many different people a set of hosts reaches: unique reach (summed weight of the "
      "distinct fans reached, across platforms), gross reach (a person once per host), "
      "duplication (gross / unique), how many people 1, 2 or 3+ of the hosts reach, and per "
      "host its reach, exclusive reach and share of the unique reach");
  add_dataset_options(*command, options->dataset);
  add_exclude_suspicious_option(*command, options->dataset);
  command->add_option("--hosts", options->hosts, "Hosts by id or exact name, comma-separated")
      ->required()
      ->delimiter(',');
  command->add_option("--platform", options->platform,
                      "Count only fanbases on this platform (id or exact name)");
  command->add_option("--region", options->region,
                      "Count only fans whose province is this (needs follows)");
  command
      ->add_option("--method", options->method,
                   "exact: count from follows; sketch: HyperLogLog estimate; declared: model "
                   "from declared fans and platform populations; auto: exact when the "
                   "dataset has follows, declared otherwise")
      ->check(CLI::IsMember({"auto", "exact", "sketch", "declared"}))
      ->capture_default_str();
  command
      ->add_option("--precision", options->precision,
                   "HyperLogLog precision p for --method sketch: 2^p registers, standard "
                   "error 1.04/sqrt(2^p)")
      ->check(CLI::Range(kMinHllPrecision, kMaxHllPrecision))
      ->capture_default_str();
  command->add_flag("--json", options->json,
                    "JSON: {method, estimate, unique_reach, gross_reach, duplication, "
                    "frequency{1,2,3+}, relative_standard_error, error_bound, per_host:[{id, "
                    "name, declared_fans, reach, exclusive, share}]}");
  command->footer(
      "Examples:\n  castgraph reach samples/tiny --hosts h1,h2,h7\n"
      "  castgraph reach samples/tiny --hosts 李佳,周杰 --region 辽宁 --json\n"
      "  castgraph reach samples/tiny --hosts h1,h7 --platform douyin --method declared");
  command->callback([options] { run_reach(*options); });
}

}  // namespace castgraph::cli
