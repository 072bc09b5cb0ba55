// `castgraph reach DATASET --hosts ID[,ID...]`: how many different people a set of hosts
// reaches, how much their audiences duplicate, and what each host adds.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "algorithms/cost_per_thousand.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/reach.hpp"
#include "algorithms/reach_breakdown.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/reach_command.hpp"
#include "cli/result_text.hpp"
#include "cli/stored_sketches.hpp"
#include "cli/table.hpp"
#include "cli/terminal_text.hpp"
#include "graph/errors.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {
namespace {

std::string fee_text(const Network& network, const CostPerThousand& cost) {
  if (cost.yuan_per_thousand)
    return fmt::format("{} yuan in fees: {} yuan per 1,000 people reached", group_amount(cost.fees),
                       *cost.yuan_per_thousand >= 100
                           ? group_amount(*cost.yuan_per_thousand)
                           : fmt::format("{:.2f}", *cost.yuan_per_thousand));
  std::string unknown;
  for (NodeId host : cost.unknown_fees)
    unknown += (unknown.empty() ? "" : ", ") + std::string(network.broadcasters.ids[host]);
  return fmt::format("{} yuan in known fees; no cost per 1,000 people: unknown fee for {}",
                     group_amount(cost.fees), unknown);
}

void print_breakdown(const std::vector<BreakdownGroup>& groups, const std::string& by) {
  Table table({by, "people", "share"});
  table.align_right(1).align_right(2);
  for (const BreakdownGroup& group : groups)
    table.add_row(
        {group.group, group_digits(group.people), fmt::format("{:.1f}%", 100 * group.share)});
  table.print(std::cout);
}

void print_report(const Network& network, const ReachAnswer& answer,
                  const ReachCommandOptions& options) {
  const ReachResult& result = answer.result;
  std::cout << "Reach of " << result.per_host.size() << " host"
            << (result.per_host.size() == 1 ? "" : "s") << ": " << describe_reach_method(result)
            << "\n";
  if (!options.platform.empty())
    std::cout << "platform: " << terminal_safe(options.platform) << "\n";
  if (!options.region.empty()) std::cout << "region: " << terminal_safe(options.region) << "\n";
  if (!options.city.empty()) std::cout << "city: " << terminal_safe(options.city) << "\n";
  std::cout << describe_people(result) << "\n";
  std::cout << "cost: " << fee_text(network, answer.cost) << "\n\n";
  Table summary({"", "people"});
  summary.align_right(1);
  summary.add_row({"unique reach", people_with_error(result)});
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
  if (answer.breakdown.empty()) return;
  std::cout << "\nby " << options.by
            << (options.by == "province" || options.by == "city"
                    ? " (where the people live):\n"
                    : " (a person reached in several groups counts in each):\n");
  print_breakdown(answer.breakdown, options.by);
}

nlohmann::ordered_json report_json(const Network& network, const ReachAnswer& answer,
                                   const ReachCommandOptions& options) {
  using Json = nlohmann::ordered_json;
  const ReachResult& result = answer.result;
  Json json;
  json["method"] = to_string(result.method);
  // "count" only when the count is of people themselves; a panel's count is an estimate.
  json["estimate"] = result.method == ReachMethod::exact    ? (result.census ? "count" : "panel")
                     : result.method == ReachMethod::sketch ? "sketch"
                                                            : "model";
  json["people"] = result.unique_reach;
  json["panel_members"] = result.panel_members ? Json(*result.panel_members) : Json(nullptr);
  json["standard_error"] = result.standard_error ? Json(*result.standard_error) : Json(nullptr);
  json["census"] = result.method == ReachMethod::exact && result.census;
  json["counts"] = describe_people(result);
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
  json["city"] = options.city.empty() ? Json(nullptr) : Json(options.city);
  json["fee_total"] = answer.cost.fees;
  json["yuan_per_1000"] =
      answer.cost.yuan_per_thousand ? Json(*answer.cost.yuan_per_thousand) : Json(nullptr);
  json["unknown_fees"] = Json::array();
  for (NodeId host : answer.cost.unknown_fees)
    json["unknown_fees"].push_back(network.broadcasters.ids[host]);
  if (!options.by.empty()) {
    json["breakdown"] = options.by;
    json["by"] = Json::array();
    for (const BreakdownGroup& group : answer.breakdown)
      json["by"].push_back(
          {{"group", group.group}, {"people", group.people}, {"share", group.share}});
  }
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

}  // namespace

void print_reach_answer(const Network& network, const ReachAnswer& answer,
                        const ReachCommandOptions& options) {
  if (options.json)
    std::cout << report_json(network, answer, options).dump(2) << "\n";
  else
    print_report(network, answer, options);
}

namespace {

void run_reach(const ReachCommandOptions& options) {
  ReachOptions reach_options;
  reach_options.method = parse_reach_method(options.method);
  reach_options.region = options.region;
  reach_options.city = options.city;
  reach_options.sketch_precision = options.precision;
  const OpenedSnapshot opened = open_dataset_with_extras(options.dataset);
  const Network& network = opened.network;
  // Sketches stored in a snapshot answer --method sketch without touching follows; other
  // methods leave them unread (and their checksum unchecked).
  const std::optional<FanbaseSketches> stored = reach_options.method == ReachMethod::sketch
                                                    ? stored_sketches(opened, options.dataset.path)
                                                    : std::nullopt;
  if (stored && stored->precision == options.precision) reach_options.sketches = &*stored;
  if (!options.platform.empty())
    reach_options.platform = resolve_platform(network, options.platform);
  const std::vector<NodeId> hosts = resolve_hosts(network, options.hosts);
  ReachAnswer answer;
  answer.result = reach(network, hosts, reach_options);
  if (!options.by.empty())
    answer.breakdown = reach_breakdown(network, hosts, reach_options, parse_breakdown(options.by),
                                       answer.result.unique_reach);
  answer.cost = cost_per_thousand(network, hosts, answer.result.unique_reach);
  print_reach_answer(network, answer, options);
}

}  // namespace

CLI::App* add_reach_options(CLI::App& app, ReachCommandOptions& options_ref) {
  ReachCommandOptions* options = &options_ref;
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
                      "Count only fans whose province is this (needs follows); 辽宁 and 辽宁省 "
                      "both match");
  command->add_option("--city", options->city,
                      "Count only fans whose city is this (needs follows); 沈阳 and 沈阳市 both "
                      "match");
  command
      ->add_option("--by", options->by,
                   "Break the unique reach down by where the people live (province, city; "
                   "fans without one are 'unknown') or by the platform, base or kind of the "
                   "hosts reaching them")
      ->check(CLI::IsMember({"province", "city", "platform", "base", "kind"}));
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
  command->add_flag(
      "--json", options->json,
      "JSON: {method, estimate (count, panel, sketch or model), people (the estimate, = "
      "unique_reach), "
      "panel_members (distinct fans reached), standard_error (one standard "
      "error; 0 on a census, null for a model), census, counts (in words), "
      "unique_reach, gross_reach, duplication, "
      "frequency{1,2,3+}, relative_standard_error, error_bound, per_host:[{id, "
      "name, declared_fans, reach, exclusive, share}], city, fee_total, yuan_per_1000 "
      "(null unless every fee is known), unknown_fees, and with --by: breakdown, "
      "by:[{group, people, share}]}");
  command->footer(
      "Examples:\n  castgraph reach samples/tiny --hosts h1,h2,h7\n"
      "  castgraph reach samples/tiny --hosts 李佳,周杰 --region 辽宁 --json\n"
      "  castgraph reach samples/tiny --hosts h1,h7 --platform douyin --method declared");
  return command;
}

void add_reach_command(CLI::App& app) {
  auto options = std::make_shared<ReachCommandOptions>();
  add_reach_options(app, *options)->callback([options] { run_reach(*options); });
}

}  // namespace castgraph::cli
