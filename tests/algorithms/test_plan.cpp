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

using namespace castgraph;

namespace {

const Network& tiny() {
  static const Network network = load_dataset(CASTGRAPH_SOURCE_DIR "/samples/tiny").network;
  return network;
}

NodeId host(const Network& network, std::string_view id) {
  return *network.broadcasters.ids.find(id);
}

std::vector<std::string> pick_ids(const Network& network, const Plan& plan) {
  std::vector<std::string> ids;
  for (const PlanPick& pick : plan.picks) ids.emplace_back(network.broadcasters.ids[pick.host]);
  return ids;
}

// 12 hosts in 3 bases (the last two in none), fees 1,000-10,000 yuan (host 5's unknown),
// kinds and provinces at random, 2 platforms, 250 fans of weight 1-4 following 0-4
// fanbases, skewed toward the low ids as stars are.
Network random_planning_network(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&](int low, int high) { return std::uniform_int_distribution(low, high)(rng); };
  NetworkBuilder builder;
  builder.add_platform("p0", "平台0", 10'000);
  builder.add_platform("p1", "平台1", 4'000);
  for (int b = 0; b < 3; ++b) builder.add_base("b" + std::to_string(b), "基地" + std::to_string(b));
  const std::vector<std::string> kinds{"village", "factory", "influencer"};
  const std::vector<std::string> provinces{"辽宁", "吉林"};
  std::vector<NodeId> fanbases;
  for (int h = 0; h < 12; ++h) {
    const NodeId base = h >= 10 ? kNoNode : static_cast<NodeId>(uniform(0, 2));
    const double fee = h == 5 ? NAN : 1000.0 * uniform(1, 10);
    const NodeId id =
        *builder.add_broadcaster("h" + std::to_string(h), "主播" + std::to_string(h), base,
                                 provinces[uniform(0, 1)], kinds[uniform(0, 2)], fee);
    for (NodeId p = 0; p < 2; ++p)
      if (p == static_cast<NodeId>(h % 2) || uniform(0, 2) == 0)
        fanbases.push_back(
            *builder.add_fanbase(id, p, static_cast<std::uint64_t>(uniform(0, 3000))));
  }
  for (int f = 0; f < 250; ++f) {
    const NodeId fan =
        *builder.add_fan("f" + std::to_string(f), static_cast<std::uint64_t>(uniform(1, 4)),
                         provinces[uniform(0, 1)]);
    for (int k = uniform(0, 4); k > 0; --k) {
      const int pick = std::min(uniform(0, static_cast<int>(fanbases.size()) - 1),
                                uniform(0, static_cast<int>(fanbases.size()) - 1));
      builder.add_follow(fan, fanbases[pick]);
    }
  }
  return std::move(builder).finish();
}

// Exact reach of every subset of hosts (bit h = host h), from the fan side of the graph.
std::vector<double> all_subset_reach(const Network& network, const PlanOptions& options) {
  const std::size_t n = network.broadcasters.size();
  std::vector<std::uint32_t> reached_by(network.fans.size(), 0);  // mask of hosts
  for (NodeId fan = 0; fan < network.fans.size(); ++fan) {
    if (!options.region.empty() && network.fans.province[fan] != options.region) continue;
    for (NodeId fanbase : network.relations.follows.neighbours(fan))
      if (!options.platform || network.fanbases.platform[fanbase] == *options.platform)
        reached_by[fan] |= 1u << network.fanbases.broadcaster[fanbase];
  }
  std::vector<double> reach(std::size_t{1} << n, 0.0);
  for (std::uint32_t set = 0; set < reach.size(); ++set)
    for (NodeId fan = 0; fan < network.fans.size(); ++fan)
      if (reached_by[fan] & set) reach[set] += static_cast<double>(network.fans.weight(fan));
  return reach;
}

bool passes_filters(const Network& network, NodeId h, const PlanOptions& options) {
  if (!options.kinds.empty() &&
      std::ranges::find(options.kinds, network.broadcasters.kind[h]) == options.kinds.end())
    return false;
  if (!options.province.empty() && network.broadcasters.province[h] != options.province)
    return false;
  return declared_fans(network, h, options.platform) >= options.min_fans;
}

// Every constraint of `options`, checked on a roster given as a host mask.
bool feasible(const Network& network, std::uint32_t set, const PlanOptions& options) {
  double cost = 0;
  std::size_t size = 0;
  std::map<NodeId, std::size_t> per_base;
  for (NodeId h = 0; h < network.broadcasters.size(); ++h) {
    const bool in = set >> h & 1;
    const bool included = std::ranges::find(options.include, h) != options.include.end();
    if (included && !in) return false;
    if (!in) continue;
    if (std::ranges::find(options.exclude, h) != options.exclude.end()) return false;
    if (!passes_filters(network, h, options)) return false;
    const double fee = network.broadcasters.fee[h];
    if (options.budget && std::isnan(fee)) return false;
    if (fee >= 0) cost += fee;
    ++size;
    if (network.broadcasters.base[h] != kNoNode) ++per_base[network.broadcasters.base[h]];
  }
  if (options.k && size > *options.k) return false;
  if (options.budget && cost > *options.budget) return false;
  if (options.max_per_base)
    for (const auto& [base, count] : per_base)
      if (count > *options.max_per_base) return false;
  return true;
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
  const Plan plan = plan_roster(tiny(), options);
  CHECK(pick_ids(tiny(), plan) == std::vector<std::string>{"h1", "h3", "h2"});
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
// h4 (1 / 12,000): 74,500 yuan, 1011 people, and nothing left adds reach.
TEST_CASE("on the tiny sample a 100,000 yuan budget books by reach per yuan") {
  PlanOptions options;
  options.budget = 100'000;
  const Plan plan = plan_roster(tiny(), options);
  CHECK(pick_ids(tiny(), plan) == std::vector<std::string>{"h2", "h5", "h8", "h3", "h4"});
  CHECK(plan.unique_reach == 1011);
  CHECK(plan.spent == 74'500);
  CHECK(plan.stop_reason == StopReason::no_gain);
  REQUIRE(plan.unknown_fee_excluded.size() == 1);
  CHECK(tiny().broadcasters.ids[plan.unknown_fee_excluded[0]] == "h6");
}

TEST_CASE("a budget too small for anyone but h8 stops for the budget") {
  PlanOptions options;
  options.budget = 2'000;
  const Plan plan = plan_roster(tiny(), options);
  CHECK(pick_ids(tiny(), plan) == std::vector<std::string>{"h8"});
  CHECK(plan.stop_reason == StopReason::no_gain);  // every other host is out of reach of any budget
  options.budget = 4'000;                          // h5 (3,000) or h8 (1,500), not both
  const Plan two = plan_roster(tiny(), options);
  CHECK(pick_ids(tiny(), two) == std::vector<std::string>{"h5"});
  CHECK(two.stop_reason == StopReason::budget_spent);
  CHECK(two.spent <= 4'000);
}

TEST_CASE("included hosts are booked first and excluded ones never") {
  PlanOptions options;
  options.k = 2;
  options.include = {host(tiny(), "h7")};
  options.exclude = {host(tiny(), "h1")};
  const Plan plan = plan_roster(tiny(), options);
  REQUIRE(plan.picks.size() == 2);
  CHECK(pick_ids(tiny(), plan) == std::vector<std::string>{"h7", "h2"});
  CHECK(plan.picks[0].included);
  CHECK_FALSE(plan.picks[1].included);
  CHECK(plan.picks[0].marginal_reach == 4);  // f02 f09 f10 f15
}

TEST_CASE("impossible requests are usage errors") {
  PlanOptions neither;
  CHECK_THROWS_AS(plan_roster(tiny(), neither), UsageError);
  PlanOptions both;
  both.k = 2;
  both.budget = 10;
  CHECK_THROWS_AS(plan_roster(tiny(), both), UsageError);
  PlanOptions clash;
  clash.k = 2;
  clash.include = clash.exclude = {host(tiny(), "h2")};
  CHECK_THROWS_AS(plan_roster(tiny(), clash), UsageError);
  PlanOptions unpriced;
  unpriced.budget = 1'000'000;
  unpriced.include = {host(tiny(), "h6")};
  CHECK_THROWS_WITH(plan_roster(tiny(), unpriced), Catch::Contains("h6"));
  PlanOptions too_dear;
  too_dear.budget = 100'000;
  too_dear.include = {host(tiny(), "h1")};
  CHECK_THROWS_AS(plan_roster(tiny(), too_dear), UsageError);
  PlanOptions wrong_kind;
  wrong_kind.k = 2;
  wrong_kind.kinds = {"village"};
  wrong_kind.include = {host(tiny(), "h1")};
  CHECK_THROWS_WITH(plan_roster(tiny(), wrong_kind), Catch::Contains("kinds"));
  CHECK(parameters_named([&] { plan_roster(tiny(), wrong_kind); }) ==
        std::vector<std::string>{"kinds"});
}

TEST_CASE("filters leave only matching hosts, and no eligible host is said so") {
  PlanOptions options;
  options.k = 5;
  options.kinds = {"village"};
  const Plan plan = plan_roster(tiny(), options);
  CHECK(pick_ids(tiny(), plan) == std::vector<std::string>{"h3", "h5"});
  CHECK(plan.stop_reason == StopReason::no_gain);
  options.kinds = {"astronaut"};
  const Plan none = plan_roster(tiny(), options);
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
    options.kinds = seed % 5 == 0 ? std::vector<std::string>{}
                                  : std::vector<std::string>{"village", "factory", "influencer"};
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
