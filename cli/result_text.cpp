#include "cli/result_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/table.hpp"
#include "graph/value_rules.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {

std::uint64_t round_people(double value) { return rounded_count(value); }

std::string describe_reach_method(const ReachResult& result) {
  switch (result.method) {
    case ReachMethod::exact:
      // On a panel the count is exact but what it counts is a sample: it is an estimate.
      return fmt::format("{} from follows ({} scan of {} follow edges)",
                         result.census ? "exact count" : "panel estimate (summed fan weights)",
                         strategy_name(result.exact_strategy), group_digits(result.memberships));
    case ReachMethod::sketch:
      return fmt::format("HyperLogLog estimate, ±{:.2f}% standard error (±{} people at 3σ)",
                         100 * result.relative_error, group_digits(result.error_bound));
    case ReachMethod::declared:
      return fmt::format(
          "model estimate from declared fans (random duplication within each "
          "platform's population, independent across platforms; market {})",
          chinese_count(rounded_count(result.universe)));
    case ReachMethod::model:
      return describe_duplication_model(result);
    default:
      return "?";
  }
}

std::string describe_duplication_model(const ReachResult& result) {
  const std::size_t counted =
      static_cast<std::size_t>(std::ranges::count(result.from_follows, true));
  std::string text = fmt::format(
      "model estimate: {} of {} hosts counted from follows, {} from declared fans placed by "
      "duplication factors fitted on {} hosts with follows (market {})",
      counted, result.from_follows.size(), result.from_follows.size() - counted,
      group_digits(result.duplication_fit ? result.duplication_fit->observed_hosts : 0),
      chinese_count(rounded_count(result.universe)));
  if (!result.duplication_fit) return text;
  const DuplicationFit& fit = *result.duplication_fit;
  text += fmt::format("; shared people ÷ random duplication: all pairs {:.3g}", fit.pooled);
  for (unsigned c = kPairClasses; c-- > 0;)
    if (fit.fitted[c])
      text += fmt::format(", {} {:.3g} ({} pairs)", describe_pair_class(c), fit.factor[c],
                          group_digits(fit.pairs[c]));
  return text;
}

std::string describe_places(const std::vector<PlaceShare>& places) {
  std::string text;
  for (const PlaceShare& place : places)
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", place.place,
                        place.share < 0.005 ? "<1%" : fmt::format("{:.0f}%", 100 * place.share));
  return text;
}

std::string people_with_error(const ReachResult& result) {
  const std::uint64_t people = result.unique_reach;
  if (!result.standard_error)
    return fmt::format("{} ({}, model)", group_digits(people), chinese_count(people));
  if (result.method == ReachMethod::exact && result.census)
    return fmt::format("{} ± 0 (exact)", group_digits(people));
  const double error = *result.standard_error;
  return fmt::format("{} ± {} ({} ± {})", group_digits(people),
                     group_digits(two_significant(error)), chinese_count(people),
                     chinese_error(people, error));
}

std::string describe_people(const ReachResult& result) {
  switch (result.method) {
    case ReachMethod::exact:
      if (result.census)
        return "people: an exact count (a census: every fan in the data is one person), ± 0";
      return fmt::format(
          "people: an estimate from {} panel members (fans standing for {} people each on "
          "average, by their weights); ± is one standard error (Horvitz–Thompson)",
          group_digits(result.panel_members.value_or(0)),
          group_digits(result.panel_members.value_or(0) == 0
                           ? 0
                           : round_people(static_cast<double>(result.unique_reach) /
                                          static_cast<double>(*result.panel_members))));
    case ReachMethod::sketch:
      return "people: a HyperLogLog estimate; ± is one standard error of the sketch";
    case ReachMethod::declared:
      return "people: a model estimate from declared fans; no sampling error applies, the "
             "model's assumption is its error";
    case ReachMethod::model:
      return "people: a model estimate: follows for the hosts that have them, declared fans "
             "and fitted duplication factors for the rest; the model's assumption is its error";
    default:
      return "?";
  }
}

std::string describe_plan_request(const PlanOptions& options) {
  std::string text;
  if (options.k) text = fmt::format("{} host{}", *options.k, *options.k == 1 ? "" : "s");
  if (options.k && options.budget) text += " within ";
  if (options.budget) text += fmt::format("a budget of {} yuan", group_amount(*options.budget));
  return text;
}

std::string describe_plan_method(const Plan& plan) {
  switch (plan.method) {
    case ReachMethod::exact:
      return "exact count from follows";
    case ReachMethod::sketch:
      return fmt::format("HyperLogLog estimate, ±{:.1f}% standard error per reach",
                         100 * plan.relative_error);
    case ReachMethod::declared:
      return "model estimate from declared fans (random duplication)";
    default:
      return "?";
  }
}

std::string describe_plan_stop(const Plan& plan, const PlanOptions& options) {
  switch (plan.stop_reason) {
    case StopReason::k_reached:
      return fmt::format("k reached: {} hosts booked", plan.picks.size());
    case StopReason::budget_spent:
      return fmt::format("the hosts who would add people cost more than the {} yuan left (of {})",
                         group_amount(*options.budget - plan.spent), group_amount(*options.budget));
    case StopReason::min_gain:
      return fmt::format("the next pick would add fewer than {} people (--min-gain)",
                         group_digits(round_people(options.min_gain)));
    case StopReason::optimal:
      return "the integer program proved that no roster within these limits reaches more";
    case StopReason::time_limit:
      return fmt::format(
          "the integer program stopped at its time limit ({:g} s) with the best "
          "roster it had found",
          options.time_limit);
    case StopReason::no_gain:
      return "nothing left that adds reach: every other eligible host's "
             "fans are already reached";
    case StopReason::capped:
      return "every host that would still add reach is in a base already at --max-per-base";
    case StopReason::no_eligible:
      return "no eligible host: the filters leave nobody to book";
  }
  return "?";
}

namespace {

// A fee in yuan, or "unknown" (plan_roster marks an unknown fee negative or NaN).
std::string fee_or_unknown(double fee) {
  return fee >= 0 ? group_amount(fee) : std::string("unknown");
}

}  // namespace

std::string describe_plan_warning(const Network& network, const PlanWarning& warning,
                                  const PlanOptions& options) {
  const std::string who = warning.host == kNoNode
                              ? std::string()
                              : std::string(network.broadcasters.ids[warning.host]) + " (" +
                                    std::string(network.broadcasters.names[warning.host]) + ")";
  switch (warning.kind) {
    case PlanWarning::Kind::included_adds_nobody:
      if (!warning.has_counted_fanbase && options.platform)
        return fmt::format("included host {} has no fanbase on {}, so it adds no one ({} yuan)",
                           who, network.platforms.names[*options.platform],
                           fee_or_unknown(warning.fee));
      return fmt::format("included host {} adds no one under these filters ({} yuan)", who,
                         fee_or_unknown(warning.fee));
    case PlanWarning::Kind::budget_below_cheapest:
      return fmt::format("the budget of {} yuan is below the cheapest eligible fee: {} yuan, {}",
                         group_amount(*options.budget), fee_or_unknown(warning.fee), who);
    case PlanWarning::Kind::k_above_candidates:
      return fmt::format("--k {} is more than the {} eligible host{}", *options.k, warning.count,
                         warning.count == 1 ? "" : "s");
  }
  return "?";
}

std::string describe_plan_bound(const Plan& plan) {
  const char* method = plan.bound_method == BoundMethod::ilp  ? "integer program"
                       : plan.bound_method == BoundMethod::lp ? "LP relaxation"
                                                              : "greedy's online bound";
  return fmt::format(
      "no roster within these limits reaches more than {} people; this one reaches {:.1f}% of "
      "that ({}{})",
      group_digits(round_people(plan.upper_bound)), 100 * plan.ratio, method,
      plan.proven_optimal ? ": proven optimal" : "");
}

}  // namespace castgraph::cli
