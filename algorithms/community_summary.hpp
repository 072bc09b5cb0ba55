// What each community is: its size, declared fans, unique reach, the province, base,
// platform and kind most of its hosts share, and its biggest hosts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "algorithms/communities.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct CommunitySummary {
  std::uint32_t community = 0;
  std::size_t size = 0;                        // hosts
  std::uint64_t declared_fans = 0;             // Σ declared fans of its hosts (saturating)
  std::optional<std::uint64_t> reach;          // distinct people reached by its hosts
  bool reach_estimated = false;                // from the declared model, not follows
  std::string province, base, platform, kind;  // dominant values; "" when none known
  double province_share = 0;                   // share of hosts in the dominant province
  std::vector<NodeId> top_hosts;               // by declared fans, descending; ties by id
};

struct SummaryOptions {
  std::size_t max_communities = 0;  // summarise only the largest this many; 0 = all
  std::size_t top_hosts = 3;
};

// One summary per community (the largest first, as numbered by find_communities).
// Reach is exact from follows in one pass over them (each fan adds its weight once to
// every distinct community it follows someone in: O(follows + hosts)); without follows it
// is the reach engine's declared-model estimate per community, absent when the model
// refuses. Dominant province, base and kind by host count; platform by declared fans.
std::vector<CommunitySummary> summarize_communities(const Network& network,
                                                    const Communities& communities,
                                                    const SummaryOptions& options = {});
// The same with each community's exact reach given (castgraph-mpi sums it over ranks);
// empty when the dataset has no follows, for the declared model's estimates.
std::vector<CommunitySummary> summarize_communities(const Network& network,
                                                    const Communities& communities,
                                                    const SummaryOptions& options,
                                                    std::vector<std::uint64_t> exact_reach);

// Exact reach of every community from this network's follows: each fan adds its weight
// once per distinct community it follows a host in. O(follows).
std::vector<std::uint64_t> community_reach(const Network& network, const Communities& communities);

}  // namespace castgraph
