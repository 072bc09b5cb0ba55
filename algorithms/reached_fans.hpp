// Exact coverage, grown one host at a time: a bit per fan says "reached by the hosts
// added so far", and a query scans one host's followers for the people it would add.
// The exact planning oracle (plan_oracle.hpp) grows a roster on it; per_host_reach asks
// it for each host alone. It shares its filter, weights and scan order with the other
// exact scans (reach_kernels.hpp), so its counts are reach_exact's.
#pragma once

#include <cstdint>
#include <vector>

#include "algorithms/host_set.hpp"
#include "graph/network.hpp"

namespace castgraph {

class ReachedFans {
 public:
  // Nothing reached yet, for the hosts of `set` (platform and region filters applied).
  // O(fans / 64 + fanbases of the set).
  ReachedFans(const Network& network, HostSet set);

  const HostSet& set() const { return set_; }
  // People reached by the hosts added so far.
  std::uint64_t people() const { return people_; }
  // People host `index` of the set would add; nothing changes. O(its memberships).
  std::uint64_t gain(std::size_t index);
  // Adds host `index` of the set and returns the people it added. O(its memberships).
  std::uint64_t add(std::size_t index);
  // Back to nothing reached. O(fans marked so far).
  void clear();

 private:
  // Counts the people host `index` adds; marks its fans when `keep` (all but the last
  // fanbase's otherwise, so that the host counts a person once, undone by the caller).
  std::uint64_t scan(std::size_t index, bool keep);
  template <bool kWeighted, bool kFiltered>
  std::uint64_t scan_fanbases(std::size_t index, bool keep);
  void unmark_from(std::size_t first);

  const Network& network_;
  HostSet set_;  // each host's fanbases largest last
  std::vector<std::uint64_t> reached_;
  std::vector<NodeId> marked_;  // fans whose bit is set: the added hosts', then a query's
  std::uint64_t people_ = 0;
};

// Each host's own reach, every host of the network in id order: the people following any
// of its fanbases, each person once. No filter: every platform and province counts.
// O(follows + fans / 64).
std::vector<std::uint64_t> per_host_reach(const Network& network);

}  // namespace castgraph
