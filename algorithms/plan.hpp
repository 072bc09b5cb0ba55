// Roster planning: the hosts that reach the most different people for a number of
// bookings (k) or a budget in yuan, under constraints, with an upper bound on the best
// possible reach so the answer says how close to optimal it is.
//
// Candidates are the hosts that pass every filter (kind, host province, minimum declared
// fans, not excluded); --include hosts are booked first and must pass the filters too.
// Reach is counted by a ReachOracle (plan_oracle.hpp: exact, sketch or declared, with the
// platform and region filters of `castgraph reach`) and maximised by lazy greedy
// (lazy_greedy.hpp: CELF for k, cost-effective greedy plus best single host for a budget,
// optional partial enumeration).
//
// Unknown fees. Under a budget a host whose fee is unknown (NaN) cannot be priced, so it
// is left out of the candidates and listed in Plan::unknown_fee_excluded for the output
// to say so; an --include host with an unknown fee is a UsageError. Without a budget fees
// are only reported, and unknown ones are not added to the spend.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "algorithms/lazy_greedy.hpp"
#include "algorithms/plan_certificate.hpp"
#include "algorithms/plan_oracle.hpp"
#include "algorithms/reach.hpp"
#include "graph/network.hpp"

namespace castgraph {

// Enough passes for the LP bound to settle on samples/liaoning and the generated sets.
inline constexpr int kPlanBoundPasses = 120;

// Which bound gave Plan::upper_bound: the greedy's online bound (lazy_greedy.hpp), the LP
// relaxation through its Lagrangian dual (coverage_bound.hpp), or an integer program
// solved to the end or to its time limit.
enum class BoundMethod { online, lp, ilp };
std::string_view to_string(BoundMethod method);

struct PlanOptions {
  std::optional<std::size_t> k;  // at most k hosts; at least one of k and budget
  std::optional<double> budget;  // yuan; with k, both limits hold
  ReachMethod method = ReachMethod::automatic;
  std::optional<NodeId> platform;  // only fanbases on this platform count
  std::string region;              // only fans of this province count
  std::string city;                // only fans of this city count
  std::uint64_t min_fans = 0;      // declared fans (on `platform` when given) at least this
  std::vector<std::string> kinds;  // host kind is one of these (all when empty)
  std::string province;            // host province is this ("" = any)
  std::vector<std::string> bases;  // host's base is one of these, by id or name (all when empty)
  std::optional<std::size_t> max_per_base;  // hosts from one base; hosts without a base are free
  std::vector<NodeId> include;              // booked first, in this order
  std::vector<NodeId> exclude;              // never booked
  bool enumerate = false;                   // partial enumeration of seeds of 1–3 hosts
  int sketch_precision = kPlanSketchPrecision;
  // Subgradient passes of the LP bound (coverage_bound.hpp), exact method only; 0 keeps
  // only the online bound.
  int bound_passes = kPlanBoundPasses;
  double min_gain = 0;    // stop when the next pick would add fewer people than this
  bool optimal = false;   // solve the integer program (exact method only)
  double time_limit = 0;  // seconds for it; ≤ 0: none
};

// Something the caller should tell the user, though the plan went ahead.
struct PlanWarning {
  enum class Kind {
    included_adds_nobody,   // host: an included host adds no one under the filters
    budget_below_cheapest,  // host, fee: the cheapest eligible host costs more than the budget
    k_above_candidates,     // count: k exceeds the eligible hosts
  };
  Kind kind;
  NodeId host = kNoNode;
  double fee = 0;
  std::size_t count = 0;
  bool has_counted_fanbase = true;  // included_adds_nobody: false when no fanbase counts
};

struct PlanPick {
  NodeId host = kNoNode;
  double fee = 0;                // NaN when unknown
  double marginal_reach = 0;     // people this host added
  double cumulative_reach = 0;   // people reached after booking it
  double spent = 0;              // yuan spent after booking it (unknown fees count 0)
  bool included = false;         // booked because `include` named it
  double yuan_per_thousand = 0;  // fee per 1,000 people it added; NaN when unknown or none
};

struct Plan {
  ReachMethod method = ReachMethod::exact;  // the method that answered
  std::vector<PlanPick> picks;              // in booking order
  double unique_reach = 0;
  double spent = 0;
  double upper_bound = 0;  // no roster within the constraints reaches more: min of the bounds
  BoundMethod bound_method = BoundMethod::online;  // the bound that gave upper_bound
  double online_bound = 0;                         // the greedy's own bound
  double lp_bound = 0;                             // 0 when not computed
  int bound_passes = 0;                            // subgradient passes the LP bound took
  std::size_t coverage_rows = 0;                   // compressed rows the LP bound read
  bool proven_optimal = false;                     // unique_reach reaches upper_bound
  bool solved = false;                             // the integer program ran (optimal)
  double solve_seconds = 0;                        // its wall time
  std::uint64_t solve_nodes = 0;                   // its branch-and-bound subproblems
  double yuan_per_thousand = 0;  // spent per 1,000 people reached; NaN when none reached
  std::vector<PlanWarning> warnings;
  double ratio = 1;      // unique_reach / upper_bound: "within (1 − ratio) of optimal"
  double guarantee = 0;  // a-priori worst-case ratio of the algorithm; 0 when none is known
  StopReason stop_reason = StopReason::no_eligible;
  std::size_t candidates = 0;                // eligible hosts, included ones too
  std::vector<NodeId> unknown_fee_excluded;  // budget only: eligible but for an unknown fee
  bool best_single_won = false;
  std::uint64_t seeds_tried = 0;
  std::uint64_t evaluations = 0;  // oracle gain queries
  double relative_error = 0;      // sketch: relative standard error of a reach
};

// Where plan_roster counts reach: by default over the network's own follows;
// castgraph-mpi answers every question from fans spread over ranks.
struct PlanCounting {
  std::function<std::unique_ptr<ReachOracle>(const Network&, std::span<const NodeId>,
                                             const OracleOptions&)>
      oracle = make_reach_oracle;
  CoverageCounting coverage;
};

// Plans a roster as described above. Throws UsageError for: neither of k and budget;
// a kind, province or base that no host has (naming those that exist); k = 0 or a
// negative budget; a host both included and excluded; an included host that fails a
// filter, has an unknown fee under a budget, or breaks k, the budget or
// --max-per-base together with the other included hosts; and the oracle's refusals
// (plan_oracle.hpp). Complexity: O(hosts + fanbases) to filter, plus lazy_greedy's.
Plan plan_roster(const Network& network, const PlanOptions& options,
                 const PlanCounting& counting = {});

}  // namespace castgraph
