// The LP bound and the integer program of roster planning, against the true optimum found
// by trying every roster of small random networks (12 hosts: 4,096 rosters).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "algorithms/coverage_bound.hpp"
#include "algorithms/coverage_focus.hpp"
#include "algorithms/coverage_rows.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/plan_certificate.hpp"
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

TEST_CASE("rows over some candidates count a roster too high only when it holds another") {
  std::mt19937_64 rng(11);
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const Network network = random_planning_network(seed);
    PlanOptions options;
    if (seed % 3 == 1) options.platform = 1;
    if (seed % 3 == 2) options.region = "吉林";
    std::vector<NodeId> hosts(network.broadcasters.size());
    for (NodeId h = 0; h < hosts.size(); ++h) hosts[h] = h;
    const HostSet set = make_host_set(network, hosts, options.platform, options.region);
    const std::vector<double> reach = all_subset_reach(network, options);
    // The candidates' reach alone and added to a roster, against the brute-force reaches.
    const std::uint32_t roster_mask = 0b100101;
    const CandidateReach alone = candidate_reach(network, set, std::vector<std::size_t>{0, 2, 5});
    for (NodeId h = 0; h < hosts.size(); ++h) {
      REQUIRE(alone.alone[h] == reach[1u << h]);
      REQUIRE(alone.added[h] == reach[roster_mask | 1u << h] - reach[roster_mask]);
    }
    std::vector<char> modelled(hosts.size());
    for (char& m : modelled) m = std::bernoulli_distribution(0.5)(rng);
    const CoverageRows rows = compress_coverage(network, set, modelled, alone.alone);
    CHECK(rows.unmodelled == static_cast<std::size_t>(std::ranges::count(modelled, 0)));
    for (std::uint32_t mask = 0; mask < reach.size(); ++mask) {
      std::vector<char> chosen(hosts.size());
      bool only_modelled = true;
      for (NodeId h = 0; h < hosts.size(); ++h) {
        chosen[h] = mask >> h & 1;
        only_modelled = only_modelled && (!chosen[h] || modelled[h]);
      }
      if (only_modelled)
        REQUIRE(rows.reach(chosen) == reach[mask]);
      else
        REQUIRE(rows.reach(chosen) >= reach[mask]);
    }
  }
}

// 20 hosts; fan f follows hosts 0..f (so rows of up to 20 members, too long to pack into
// one 64-bit key of 5-bit ids), and fans 20-39 follow two hosts each.
TEST_CASE("long rows merge as exactly as short ones") {
  NetworkBuilder builder;
  builder.add_platform("p", "平台", 100);
  std::vector<NodeId> fanbases;
  for (int h = 0; h < 20; ++h) {
    const NodeId host =
        *builder.add_broadcaster("h" + std::to_string(h), "主播", kNoNode, "", "", 1000.0);
    fanbases.push_back(*builder.add_fanbase(host, 0, 10));
  }
  for (int f = 0; f < 40; ++f) {
    const NodeId fan = *builder.add_fan("f" + std::to_string(f), 1 + f % 3);
    if (f < 20)
      for (int h = 0; h <= f; ++h) builder.add_follow(fan, fanbases[h]);
    else
      builder.add_follow(fan, fanbases[f % 20]), builder.add_follow(fan, fanbases[(f * 7) % 20]);
  }
  // And a second copy of every long row, so that they must merge.
  for (int f = 0; f < 20; ++f) {
    const NodeId fan = *builder.add_fan("g" + std::to_string(f), 5);
    for (int h = 0; h <= f; ++h) builder.add_follow(fan, fanbases[h]);
  }
  const Network network = std::move(builder).finish();
  std::vector<NodeId> hosts(20);
  for (NodeId h = 0; h < 20; ++h) hosts[h] = h;
  const CoverageRows rows = compress_coverage(network, make_host_set(network, hosts));
  std::vector<std::vector<std::uint32_t>> distinct;
  for (std::size_t r = 0; r < rows.rows(); ++r) {
    const std::span<const std::uint32_t> row = rows.row(r);
    CHECK(std::ranges::is_sorted(row));
    distinct.emplace_back(row.begin(), row.end());
  }
  std::ranges::sort(distinct);
  CHECK(std::ranges::adjacent_find(distinct) == distinct.end());  // each set once
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<char> chosen(20);
    for (char& c : chosen) c = std::bernoulli_distribution(0.15)(rng);
    double people = 0;
    for (NodeId fan = 0; fan < network.fans.size(); ++fan)
      if (std::ranges::any_of(network.relations.follows.neighbours(fan), [&](NodeId fanbase) {
            return chosen[network.fanbases.broadcaster[fanbase]] != 0;
          }))
        people += static_cast<double>(network.fans.weight(fan));
    REQUIRE(rows.reach(chosen) == people);
  }
}

TEST_CASE("a bound over rows of some candidates is never below the optimum") {
  std::mt19937_64 rng(5);
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Network network = random_planning_network(seed);
    for (const PlanOptions& options : constraint_mix(seed)) {
      const auto [problem, rows, optimum] = instance(network, options);
      const HostSet set = make_host_set(network, problem.hosts);
      const CandidateReach reach = candidate_reach(network, set, problem.forced);
      for (int trial = 0; trial < 6; ++trial) {
        std::vector<char> modelled(problem.hosts.size());
        for (char& m : modelled) m = std::bernoulli_distribution(0.2 * trial)(rng);
        const CoverageRows focused = compress_coverage(network, set, modelled, reach.alone);
        const CoverageBound bound = subgradient_bound(focused, problem, optimum, 60);
        INFO("seed " << seed << " trial " << trial << " optimum " << optimum);
        CHECK(bound.value >= optimum - 1e-9);
        std::vector<double> lambda(focused.rows()), roster;
        for (std::size_t r = 0; r < focused.rows(); ++r)
          lambda[r] = std::uniform_real_distribution(0.0, focused.weights[r])(rng);
        CHECK(lagrangian_bound(focused, problem, lambda, roster) >= optimum - 1e-9);
      }
    }
  }
}

TEST_CASE("the focused LP bound proves the optimum wherever the full LP is integral") {
  int integral = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Network network = random_planning_network(seed);
    for (const PlanOptions& options : constraint_mix(seed)) {
      const auto [problem, rows, optimum] = instance(network, options);
      // The optimal roster as the "greedy" one: then an integral LP proves it.
      const IlpSolution best = solve_coverage_ilp(rows, problem, problem.forced, 0);
      REQUIRE(best.value == optimum);
      const Certificate certificate =
          certify_plan(network, problem, best.roster, optimum, optimum + 1000, {{}, "", "", 200});
      INFO("seed " << seed << " optimum " << optimum << " LP " << best.lp_bound << " bound "
                   << certificate.lp_bound);
      CHECK(certificate.lp_bound >= optimum - 1e-9);
      if (best.lp_bound < optimum + 0.5) {
        ++integral;
        CHECK(std::floor(certificate.lp_bound * (1 + 1e-9)) == optimum);
      }
    }
  }
  CHECK(integral >= 20);  // most of the 72 instances: the check above is not vacuous
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

TEST_CASE("the greedy's largest gain per yuan left is the one a scan of every follow gives") {
  int compared = 0, replaced = 0;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Network network = random_planning_network(seed);
    for (const PlanOptions& options : constraint_mix(seed)) {
      if (!options.budget || !options.include.empty()) continue;
      const GreedyProblem problem = problem_for(network, options);
      const std::unique_ptr<ReachOracle> oracle = make_reach_oracle(network, problem.hosts);
      const GreedyResult result = lazy_greedy(*oracle, problem);
      std::vector<std::size_t> roster;
      for (const GreedyPick& pick : result.picks) roster.push_back(pick.index);
      if (!result.oracle_holds_roster) {
        ++replaced;  // the run seeded by the best single host came last and lost
        oracle->clear();
        for (std::size_t c : roster) oracle->add(problem.hosts[c]);
      }
      // The reference: every candidate's gain to the roster, counted from the fan side.
      const CandidateReach reach =
          candidate_reach(network, make_host_set(network, problem.hosts), roster);
      const double expected = largest_gains(problem, reach, roster).gain_per_yuan;
      INFO("seed " << seed << " budget " << *options.budget);
      CHECK(largest_gain_per_yuan_left(*oracle, problem, roster, result.gain_bounds) == expected);
      compared += expected > 0;
    }
  }
  CHECK(compared >= 20);  // most of the 36 budgets leave some host out that would add people
  CHECK(replaced >= 1);   // and the roster was booked again at least once
}
