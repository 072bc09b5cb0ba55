#include "algorithms/reach.hpp"

#include <cmath>
#include <string>

#include "algorithms/panel_error.hpp"
#include "algorithms/reach_declared.hpp"
#include "graph/errors.hpp"
#include "graph/value_rules.hpp"

namespace castgraph {
namespace {

std::uint64_t people_count(double estimate) { return rounded_count(estimate); }

// Each host's reach and exclusive reach from an estimate (a sketch's or a model's, in
// HostSet order), rounded to whole people.
void add_estimated_hosts(ReachResult& result, const HostSet& set, const std::vector<double>& reach,
                         const std::vector<double>& exclusive) {
  for (std::size_t h = 0; h < set.size(); ++h)
    result.per_host.push_back(
        {set.hosts[h], people_count(reach[h]), people_count(exclusive[h]), 0});
}

void fill_totals(ReachResult& result) {
  result.gross_reach = 0;
  for (const HostReach& host : result.per_host) result.gross_reach += host.reach;
  if (result.unique_reach == 0) return;
  const double unique = static_cast<double>(result.unique_reach);
  result.duplication = static_cast<double>(result.gross_reach) / unique;
  for (HostReach& host : result.per_host) host.share = static_cast<double>(host.reach) / unique;
}

ReachResult from_exact(const Network& network, const HostSet& set, const ExactReach& exact) {
  const bool census = network.fans.weights.empty();
  // A census's members are its people: no second pass over the fans.
  const PanelError panel = census ? PanelError{exact.unique, 0} : panel_error(network, set);
  return exact_reach_result(set, exact, panel, census);
}

ReachResult from_sketch(const HostSet& set, const SketchReach& sketch) {
  ReachResult result;
  result.method = ReachMethod::sketch;
  result.unique_reach = people_count(sketch.unique);
  result.relative_error = sketch.relative_error;
  result.error_bound = people_count(3 * sketch.relative_error * sketch.unique);
  result.standard_error = sketch.relative_error * sketch.unique;
  add_estimated_hosts(result, set, sketch.per_host, sketch.exclusive);
  return result;
}

ReachResult from_declared(const HostSet& set, const DeclaredReach& model) {
  ReachResult result;
  result.method = ReachMethod::declared;
  result.model_estimate = true;
  result.universe = model.universe;
  result.unique_reach = people_count(model.unique);
  result.frequency = {people_count(model.frequency[0]), people_count(model.frequency[1]),
                      people_count(model.frequency[2])};
  add_estimated_hosts(result, set, model.per_host, model.exclusive);
  return result;
}

ReachResult from_model(const HostSet& set, const ModelReach& model) {
  ReachResult result;
  result.method = ReachMethod::model;
  result.model_estimate = true;
  result.universe = model.fit.universe;
  result.unique_reach = people_count(model.unique);
  result.duplication_fit = model.fit;
  result.from_follows = model.from_follows;
  add_estimated_hosts(result, set, model.per_host, model.exclusive);
  return result;
}

}  // namespace

ReachResult exact_reach_result(const HostSet& set, const ExactReach& exact, const PanelError& panel,
                               bool census) {
  ReachResult result;
  result.method = ReachMethod::exact;
  result.unique_reach = exact.unique;
  result.census = census;
  result.panel_members = census ? exact.unique : panel.members;
  result.standard_error = census ? 0.0 : panel.standard_error();
  result.frequency = exact.frequency;
  result.memberships = exact.memberships;
  result.exact_strategy = exact.strategy;
  for (std::size_t h = 0; h < set.size(); ++h)
    result.per_host.push_back({set.hosts[h], exact.per_host[h], exact.exclusive[h], 0});
  fill_totals(result);
  return result;
}

ReachResult sketch_reach_result(const HostSet& set, const SketchReach& sketch) {
  ReachResult result = from_sketch(set, sketch);
  fill_totals(result);
  return result;
}

ReachResult model_reach_result(const HostSet& set, const ModelReach& model) {
  ReachResult result = from_model(set, model);
  fill_totals(result);
  return result;
}

std::string_view to_string(ReachMethod method) {
  switch (method) {
    case ReachMethod::automatic:
      return "auto";
    case ReachMethod::exact:
      return "exact";
    case ReachMethod::sketch:
      return "sketch";
    case ReachMethod::declared:
      return "declared";
    case ReachMethod::model:
      return "model";
  }
  return "?";
}

ReachMethod parse_reach_method(std::string_view text) {
  for (ReachMethod method : {ReachMethod::automatic, ReachMethod::exact, ReachMethod::sketch,
                             ReachMethod::declared, ReachMethod::model})
    if (text == to_string(method)) return method;
  throw UsageError("unknown reach method '" + std::string(text) +
                   "'; use auto, exact, sketch, declared or model");
}

ReachMethod resolve_reach_method(const Network& network, ReachMethod requested, ReachQuery query,
                                 bool stored_sketches) {
  const bool has_follows = network.follow_count() > 0;
  if (requested == ReachMethod::automatic)
    return has_follows ? ReachMethod::exact : ReachMethod::declared;
  if (requested == ReachMethod::model && query == ReachQuery::planning)
    throw UsageError({"planning does not take the duplication model yet; use ", Parameter{"method"},
                      " exact, sketch or declared"});
  const bool needs_follows = requested == ReachMethod::exact || requested == ReachMethod::model ||
                             (requested == ReachMethod::sketch && !stored_sketches);
  if (needs_follows && !has_follows) {
    // "exact reach", "sketched reach", "exact planning", "sketch planning".
    const std::string what =
        query == ReachQuery::reach
            ? (requested == ReachMethod::exact   ? "exact reach"
               : requested == ReachMethod::model ? "the duplication model (it learns from follows)"
                                                 : "sketched reach")
            : std::string(to_string(requested)) + " planning";
    throw UsageError({what + " needs follows (follows.csv); this dataset has none, so use ",
                      Parameter{"method"}, " declared"});
  }
  return requested;
}

ReachResult reach(const Network& network, std::span<const NodeId> hosts,
                  const ReachOptions& options) {
  const HostSet set = make_host_set(network, hosts, options.platform, options.region, options.city);
  const ReachMethod method =
      resolve_reach_method(network, options.method, ReachQuery::reach, options.sketches != nullptr);
  ReachResult result;
  switch (method) {
    case ReachMethod::sketch:
      result =
          from_sketch(set, reach_sketch(network, set, options.sketch_precision, options.sketches));
      break;
    case ReachMethod::declared:
      result = from_declared(set, reach_declared(network, set));
      break;
    case ReachMethod::model:
      result = from_model(set, reach_model(network, set));
      break;
    default:
      result = from_exact(network, set, reach_exact(network, set, options.exact_strategy));
      break;
  }
  fill_totals(result);
  return result;
}

}  // namespace castgraph
