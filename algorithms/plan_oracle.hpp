// Marginal-gain oracles for roster planning: the reach of a growing set of hosts, and what
// one more host would add to it, by each reach method. The planner (lazy_greedy.hpp) asks
// only these four questions, so it runs unchanged on exact fan sets, sketches and the
// declared model.
//
//   method     state                               gain(h)
//   exact      a bit per fan: reached yet?         weight of h's counted fans not yet reached
//   sketch     the union's HLL registers           estimate(union ∪ h) − estimate(union)
//   declared   per platform Π(1 − f_ip/N_p)        model reach with h − model reach without
//
// Exact and declared reach are monotone submodular set functions (coverage; and
// 1 − Π(1 − ·) of independent events), which the greedy guarantees and the upper bound
// rely on. A HyperLogLog estimate is submodular only up to its error, so with sketches the
// guarantee and bound hold for the estimate up to ±its standard error.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "algorithms/host_set.hpp"
#include "algorithms/reach.hpp"
#include "graph/network.hpp"

namespace castgraph {

// Sketches used for planning: 2^12 registers per host (1.6% standard error), 49 MB for
// 12,000 hosts, and a gain query touches 4 KB.
inline constexpr int kPlanSketchPrecision = 12;

struct OracleOptions {
  ReachMethod method = ReachMethod::automatic;  // automatic: exact with follows, else declared
  std::optional<NodeId> platform;               // only fanbases on this platform count
  std::string region;                           // only fans of this province count
  std::string city;                             // only fans of this city count
  int sketch_precision = kPlanSketchPrecision;
};

// The reach of the hosts added so far, and the gain of adding one more. Stateful by
// nature (it holds the set being grown); single-threaded.
class ReachOracle {
 public:
  virtual ~ReachOracle() = default;
  // The method that answers (never automatic).
  virtual ReachMethod method() const = 0;
  // People the set reaches now.
  virtual double value() const = 0;
  // People `host` would add; the set is unchanged. `host` must be a candidate.
  virtual double gain(NodeId host) = 0;
  // gain() of each of `hosts` into `out` (parallel), the set unchanged: one question for
  // many hosts, which an oracle answered over a network (castgraph-mpi) asks in one
  // round instead of one per host. Counts one evaluation per host.
  virtual void gains(std::span<const NodeId> hosts, std::span<double> out) {
    for (std::size_t i = 0; i < hosts.size(); ++i) out[i] = gain(hosts[i]);
  }
  // Adds `host` and returns the people it added.
  virtual double add(NodeId host) = 0;
  // Back to the empty set.
  virtual void clear() = 0;
  // gain() and add() calls so far.
  std::uint64_t evaluations() const { return evaluations_; }

 protected:
  std::uint64_t evaluations_ = 0;
};

// An oracle over `candidates` (the only hosts it will be asked about). Throws UsageError
// as reach() does: exact or sketch without follows, an unknown region, and the declared
// model's refusals (a region filter; a platform involved without a population).
// Set-up cost: exact O(fans / 64); sketch O(memberships of the candidates) inserts and
// O(candidates · 2^precision) memory; declared O(fanbases of the candidates).
// Per query: exact O(memberships of the host), sketch O(2^precision), declared
// O(platforms).
std::unique_ptr<ReachOracle> make_reach_oracle(const Network& network,
                                               std::span<const NodeId> candidates,
                                               const OracleOptions& options = {});

// The sketch oracle over `set` from registers built elsewhere: set_host_registers' layout
// (reach_sketch.hpp), which castgraph-mpi max-merges over its ranks first. Throws
// std::logic_error when the registers do not fit the set and precision.
std::unique_ptr<ReachOracle> make_sketch_oracle(const Network& network, const HostSet& set,
                                                std::vector<std::uint8_t> registers, int precision);

}  // namespace castgraph
