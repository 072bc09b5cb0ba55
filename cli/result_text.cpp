#include "cli/result_text.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cli/table.hpp"
#include "graph/value_rules.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {

std::uint64_t round_people(double value) { return rounded_count(value); }

std::string describe_reach_method(const ReachResult& result) {
  switch (result.method) {
    case ReachMethod::exact:
      return fmt::format("exact count from follows ({} scan of {} follow edges)",
                         strategy_name(result.exact_strategy), group_digits(result.memberships));
    case ReachMethod::sketch:
      return fmt::format("HyperLogLog estimate, ±{:.2f}% standard error (±{} people at 3σ)",
                         100 * result.relative_error, group_digits(result.error_bound));
    case ReachMethod::declared:
      return fmt::format(
          "model estimate from declared fans (random duplication within each "
          "platform's population, independent across platforms; market {})",
          chinese_count(rounded_count(result.universe)));
    default:
      return "?";
  }
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
