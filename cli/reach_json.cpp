#include "cli/reach_json.hpp"

#include "algorithms/reach_model.hpp"
#include "cli/result_text.hpp"

namespace castgraph::cli {
namespace {

// The fitted factors by pair class, every class listed (fitted or standing in with the
// pooled factor), so that a script can read how the model was built.
nlohmann::ordered_json duplication_fit_json(const DuplicationFit& fit) {
  using Json = nlohmann::ordered_json;
  Json json{{"observed_hosts", fit.observed_hosts},
            {"pooled_factor", fit.pooled},
            {"fans_left_out", fit.fans_left_out},
            {"factors", Json::array()}};
  for (unsigned c = 0; c < kPairClasses; ++c)
    json["factors"].push_back({{"pair", describe_pair_class(c)},
                               {"factor", fit.factor[c]},
                               {"fitted", fit.fitted[c]},
                               {"pairs", fit.pairs[c]},
                               {"shared_people", fit.shared_people[c]}});
  return json;
}

}  // namespace

nlohmann::ordered_json to_json(const ReachAnswer& answer, const Network& network,
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
  if (result.method == ReachMethod::declared || result.method == ReachMethod::model)
    json["universe"] = result.universe;
  if (result.duplication_fit) json["model"] = duplication_fit_json(*result.duplication_fit);
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
  for (std::size_t h = 0; h < result.per_host.size(); ++h) {
    const HostReach& host = result.per_host[h];
    Json row = {{"id", network.broadcasters.ids[host.host]},
                {"name", network.broadcasters.names[host.host]},
                {"declared_fans", declared_fans(network, host.host)},
                {"reach", host.reach},
                {"exclusive", host.exclusive},
                {"share", host.share}};
    if (!result.from_follows.empty())
      row["counted_from"] = result.from_follows[h] ? "follows" : "model";
    json["per_host"].push_back(std::move(row));
  }
  return json;
}

}  // namespace castgraph::cli
