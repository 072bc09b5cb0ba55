// What a reach figure from a panel rests on: the distinct fans reached (panel members)
// and the Horvitz–Thompson standard error of the people they stand for.
//
// A fan of weight w is taken to be one person sampled with inclusion probability 1/w,
// standing for w people (Horvitz & Thompson 1952, "A generalization of sampling without
// replacement from a finite universe"). The reach estimate Σ w over the reached fans is
// then unbiased, and with independent (Poisson) inclusion its variance is estimated
// without bias by Σ over the reached fans of (1 − π)/π² = w(w − 1). A census (every
// weight 1) has variance 0: its count is exact.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

#include "algorithms/host_set.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct PanelError {
  std::uint64_t members = 0;  // distinct fans reached, after the set's filters
  // Σ w(w − 1) over them, exactly: the weights sum to at most 2^63 − 1 (value_rules.hpp),
  // so the sum of their squares is below 2^126. Exact integers add up the same in any
  // order and on any number of processes, which keeps castgraph-mpi's figure identical.
  unsigned __int128 weight_excess = 0;
  double variance() const;  // weight_excess, rounded once
  double standard_error() const;
};

// Calls visit(fan) once for each distinct fan that a host of `set` reaches (through the
// set's fanbases, passing its region filter), in increasing fan id. O(memberships of the
// set + fans / 64) time, fans / 8 bytes.
template <typename Visit>
void for_each_reached_fan(const Network& network, const HostSet& set, Visit&& visit);

// The panel behind the reach of `set`. O(memberships of the set + fans / 64); when every
// fan weighs 1 only the members are counted.
PanelError panel_error(const Network& network, const HostSet& set);

// Implementation of the template: a bit per fan, then one walk over the set words.
std::vector<std::uint64_t> reached_fan_bits(const Network& network, const HostSet& set);

template <typename Visit>
void for_each_reached_fan(const Network& network, const HostSet& set, Visit&& visit) {
  const std::vector<std::uint64_t> bits = reached_fan_bits(network, set);
  for (std::size_t word = 0; word < bits.size(); ++word)
    for (std::uint64_t rest = bits[word]; rest != 0; rest &= rest - 1)
      visit(static_cast<NodeId>(word * 64 + static_cast<std::size_t>(std::countr_zero(rest))));
}

}  // namespace castgraph
