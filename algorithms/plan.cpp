#include "algorithms/plan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "algorithms/coverage_focus.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/hyperloglog.hpp"
#include "algorithms/plan_certificate.hpp"
#include "graph/errors.hpp"

namespace castgraph {
namespace {

constexpr double kNoPick = std::numeric_limits<double>::infinity();

std::string describe(const Network& network, NodeId host) {
  return std::string(network.broadcasters.ids[host]) + " (" +
         std::string(network.broadcasters.names[host]) + ")";
}

// Why `host` fails the filters, or nothing when it passes them. `bases` marks the wanted
// bases (resolve_bases), empty when any will do.
std::vector<MessagePart> filter_failure(const Network& network, NodeId host,
                                        const PlanOptions& options,
                                        const std::vector<char>& bases) {
  const Broadcasters& hosts = network.broadcasters;
  if (!options.kinds.empty() &&
      std::ranges::find(options.kinds, hosts.kind[host]) == options.kinds.end())
    return {"its kind '" + std::string(hosts.kind[host]) + "' is not among ", Parameter{"kinds"}};
  if (!bases.empty() && (hosts.base[host] == kNoNode || !bases[hosts.base[host]]))
    return {
        hosts.base[host] == kNoNode
            ? std::string("it belongs to no base, so not to ")
            : "its base '" + std::string(network.bases.ids[hosts.base[host]]) + "' is not among ",
        Parameter{"base"}};
  // 辽宁 and 辽宁省 are one province (graph/place_names.hpp).
  if (!options.province.empty() && place_stem(hosts.province[host]) != place_stem(options.province))
    return {"its province '" + std::string(hosts.province[host]) + "' is not " + options.province};
  if (options.min_fans > 0 && declared_fans(network, host, options.platform) < options.min_fans)
    return {"it has " + std::to_string(declared_fans(network, host, options.platform)) +
                " declared fans, below ",
            Parameter{"min_fans"}, " " + std::to_string(options.min_fans)};
  return {};
}

void check_options(const PlanOptions& options) {
  if (!options.k && !options.budget)
    throw UsageError({"give ", Parameter{"k"}, ", ", Parameter{"budget"}, " or both"});
  if (options.k && *options.k == 0) throw UsageError({Parameter{"k"}, " must be at least 1"});
  if (options.budget && !(*options.budget >= 0))
    throw UsageError({Parameter{"budget"}, " must be a non-negative number of yuan"});
  if (options.max_per_base && *options.max_per_base == 0)
    throw UsageError({Parameter{"max_per_base"}, " must be at least 1"});
}

// Every requested value of a category (kinds, provinces) must be one some host has: a typo
// would otherwise leave no eligible host without a word.
void check_values_exist(const CategoryColumn& column, std::span<const std::string> wanted,
                        std::string_view what, bool places = false) {
  for (const std::string& value : wanted) {
    if (value.empty() || column.labels().find(value)) continue;
    if (places && find_place(column.labels(), value)) continue;
    std::string known;
    for (NodeId code = 0; code < column.labels().size(); ++code)
      if (!column.labels()[code].empty())
        known += (known.empty() ? "" : ", ") + std::string(column.labels()[code]);
    throw UsageError("no host has " + std::string(what) + " '" + value + "'; the " +
                     std::string(what) + "s are: " + (known.empty() ? "(none)" : known));
  }
}

// The bases `wanted` names (each by id or exact name), marked per base; empty when none is
// wanted. A value that names no base some host belongs to is a typo or a base without
// hosts: either way it would leave no eligible host without a word, so it is refused,
// naming the bases that have hosts (the first 30).
std::vector<char> resolve_bases(const Network& network, std::span<const std::string> wanted) {
  if (wanted.empty()) return {};
  std::vector<char> has_hosts(network.bases.size(), 0), marked(network.bases.size(), 0);
  for (NodeId host = 0; host < network.broadcasters.size(); ++host)
    if (const NodeId base = network.broadcasters.base[host]; base != kNoNode) has_hosts[base] = 1;
  for (const std::string& value : wanted) {
    bool found = false;
    for (NodeId base = 0; base < network.bases.size(); ++base)
      if (has_hosts[base] &&
          (network.bases.ids[base] == value || network.bases.names[base] == value))
        marked[base] = 1, found = true;
    if (found) continue;
    std::string known;
    std::size_t listed = 0, total = 0;
    for (NodeId base = 0; base < network.bases.size(); ++base) {
      if (!has_hosts[base]) continue;
      if (++total > 30) continue;
      known += (listed++ ? ", " : "") + std::string(network.bases.ids[base]) + " (" +
               std::string(network.bases.names[base]) + ")";
    }
    if (total > listed) known += ", and " + std::to_string(total - listed) + " more";
    throw UsageError({"no host has the base '" + value + "' (", Parameter{"base"},
                      " takes a base's id or name); the bases with hosts are: " +
                          (known.empty() ? std::string("(none)") : known)});
  }
  return marked;
}

double per_thousand(double yuan, double people) {
  return people > 0 && yuan >= 0 ? 1000 * yuan / people : std::nan("");
}

// Warnings about limits that make little sense for these candidates.
void warn_about_limits(const Network& network, const PlanOptions& options,
                       const GreedyProblem& problem, Plan& plan) {
  if (options.k && *options.k > plan.candidates)
    plan.warnings.push_back({PlanWarning::Kind::k_above_candidates, kNoNode, 0, plan.candidates});
  if (options.budget && problem.forced.empty() && !problem.hosts.empty()) {
    const auto cheapest = std::ranges::min_element(problem.costs);
    if (*cheapest > *options.budget)
      plan.warnings.push_back({PlanWarning::Kind::budget_below_cheapest,
                               problem.hosts[cheapest - problem.costs.begin()], *cheapest, 0});
  }
  for (const PlanPick& pick : plan.picks) {
    if (!pick.included || pick.marginal_reach > 0) continue;
    const HostSet alone = make_host_set(network, std::span(&pick.host, 1), options.platform);
    plan.warnings.push_back({PlanWarning::Kind::included_adds_nobody, pick.host, pick.fee, 0,
                             !alone.fanbases[0].empty()});
  }
}

// The roster `indices` (into problem.hosts), forced hosts first, then the rest in greedy
// order of what each adds, as picks.
std::vector<GreedyPick> order_roster(ReachOracle& oracle, const GreedyProblem& problem,
                                     std::vector<std::size_t> indices) {
  std::vector<GreedyPick> picks;
  oracle.clear();
  double spent = 0;
  auto book = [&](std::size_t i, bool forced) {
    const double gain = oracle.add(problem.hosts[i]);
    if (problem.budget) spent += problem.costs[i];
    picks.push_back({i, gain, oracle.value(), spent, forced});
  };
  for (std::size_t f : problem.forced) {
    book(f, true);
    std::erase(indices, f);
  }
  while (!indices.empty()) {
    std::size_t best = 0;
    double best_gain = -1;
    for (std::size_t j = 0; j < indices.size(); ++j)
      if (const double gain = oracle.gain(problem.hosts[indices[j]]); gain > best_gain)
        best = j, best_gain = gain;
    book(indices[best], false);
    indices.erase(indices.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return picks;
}

}  // namespace

std::string_view to_string(BoundMethod method) {
  switch (method) {
    case BoundMethod::online:
      return "online";
    case BoundMethod::lp:
      return "lp";
    case BoundMethod::ilp:
      return "ilp";
  }
  return "?";
}

Plan plan_roster(const Network& network, const PlanOptions& options, const PlanCounting& counting) {
  check_options(options);
  if (options.optimal && options.method != ReachMethod::exact &&
      options.method != ReachMethod::automatic)
    throw UsageError("an optimal roster needs the exact method (reach counted from follows)");
  check_values_exist(network.broadcasters.kind, options.kinds, "kind");
  check_values_exist(network.broadcasters.province, std::span(&options.province, 1), "province",
                     true);
  const std::vector<char> bases = resolve_bases(network, options.bases);
  const std::size_t n = network.broadcasters.size();
  for (NodeId host : options.include)
    if (host >= n) throw UsageError("host id " + std::to_string(host) + " is out of range");
  std::vector<bool> excluded(n, false), included(n, false);
  for (NodeId host : options.exclude) {
    if (host >= n) throw UsageError("host id " + std::to_string(host) + " is out of range");
    excluded[host] = true;
  }

  const bool budgeted = options.budget.has_value();
  GreedyProblem problem;
  problem.k = options.k;
  problem.budget = options.budget;
  problem.max_per_group = options.max_per_base;
  problem.min_gain = options.min_gain;
  auto add_candidate = [&](NodeId host) {
    problem.hosts.push_back(host);
    const double fee = network.broadcasters.fee[host];
    problem.costs.push_back(budgeted ? fee : 0.0);
    problem.groups.push_back(
        network.broadcasters.base[host] == kNoNode ? kNoGroup : network.broadcasters.base[host]);
  };

  for (NodeId host : options.include) {
    if (included[host]) throw UsageError("host " + describe(network, host) + " is included twice");
    if (excluded[host])
      throw UsageError("host " + describe(network, host) + " is both included and excluded");
    if (std::vector<MessagePart> why = filter_failure(network, host, options, bases);
        !why.empty()) {
      why.insert(why.begin(),
                 "included host " + describe(network, host) + " breaks a constraint: ");
      throw UsageError(std::move(why));
    }
    const double fee = network.broadcasters.fee[host];
    if (budgeted && !(fee >= 0))
      throw UsageError({"included host " + describe(network, host) +
                            " has no known fee, so it cannot be booked under ",
                        Parameter{"budget"}});
    included[host] = true;
    problem.forced.push_back(problem.hosts.size());
    add_candidate(host);
  }
  // Constraints the included hosts must meet together.
  if (options.k && options.include.size() > *options.k)
    throw UsageError({Parameter{"include"},
                      " books " + std::to_string(options.include.size()) + " hosts, more than ",
                      Parameter{"k"}, " " + std::to_string(*options.k)});
  if (budgeted) {
    double cost = 0;
    for (std::size_t f : problem.forced) cost += problem.costs[f];
    if (cost > *options.budget * (1 + 1e-12))
      throw UsageError("the included hosts cost " + std::to_string(std::llround(cost)) +
                       " yuan, more than the budget of " +
                       std::to_string(std::llround(*options.budget)));
  }
  if (options.max_per_base)
    for (std::size_t f : problem.forced) {
      const std::uint32_t group = problem.groups[f];
      if (group == kNoGroup) continue;
      const auto same = std::ranges::count_if(
          problem.forced, [&](std::size_t g) { return problem.groups[g] == group; });
      if (static_cast<std::size_t>(same) > *options.max_per_base)
        throw UsageError({"the included hosts hold " + std::to_string(same) + " from base " +
                              std::string(network.bases.ids[group]) + ", more than ",
                          Parameter{"max_per_base"}, " " + std::to_string(*options.max_per_base)});
    }

  Plan plan;
  for (NodeId host = 0; host < n; ++host) {
    if (included[host] || excluded[host] || !filter_failure(network, host, options, bases).empty())
      continue;
    const double fee = network.broadcasters.fee[host];
    if (budgeted && !(fee >= 0)) {
      plan.unknown_fee_excluded.push_back(host);
      continue;
    }
    add_candidate(host);
  }
  plan.candidates = problem.hosts.size();

  OracleOptions oracle_options;
  oracle_options.method = options.method;
  oracle_options.platform = options.platform;
  oracle_options.region = options.region;
  oracle_options.city = options.city;
  oracle_options.sketch_precision = options.sketch_precision;
  const std::unique_ptr<ReachOracle> oracle =
      counting.oracle(network, problem.hosts, oracle_options);
  plan.method = oracle->method();
  if (plan.method == ReachMethod::sketch)
    plan.relative_error = hll_relative_error(options.sketch_precision);

  if (options.optimal && plan.method != ReachMethod::exact)
    throw UsageError("an optimal roster needs reach counted from follows; this dataset has none");
  GreedyResult result = lazy_greedy(*oracle, problem, options.enumerate);
  plan.online_bound = result.upper_bound;
  plan.upper_bound = result.upper_bound;
  if (plan.method == ReachMethod::exact) {
    std::vector<std::size_t> roster;
    for (const GreedyPick& pick : result.picks) roster.push_back(pick.index);
    CertificateRequest request{options.platform,     options.region,  options.city,
                               options.bound_passes, options.optimal, options.time_limit};
    // The greedy's smallest gains bound the thresholds of the LP bound's focus from above.
    GreedyHints hints{std::move(result.alone), kNoPick, kNoPick, std::nullopt};
    for (const GreedyPick& pick : result.picks) {
      if (pick.forced) continue;
      hints.smallest_gain = std::min(hints.smallest_gain, pick.gain);
      if (const double cost = problem.costs[pick.index]; cost > 0)
        hints.smallest_gain_per_yuan = std::min(hints.smallest_gain_per_yuan, pick.gain / cost);
    }
    if (hints.smallest_gain == kNoPick) hints.smallest_gain = 0;
    if (hints.smallest_gain_per_yuan == kNoPick) hints.smallest_gain_per_yuan = 0;
    // Under a budget the last picks are cheap fillers of little gain per yuan, a threshold
    // so low that most hosts stay modelled; the largest gain per yuan left out is the exact
    // one, and the greedy's gains make it a few questions to the oracle.
    if (problem.budget && !hints.alone.empty() && request.passes > 0 &&
        result.upper_bound > result.value) {
      if (!result.oracle_holds_roster) {
        oracle->clear();
        for (std::size_t c : roster) oracle->add(problem.hosts[c]);
      }
      hints.largest_gain_per_yuan_left =
          largest_gain_per_yuan_left(*oracle, problem, roster, result.gain_bounds);
    }
    const Certificate certificate =
        certify_plan(network, problem, roster, result.value, result.upper_bound, request, hints,
                     counting.coverage);
    plan.lp_bound = certificate.lp_bound;
    plan.bound_passes = certificate.passes;
    plan.coverage_rows = certificate.rows;
    // Reach is a sum of whole people (weights are whole numbers), so no roster reaches
    // more than the bound rounded down; the slack covers the bound's rounding errors.
    const double lp_bound = std::floor(certificate.lp_bound * (1 + 1e-9));
    if (certificate.lp_bound > 0 && lp_bound < plan.upper_bound) {
      plan.upper_bound = lp_bound;
      plan.bound_method = BoundMethod::lp;
    }
    if (certificate.solved) {
      plan.solved = true;
      plan.solve_seconds = certificate.seconds;
      plan.solve_nodes = certificate.nodes;
      if (certificate.roster_value > result.value) {
        result.picks = order_roster(*oracle, problem, certificate.roster);
        result.value = oracle->value();
      }
      if (const double ilp_bound = std::floor(certificate.ilp_bound * (1 + 1e-9));
          ilp_bound < plan.upper_bound) {
        plan.upper_bound = ilp_bound;
        plan.bound_method = BoundMethod::ilp;
      }
      result.stop = certificate.proven_optimal ? StopReason::optimal : StopReason::time_limit;
    }
  }
  double spent = 0;
  for (const GreedyPick& pick : result.picks) {
    const NodeId host = problem.hosts[pick.index];
    const double fee = network.broadcasters.fee[host];
    if (fee >= 0) spent += fee;
    plan.picks.push_back(
        {host, fee, pick.gain, pick.value, spent, pick.forced, per_thousand(fee, pick.gain)});
  }
  plan.unique_reach = result.value;
  plan.spent = spent;
  if (plan.method == ReachMethod::exact)  // whole people: see above
    plan.upper_bound = std::floor(plan.upper_bound * (1 + 1e-9));
  plan.upper_bound = std::max(plan.upper_bound, plan.unique_reach);
  plan.ratio = plan.upper_bound > 0 ? plan.unique_reach / plan.upper_bound : 1.0;
  plan.proven_optimal = plan.unique_reach >= plan.upper_bound * (1 - 1e-12);
  if (plan.proven_optimal) plan.ratio = 1;
  plan.yuan_per_thousand = per_thousand(spent, plan.unique_reach);
  plan.guarantee = result.guarantee;
  plan.stop_reason = result.stop;
  plan.best_single_won = result.best_single_won;
  plan.seeds_tried = result.seeds_tried;
  warn_about_limits(network, options, problem, plan);
  plan.evaluations = oracle->evaluations();
  return plan;
}

}  // namespace castgraph
