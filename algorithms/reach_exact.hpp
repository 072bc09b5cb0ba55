// Exact reach from follow edges: the people (summed fan weights) reached by a set of
// hosts, how many of the hosts reach each person, and each host's own and exclusive
// reach. Two interchangeable strategies; ExactStrategy::automatic picks the measured winner.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "algorithms/host_set.hpp"
#include "graph/network.hpp"

namespace castgraph {

enum class ExactStrategy {
  automatic,  // planes when the memberships are dense (bit_planes_pay_off), else bitset
  bitset,     // a state byte per fan, block by block, two passes over the memberships
  planes,     // a bit plane per host per block, folded a word at a time (reach_bit_planes.hpp)
};

// "bitset" or "planes": the strategy's name in JSON and benchmarks.
std::string_view strategy_name(ExactStrategy strategy);

struct ExactReach {
  std::uint64_t unique = 0;                           // people reached by at least one host
  std::array<std::uint64_t, 3> frequency{};           // people reached by exactly 1, 2, 3+ hosts
  std::vector<std::uint64_t> per_host;                // people each host reaches (HostSet order)
  std::vector<std::uint64_t> exclusive;               // people only that host reaches
  std::uint64_t memberships = 0;                      // follow edges of the chosen fanbases
  ExactStrategy strategy = ExactStrategy::automatic;  // the strategy that ran
};

// The exact union of the chosen fanbases' followers, keeping fans that pass the HostSet's
// region filter, with weights summed exactly. A fan who follows one host on two platforms
// counts once for that host; the same fan id on two platforms is one person.
//
// bitset: the fan ids are cut into blocks of 2^18; for each block every fanbase's
// followers in it are scanned twice against a 256 KB byte array that stays in cache
// (pass 1 counts hosts per fan and per-host reach, pass 2 tallies frequency and
// exclusive reach and re-zeroes the bytes). O(memberships + fanbases · fans / 2^18)
// time, O(2^18 + fanbases) memory. planes: reach_bit_planes.hpp.
ExactReach reach_exact(const Network& network, const HostSet& set,
                       ExactStrategy strategy = ExactStrategy::automatic);

// The fans one host of the set reaches (its kept fanbases' followers merged, region
// filter applied), sorted and distinct. O(memberships of the host · log fanbases).
std::vector<NodeId> host_fans(const Network& network, const HostSet& set, std::size_t index);

// The follow edges of the set's kept fanbases. O(fanbases of the set).
std::uint64_t membership_count(const Network& network, const HostSet& set);

}  // namespace castgraph
