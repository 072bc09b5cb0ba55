// `castgraph plan DATASET (--k N | --budget YUAN) [filters]`: the roster of hosts that
// reaches the most different people, pick by pick, with an upper bound on the best
// possible reach and the reason the plan stopped.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "algorithms/host_set.hpp"
#include "algorithms/plan.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/human_numbers.hpp"
#include "cli/result_text.hpp"
#include "cli/table.hpp"
#include "graph/errors.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {
namespace {

struct PlanCommandOptions {
  DatasetOptions dataset;
  std::size_t k = 0;
  std::string budget;
  std::string platform;
  std::string region;
  std::string min_tier;
  std::vector<std::string> kinds;
  std::string province;
  std::size_t max_per_base = 0;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string method = "auto";
  int precision = kPlanSketchPrecision;
  bool enumerate = false;
  bool json = false;
};

std::string with_chinese(std::uint64_t count) {
  return count >= 10'000 ? fmt::format("{} ({})", group_digits(count), chinese_count(count))
                         : group_digits(count);
}

std::string fee_text(double fee) {
  return fee >= 0 ? group_digits(round_people(fee)) : std::string("unknown");
}

std::string host_list(const Network& network, const std::vector<NodeId>& hosts, std::size_t most) {
  std::string text;
  for (std::size_t i = 0; i < hosts.size() && i < most; ++i)
    text += (i ? ", " : "") + std::string(network.broadcasters.ids[hosts[i]]) + " (" +
            std::string(network.broadcasters.names[hosts[i]]) + ")";
  if (hosts.size() > most) text += fmt::format(", and {} more", hosts.size() - most);
  return text;
}

void print_report(const Network& network, const Plan& plan, const PlanOptions& options) {
  std::cout << "Plan for "
            << (options.k ? fmt::format("{} host{}", *options.k, *options.k == 1 ? "" : "s")
                          : fmt::format("a budget of {} yuan",
                                        group_digits(round_people(*options.budget))))
            << ": " << describe_plan_method(plan) << "\n";
  std::cout << group_digits(plan.candidates) << " eligible host"
            << (plan.candidates == 1 ? "" : "s") << "\n";
  if (!plan.unknown_fee_excluded.empty())
    std::cout << "left out for an unknown fee (" << plan.unknown_fee_excluded.size()
              << "): " << host_list(network, plan.unknown_fee_excluded, 5) << "\n";
  std::cout << "\n";
  Table table({"#", "host", "name", "fee", "marginal reach", "cumulative reach", "spend"});
  table.align_right(0).align_right(3).align_right(4).align_right(5).align_right(6);
  for (std::size_t i = 0; i < plan.picks.size(); ++i) {
    const PlanPick& pick = plan.picks[i];
    table.add_row({std::to_string(i + 1) + (pick.included ? "*" : ""),
                   std::string(network.broadcasters.ids[pick.host]),
                   std::string(network.broadcasters.names[pick.host]), fee_text(pick.fee),
                   group_digits(round_people(pick.marginal_reach)),
                   group_digits(round_people(pick.cumulative_reach)),
                   group_digits(round_people(pick.spent))});
  }
  table.print(std::cout);
  if (std::ranges::any_of(plan.picks, &PlanPick::included)) std::cout << "* booked by --include\n";
  std::cout << "\n";
  std::cout << "unique reach: " << with_chinese(round_people(plan.unique_reach)) << " people from "
            << plan.picks.size() << " host" << (plan.picks.size() == 1 ? "" : "s") << ", "
            << group_digits(round_people(plan.spent)) << " yuan spent\n";
  std::cout << "upper bound:  " << with_chinese(round_people(plan.upper_bound))
            << fmt::format(" people: within {:.1f}% of optimal", 100 * (1 - plan.ratio));
  if (plan.guarantee > 0)
    std::cout << fmt::format(" (guaranteed at least {:.1f}%)", 100 * plan.guarantee);
  std::cout << "\n";
  if (plan.best_single_won)
    std::cout << "the roster grown from the best single affordable host beat plain greedy\n";
  if (plan.seeds_tried > 0)
    std::cout << "partial enumeration: " << group_digits(plan.seeds_tried)
              << " seed sets of 1-3 hosts completed greedily\n";
  std::cout << "stopped: " << describe_plan_stop(plan, options) << "\n";
}

nlohmann::ordered_json report_json(const Network& network, const Plan& plan,
                                   const PlanOptions& options) {
  using Json = nlohmann::ordered_json;
  Json json;
  json["method"] = to_string(plan.method);
  json["estimate"] = plan.method == ReachMethod::exact    ? "count"
                     : plan.method == ReachMethod::sketch ? "sketch"
                                                          : "model";
  json["k"] = options.k ? Json(*options.k) : Json(nullptr);
  json["budget"] = options.budget ? Json(*options.budget) : Json(nullptr);
  json["candidates"] = plan.candidates;
  json["picks"] = Json::array();
  for (const PlanPick& pick : plan.picks)
    json["picks"].push_back({{"id", network.broadcasters.ids[pick.host]},
                             {"name", network.broadcasters.names[pick.host]},
                             {"fee", pick.fee >= 0 ? Json(pick.fee) : Json(nullptr)},
                             {"marginal_reach", round_people(pick.marginal_reach)},
                             {"cumulative_reach", round_people(pick.cumulative_reach)},
                             {"spent", pick.spent},
                             {"included", pick.included}});
  json["unique_reach"] = round_people(plan.unique_reach);
  json["spent"] = plan.spent;
  json["upper_bound"] = round_people(plan.upper_bound);
  json["ratio"] = plan.ratio;
  json["guarantee"] = plan.guarantee > 0 ? Json(plan.guarantee) : Json(nullptr);
  json["stop_reason"] = to_string(plan.stop_reason);
  json["stop_message"] = describe_plan_stop(plan, options);
  json["unknown_fee_excluded"] = Json::array();
  for (NodeId host : plan.unknown_fee_excluded)
    json["unknown_fee_excluded"].push_back(network.broadcasters.ids[host]);
  json["best_single_won"] = plan.best_single_won;
  json["seeds_tried"] = plan.seeds_tried;
  json["evaluations"] = plan.evaluations;
  if (plan.method == ReachMethod::sketch) json["relative_standard_error"] = plan.relative_error;
  return json;
}

void run_plan(const PlanCommandOptions& command) {
  PlanOptions options;
  if (command.k > 0) options.k = command.k;
  if (!command.budget.empty())
    options.budget = static_cast<double>(parse_human_count(command.budget, "--budget"));
  options.method = parse_reach_method(command.method);
  options.region = command.region;
  if (!command.min_tier.empty())
    options.min_fans = parse_human_count(command.min_tier, "--min-tier");
  options.kinds = command.kinds;
  options.province = command.province;
  if (command.max_per_base > 0) options.max_per_base = command.max_per_base;
  options.enumerate = command.enumerate;
  options.sketch_precision = command.precision;
  const Network network = open_dataset(command.dataset);
  if (!command.platform.empty()) options.platform = resolve_platform(network, command.platform);
  options.include = resolve_hosts(network, command.include);
  options.exclude = resolve_hosts(network, command.exclude);
  const Plan plan = plan_roster(network, options);
  if (command.json)
    std::cout << report_json(network, plan, options).dump(2) << "\n";
  else
    print_report(network, plan, options);
}

}  // namespace

void add_plan_command(CLI::App& app) {
  auto options = std::make_shared<PlanCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "plan",
      "Pick the hosts that reach the most different people for k bookings or a budget: lazy "
      "greedy (CELF) on unique reach, pick by pick with each host's marginal reach, an upper "
      "bound on the best possible reach, and why the plan stopped. Under --budget, hosts "
      "with an unknown fee are left out and listed");
  add_dataset_options(*command, options->dataset);
  add_exclude_suspicious_option(*command, options->dataset);
  auto* k =
      command->add_option("--k", options->k, "Book this many hosts")->check(CLI::PositiveNumber);
  auto* budget = command->add_option("--budget", options->budget,
                                     "Spend at most this many yuan on fees (2000000, 200万, 2M)");
  k->excludes(budget);
  budget->excludes(k);
  command->add_option("--platform", options->platform,
                      "Count only fanbases on this platform (id or exact name)");
  command->add_option("--region", options->region,
                      "Count only fans whose province is this (needs follows)");
  command->add_option("--min-tier", options->min_tier,
                      "Only hosts with at least this many declared fans (100k, 1M, 10万)");
  command->add_option("--kinds", options->kinds, "Only hosts of these kinds, comma-separated")
      ->delimiter(',');
  command->add_option("--province", options->province, "Only hosts of this province");
  command
      ->add_option("--max-per-base", options->max_per_base,
                   "At most this many hosts from one livestream base")
      ->check(CLI::PositiveNumber);
  command
      ->add_option("--include", options->include,
                   "Book these hosts first (id or exact name, comma-separated)")
      ->delimiter(',');
  command
      ->add_option("--exclude", options->exclude,
                   "Never book these hosts (id or exact name, comma-separated)")
      ->delimiter(',');
  command
      ->add_option("--method", options->method,
                   "exact: count from follows; sketch: HyperLogLog; declared: model from "
                   "declared fans; auto: exact with follows, declared otherwise")
      ->check(CLI::IsMember({"auto", "exact", "sketch", "declared"}))
      ->capture_default_str();
  command
      ->add_option("--precision", options->precision,
                   "HyperLogLog precision for --method sketch (2^p registers per host)")
      ->check(CLI::Range(kMinHllPrecision, kMaxHllPrecision))
      ->capture_default_str();
  command->add_flag("--enumerate", options->enumerate,
                    "Also grow the roster from every seed of 1-3 hosts (Sviridenko 2004): "
                    "restores the (1-1/e) guarantee under a budget; small rosters only");
  command->add_flag("--json", options->json,
                    "JSON: {method, picks:[{id, name, fee, marginal_reach, cumulative_reach, "
                    "spent, included}], unique_reach, spent, upper_bound, ratio, guarantee, "
                    "stop_reason, unknown_fee_excluded, ...}");
  command->footer(
      "stop_reason: k_reached, budget_spent, no_gain (nothing left adds reach), max_per_base, "
      "no_eligible.\nExamples:\n  castgraph plan samples/tiny --k 3\n"
      "  castgraph plan samples/tiny --budget 100万 --exclude h7 --json\n"
      "  castgraph plan data/ --budget 2M --kinds village,factory --max-per-base 2");
  command->callback([options] {
    if (options->k == 0 && options->budget.empty())
      throw UsageError("plan needs --k N or --budget YUAN");
    run_plan(*options);
  });
}

}  // namespace castgraph::cli
