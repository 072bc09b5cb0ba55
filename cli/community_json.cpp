#include "cli/community_json.hpp"

#include <string>

namespace castgraph::cli {

nlohmann::ordered_json to_json(const CommunitySummary& summary, const Network& network) {
  using Json = nlohmann::ordered_json;
  Json top = Json::array();
  for (NodeId h : summary.top_hosts)
    top.push_back({{"id", std::string(network.broadcasters.ids[h])},
                   {"name", std::string(network.broadcasters.names[h])}});
  return {{"community", community_number(summary.community)},
          {"size", summary.size},
          {"declared_fans", summary.declared_fans},
          {"reach", summary.reach ? Json(*summary.reach) : Json(nullptr)},
          {"reach_estimated", summary.reach_estimated},
          {"province", summary.province},
          {"province_share", summary.province_share},
          {"base", summary.base},
          {"platform", summary.platform},
          {"kind", summary.kind},
          {"top_hosts", top}};
}

}  // namespace castgraph::cli
