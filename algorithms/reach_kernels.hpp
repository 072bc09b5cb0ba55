// Internal to algorithms/: what every exact reach scan shares — the region filter, the
// people a fan counts for, and the order a host's fanbases are scanned in. The byte scan
// (reach_exact.cpp), the bit planes (reach_bit_planes.cpp) and the reached-fans bitset of
// the planner and per-host reach (reached_fans.hpp) all take these from here, so a fan
// counts the same in each. A measure that adds up something else per fan starts at
// fan_people.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "algorithms/host_set.hpp"
#include "graph/network.hpp"

namespace castgraph::reach_kernels {

// The region filter, by value: the scans' stores are to bytes or plane words, which may
// alias anything, so a member read through a reference would be reloaded on every fan.
struct FanFilter {
  const std::uint32_t* codes = nullptr;  // fan provinces; null when unfiltered
  std::uint32_t code = 0;
};

// The filter of `set`: empty when the set keeps every province.
inline FanFilter fan_filter(const Network& network, const HostSet& set) {
  if (!set.province_code) return {};
  return {set.place_column(network).codes().span().data(), *set.province_code};
}

// True when `fan` passes `filter`; kFiltered false means no filter, at no cost.
template <bool kFiltered>
[[gnu::always_inline]] inline bool passes(FanFilter filter, NodeId fan) {
  return !kFiltered || filter.codes[fan] == filter.code;
}

// The people one fan stands for: its weight, or 1 in a dataset without weights. `weights`
// is network.fans.weights' data, null when kWeighted is false.
template <bool kWeighted>
[[gnu::always_inline]] inline std::uint64_t fan_people(const std::uint64_t* weights, NodeId fan) {
  if constexpr (kWeighted)
    return weights[fan];
  else
    return 1;
}

// network.fans.weights' data, or null when the dataset has no weights.
inline const std::uint64_t* fan_weights(const Network& network) {
  return network.fans.weights.empty() ? nullptr : network.fans.weights.span().data();
}

// A host's fanbases, largest last: a scan marks the fans of all but the last so that a
// person following the host on two platforms counts once, and the largest needs no marks.
inline std::vector<NodeId> largest_last(const Network& network, std::vector<NodeId> fanbases) {
  std::ranges::sort(fanbases, {},
                    [&](NodeId fanbase) { return network.relations.followers.degree(fanbase); });
  return fanbases;
}

// Calls body.template operator()<kWeighted, kFiltered>() with the flags of this network
// and set, so that a scan is compiled once per combination and branches on neither.
template <typename Body>
void dispatch_scan(const Network& network, const HostSet& set, Body&& body) {
  const bool weighted = !network.fans.weights.empty();
  const bool filtered = set.province_code.has_value();
  if (weighted && filtered)
    body.template operator()<true, true>();
  else if (weighted)
    body.template operator()<true, false>();
  else if (filtered)
    body.template operator()<false, true>();
  else
    body.template operator()<false, false>();
}

}  // namespace castgraph::reach_kernels
