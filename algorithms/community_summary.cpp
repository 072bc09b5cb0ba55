#include "algorithms/community_summary.hpp"

#include <algorithm>
#include <map>

#include "algorithms/reach.hpp"
#include "graph/errors.hpp"

namespace castgraph {
namespace {

// The most frequent key (ties: the smallest), and its count.
template <class Key>
std::pair<Key, double> dominant(const std::map<Key, double>& counts) {
  std::pair<Key, double> best{};
  for (const auto& [key, count] : counts)
    if (count > best.second) best = {key, count};
  return best;
}

void check_hosts(const Network& network, const Communities& communities) {
  if (communities.of_host.size() != network.broadcasters.size())
    throw UsageError("summarize_communities: the communities are not of this network's hosts");
}

}  // namespace

std::vector<std::uint64_t> community_reach(const Network& network, const Communities& communities) {
  std::vector<std::uint64_t> reach(communities.count, 0);
  std::vector<std::uint32_t> seen;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    seen.clear();
    for (NodeId fanbase : network.relations.follows.neighbours(fan)) {
      const std::uint32_t community = communities.of_host[network.fanbases.broadcaster[fanbase]];
      if (std::ranges::find(seen, community) == seen.end()) seen.push_back(community);
    }
    for (std::uint32_t community : seen)
      reach[community] = saturating_add(reach[community], network.fans.weight(fan));
  }
  return reach;
}

std::vector<CommunitySummary> summarize_communities(const Network& network,
                                                    const Communities& communities,
                                                    const SummaryOptions& options) {
  check_hosts(network, communities);
  return summarize_communities(network, communities, options,
                               network.follow_count() > 0 ? community_reach(network, communities)
                                                          : std::vector<std::uint64_t>{});
}

std::vector<CommunitySummary> summarize_communities(const Network& network,
                                                    const Communities& communities,
                                                    const SummaryOptions& options,
                                                    std::vector<std::uint64_t> exact) {
  check_hosts(network, communities);
  const std::size_t hosts = network.broadcasters.size();
  std::size_t count = communities.count;
  if (options.max_communities != 0) count = std::min(count, options.max_communities);
  std::vector<std::vector<NodeId>> members(count);
  for (NodeId host = 0; host < hosts; ++host)
    if (communities.of_host[host] < count) members[communities.of_host[host]].push_back(host);

  const bool have_follows = !exact.empty();

  std::vector<std::uint64_t> fans_of(hosts);
  for (NodeId host = 0; host < hosts; ++host) fans_of[host] = declared_fans(network, host);

  std::vector<CommunitySummary> summaries;
  for (std::uint32_t c = 0; c < count; ++c) {
    CommunitySummary summary;
    summary.community = c;
    summary.size = members[c].size();
    std::map<std::string, double> provinces, bases, kinds, platforms;
    for (NodeId host : members[c]) {
      summary.declared_fans = saturating_add(summary.declared_fans, fans_of[host]);
      if (auto p = network.broadcasters.province[host]; !p.empty()) provinces[std::string(p)] += 1;
      if (auto k = network.broadcasters.kind[host]; !k.empty()) kinds[std::string(k)] += 1;
      if (NodeId base = network.broadcasters.base[host]; base != kNoNode)
        bases[std::string(network.bases.names[base])] += 1;
      for (NodeId fanbase : network.relations.owns.neighbours(host))
        platforms[std::string(network.platforms.names[network.fanbases.platform[fanbase]])] +=
            static_cast<double>(network.fanbases.fans[fanbase]);
    }
    auto [province, in_province] = dominant(provinces);
    summary.province = province;
    summary.province_share = summary.size ? in_province / static_cast<double>(summary.size) : 0;
    summary.base = dominant(bases).first;
    summary.kind = dominant(kinds).first;
    summary.platform = dominant(platforms).first;
    if (have_follows) {
      summary.reach = exact[c];
    } else {
      try {
        ReachOptions reach_options;
        reach_options.method = ReachMethod::declared;
        summary.reach = reach(network, members[c], reach_options).unique_reach;
        summary.reach_estimated = true;
      } catch (const UsageError&) {
        // The declared model refuses some inputs (e.g. platforms of unknown size).
      }
    }
    summary.top_hosts = members[c];
    std::ranges::sort(summary.top_hosts, [&](NodeId x, NodeId y) {
      return fans_of[x] != fans_of[y] ? fans_of[x] > fans_of[y] : x < y;
    });
    if (summary.top_hosts.size() > options.top_hosts) summary.top_hosts.resize(options.top_hosts);
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

}  // namespace castgraph
