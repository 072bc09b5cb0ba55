// Sketched reach: one HyperLogLog per fanbase (algorithms/hyperloglog.hpp), built once
// from the follows, so a query merges a few register arrays and never touches a follow
// edge. Memory: fanbases · 2^precision bytes (24,000 fanbases at precision 12: 98 MB).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "algorithms/host_set.hpp"
#include "algorithms/hyperloglog.hpp"
#include "graph/network.hpp"

namespace castgraph {

// Plain arrays, so the snapshot can store them as they are.
struct FanbaseSketches {
  int precision = kDefaultHllPrecision;
  // fanbase-major: fanbase f owns [f·m, (f+1)·m). A Column, so a snapshot's stored
  // sketches are used in place, without copying.
  Column<std::uint8_t> registers;
  std::span<const std::uint8_t> of(NodeId fanbase) const {
    const std::size_t m = std::size_t{1} << precision;
    return registers.span().subspan(fanbase * m, m);
  }
};

// A sketch of every fanbase's followers, each fan inserted with its weight.
// O(Σ over follows of min(weight, 2m)) time, O(fanbases · m) memory.
FanbaseSketches build_fanbase_sketches(const Network& network,
                                       int precision = kDefaultHllPrecision);

// Inserts the followers of host `index` of `set` that pass its region filter into
// `registers`, each with its weight: the sketch of that host that reach_sketch and the
// sketch planning oracle (plan_oracle.hpp) both merge. O(memberships of the host).
void insert_host_fans(const Network& network, const HostSet& set, std::size_t index,
                      std::span<std::uint8_t> registers);

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

}  // namespace castgraph
