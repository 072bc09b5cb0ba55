// Sketched reach: one HyperLogLog per fanbase (algorithms/fanbase_sketches.hpp), built
// once from the follows, so a query merges a few sketches and never touches a follow edge.
// Fans are hashed by their external id, so estimates do not depend on file order.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "algorithms/fanbase_sketches.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/hyperloglog.hpp"
#include "graph/network.hpp"

namespace castgraph {

// Inserts the followers of host `index` of `set` that pass its region filter into
// `registers`, each with its weight: the sketch of that host that reach_sketch and the
// sketch planning oracle (plan_oracle.hpp) both merge. O(memberships of the host).
void insert_host_fans(const Network& network, const HostSet& set, std::size_t index,
                      std::span<std::uint8_t> registers);

// Every host of `set`'s registers from this network's fans (insert_host_fans), 2^precision
// each, host after host in `set` order. castgraph-mpi builds them on every rank and merges
// them by a max. O(memberships of the set) inserts, O(hosts · 2^precision) memory.
std::vector<std::uint8_t> set_host_registers(const Network& network, const HostSet& set,
                                             int precision);

struct SketchReach {
  double unique = 0;
  std::vector<double> per_host;   // HostSet order
  std::vector<double> exclusive;  // unique − (union of all other hosts), at least 0
  double relative_error = 0;      // standard error of `unique`, relative
  int precision = 0;
};

// HLL estimates of the union, of each host, and of each host's exclusive reach by
// inclusion-exclusion against the union of the others (prefix and suffix unions, so
// O(hosts · m) rather than O(hosts² · m)). With `prebuilt` and no region filter the
// query merges stored fanbase sketches: O(fanbases of the set · m). Otherwise the hosts'
// sketches are built from follows first, honouring the region filter.
// An exclusive estimate subtracts two estimates, so its absolute error is that of the
// union: small hosts' exclusive reach is noisy, and is reported as such.
SketchReach reach_sketch(const Network& network, const HostSet& set,
                         int precision = kDefaultHllPrecision,
                         const FanbaseSketches* prebuilt = nullptr);

// reach_sketch's estimates from each host's registers (2^precision each, HostSet order),
// however they were built: castgraph-mpi max-merges each rank's registers first.
// O(hosts · m).
SketchReach sketch_from_host_registers(const std::vector<std::vector<std::uint8_t>>& hosts,
                                       int precision);

}  // namespace castgraph
