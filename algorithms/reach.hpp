// Reach: how many different people a set of hosts reaches. The public entry point; it
// picks a method and returns one result shape whatever the method, saying which method
// answered and, for estimates, how far off the answer may be.
//
//   method     from                  what it is
//   exact      follows               a count (reach_exact.hpp)
//   sketch     follows, or stored    a HyperLogLog estimate, ±3 standard errors
//              fanbase sketches      (reach_sketch.hpp)
//   declared   declared fan counts   a model estimate (reach_declared.hpp)
//   model      follows where there   follows for hosts with them, a duplication model
//              are any, declared     fitted on those for the rest (reach_model.hpp)
//   automatic  exact when the dataset has follows, declared otherwise
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/panel_error.hpp"
#include "algorithms/reach_exact.hpp"
#include "algorithms/reach_model.hpp"
#include "algorithms/reach_sketch.hpp"
#include "graph/network.hpp"

namespace castgraph {

enum class ReachMethod { automatic, exact, sketch, declared, model };

std::string_view to_string(ReachMethod method);
// "auto", "exact", "sketch", "declared", "model"; UsageError otherwise.
ReachMethod parse_reach_method(std::string_view text);

// What a method is asked for, which names it in the error when it cannot answer.
enum class ReachQuery { reach, planning };

// The method that answers `requested`: automatic becomes exact when the dataset has
// follows and declared otherwise. Throws UsageError when exact or sketch is asked of a
// dataset without follows (for sketch, unless `stored_sketches` stand in for them). O(1).
ReachMethod resolve_reach_method(const Network& network, ReachMethod requested, ReachQuery query,
                                 bool stored_sketches = false);

struct ReachOptions {
  ReachMethod method = ReachMethod::automatic;
  std::optional<NodeId> platform;  // count only fanbases on this platform
  std::string region;              // count only fans of this province ("" = all)
  std::string city;                // count only fans of this city ("" = all)
  int sketch_precision = kDefaultHllPrecision;
  ExactStrategy exact_strategy = ExactStrategy::automatic;
  const FanbaseSketches* sketches = nullptr;  // stored sketches for method sketch
};

struct HostReach {
  NodeId host = kNoNode;
  std::uint64_t reach = 0;      // people this host reaches
  std::uint64_t exclusive = 0;  // people no other chosen host reaches
  double share = 0;             // reach / unique reach of the whole set
};

struct ReachResult {
  ReachMethod method = ReachMethod::exact;  // the method that answered (never automatic)
  std::uint64_t unique_reach = 0;           // people reached by at least one host
  std::uint64_t gross_reach = 0;  // Σ per-host reach: a person once per host reaching them
  double duplication = 0;         // gross / unique; 0 when nothing is reached
  // People reached by exactly 1, 2, and 3 or more of the hosts; absent for sketches,
  // which cannot tell.
  std::optional<std::array<std::uint64_t, 3>> frequency;
  std::vector<HostReach> per_host;  // in the order the hosts were given
  double relative_error = 0;        // sketch: relative standard error of unique_reach
  std::uint64_t error_bound = 0;    // sketch: ± people at 3 standard errors
  // One standard error of unique_reach, whatever the method that measured it: exact on a
  // census, 0; exact on a panel (weights above 1), the Horvitz–Thompson standard error
  // (panel_error.hpp); sketch, relative_error × unique_reach. Absent for the declared
  // model, whose error is its assumption, not a sampling error.
  std::optional<double> standard_error;
  // Exact: the distinct fans reached (for a census, the people themselves); absent for
  // sketches and models, which see no fan.
  std::optional<std::uint64_t> panel_members;
  bool census = false;            // exact on a dataset where every fan weighs 1
  bool model_estimate = false;    // declared: a model, not a count
  std::uint64_t memberships = 0;  // exact: follow edges scanned
  ExactStrategy exact_strategy = ExactStrategy::automatic;  // exact: the one that ran
  double universe = 0;  // declared and model: the market the platforms combine over
  // model: the fitted duplication factors, and per host (in per_host order) whether its
  // reach was counted from follows or modelled from declared fans.
  std::optional<DuplicationFit> duplication_fit;
  std::vector<bool> from_follows;
};

// The result of an exact count, from its integer parts: `exact` and `panel` of `set`,
// `census` when every fan of the dataset weighs 1. Gross reach, duplication and shares are
// derived here (finish_reach), so a caller that sums the parts over shards of the fans
// (castgraph-mpi) derives the same doubles as one process. O(hosts).
ReachResult exact_reach_result(const HostSet& set, const ExactReach& exact, const PanelError& panel,
                               bool census);

// The result of a sketch estimate of `set`, with gross reach, duplication and shares
// derived as reach() derives them. O(hosts).
ReachResult sketch_reach_result(const HostSet& set, const SketchReach& sketch);

// The result of the duplication model's estimate of `set` (reach_model.hpp), derived as
// reach() derives it. O(hosts).
ReachResult model_reach_result(const HostSet& set, const ModelReach& model);

// Unique and gross reach, duplication, frequency and per-host reach of `hosts`, by
// options.method, after the platform and region filters. Throws UsageError for hosts out
// of range or repeated, an unknown region, exact or sketch without follows, and the
// declared model's refusals (reach_declared.hpp). Complexity: that of the method.
ReachResult reach(const Network& network, std::span<const NodeId> hosts,
                  const ReachOptions& options = {});

}  // namespace castgraph
