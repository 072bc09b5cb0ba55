// `castgraph reach DATASET --hosts ID[,ID...]`: how many different people a set of hosts
// reaches, how much their audiences duplicate, and what each host adds.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "algorithms/cost_per_thousand.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/reach.hpp"
#include "algorithms/reach_bit_planes.hpp"
#include "algorithms/reach_breakdown.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/filter_options.hpp"
#include "cli/focused_open.hpp"
#include "cli/host_list.hpp"
#include "cli/number_checks.hpp"
#include "cli/reach_command.hpp"
#include "cli/reach_json.hpp"
#include "cli/result_text.hpp"
#include "cli/stored_sketches.hpp"
#include "cli/table.hpp"
#include "cli/table_output.hpp"
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
  // Every fee known and still no figure: nobody was reached, and there is nothing to divide by.
  if (cost.unknown_fees.empty())
    return fmt::format("{} yuan in fees; no cost per 1,000 people: nobody is reached",
                       group_amount(cost.fees));
  std::string unknown;
  for (NodeId host : cost.unknown_fees)
    unknown += (unknown.empty() ? "" : ", ") + std::string(network.broadcasters.ids[host]);
  return fmt::format("{} yuan in known fees; no cost per 1,000 people: unknown fee for {}",
                     group_amount(cost.fees), unknown);
}

Table breakdown_table(const std::vector<BreakdownGroup>& groups, const std::string& by) {
  Table table({by, "people", "share"});
  table.keys({"group", "people", "share"}).align_right(1).align_right(2);
  for (const BreakdownGroup& group : groups)
    table.add_row({group.group, Cell::count(group.people), Cell::percent(group.share, 1)});
  return table;
}

// The figures of the whole set, one per row; machine forms get each as a plain number.
Table summary_table(const ReachResult& result) {
  Table summary({"", "people"});
  summary.keys({"measure", "people"}).align_right(1);
  summary.add_row(
      {"unique reach", Cell::integer(result.unique_reach, people_with_error(result), "#,##0")});
  summary.add_row({"gross reach",
                   Cell::integer(result.gross_reach, with_chinese(result.gross_reach), "#,##0")});
  summary.add_row({"duplication", Cell::decimal(result.duplication, 3)});
  if (result.frequency) {
    const char* labels[] = {"reached by 1 host", "reached by 2 hosts", "reached by 3+ hosts"};
    for (std::size_t i = 0; i < 3; ++i)
      summary.add_row({labels[i], Cell::integer((*result.frequency)[i],
                                                with_chinese((*result.frequency)[i]), "#,##0")});
  }
  return summary;
}

Table hosts_table(const Network& network, const ReachResult& result) {
  // With the duplication model, a column says which hosts were counted and which modelled.
  const bool mixed = !result.from_follows.empty();
  std::vector<std::string> headers{"host", "name", "reach", "exclusive", "share"};
  std::vector<std::string> keys{"id", "name", "reach", "exclusive", "share"};
  if (mixed) {
    headers.push_back("counted from");
    keys.push_back("counted_from");
  }
  Table hosts(headers);
  hosts.keys(keys);
  hosts.align_right(2).align_right(3).align_right(4);
  for (std::size_t h = 0; h < result.per_host.size(); ++h) {
    const HostReach& host = result.per_host[h];
    std::vector<Cell> row{network.broadcasters.ids[host.host],
                          network.broadcasters.names[host.host], Cell::count(host.reach),
                          Cell::count(host.exclusive), Cell::percent(host.share, 1)};
    if (mixed) row.push_back(Cell(result.from_follows[h] ? "follows" : "model (declared fans)"));
    hosts.add_row(std::move(row));
  }
  return hosts;
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
  Table summary = summary_table(result);
  summary.print(std::cout);
  std::cout << "\n";
  hosts_table(network, result).print(std::cout);
  if (answer.breakdown.empty()) return;
  std::cout << "\nby " << options.by
            << (options.by == "province" || options.by == "city"
                    ? " (where the people live):\n"
                    : " (a person reached in several groups counts in each):\n");
  breakdown_table(answer.breakdown, options.by).print(std::cout);
}

// --csv prints the per-host table; the workbook holds it, the summary and the breakdown.
void write_reach_tables(const Network& network, const ReachAnswer& answer,
                        const ReachCommandOptions& options) {
  const Table hosts = hosts_table(network, answer.result);
  const Table summary = summary_table(answer.result);
  std::vector<Sheet> sheets{{"hosts", &hosts}, {"summary", &summary}};
  const Table breakdown =
      breakdown_table(answer.breakdown, options.by.empty() ? "group" : options.by);
  if (!answer.breakdown.empty()) sheets.push_back({"by " + options.by, &breakdown});
  write_tables(options.tables, sheets, options.dataset);
}

}  // namespace

void print_reach_answer(const Network& network, const ReachAnswer& answer,
                        const ReachCommandOptions& options) {
  if (options.json) {
    nlohmann::ordered_json json = to_json(answer, network, options);
    add_left_out(json, options.dataset);
    std::cout << json.dump(2) << "\n";
  } else if (tables_wanted(options.tables))
    write_reach_tables(network, answer, options);
  else
    print_report(network, answer, options);
}

namespace {

// Why the focused network cannot answer as the full one would, or "" when it can: only
// counted reach reads nothing but the asked hosts' follows (a sketch, the models and
// --exclude-suspicious read every host's), and a --city within a --region is checked
// against every fan's places (algorithms/host_set.hpp).
std::string focused_reach_unfit(const ReachCommandOptions& options, ReachMethod method) {
  if (method != ReachMethod::exact && method != ReachMethod::automatic)
    return "--method " + options.method + " reads every host's follows";
  if (options.dataset.exclude_suspicious) return "--exclude-suspicious audits every follow";
  if (!options.region.empty() && !options.city.empty())
    return "--city with --region checks every fan's places";
  return "";
}

// The answer from the focused network, or nullopt when the full network's could differ:
// the exact count's strategy (named in the JSON) depends on how many fans the network
// has, which the focused load knows only within bounds.
std::optional<ReachAnswer> focused_answer(const FocusedNetwork& focused, ReachOptions reach_options,
                                          const ReachCommandOptions& options,
                                          std::ostream& warnings) {
  const Network& network = focused.network;
  if (!options.platform.empty())
    reach_options.platform = resolve_platform(network, options.platform);
  const std::vector<NodeId> hosts = resolve_host_options(network, options.hosts, warnings);
  ReachAnswer answer;
  answer.result = reach(network, hosts, reach_options);
  if (answer.result.method == ReachMethod::exact) {
    const bool planes = answer.result.exact_strategy == ExactStrategy::planes;
    const std::size_t hosts_counted = answer.result.per_host.size();
    if (planes !=
            bit_planes_pay_off(focused.least_fans, hosts_counted, answer.result.memberships) ||
        planes != bit_planes_pay_off(focused.most_fans, hosts_counted, answer.result.memberships)) {
      say_full_load_instead(options.dataset,
                            "the counting strategy depends on fans the focused load skipped");
      return std::nullopt;
    }
  }
  if (!options.by.empty())
    answer.breakdown = reach_breakdown(network, hosts, reach_options, parse_breakdown(options.by),
                                       answer.result.unique_reach);
  answer.cost = cost_per_thousand(network, hosts, answer.result.unique_reach);
  return answer;
}

// Answers from a focused load when it can; false when the full load is to run.
bool reach_from_focused_load(const ReachCommandOptions& options,
                             const ReachOptions& reach_options) {
  const auto found = answer_on_focused_load<ReachAnswer>(
      options.dataset, options.hosts, options.load,
      focused_reach_unfit(options, reach_options.method),
      [&](const FocusedNetwork& focused, std::ostream& warnings) {
        return focused_answer(focused, reach_options, options, warnings);
      });
  if (!found) return false;
  report_rejects(options.dataset, found->focused.rejects);
  std::cerr << found->warnings;
  print_reach_answer(found->focused.network, found->answer, options);
  return true;
}

void run_reach(const ReachCommandOptions& options) {
  if (options.hosts.empty()) throw UsageError("give the hosts: --hosts LIST or --hosts-file FILE");
  ReachOptions reach_options;
  reach_options.method = parse_reach_method(options.method);
  reach_options.region = options.region;
  reach_options.city = options.city;
  reach_options.sketch_precision = options.precision;
  if (reach_from_focused_load(options, reach_options)) return;
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
  const std::vector<NodeId> hosts = resolve_host_options(network, options.hosts, std::cerr);
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
  add_host_list_option(*command, options->hosts, "--hosts", "The hosts", "--hosts-file");
  add_filter_options(*command, options->platform, options->region, options->city);
  command
      ->add_option("--by", options->by,
                   "Break the unique reach down by where the people live (province, city; "
                   "fans without one are 'unknown') or by the platform, base or kind of the "
                   "hosts reaching them")
      ->check(CLI::IsMember({"province", "city", "platform", "base", "kind"}));
  command
      ->add_option("--method", options->method,
                   "exact: count from follows; sketch: HyperLogLog estimate; declared: model "
                   "from declared fans and platform populations (random duplication); model: "
                   "follows for the hosts that have them, and for hosts without, declared "
                   "fans placed by duplication factors fitted on the hosts with follows (by "
                   "shared base, province, platform and kind); auto: exact when the "
                   "dataset has follows, declared otherwise")
      ->check(CLI::IsMember({"auto", "exact", "sketch", "declared", "model"}))
      ->capture_default_str();
  command
      ->add_option("--precision", options->precision,
                   "HyperLogLog precision p for --method sketch: 2^p registers, standard "
                   "error 1.04/sqrt(2^p)")
      ->check(from_to(kMinHllPrecision, kMaxHllPrecision))
      ->capture_default_str();
  auto* json = command->add_flag(
      "--json", options->json,
      "JSON: {method, estimate (count, panel, sketch or model), people (the estimate, = "
      "unique_reach), "
      "panel_members (distinct fans reached), standard_error (one standard "
      "error; 0 on a census, null for a model), census, counts (in words), "
      "unique_reach, gross_reach, duplication, "
      "frequency{1,2,3+}, relative_standard_error, error_bound, per_host:[{id, "
      "name, declared_fans, reach, exclusive, share, and for --method model counted_from "
      "(follows or model)}], universe and, for --method model, model{observed_hosts, "
      "pooled_factor, fans_left_out, factors:[{pair, factor, fitted, pairs, "
      "shared_people}]}, city, fee_total, yuan_per_1000 "
      "(null unless every fee is known), unknown_fees, and with --by: breakdown, "
      "by:[{group, people, share}], and with --exclude-suspicious: suspicious_left_out{fans, "
      "follows, blocks}}");
  add_table_output_options(*command, options->tables,
                           "CSV, one row per host: id,name,reach,exclusive,share (a fraction); "
                           "-o FILE.xlsx also holds the summary and the --by breakdown",
                           json);
  command->footer(
      "Examples:\n  castgraph reach samples/tiny --hosts h1,h2,h7\n"
      "  castgraph reach samples/tiny --hosts 李佳,周杰 --region 辽宁 --json\n"
      "  castgraph reach samples/liaoning --hosts 'h11655, 马刚' --region 辽宁省\n"
      "  castgraph reach samples/liaoning --hosts-file shortlist.csv --encoding gb18030\n"
      "  castgraph reach samples/tiny --hosts h1,h7 --platform douyin --method declared\n"
      "  castgraph reach samples/tiny --hosts h1,h2,h7 --by province -o reach.xlsx\n"
      "  castgraph reach samples/liaoning --hosts h11655,h7252 --method model");
  return command;
}

void add_reach_command(CLI::App& app) {
  auto options = std::make_shared<ReachCommandOptions>();
  CLI::App* command = add_reach_options(app, *options);
  add_load_option(*command, options->load);
  command->callback([options] { run_reach(*options); });
}

}  // namespace castgraph::cli
