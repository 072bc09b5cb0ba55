#include "cli/plan_json.hpp"

#include <cmath>

#include "cli/result_text.hpp"

namespace castgraph::cli {
namespace {

nlohmann::ordered_json number_or_null(double value) {
  return std::isnan(value) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}

}  // namespace

nlohmann::ordered_json to_json(const Plan& plan, const Network& network,
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
                             {"included", pick.included},
                             {"yuan_per_thousand", number_or_null(pick.yuan_per_thousand)}});
  json["unique_reach"] = round_people(plan.unique_reach);
  json["spent"] = plan.spent;
  json["upper_bound"] = round_people(plan.upper_bound);
  json["ratio"] = plan.ratio;
  json["yuan_per_thousand"] = number_or_null(plan.yuan_per_thousand);
  json["bound_method"] = to_string(plan.bound_method);
  json["bound_message"] = describe_plan_bound(plan);
  json["gap"] = 1 - plan.ratio;
  json["proven_optimal"] = plan.proven_optimal;
  json["online_bound"] = round_people(plan.online_bound);
  json["lp_bound"] = plan.lp_bound > 0 ? Json(round_people(plan.lp_bound)) : Json(nullptr);
  json["bound_passes"] = plan.bound_passes;
  json["coverage_rows"] = plan.coverage_rows;
  if (plan.solved) {
    json["solve_seconds"] = plan.solve_seconds;
    json["solve_nodes"] = plan.solve_nodes;
  }
  json["warnings"] = Json::array();
  for (const PlanWarning& warning : plan.warnings)
    json["warnings"].push_back(describe_plan_warning(network, warning, options));
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

}  // namespace castgraph::cli
