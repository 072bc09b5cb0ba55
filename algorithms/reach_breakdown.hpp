// Audience make-up: the unique reach of a set of hosts broken down by a property of the
// people (where they live) or of the hosts that reach them (platform, base, kind).
//
//   by        a person counts in the group of          groups' people sum to
//   province  their fans.csv province ("unknown")      the unique reach
//   city      their fans.csv city ("unknown")          the unique reach
//   platform  each platform they are reached on        at least the unique reach: a person
//   base      each base of a host reaching them        reached in two groups counts in
//   kind      each kind of a host reaching them        both (shares may sum above 100%)
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/reach.hpp"
#include "graph/network.hpp"

namespace castgraph {

enum class BreakdownBy { province, city, platform, base, kind };

// "province", "city", "platform", "base", "kind"; UsageError otherwise.
BreakdownBy parse_breakdown(std::string_view text);
std::string_view to_string(BreakdownBy by);

struct BreakdownGroup {
  std::string group;         // the label; "unknown" for people or hosts without one
  std::uint64_t people = 0;  // people of the reach in this group
  double share = 0;          // people / the unique reach of the whole set
};

// The reach of `hosts` (with `options`' method and filters) by `by`, the largest group
// first (ties by label). `unique_reach` is the whole set's, from reach() with the same
// options. province and city count the reached fans' weights from follows, so they need
// follows (UsageError otherwise); platform, base and kind run reach() once per group,
// with the same method. O(memberships + fans / 64) for province and city; O(groups ·
// reach) for the others.
std::vector<BreakdownGroup> reach_breakdown(const Network& network, std::span<const NodeId> hosts,
                                            const ReachOptions& options, BreakdownBy by,
                                            std::uint64_t unique_reach);

// The unique reach of some of the hosts under some options: reach()'s by default. A
// caller whose network holds only a shard of the fans (castgraph-mpi) counts over all.
using GroupReach =
    std::function<std::uint64_t(std::span<const NodeId> hosts, const ReachOptions& options)>;

// reach_breakdown's two halves. The people of each group by its label (groups reached by
// no one included for platform, base and kind), each host group's reach from
// `group_reach` (reach() when empty); and the groups with their shares of
// `unique_reach`, the largest first (ties by label).
std::map<std::string, std::uint64_t> breakdown_people(const Network& network,
                                                      std::span<const NodeId> hosts,
                                                      const ReachOptions& options, BreakdownBy by,
                                                      const GroupReach& group_reach = {});
std::vector<BreakdownGroup> breakdown_groups(const std::map<std::string, std::uint64_t>& people,
                                             std::uint64_t unique_reach);

}  // namespace castgraph
