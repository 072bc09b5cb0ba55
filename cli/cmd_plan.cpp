// `castgraph plan DATASET (--k N | --budget YUAN) [filters]`: the roster of hosts that
// reaches the most different people, pick by pick, with an upper bound on the best
// possible reach and the reason the plan stopped.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "algorithms/host_set.hpp"
#include "algorithms/plan.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/filter_options.hpp"
#include "cli/host_list.hpp"
#include "cli/human_numbers.hpp"
#include "cli/number_checks.hpp"
#include "cli/plan_command.hpp"
#include "cli/plan_json.hpp"
#include "cli/result_text.hpp"
#include "cli/table.hpp"
#include "cli/table_output.hpp"
#include "graph/errors.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {
namespace {

std::string hosts_with_names(const Network& network, const std::vector<NodeId>& hosts,
                             std::size_t most) {
  std::string text;
  for (std::size_t i = 0; i < hosts.size() && i < most; ++i)
    text += (i ? ", " : "") + std::string(network.broadcasters.ids[hosts[i]]) + " (" +
            std::string(network.broadcasters.names[hosts[i]]) + ")";
  if (hosts.size() > most) text += fmt::format(", and {} more", hosts.size() - most);
  return text;
}

Cell fee_cell(double fee) { return fee >= 0 ? Cell::amount(fee) : Cell::missing("unknown"); }

// One row per pick, in the order picked; "*" marks a host booked by --include.
Table picks_table(const Network& network, const Plan& plan) {
  Table table({"#", "included", "host", "name", "fee", "marginal reach", "cumulative reach",
               "spend", "yuan/1,000 new"});
  table.keys({"pick", "included", "id", "name", "fee", "marginal_reach", "cumulative_reach",
              "spent", "yuan_per_thousand"});
  table.machine_only(1).align_right(0);
  for (std::size_t c = 4; c <= 8; ++c) table.align_right(c);
  for (std::size_t i = 0; i < plan.picks.size(); ++i) {
    const PlanPick& pick = plan.picks[i];
    table.add_row({Cell::integer(i + 1, std::to_string(i + 1) + (pick.included ? "*" : "")),
                   pick.included ? "true" : "false", network.broadcasters.ids[pick.host],
                   network.broadcasters.names[pick.host], fee_cell(pick.fee),
                   Cell::count(round_people(pick.marginal_reach)),
                   Cell::count(round_people(pick.cumulative_reach)), Cell::amount(pick.spent),
                   std::isnan(pick.yuan_per_thousand) ? Cell::missing()
                                                      : Cell::amount(pick.yuan_per_thousand)});
  }
  return table;
}

// The plan's totals, one per row, for the workbook (the text says them in sentences).
Table totals_table(const Plan& plan, const PlanOptions& options) {
  Table table({"measure", "value"});
  table.align_right(1);
  table.add_row({"unique reach", Cell::count(round_people(plan.unique_reach))});
  table.add_row({"spent", Cell::amount(plan.spent)});
  table.add_row({"yuan per 1,000 people", std::isnan(plan.yuan_per_thousand)
                                              ? Cell::missing()
                                              : Cell::amount(plan.yuan_per_thousand)});
  table.add_row({"upper bound", Cell::count(round_people(plan.upper_bound))});
  table.add_row({"share of the upper bound", Cell::percent(plan.ratio, 1)});
  table.add_row({"method", std::string(to_string(plan.method))});
  table.add_row({"stopped", describe_plan_stop(plan, options)});
  return table;
}

void print_report(const Network& network, const Plan& plan, const PlanOptions& options) {
  std::cout << "Plan for " << describe_plan_request(options) << ": " << describe_plan_method(plan)
            << "\n";
  std::cout << group_digits(plan.candidates) << " eligible host"
            << (plan.candidates == 1 ? "" : "s") << "\n";
  if (!plan.unknown_fee_excluded.empty())
    std::cout << "left out for an unknown fee (" << plan.unknown_fee_excluded.size()
              << "): " << terminal_safe(hosts_with_names(network, plan.unknown_fee_excluded, 5))
              << "\n";
  std::cout << "\n";
  picks_table(network, plan).print(std::cout);
  if (std::ranges::any_of(plan.picks, &PlanPick::included)) std::cout << "* booked by --include\n";
  std::cout << "\n";
  std::cout << "unique reach: " << with_chinese(round_people(plan.unique_reach)) << " people from "
            << plan.picks.size() << " host" << (plan.picks.size() == 1 ? "" : "s") << ", "
            << group_amount(plan.spent) << " yuan spent\n";
  if (!std::isnan(plan.yuan_per_thousand))
    std::cout << "cost:         " << group_amount(plan.yuan_per_thousand)
              << " yuan per 1,000 people reached\n";
  std::cout << "upper bound:  " << with_chinese(round_people(plan.upper_bound))
            << fmt::format(" people: within {:.1f}% of optimal", 100 * (1 - plan.ratio));
  if (plan.guarantee > 0)
    std::cout << fmt::format(" (guaranteed at least {:.1f}%)", 100 * plan.guarantee);
  std::cout << "\n" << describe_plan_bound(plan) << "\n";
  if (plan.solved)
    std::cout << fmt::format("integer program: {:.2f} s, {} subproblems\n", plan.solve_seconds,
                             plan.solve_nodes);
  if (plan.best_single_won)
    std::cout << "the roster grown from the best single affordable host beat plain greedy\n";
  if (plan.seeds_tried > 0)
    std::cout << "partial enumeration: " << group_digits(plan.seeds_tried)
              << " seed sets of 1-3 hosts completed greedily\n";
  std::cout << "stopped: " << describe_plan_stop(plan, options) << "\n";
}

}  // namespace

PlanOptions parse_plan_options(const PlanCommandOptions& command) {
  PlanOptions options;
  if (command.k > 0) options.k = static_cast<std::size_t>(command.k);
  if (!command.min_gain.empty())
    options.min_gain = static_cast<double>(parse_human_count(command.min_gain, "--min-gain"));
  options.optimal = command.optimal;
  options.time_limit = command.time_limit;
  options.bound_passes = command.bound_passes;
  if (!command.budget.empty())
    options.budget = static_cast<double>(parse_human_count(command.budget, "--budget"));
  options.method = parse_reach_method(command.method);
  options.region = command.region;
  options.city = command.city;
  if (!command.min_tier.empty())
    options.min_fans = parse_human_count(command.min_tier, "--min-tier");
  options.kinds = command.kinds;
  options.province = command.province;
  options.bases = command.bases;
  if (command.max_per_base > 0)
    options.max_per_base = static_cast<std::size_t>(command.max_per_base);
  options.enumerate = command.enumerate;
  options.sketch_precision = command.precision;
  return options;
}

void resolve_plan_hosts(const Network& network, const PlanCommandOptions& command,
                        PlanOptions& options, std::ostream& warnings) {
  if (!command.platform.empty()) options.platform = resolve_platform(network, command.platform);
  options.include = resolve_host_options(network, command.include, warnings);
  options.exclude = resolve_host_options(network, command.exclude, warnings);
}

void report_plan(const Network& network, const Plan& plan, const PlanOptions& options,
                 const PlanCommandOptions& command) {
  for (const PlanWarning& warning : plan.warnings)
    std::cerr << "warning: " << describe_plan_warning(network, warning, options) << "\n";
  if (command.json) {
    nlohmann::ordered_json json = to_json(plan, network, options);
    add_left_out(json, command.dataset);
    std::cout << json.dump(2) << "\n";
  } else if (tables_wanted(command.tables)) {
    const Table picks = picks_table(network, plan), totals = totals_table(plan, options);
    write_tables(command.tables, {{"picks", &picks}, {"totals", &totals}}, command.dataset);
  } else {
    print_report(network, plan, options);
  }
}

namespace {

void run_plan(const PlanCommandOptions& command) {
  PlanOptions options = parse_plan_options(command);
  const Network network = open_dataset(command.dataset);
  resolve_plan_hosts(network, command, options, std::cerr);
  report_plan(network, plan_roster(network, options), options, command);
}

}  // namespace

CLI::App* add_plan_options(CLI::App& app, PlanCommandOptions& options_ref) {
  PlanCommandOptions* options = &options_ref;
  CLI::App* command = app.add_subcommand(
      "plan",
      "Pick the hosts that reach the most different people for k bookings or a budget: lazy "
      "greedy (CELF) on unique reach, pick by pick with each host's marginal reach, an upper "
      "bound on the best possible reach, and why the plan stopped. Under --budget, hosts "
      "with an unknown fee are left out and listed");
  add_dataset_options(*command, options->dataset);
  add_exclude_suspicious_option(*command, options->dataset);
  command->add_option("--k", options->k, "Book at most this many hosts");
  command->add_option("--budget", options->budget,
                      "Spend at most this many yuan on fees (2000000, 200万, 2M); with --k, "
                      "both limits hold");
  command->add_option("--min-gain", options->min_gain,
                      "Stop when the next pick would add fewer than this many people (500, 1k)");
  command->add_flag("--optimal", options->optimal,
                    "Solve the integer program (GLPK) for the best roster, starting from the "
                    "greedy one, and prove it optimal or state its gap (exact method only)");
  command
      ->add_option("--time-limit", options->time_limit,
                   "Seconds --optimal may search; then the best roster found, with its gap")
      ->check(from_to(0.001, 1e7));
  add_filter_options(*command, options->platform, options->region, options->city);
  command->add_option("--min-tier", options->min_tier,
                      "Only hosts with at least this many declared fans (100k, 1M, 10万)");
  command->add_option("--kinds", options->kinds, "Only hosts of these kinds, comma-separated")
      ->delimiter(',');
  command->add_option("--province", options->province, "Only hosts of this province");
  command
      ->add_option("--base", options->bases,
                   "Only hosts of these livestream bases (id or name), comma-separated")
      ->delimiter(',');
  command->add_option("--max-per-base", options->max_per_base,
                      "At most this many hosts from one livestream base");
  add_host_list_option(*command, options->include, "--include", "Book these hosts first");
  add_host_list_option(*command, options->exclude, "--exclude", "Never book these hosts");
  command
      ->add_option("--method", options->method,
                   "exact: count from follows; sketch: HyperLogLog; declared: model from "
                   "declared fans; auto: exact with follows, declared otherwise")
      ->check(CLI::IsMember({"auto", "exact", "sketch", "declared"}))
      ->capture_default_str();
  command
      ->add_option("--precision", options->precision,
                   "HyperLogLog precision for --method sketch (2^p registers per host)")
      ->check(from_to(kMinHllPrecision, kMaxHllPrecision))
      ->capture_default_str();
  command
      ->add_option("--bound-passes", options->bound_passes,
                   "Subgradient passes of the LP bound over the follows (exact method); 0 keeps "
                   "only the greedy's online bound")
      ->check(from_to(0, 100'000))
      ->capture_default_str();
  command->add_flag("--enumerate", options->enumerate,
                    "Also grow the roster from every seed of 1-3 hosts (Sviridenko 2004): "
                    "restores the (1-1/e) guarantee under a budget; small rosters only");
  auto* json = command->add_flag(
      "--json", options->json,
      "JSON: {method, picks:[{id, name, fee, marginal_reach, cumulative_reach, "
      "spent, included, yuan_per_thousand}], unique_reach, spent, yuan_per_thousand, "
      "upper_bound, ratio, gap, bound_method (online/lp/ilp), proven_optimal, "
      "guarantee, stop_reason, warnings, unknown_fee_excluded, ..., and with "
      "--exclude-suspicious: suspicious_left_out{fans, follows, blocks}}");
  add_table_output_options(*command, options->tables,
                           "CSV, one row per pick: pick,included,id,name,fee,marginal_reach,"
                           "cumulative_reach,spent,yuan_per_thousand; -o FILE.xlsx also "
                           "holds the totals",
                           json);
  command->footer(
      "stop_reason: k_reached, budget_spent (the hosts who would add people cost more than is "
      "left), min_gain, no_gain (nothing left adds reach), max_per_base, no_eligible; with "
      "--optimal: optimal, time_limit.\nExamples:\n  castgraph plan samples/tiny --k 3\n"
      "  castgraph plan samples/tiny --budget 100万 --exclude h7 --json\n"
      "  castgraph plan data/ --budget 2M --kinds village,factory --max-per-base 2\n"
      "  castgraph plan samples/tiny --k 2 --base sy,dl\n"
      "  castgraph plan samples/tiny --k 3 -o plan.xlsx");
  return command;
}

void check_plan_options(const CLI::App& command, const PlanCommandOptions& options) {
  // Checked here rather than by CLI11's range check, whose message prints the largest
  // double in full.
  if (command.get_option("--k")->count() > 0 && options.k < 1)
    throw UsageError(fmt::format("--k must be at least 1 (got {})", options.k));
  if (command.get_option("--max-per-base")->count() > 0 && options.max_per_base < 1)
    throw UsageError(
        fmt::format("--max-per-base must be at least 1 (got {})", options.max_per_base));
  if (options.k == 0 && options.budget.empty())
    throw UsageError("plan needs --k N, --budget YUAN or both");
  if (options.time_limit > 0 && !options.optimal)
    throw UsageError("--time-limit limits --optimal; give --optimal too");
}

void add_plan_command(CLI::App& app) {
  auto options = std::make_shared<PlanCommandOptions>();
  CLI::App* command = add_plan_options(app, *options);
  command->callback([options, command] {
    check_plan_options(*command, *options);
    run_plan(*options);
  });
}

}  // namespace castgraph::cli
