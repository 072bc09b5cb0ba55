// reach_bench: figures for the reach engine on a network shaped like the liaoning preset
// (12,000 hosts with heavy-tailed declared fans, 116.8M follows at scale 1), built in
// memory, or on a dataset directory given on the command line. Times are CPU seconds.
//
//   reach_bench [--scale S] [--seed N] [--precision P] [--exact-only] [DATASET | SNAPSHOT]
//
// Prints: exact union throughput for 10 hosts (bitset, planes, automatic), a 10-host
// reach() query, HLL merge + estimate for 100 hosts from stored fanbase sketches, the
// 100-host overlap matrix (exact and MinHash), and the top-100 pairs of the whole dataset. Each
// timing is the best of several runs, in thread CPU time: the machine is shared (the exact unions
// also print the median of 7). --exact-only stops after the exact unions.
//
// Like gapbs's verifiers, it checks what it times: every exact strategy must give the same
// result field for field, the planner's reached-fans bitset (reached_fans.hpp, another
// kernel) the same unique and per-host reach, the two exact overlap strategies the same
// matrix, and the sketch must land within 6 standard errors of the exact count. Otherwise
// it says which and exits 1: a fast wrong answer is no figure.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "algorithms/hyperloglog.hpp"
#include "algorithms/overlap.hpp"
#include "algorithms/reach.hpp"
#include "algorithms/reach_exact.hpp"
#include "algorithms/reach_sketch.hpp"
#include "algorithms/reached_fans.hpp"
#include "bench/bench_clock.hpp"
#include "cli/dataset_options.hpp"
#include "graph/network_builder.hpp"

using namespace castgraph;
using castgraph::bench::thread_cpu_seconds;
using castgraph::bench::wall_seconds;

namespace {

struct BenchOptions {
  double scale = 0.1;
  std::uint64_t seed = 1;
  int precision = kDefaultHllPrecision;
  std::string dataset;
  bool exact_only = false;
};

[[noreturn]] void disagree(const std::string& what) {
  std::fprintf(stderr, "reach_bench: FAILED: %s\n", what.c_str());
  std::exit(1);
}

// `got` must be the reference strategy's result (`want`), field for field.
void verify_same(const ExactReach& got, const ExactReach& want, const std::string& query) {
  const std::string name(strategy_name(got.strategy)), reference(strategy_name(want.strategy));
  auto check = [&](bool same, const char* field) {
    if (!same) disagree(query + ": " + name + " and " + reference + " differ in " + field);
  };
  check(got.unique == want.unique, "unique reach");
  check(got.frequency == want.frequency, "frequency");
  check(got.per_host == want.per_host, "per-host reach");
  check(got.exclusive == want.exclusive, "exclusive reach");
  check(got.memberships == want.memberships, "memberships");
}

// The planner's kernel, grown a host at a time, must reach the same people.
void verify_by_reached_fans(const Network& network, const HostSet& set, const ExactReach& want,
                            const std::string& query) {
  ReachedFans fans(network, set);
  for (std::size_t h = 0; h < set.size(); ++h)
    if (fans.gain(h) != want.per_host[h])
      disagree(query + ": the reached-fans bitset and " +
               std::string(strategy_name(want.strategy)) + " differ in host " + std::to_string(h) +
               "'s reach");
  for (std::size_t h = 0; h < set.size(); ++h) fans.add(h);
  if (fans.people() != want.unique)
    disagree(query + ": the reached-fans bitset and " + std::string(strategy_name(want.strategy)) +
             " differ in unique reach");
}

// CPU time of this thread, not wall time: the bench machine is shared, and a query's
// cost is the CPU it needs. Best of `runs`.
template <class Work>
double best_seconds(int runs, Work&& work) {
  double best = 1e300;
  for (int r = 0; r < runs; ++r) {
    const double start = thread_cpu_seconds();
    work();
    best = std::min(best, thread_cpu_seconds() - start);
  }
  return best;
}

// Median of `runs` (odd) in thread CPU time, and the best: the figures issue 4's target
// is judged by.
template <class Work>
std::pair<double, double> median_and_best_seconds(int runs, Work&& work) {
  std::vector<double> seconds;
  for (int r = 0; r < runs; ++r) seconds.push_back(best_seconds(1, work));
  std::ranges::sort(seconds);
  return {seconds[seconds.size() / 2], seconds.front()};
}

// Declared fans per host after the liaoning preset: 4 hosts at 9-10M, 30 at 1-9M, 44 at
// 100k-1M, and the rest of the 116.8M spread over 11,922 hosts with a Pareto tail.
std::vector<std::uint64_t> declared_fans_per_host(std::mt19937_64& rng) {
  std::vector<std::uint64_t> fans;
  // Log-uniform within a band, bent towards its low end by `skew` (as the preset does).
  auto band = [&](int count, double low, double high, double skew) {
    for (int i = 0; i < count; ++i) {
      const double u = std::pow(std::uniform_real_distribution(0.0, 1.0)(rng), skew);
      fans.push_back(static_cast<std::uint64_t>(low * std::pow(high / low, u)));
    }
  };
  band(4, 9'000'000, 9'950'000, 0.5);
  band(30, 1'000'000, 9'000'000, 2.2);
  band(44, 100'000, 1'000'000, 1.3);
  const std::uint64_t top = std::accumulate(fans.begin(), fans.end(), std::uint64_t{0});
  std::vector<double> tail;
  for (int i = 0; i < 12'000 - 78; ++i)
    tail.push_back(
        std::min(99'000.0, 200.0 / std::pow(std::uniform_real_distribution(0.001, 1.0)(rng), 1.2)));
  const double tail_sum = std::accumulate(tail.begin(), tail.end(), 0.0);
  // The tail holds what the top bands leave of the 116.8M, and at least 15M.
  const double tail_total = std::max(15e6, 116.8e6 - static_cast<double>(top));
  for (double t : tail) fans.push_back(static_cast<std::uint64_t>(t * tail_total / tail_sum));
  return fans;
}

Network liaoning_like(const BenchOptions& options) {
  std::mt19937_64 rng(options.seed);
  NetworkBuilder builder;
  const char* names[] = {"douyin", "kuaishou", "taobao", "wechat", "momo"};
  const std::uint64_t population[] = {700'000'000, 380'000'000, 100'000'000, 800'000'000,
                                      100'000'000};
  const double share[] = {0.40, 0.32, 0.10, 0.12, 0.06};
  for (int p = 0; p < 5; ++p) builder.add_platform(names[p], names[p], population[p]);
  const std::vector<std::uint64_t> declared = declared_fans_per_host(rng);
  // People: about half the gross follows, a tenth of them very active (follow many hosts).
  const auto pool = static_cast<NodeId>(std::max(1000.0, 58'000'000 * options.scale));
  for (NodeId fan = 0; fan < pool; ++fan) builder.add_fan(std::to_string(fan));
  std::uniform_int_distribution<NodeId> anyone(0, pool - 1), active(0, pool / 10);
  std::discrete_distribution<int> platform_of(std::begin(share), std::end(share));
  for (std::size_t h = 0; h < declared.size(); ++h) {
    const NodeId host =
        *builder.add_broadcaster("h" + std::to_string(h), "主播" + std::to_string(h));
    const int platforms = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < platforms; ++k) {
      const auto fanbase =
          builder.add_fanbase(host, static_cast<NodeId>(platform_of(rng)), declared[h] / platforms);
      if (!fanbase) continue;  // drew the same platform twice
      const auto follows = static_cast<std::uint64_t>(
          std::llround(static_cast<double>(declared[h] / platforms) * options.scale));
      for (std::uint64_t i = 0; i < follows; ++i)
        builder.add_follow(rng() % 10 < 3 ? active(rng) : anyone(rng), *fanbase);
    }
  }
  return std::move(builder).finish();
}

std::vector<NodeId> hosts_by_declared_fans(const Network& network) {
  std::vector<NodeId> hosts(network.broadcasters.size());
  std::iota(hosts.begin(), hosts.end(), 0);
  std::ranges::stable_sort(hosts, std::greater<>{},
                           [&](NodeId host) { return declared_fans(network, host); });
  return hosts;
}

void bench_exact(const Network& network, const std::vector<NodeId>& hosts, const char* label) {
  const HostSet set = make_host_set(network, hosts);
  const std::uint64_t memberships = membership_count(network, set);
  std::printf("exact union, 10 %s hosts: %llu memberships\n", label,
              static_cast<unsigned long long>(memberships));
  // The floor: only reading the follower lists, which every exact strategy must do.
  std::uint64_t checksum = 0;
  const double floor = best_seconds(5, [&] {
    for (const std::vector<NodeId>& fanbases : set.fanbases)
      for (NodeId fanbase : fanbases)
        for (NodeId fan : network.relations.followers.neighbours(fanbase)) checksum += fan;
  });
  std::printf("  %-8s %9.3f ms  %6.3f ns/membership  (reading the lists only, sum %llu)\n", "read",
              floor * 1e3, floor * 1e9 / static_cast<double>(memberships),
              static_cast<unsigned long long>(checksum));
  const std::string query = std::string("10 ") + label + " hosts";
  const ExactReach reference = reach_exact(network, set, ExactStrategy::bitset);
  verify_by_reached_fans(network, set, reference, query);
  for (ExactStrategy strategy :
       {ExactStrategy::bitset, ExactStrategy::planes, ExactStrategy::automatic}) {
    const std::string name(strategy_name(strategy));
    std::uint64_t unique = 0;
    ExactStrategy chosen{};
    const auto [seconds, best] = median_and_best_seconds(7, [&] {
      const ExactReach result = reach_exact(network, set, strategy);
      verify_same(result, reference, query);
      unique = result.unique;
      chosen = result.strategy;
    });
    std::printf("  %-8s %9.3f ms  %6.3f ns/membership (median of 7; best %.3f ms)  unique %llu%s\n",
                name.c_str(), seconds * 1e3, seconds * 1e9 / static_cast<double>(memberships),
                best * 1e3, static_cast<unsigned long long>(unique),
                strategy == ExactStrategy::automatic
                    ? (" (chose " + std::string(strategy_name(chosen)) + ")").c_str()
                    : "");
  }
}

void bench_sketch(const Network& network, const std::vector<NodeId>& top, int precision) {
  FanbaseSketches sketches;
  const double build =
      best_seconds(1, [&] { sketches = build_fanbase_sketches(network, precision); });
  const double bytes = static_cast<double>(sketches.dense_registers.size() +
                                           sketches.dense_slot.size() * sizeof(std::uint32_t) +
                                           sketches.sparse_offsets.size() * sizeof(std::uint64_t) +
                                           sketches.sparse_entries.size() * sizeof(std::uint32_t));
  std::printf("fanbase sketches, p=%d: built in %.2f s, %.1f MB\n", precision, build, bytes / 1e6);
  const std::vector<NodeId> hosts(top.begin(), top.begin() + 100);
  const HostSet set = make_host_set(network, hosts);
  double estimate = 0;
  const double merge = best_seconds(20, [&] {
    std::vector<std::uint8_t> registers(hll_registers(precision), 0);
    for (const std::vector<NodeId>& fanbases : set.fanbases)
      for (NodeId fanbase : fanbases) sketches.merge_into(network, fanbase, registers);
    estimate = hll_estimate(registers);
  });
  const ExactReach exact = reach_exact(network, set);
  const double error = std::abs(estimate - static_cast<double>(exact.unique));
  if (error > 6 * hll_relative_error(precision) * static_cast<double>(exact.unique))
    disagree("the sketched union of 100 hosts is more than 6 standard errors off the exact");
  std::printf(
      "HLL merge + estimate, 100 hosts: %.3f ms  (estimate %.0f, exact %llu, error %+.3f%%)\n",
      merge * 1e3, estimate, static_cast<unsigned long long>(exact.unique),
      100 * (estimate / static_cast<double>(exact.unique) - 1));
  ReachOptions options;
  options.method = ReachMethod::sketch;
  options.sketches = &sketches;
  const double query = best_seconds(5, [&] { reach(network, hosts, options); });
  std::printf("reach() --method sketch, 100 hosts with per-host and exclusive: %.3f ms\n",
              query * 1e3);
}

BenchOptions parse(int argc, char** argv) {
  BenchOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--scale" && i + 1 < argc)
      options.scale = std::stod(argv[++i]);
    else if (arg == "--seed" && i + 1 < argc)
      options.seed = std::stoull(argv[++i]);
    else if (arg == "--precision" && i + 1 < argc)
      options.precision = std::stoi(argv[++i]);
    else if (arg == "--exact-only")
      options.exact_only = true;
    else
      options.dataset = arg;
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured
  const BenchOptions options = parse(argc, argv);
  const double start = wall_seconds();
  const Network network = options.dataset.empty()
                              ? liaoning_like(options)
                              : cli::open_dataset(cli::DatasetOptions{options.dataset});
  std::printf("network: %zu hosts, %zu fanbases, %zu fans, %llu follows (%s, %.1f s)\n",
              network.broadcasters.size(), network.fanbases.size(), network.fans.size(),
              static_cast<unsigned long long>(network.follow_count()),
              options.dataset.empty() ? "generated, liaoning-like" : options.dataset.c_str(),
              wall_seconds() - start);

  const std::vector<NodeId> ranked = hosts_by_declared_fans(network);
  bench_exact(network, std::vector<NodeId>(ranked.begin(), ranked.begin() + 10), "largest");
  std::vector<NodeId> random = ranked;
  std::shuffle(random.begin(), random.end(), std::mt19937_64(options.seed));
  random.resize(10);
  bench_exact(network, random, "random");
  const std::vector<NodeId> middle(ranked.begin() + 100, ranked.begin() + 110);
  bench_exact(network, middle, "rank 100-109");

  const std::vector<NodeId> ten(ranked.begin(), ranked.begin() + 10);
  const double query = best_seconds(5, [&] { reach(network, ten); });
  std::printf("reach() exact, 10 largest hosts, full result: %.3f ms\n", query * 1e3);
  if (options.exact_only) return 0;

  bench_sketch(network, ranked, options.precision);

  const HostSet hundred =
      make_host_set(network, std::vector<NodeId>(ranked.begin(), ranked.begin() + 100));
  const OverlapMatrix by_masks = overlap_matrix(network, hundred, OverlapStrategy::masks);
  for (auto [strategy, name] : {std::pair{OverlapStrategy::masks, "host masks"},
                                std::pair{OverlapStrategy::sorting, "sorting"}}) {
    const double matrix = best_seconds(3, [&] {
      if (overlap_matrix(network, hundred, strategy).shared != by_masks.shared)
        disagree(std::string("the overlap matrix by ") + name + " differs from host masks'");
    });
    std::printf("overlap matrix, 100 largest hosts (exact, %s): %.3f ms\n", name, matrix * 1e3);
  }
  const double sketched = best_seconds(1, [&] { overlap_matrix_sketch(network, hundred); });
  std::printf(
      "overlap matrix, 100 largest hosts (weighted MinHash, k=%zu, sketches built "
      "from follows): %.3f ms\n",
      kDefaultBottomK, sketched * 1e3);
  TopOverlap top;
  const double pairs = best_seconds(1, [&] { top = top_overlaps(network, 100); });
  std::printf("top 100 overlapping pairs of all %zu hosts: %.2f s (%llu pair updates)\n",
              network.broadcasters.size(), pairs,
              static_cast<unsigned long long>(top.pair_updates));
  return 0;
}
