// Reach when only some hosts have follow data: the follows answer for the hosts that have
// them, and the hosts without are placed on top by a duplication model learned from the
// hosts with follows.
//
// The random duplication model (reach_declared.hpp) expects two hosts of F_i and F_j
// declared fans to share F_i·F_j/U people in a market of U. Real audiences share far more
// when the hosts belong to the same base, province, platform or kind. So the model fits
// one duplication factor d_c per class c of host pair, the class being which of those four
// attributes the two hosts share (16 classes), as the ratio estimator
//   d_c = Σ_{observed pairs in c} shared people / Σ_{observed pairs in c} F_i·F_j/U,
// falling back to the factor of all observed pairs when a class has fewer than
// min_pairs_per_class host pairs (kMinPairsPerClass by default). A host j then reaches a share
// min(1, d_c·F_j/U) of host i's audience (which reproduces the fitted pairwise overlap),
// independently across hosts (Sainsbury's assumption, but within the fitted duplication).
//
// The query's hosts with follows are counted exactly (their union, from the follows); each
// host without follows, largest declared first, adds F_i·Π_{j before it}(1 − min(1, d·F_j/U)),
// where "before" is every host with follows and every larger host without. This is a model
// estimate, not a count: the output must say so and show the fitted factors.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "algorithms/host_set.hpp"
#include "algorithms/reach_exact.hpp"
#include "graph/network.hpp"

namespace castgraph {

// Which attributes a pair of hosts shares: a bit each.
enum SharedAttribute : unsigned {
  kSameBase = 1,
  kSameProvince = 2,
  kSamePlatform = 4,
  kSameKind = 8
};
inline constexpr std::size_t kPairClasses = 16;
inline constexpr std::uint64_t kMinPairsPerClass = 30;
// Fans following more hosts than this are left out of the fit (their pairs grow as the
// square of their follows; see communities' cap).
inline constexpr std::size_t kFitMaxHostsPerFan = 1000;

// "same base+province", "different everything", ...
std::string describe_pair_class(unsigned pair_class);

struct DuplicationFit {
  std::array<double, kPairClasses> factor{};         // d_c as used (fallback applied)
  std::array<bool, kPairClasses> fitted{};           // false: the pooled factor stands in
  std::array<std::uint64_t, kPairClasses> pairs{};   // observed host pairs in the class
  std::array<double, kPairClasses> shared_people{};  // Σ observed shared people
  double pooled = 1;                                 // the factor of all observed pairs together
  double universe = 0;               // U: the largest population among the platforms involved
  std::uint64_t observed_hosts = 0;  // hosts with follows on the kept fanbases
  std::uint64_t fans_left_out = 0;   // fans above kFitMaxHostsPerFan, not in the fit
};

struct ModelReach {
  double unique = 0;
  std::vector<double> per_host;    // HostSet order
  std::vector<double> exclusive;   // HostSet order
  std::vector<bool> from_follows;  // per host: counted from follows (else modelled)
  DuplicationFit fit;
};

// True when some follow row of a fanbase of `set`'s host h exists (the host "has follows").
std::vector<bool> hosts_with_follows(const Network& network, const HostSet& set);

// Fits the duplication factors on every host with follows on the fanbases `platform`
// keeps. Throws UsageError when no host has follows, or when a platform involved has no
// population. O(hosts + Σ over fans of (hosts followed)², capped, + attribute groups²).
DuplicationFit fit_duplication(const Network& network, std::optional<NodeId> platform,
                               std::uint64_t min_pairs_per_class = kMinPairsPerClass);

// The parts of the model that read follows, for a caller that counts them elsewhere
// (castgraph-mpi sums them over ranks, each holding some of the fans): all are sums over
// fans or an "any fan" per host, so the shards' parts add up to the whole network's.
//
// Per host (NodeId): 1 when a fan follows it on a fanbase `platform` keeps. O(fanbases).
std::vector<char> observed_hosts(const Network& network, std::optional<NodeId> platform);
// The people (fan weights) each class of pair of `observed` hosts shares, over this
// network's fans, and the fans left out for following more than kFitMaxHostsPerFan.
struct ObservedSharing {
  std::array<std::uint64_t, kPairClasses> people{};
  std::uint64_t fans_left_out = 0;
};
ObservedSharing observed_sharing(const Network& network, std::optional<NodeId> platform,
                                 const std::vector<char>& observed);
// The fit from those parts (of the whole dataset); throws as fit_duplication does.
DuplicationFit fit_duplication(const Network& network, std::optional<NodeId> platform,
                               const std::vector<char>& observed, const ObservedSharing& sharing,
                               std::uint64_t min_pairs_per_class = kMinPairsPerClass);
// UsageError for what the model cannot answer (a region or city filter).
void check_model_query(const HostSet& set);
// The hosts of `set` the follows count (observed), as a set on the same platform.
HostSet counted_hosts(const Network& network, const HostSet& set,
                      const std::vector<char>& observed);

// The model estimate for `set` (no region filter: declared counts have no provinces).
// Throws UsageError as fit_duplication does, and for a region filter.
ModelReach reach_model(const Network& network, const HostSet& set,
                       std::uint64_t min_pairs_per_class = kMinPairsPerClass);
// The same from the fit, the observed hosts and the exact reach of counted_hosts (all of
// the whole dataset). O(set² ).
ModelReach reach_model(const Network& network, const HostSet& set, DuplicationFit fit,
                       const std::vector<char>& observed, const ExactReach& exact);

}  // namespace castgraph
