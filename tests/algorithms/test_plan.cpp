// Roster planning against the true optimum, found by brute force over every roster of
// small random networks, and against the hand-worked samples/tiny answers.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <random>
#include <set>

#include "algorithms/plan.hpp"
#include "algorithms/reach.hpp"
#include "graph/errors.hpp"
#include "graph/network_builder.hpp"
#include "loaders/dataset_loader.hpp"
#include "random_planning_network.hpp"
#include "support/samples.hpp"

using namespace castgraph;
using castgraph::testing::all_subset_reach;
using castgraph::testing::feasible;
using castgraph::testing::random_planning_network;
using castgraph::testing::tiny_network;

namespace {

NodeId host(const Network& network, std::string_view id) {
  return *network.broadcasters.ids.find(id);
}

std::vector<std::string> pick_ids(const Network& network, const Plan& plan) {
  std::vector<std::string> ids;
  for (const PlanPick& pick : plan.picks) ids.emplace_back(network.broadcasters.ids[pick.host]);
  return ids;
}

struct Comparison {
  double optimum = 0;
  double ratio = 1;
};

// Plans, checks the plan against every feasible roster, and returns value / optimum.
Comparison check_against_brute_force(const Network& network, const PlanOptions& options) {
  const Plan plan = plan_roster(network, options);
  const std::vector<double> reach = all_subset_reach(network, options);
  double optimum = 0;
  for (std::uint32_t set = 0; set < reach.size(); ++set)
    if (feasible(network, set, options)) optimum = std::max(optimum, reach[set]);
  std::uint32_t chosen = 0;
  for (const PlanPick& pick : plan.picks) {
    REQUIRE_FALSE(chosen >> pick.host & 1);
    chosen |= 1u << pick.host;
  }
  CHECK(feasible(network, chosen, options));
  CHECK(plan.unique_reach == Approx(reach[chosen]));
  CHECK(plan.unique_reach <= optimum + 1e-9);
  CHECK(plan.upper_bound >= optimum - 1e-9);
  CHECK(plan.unique_reach >= plan.guarantee * optimum - 1e-9);
  for (std::size_t i = 0; i < options.include.size(); ++i) {
    REQUIRE(i < plan.picks.size());
    CHECK(plan.picks[i].host == options.include[i]);
    CHECK(plan.picks[i].included);
  }
  return {optimum, optimum > 0 ? plan.unique_reach / optimum : 1.0};
}

struct RatioTally {
  double sum = 0, worst = 1;
  int runs = 0;
  void add(double ratio) { sum += ratio, worst = std::min(worst, ratio), ++runs; }
  std::string text() const {
    return std::to_string(runs) + " instances, average ratio " + std::to_string(sum / runs) +
           ", worst " + std::to_string(worst);
  }
};

// The parameters the UsageError `run` throws names, in order; nothing when it throws none.
template <class Run>
std::vector<std::string> parameters_named(Run&& run) {
  try {
    run();
  } catch (const UsageError& error) {
    return error.parameters();
  }
  return {};
}

}  // namespace

// samples/tiny (README): h1 reaches f01 f02 f03 f11 f15 f20 = 1005 people, the most of any
// host. Then h3 and h5 each add 3 (h3: f05 f07 f17; h5: f06 f07 f18), the tie going to the
// lower id h3; then h2, h4, h5, h6 and h7 each add 2, and h2 comes first.
TEST_CASE("on the tiny sample greedy books h1, then h3, then h2") {
  PlanOptions options;
  options.k = 3;
  const Plan plan = plan_roster(tiny_network(), options);
  CHECK(pick_ids(tiny_network(), plan) == std::vector<std::string>{"h1", "h3", "h2"});
  REQUIRE(plan.picks.size() == 3);
  CHECK(plan.picks[0].marginal_reach == 1005);
  CHECK(plan.picks[1].marginal_reach == 3);
  CHECK(plan.picks[2].marginal_reach == 2);
  CHECK(plan.unique_reach == 1010);
  CHECK(plan.spent == 200000 + 8000 + 50000);
  CHECK(plan.stop_reason == StopReason::k_reached);
  CHECK(plan.upper_bound >= plan.unique_reach);
  CHECK(plan.method == ReachMethod::exact);
}

// Fees (README): h1 200,000, h2 50,000, h3 8,000, h4 12,000, h5 3,000, h6 unknown,
// h7 900,000, h8 1,500. With 100,000 yuan h1 and h7 never fit and h6 cannot be priced;
// per yuan h2 (1003 / 50,000) leads, then h5 (3 / 3,000), h8 (1 / 1,500), h3 (3 / 8,000),
// h4 (1 / 12,000): 74,500 yuan, 1011 people; h1 and h7 would add people but cost more
// than the 25,500 yuan left.
TEST_CASE("on the tiny sample a 100,000 yuan budget books by reach per yuan") {
  PlanOptions options;
  options.budget = 100'000;
  const Plan plan = plan_roster(tiny_network(), options);
  CHECK(pick_ids(tiny_network(), plan) == std::vector<std::string>{"h2", "h5", "h8", "h3", "h4"});
  CHECK(plan.unique_reach == 1011);
  CHECK(plan.spent == 74'500);
  CHECK(plan.stop_reason == StopReason::budget_spent);
  REQUIRE(plan.unknown_fee_excluded.size() == 1);
  CHECK(tiny_network().broadcasters.ids[plan.unknown_fee_excluded[0]] == "h6");
}

TEST_CASE("a budget too small for anyone but h8 stops for the budget") {
  PlanOptions options;
  options.budget = 2'000;
  const Plan plan = plan_roster(tiny_network(), options);
  CHECK(pick_ids(tiny_network(), plan) == std::vector<std::string>{"h8"});
  // Every other host costs more than the 500 yuan left, and some would add people: the
  // budget is why the plan stops (issue 20 found this said "no gain").
  CHECK(plan.stop_reason == StopReason::budget_spent);
  options.budget = 4'000;  // h5 (3,000) or h8 (1,500), not both
  const Plan two = plan_roster(tiny_network(), options);
  CHECK(pick_ids(tiny_network(), two) == std::vector<std::string>{"h5"});
  CHECK(two.stop_reason == StopReason::budget_spent);
  CHECK(two.spent <= 4'000);
}

TEST_CASE("included hosts are booked first and excluded ones never") {
  PlanOptions options;
  options.k = 2;
  options.include = {host(tiny_network(), "h7")};
  options.exclude = {host(tiny_network(), "h1")};
  const Plan plan = plan_roster(tiny_network(), options);
  REQUIRE(plan.picks.size() == 2);
  CHECK(pick_ids(tiny_network(), plan) == std::vector<std::string>{"h7", "h2"});
  CHECK(plan.picks[0].included);
  CHECK_FALSE(plan.picks[1].included);
  CHECK(plan.picks[0].marginal_reach == 4);  // f02 f09 f10 f15
}

TEST_CASE("impossible requests are usage errors") {
  PlanOptions neither;
  CHECK_THROWS_AS(plan_roster(tiny_network(), neither), UsageError);
  PlanOptions typo;
  typo.k = 2;
  typo.kinds = {"influencr"};
  CHECK_THROWS_WITH(plan_roster(tiny_network(), typo),
                    Catch::Contains("influencr") && Catch::Contains("village"));
  PlanOptions nowhere;
  nowhere.k = 2;
  nowhere.province = "西藏";
  CHECK_THROWS_WITH(plan_roster(tiny_network(), nowhere), Catch::Contains("西藏"));
  PlanOptions no_base;
  no_base.k = 2;
  no_base.bases = {"sy", "沈阳基地"};
  CHECK_THROWS_WITH(plan_roster(tiny_network(), no_base),
                    Catch::Contains("沈阳基地") && Catch::Contains("dl (大连网红孵化基地)"));
  CHECK(parameters_named([&] { plan_roster(tiny_network(), no_base); }) ==
        std::vector<std::string>{"base"});
  PlanOptions clash;
  clash.k = 2;
  clash.include = clash.exclude = {host(tiny_network(), "h2")};
  CHECK_THROWS_AS(plan_roster(tiny_network(), clash), UsageError);
  PlanOptions unpriced;
  unpriced.budget = 1'000'000;
  unpriced.include = {host(tiny_network(), "h6")};
  CHECK_THROWS_WITH(plan_roster(tiny_network(), unpriced), Catch::Contains("h6"));
  PlanOptions too_dear;
  too_dear.budget = 100'000;
  too_dear.include = {host(tiny_network(), "h1")};
  CHECK_THROWS_AS(plan_roster(tiny_network(), too_dear), UsageError);
  PlanOptions wrong_kind;
  wrong_kind.k = 2;
  wrong_kind.kinds = {"village"};
  wrong_kind.include = {host(tiny_network(), "h1")};
  CHECK_THROWS_WITH(plan_roster(tiny_network(), wrong_kind), Catch::Contains("kinds"));
  CHECK(parameters_named([&] { plan_roster(tiny_network(), wrong_kind); }) ==
        std::vector<std::string>{"kinds"});
}

TEST_CASE("filters leave only matching hosts, and no eligible host is said so") {
  // A kind no host has is a typo, refused with the kinds there are (test_cli_plan).
  PlanOptions options;
  options.k = 5;
  options.kinds = {"village"};
  const Plan plan = plan_roster(tiny_network(), options);
  CHECK(pick_ids(tiny_network(), plan) == std::vector<std::string>{"h3", "h5"});
  CHECK(plan.stop_reason == StopReason::no_gain);
  options.province = "黑龙江";  // only h8 is there, a factory host
  const Plan none = plan_roster(tiny_network(), options);
  CHECK(none.picks.empty());
  CHECK(none.stop_reason == StopReason::no_eligible);
}

TEST_CASE("with k picks, greedy is within 1 - 1/e of the brute-force optimum") {
  RatioTally tally;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Network network = random_planning_network(seed);
    for (std::size_t k : {1, 2, 3, 5}) {
      PlanOptions options;
      options.k = k;
      tally.add(check_against_brute_force(network, options).ratio);
    }
  }
  WARN("cardinality (k = 1, 2, 3, 5): " << tally.text());
  CHECK(tally.worst >= 1 - std::exp(-1.0));
}

TEST_CASE("under a budget, greedy plus the best single host is within (1 - 1/e)/2") {
  RatioTally plain, enumerated;
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const Network network = random_planning_network(seed);
    for (double budget : {4'000.0, 9'000.0, 15'000.0, 30'000.0}) {
      PlanOptions options;
      options.budget = budget;
      plain.add(check_against_brute_force(network, options).ratio);
      options.enumerate = true;
      enumerated.add(check_against_brute_force(network, options).ratio);
    }
  }
  WARN("budget, greedy + best single: " << plain.text());
  WARN("budget, partial enumeration: " << enumerated.text());
  CHECK(plain.worst >= (1 - std::exp(-1.0)) / 2);
  CHECK(enumerated.worst >= 1 - std::exp(-1.0));
  CHECK(enumerated.sum >= plain.sum);
}

TEST_CASE("constraints, includes and filters hold against the brute-force optimum") {
  RatioTally tally;
  int refused = 0;
  for (std::uint64_t seed = 21; seed <= 30; ++seed) {
    const Network network = random_planning_network(seed);
    PlanOptions options;
    if (seed % 2)
      options.k = 4;
    else
      options.budget = 12'000;
    options.max_per_base = 1 + seed % 2;
    options.exclude = {static_cast<NodeId>(seed % 12)};
    options.include = {static_cast<NodeId>((seed + 3) % 12 == 5 ? 6 : (seed + 3) % 12)};
    options.region = seed % 3 ? "辽宁" : "";
    options.platform = seed % 4 == 0 ? std::optional<NodeId>(1) : std::nullopt;
    // Every kind the network has (a kind no host has is refused, and a random network may
    // lack one), or no kind filter at all.
    if (seed % 5 != 0)
      for (const char* kind : {"village", "factory", "influencer"})
        if (network.broadcasters.kind.labels().find(kind)) options.kinds.push_back(kind);
    // Two of the three bases (by id) on some seeds, if hosts belong to them.
    if (seed % 3 == 0)
      for (NodeId h = 0; h < network.broadcasters.size(); ++h)
        if (const NodeId base = network.broadcasters.base[h];
            base != kNoNode && base != 1 &&
            std::ranges::find(options.bases, network.bases.ids[base]) == options.bases.end())
          options.bases.emplace_back(network.bases.ids[base]);
    // The random include may break a constraint itself (a fee over budget, a base cap, a
    // filter): then no roster holds it, and the planner must refuse; otherwise it must plan.
    // `broken` makes sure of a refusal: a kind filter, or a budget, that the include fails.
    PlanOptions broken = options;
    if (broken.k)
      broken.kinds = {"no such kind"};
    else
      broken.budget = network.broadcasters.fee[options.include[0]] / 2;
    for (const PlanOptions* request : {&options, &broken}) {
      const PlanOptions& tried = *request;
      bool holds_include = false;
      for (std::uint32_t set = 0; set >> network.broadcasters.size() == 0 && !holds_include; ++set)
        holds_include = feasible(network, set, tried);
      INFO("seed " << seed << (request == &options ? "" : ", broken"));
      if (holds_include) {
        tally.add(check_against_brute_force(network, tried).ratio);
      } else {
        CHECK_THROWS_AS(plan_roster(network, tried), UsageError);
        ++refused;
      }
    }
  }
  WARN("with constraints: " << tally.text() << "; " << refused << " refused");
  CHECK(tally.runs >= 5);
  CHECK(refused >= 10);  // every broken request at least
}

TEST_CASE("the declared model plans on one platform as reach --method declared counts") {
  const Network network = random_planning_network(7);
  PlanOptions options;
  options.k = 3;
  options.method = ReachMethod::declared;
  options.platform = 0;
  const Plan plan = plan_roster(network, options);
  REQUIRE(plan.method == ReachMethod::declared);
  std::vector<NodeId> hosts;
  for (const PlanPick& pick : plan.picks) hosts.push_back(pick.host);
  ReachOptions reach_options;
  reach_options.method = ReachMethod::declared;
  reach_options.platform = 0;
  CHECK(plan.unique_reach == Approx(reach(network, hosts, reach_options).unique_reach).margin(1));
  CHECK(plan.upper_bound >= plan.unique_reach);
  // The three hosts with the most declared fans on platform 0 reach no more.
  std::vector<std::pair<std::uint64_t, NodeId>> by_fans;
  for (NodeId h = 0; h < network.broadcasters.size(); ++h)
    by_fans.emplace_back(declared_fans(network, h, 0), h);
  std::ranges::sort(by_fans, std::greater<>());
  const std::vector<NodeId> top{by_fans[0].second, by_fans[1].second, by_fans[2].second};
  CHECK(plan.unique_reach >= reach(network, top, reach_options).unique_reach - 1.0);
}

TEST_CASE("sketch planning picks a roster whose exact reach is close to the exact plan's") {
  const Network network = random_planning_network(3);
  PlanOptions options;
  options.k = 4;
  options.method = ReachMethod::sketch;
  options.sketch_precision = 10;
  const Plan sketched = plan_roster(network, options);
  REQUIRE(sketched.method == ReachMethod::sketch);
  REQUIRE(sketched.picks.size() == 4);
  options.method = ReachMethod::exact;
  const Plan exact = plan_roster(network, options);
  std::vector<NodeId> hosts;
  for (const PlanPick& pick : sketched.picks) hosts.push_back(pick.host);
  const double exact_of_sketched = static_cast<double>(reach(network, hosts).unique_reach);
  CHECK(exact_of_sketched >= 0.9 * exact.unique_reach);
  CHECK(sketched.unique_reach == Approx(exact_of_sketched).epsilon(0.15));
}

TEST_CASE("partial enumeration refuses rosters too large to enumerate") {
  NetworkBuilder builder;
  builder.add_platform("p", "平台", 1000);
  for (int h = 0; h < 80; ++h)
    builder.add_broadcaster("h" + std::to_string(h), "主播", kNoNode, {}, {}, 10);
  const Network network = std::move(builder).finish();
  PlanOptions options;
  options.budget = 100;
  options.method = ReachMethod::declared;
  options.enumerate = true;
  CHECK_THROWS_WITH(plan_roster(network, options), Catch::Contains("enumerate"));
  CHECK(parameters_named([&] { plan_roster(network, options); }) ==
        std::vector<std::string>{"enumerate"});
}

TEST_CASE("k and a budget together hold both limits, against the brute-force optimum") {
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    const Network network = random_planning_network(seed);
    PlanOptions options;
    options.k = 1 + seed % 4;
    options.budget = 3000.0 + 1000.0 * static_cast<double>(seed % 9);
    if (seed % 3 == 0) options.max_per_base = 1;
    const Plan plan = plan_roster(network, options);
    CHECK(plan.picks.size() <= *options.k);
    CHECK(plan.spent <= *options.budget);
    check_against_brute_force(network, options);
  }
}

TEST_CASE("an optimal plan reaches the brute-force optimum and says it is proven") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const Network network = random_planning_network(seed);
    std::vector<PlanOptions> mix(5);
    mix[0].k = 1 + seed % 5;
    mix[1].budget = 5000.0 + 2000.0 * static_cast<double>(seed % 6);
    mix[2].k = 3, mix[2].budget = 10'000, mix[2].max_per_base = 1;
    mix[3].budget = 15'000, mix[3].max_per_base = 2,
    mix[3].include = {static_cast<NodeId>(seed % 5)};
    mix[4].k = 4, mix[4].region = "辽宁", mix[4].platform = 1;
    for (PlanOptions& options : mix) {
      options.optimal = true;
      INFO("seed " << seed);
      const Comparison comparison = check_against_brute_force(network, options);
      const Plan plan = plan_roster(network, options);
      CHECK(plan.unique_reach == Approx(comparison.optimum));
      CHECK(plan.proven_optimal);
      CHECK(plan.upper_bound == Approx(comparison.optimum));
      CHECK((plan.stop_reason == StopReason::optimal));
    }
  }
}

TEST_CASE("the LP bound is far tighter than the online bound and never below the optimum") {
  double online = 0, lp = 0;
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    const Network network = random_planning_network(seed);
    PlanOptions options;
    options.k = 2 + seed % 4;
    const Comparison comparison = check_against_brute_force(network, options);
    const Plan plan = plan_roster(network, options);
    // The smaller bound, rounded down to whole people.
    const double smaller =
        plan.lp_bound > 0 ? std::min(plan.online_bound, plan.lp_bound) : plan.online_bound;
    CHECK(plan.upper_bound == std::max(plan.unique_reach, std::floor(smaller * (1 + 1e-9))));
    online += plan.online_bound / comparison.optimum - 1;
    lp += plan.upper_bound / comparison.optimum - 1;
  }
  INFO("mean excess over the optimum: online " << online / 25 << ", kept " << lp / 25);
  CHECK(lp < online / 2);
}

TEST_CASE("a minimum gain stops before a pick that would add too few people") {
  PlanOptions options;
  options.k = 8;
  options.min_gain = 3;  // h1 adds 1005, h3 adds 3, then every host adds 2 at most
  const Plan plan = plan_roster(tiny_network(), options);
  CHECK(pick_ids(tiny_network(), plan) == std::vector<std::string>{"h1", "h3"});
  CHECK((plan.stop_reason == StopReason::min_gain));
}

TEST_CASE("yuan per thousand new people is each pick's fee over what it added") {
  PlanOptions options;
  options.k = 2;
  const Plan plan = plan_roster(tiny_network(), options);
  CHECK(plan.picks[0].yuan_per_thousand == Approx(200'000.0 / 1005 * 1000));
  CHECK(plan.picks[1].yuan_per_thousand == Approx(8'000.0 / 3 * 1000));
  CHECK(plan.yuan_per_thousand == Approx(208'000.0 / 1008 * 1000));
}

TEST_CASE("limits that make little sense are warned about, as data") {
  PlanOptions poor;
  poor.budget = 100;  // the cheapest host, h8, costs 1,500
  const Plan nothing = plan_roster(tiny_network(), poor);
  REQUIRE(nothing.warnings.size() == 1);
  CHECK((nothing.warnings[0].kind == PlanWarning::Kind::budget_below_cheapest));
  CHECK(nothing.warnings[0].fee == 1500);
  CHECK(nothing.warnings[0].host == host(tiny_network(), "h8"));
  CHECK((nothing.stop_reason == StopReason::budget_spent));

  PlanOptions many;
  many.k = 50;
  const Plan all = plan_roster(tiny_network(), many);
  REQUIRE(all.warnings.size() == 1);
  CHECK((all.warnings[0].kind == PlanWarning::Kind::k_above_candidates));
  CHECK(all.warnings[0].count == all.candidates);

  PlanOptions idle;  // h1 has no fanbase on momo: booked, it adds no one
  idle.k = 2;
  idle.platform = *tiny_network().platforms.ids.find("momo");
  idle.include = {host(tiny_network(), "h1")};
  const Plan momo = plan_roster(tiny_network(), idle);
  REQUIRE(momo.warnings.size() == 1);
  CHECK((momo.warnings[0].kind == PlanWarning::Kind::included_adds_nobody));
  CHECK(momo.warnings[0].host == host(tiny_network(), "h1"));
  CHECK_FALSE(momo.warnings[0].has_counted_fanbase);
  PlanOptions fine;
  fine.k = 3;
  CHECK(plan_roster(tiny_network(), fine).warnings.empty());
}
