// The LP bound and the integer program of roster planning, against the true optimum found
// by trying every roster of small random networks (12 hosts: 4,096 rosters).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "algorithms/coverage_bound.hpp"
#include "algorithms/coverage_rows.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/plan_ilp.hpp"
#include "graph/network_builder.hpp"
#include "random_planning_network.hpp"

using namespace castgraph;
using castgraph::testing::all_subset_reach;
using castgraph::testing::feasible;
using castgraph::testing::random_planning_network;

namespace {

// The planner's problem for `options` (k, budget, caps, includes; no filters): every host
// a candidate, but for one of unknown fee under a budget.
GreedyProblem problem_for(const Network& network, const PlanOptions& options) {
  GreedyProblem problem;
  problem.k = options.k;
  problem.budget = options.budget;
  problem.max_per_group = options.max_per_base;
  for (NodeId h = 0; h < network.broadcasters.size(); ++h) {
    const double fee = network.broadcasters.fee[h];
    if (options.budget && std::isnan(fee)) continue;
    if (std::ranges::find(options.include, h) != options.include.end())
      problem.forced.push_back(problem.hosts.size());
    problem.hosts.push_back(h);
    problem.costs.push_back(options.budget ? fee : 0.0);
    const NodeId base = network.broadcasters.base[h];
    problem.groups.push_back(base == kNoNode ? kNoGroup : base);
  }
  return problem;
}

// The best reach of a feasible roster, by trying all of them.
double brute_force_optimum(const Network& network, const PlanOptions& options) {
  const std::vector<double> reach = all_subset_reach(network, options);
  double best = 0;
  for (std::uint32_t set = 0; set < reach.size(); ++set)
    if (feasible(network, set, options)) best = std::max(best, reach[set]);
  return best;
}

// One problem with its compressed rows and its true optimum.
struct Instance {
  GreedyProblem problem;
  CoverageRows rows;
  double optimum = 0;
};

Instance instance(const Network& network, const PlanOptions& options) {
  GreedyProblem problem = problem_for(network, options);
  CoverageRows rows = compress_coverage(network, make_host_set(network, problem.hosts));
  return {std::move(problem), std::move(rows), brute_force_optimum(network, options)};
}

// A spread of constraints: k alone, a budget, both, caps, and an included host.
std::vector<PlanOptions> constraint_mix(std::uint64_t seed) {
  std::vector<PlanOptions> mix(6);
  mix[0].k = 1 + seed % 5;
  mix[1].budget = 4000.0 + 1500.0 * static_cast<double>(seed % 7);
  mix[2].k = 2 + seed % 3, mix[2].budget = 9000;
  mix[3].k = 3 + seed % 4, mix[3].max_per_base = 1;
  mix[4].budget = 12000, mix[4].max_per_base = 2;
  mix[5].k = 4, mix[5].include = {static_cast<NodeId>(seed % 5)};
  return mix;
}

std::uint32_t mask_of(const GreedyProblem& problem, const std::vector<std::size_t>& roster) {
  std::uint32_t mask = 0;
  for (std::size_t i : roster) mask |= 1u << problem.hosts[i];
  return mask;
}

}  // namespace

TEST_CASE("compressed rows count every roster's reach as the follow data does") {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const Network network = random_planning_network(seed);
    PlanOptions options;
    if (seed % 3 == 1) options.platform = 0;
    if (seed % 3 == 2) options.region = "辽宁";
    std::vector<NodeId> hosts(network.broadcasters.size());
    for (NodeId h = 0; h < hosts.size(); ++h) hosts[h] = h;
    const CoverageRows rows =
        compress_coverage(network, make_host_set(network, hosts, options.platform, options.region));
    const std::vector<double> reach = all_subset_reach(network, options);
    for (std::uint32_t set = 0; set < reach.size(); ++set) {
      std::vector<char> chosen(hosts.size());
      for (NodeId h = 0; h < hosts.size(); ++h) chosen[h] = set >> h & 1;
      REQUIRE(rows.reach(chosen) == reach[set]);
    }
    CHECK(rows.rows() < rows.fans);  // merged, and single-host fans are no rows
  }
}

TEST_CASE("any multipliers give a bound no feasible roster exceeds") {
  std::mt19937_64 rng(7);
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Network network = random_planning_network(seed);
    for (const PlanOptions& options : constraint_mix(seed)) {
      const auto [problem, rows, optimum] = instance(network, options);
      // Multipliers at random, and near the best ones (where a wrong term would show).
      const std::vector<double> best = subgradient_bound(rows, problem, optimum, 100).multipliers;
      std::vector<double> lambda(rows.rows()), roster;
      for (int trial = 0; trial < 40; ++trial) {
        for (std::size_t r = 0; r < rows.rows(); ++r)
          lambda[r] = trial < 20
                          ? std::uniform_real_distribution(0.0, rows.weights[r])(rng)
                          : std::clamp(best[r] * std::uniform_real_distribution(0.9, 1.1)(rng), 0.0,
                                       rows.weights[r]);
        CHECK(lagrangian_bound(rows, problem, lambda, roster) >= optimum - 1e-9);
      }
    }
  }
}

TEST_CASE("the subgradient bound is valid and close to the LP optimum") {
  double worst = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Network network = random_planning_network(seed);
    for (const PlanOptions& options : constraint_mix(seed)) {
      const auto [problem, rows, optimum] = instance(network, options);
      const CoverageBound bound = subgradient_bound(rows, problem, optimum, 200);
      // The LP optimum, from the simplex's duals evaluated as multipliers.
      const double lp = solve_coverage_ilp(rows, problem, problem.forced, 0).lp_bound;
      INFO("seed " << seed << " optimum " << optimum << " LP " << lp << " bound " << bound.value);
      CHECK(bound.value >= optimum - 1e-9);
      CHECK(lp >= optimum - 1e-9);
      if (lp > 0) worst = std::max(worst, bound.value / lp - 1);
    }
  }
  INFO("worst excess of the subgradient bound over the LP optimum: " << worst);
  CHECK(worst < 0.01);
}

// Two hosts who share no fan and a budget of one host: the LP is integral and the bound is
// the optimum exactly.
//   h0: f0 f1 (weights 2, 3)    h1: f2 (weight 4)    h2: f3 f4 f5 (1, 1, 1)
TEST_CASE("where the LP is integral the bound equals the optimum") {
  NetworkBuilder builder;
  builder.add_platform("p", "平台", 100);
  std::vector<NodeId> fanbases;
  for (int h = 0; h < 3; ++h) {
    const NodeId host =
        *builder.add_broadcaster("h" + std::to_string(h), "主播", kNoNode, "", "", 1000.0);
    fanbases.push_back(*builder.add_fanbase(host, 0, 10));
  }
  const std::uint64_t weights[] = {2, 3, 4, 1, 1, 1};
  const int owner[] = {0, 0, 1, 2, 2, 2};
  for (int f = 0; f < 6; ++f)
    builder.add_follow(*builder.add_fan("f" + std::to_string(f), weights[f]), fanbases[owner[f]]);
  const Network network = std::move(builder).finish();
  for (std::size_t k = 1; k <= 3; ++k) {
    PlanOptions options;
    options.k = k;
    const auto [problem, rows, optimum] = instance(network, options);
    CHECK(rows.rows() == 0);
    CHECK(optimum == (k == 1 ? 5 : k == 2 ? 9 : 12));
    CHECK(subgradient_bound(rows, problem, 0, 50).value == Approx(optimum));
  }
}

TEST_CASE("the integer program finds the brute-force optimum under every constraint") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Network network = random_planning_network(seed);
    for (const PlanOptions& options : constraint_mix(seed)) {
      const auto [problem, rows, optimum] = instance(network, options);
      const std::vector<std::size_t> start(problem.forced);  // feasible: checked by plan
      const IlpSolution solution = solve_coverage_ilp(rows, problem, start, 0);
      INFO("seed " << seed << " optimum " << optimum << " found " << solution.value);
      CHECK(solution.proven_optimal);
      CHECK(solution.value == Approx(optimum));
      CHECK(solution.upper_bound >= optimum - 1e-6);
      CHECK(feasible(network, mask_of(problem, solution.roster), options));
      CHECK(all_subset_reach(network, options)[mask_of(problem, solution.roster)] ==
            solution.value);
    }
  }
}
