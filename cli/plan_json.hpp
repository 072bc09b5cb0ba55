// A plan as JSON, the one way `castgraph plan --json` spells it: {method, estimate, k,
// budget, candidates, picks:[{id, name, fee, marginal_reach, cumulative_reach, spent,
// included, yuan_per_thousand}], unique_reach, spent, upper_bound, ratio, ...}. People
// are rounded with round_people, as the tables and the HTML report round them, so that
// every form of a plan shows the same figures.
// In cli/ because JSON is how the command line speaks; plan_roster stays JSON-free.
#pragma once

#include <nlohmann/json.hpp>

#include "algorithms/plan.hpp"
#include "graph/network.hpp"

namespace castgraph::cli {

// Keys in the order of `plan --help`; null for what is unknown (a fee, a cost per 1,000
// when nobody is reached, k or budget when not given). O(picks + warnings).
nlohmann::ordered_json to_json(const Plan& plan, const Network& network,
                               const PlanOptions& options);

}  // namespace castgraph::cli
