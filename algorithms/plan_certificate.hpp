// How close a plan's roster is to the best one: the LP bound (coverage_bound.hpp) and,
// when asked, the integer program solved (plan_ilp.hpp), both over the candidates' follows
// compressed into rows (coverage_rows.hpp). Exact reach only: the other methods count a
// different function (a sketch estimate, a model).
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "algorithms/coverage_rows.hpp"
#include "algorithms/lazy_greedy.hpp"
#include "graph/network.hpp"

namespace castgraph {

struct CertificateRequest {
  std::optional<NodeId> platform;  // the plan's filters, as the oracle applied them
  std::string region;
  std::string city;
  int passes = 0;         // subgradient passes of the LP bound
  bool optimal = false;   // also solve the integer program
  double time_limit = 0;  // seconds for the integer program; ≤ 0: none
};

struct Certificate {
  double lp_bound = 0;              // ≥ every feasible roster's reach; 0 when not computed
  int passes = 0;                   // subgradient passes made
  std::size_t rows = 0;             // compressed rows
  bool solved = false;              // the integer program ran
  std::vector<std::size_t> roster;  // the solver's roster (indices into problem.hosts)
  double roster_value = 0;          // its reach
  double ilp_bound = 0;             // the solver's bound, ≥ roster_value
  bool proven_optimal = false;      // the solver finished
  double seconds = 0;               // the solver's wall time
  std::uint64_t nodes = 0;          // its branch-and-bound subproblems
};

// How the candidates' rows and their reach are counted: over the network's own follows,
// or (castgraph-mpi) from the ranks that hold the fans, summed.
struct CoverageCounting {
  std::function<CoverageRows(const Network&, const HostSet&, std::span<const char> modelled,
                             std::span<const double> alone)>
      rows = [](const Network& network, const HostSet& set, std::span<const char> modelled,
                std::span<const double> alone) {
        return compress_coverage(network, set, modelled, alone);
      };
  std::function<CandidateReach(const Network&, const HostSet&, std::span<const std::size_t>)>
      reach = candidate_reach;
};

// What the greedy run already knows, which spares the LP bound a scan of the follows.
struct GreedyHints {
  // Per candidate, its reach alone under the request's filters (empty: unknown, then
  // scanned). Needed exactly for every candidate a feasible roster may hold.
  std::vector<double> alone;
  double smallest_gain = 0;           // the smallest gain of a pick not forced
  double smallest_gain_per_yuan = 0;  // the smallest gain per yuan of such a pick
  // Under a budget, when known: the largest gain per yuan of a host left out
  // (largest_gain_per_yuan_left), the exact threshold, used instead of the smallest pick's.
  std::optional<double> largest_gain_per_yuan_left;
};

// Bounds (and with request.optimal, solves) `problem` over the network's follows, given
// the greedy roster `greedy` (indices into problem.hosts) of reach `greedy_value`. The LP
// bound is skipped when `online_bound` already equals greedy_value. Complexity: one pass
// over the follows to compress, then passes · O(rows' members); the solver's is
// exponential at worst (bounded by the time limit).
Certificate certify_plan(const Network& network, const GreedyProblem& problem,
                         std::span<const std::size_t> greedy, double greedy_value,
                         double online_bound, const CertificateRequest& request,
                         const GreedyHints& hints = {}, const CoverageCounting& counting = {});

}  // namespace castgraph
