#include "mpi/shard_commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>

#include "algorithms/audience_places.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/overlap.hpp"
#include "algorithms/reach_bit_planes.hpp"
#include "algorithms/reached_fans.hpp"
#include "cli/dataset_options.hpp"
#include "cli/host_list.hpp"
#include "cli/table.hpp"
#include "graph/errors.hpp"
#include "loaders/text_encoding.hpp"
#include "mpi/agreement.hpp"
#include "mpi/root_prints.hpp"
#include "mpi/shard_audit.hpp"
#include "mpi/shard_components.hpp"
#include "mpi/shard_loader.hpp"
#include "mpi/shard_model.hpp"
#include "mpi/shard_projection.hpp"
#include "mpi/shard_rank_graph.hpp"
#include "mpi/shard_reach.hpp"
#include "mpi/shard_set.hpp"

namespace castgraph::mpi {
namespace {

// What castgraph-mpi cannot do yet, refused in a sentence on every rank before any work.
void refuse_unsupported(const cli::DatasetOptions& dataset) {
  std::error_code error;
  if (std::filesystem::is_regular_file(dataset.path, error))
    throw UsageError(
        "castgraph-mpi reads a CSV dataset directory or a shard set written by castgraph-mpi "
        "snapshot, not a castgraph snapshot file");
}

// True when every rank sees a shard set at `path`, false when none does; a mixture (a
// directory that is not on a file system all ranks share) fails every rank.
bool shard_set_everywhere(World& world, const std::filesystem::path& path) {
  const std::uint64_t here = is_shard_set(path) ? 1 : 0;
  const std::uint64_t some = world.max(here), all = world.min(here);
  agree_on(world, [&] {
    if (some != all)
      throw UsageError("only some ranks see a shard set at " + path.string() +
                       ": a shard set must be on a file system every rank shares");
  });
  return all == 1;
}

// The shard as the files or the shard set hold it.
Network shard_as_is(World& world, const cli::DatasetOptions& dataset) {
  if (shard_set_everywhere(world, dataset.path)) return open_shard_set(world, dataset.path);
  TextEncoding encoding = TextEncoding::utf8;
  agree_on(world, [&] { encoding = parse_text_encoding(dataset.encoding); });
  ShardLoad loaded = load_shard(world, dataset.path, dataset.lenient, encoding);
  // Rank 0 writes the rows --lenient skipped and counts them on stderr, as castgraph does.
  agree_on(world, [&] {
    if (world.root()) cli::report_rejects(dataset, loaded.rejects);
  });
  return std::move(loaded.network);
}

}  // namespace

Network open_shard(World& world, const cli::DatasetOptions& dataset,
                   const cli::TableOutput& tables) {
  agree_on(world, [&] {
    refuse_unsupported(dataset);
    cli::check_table_output(tables, dataset);
    cli::refuse_rejects_over_input(dataset);
  });
  Network shard = shard_as_is(world, dataset);
  // --exclude-suspicious: castgraph's one seam (cli/dataset_options.hpp), over ranks.
  if (dataset.exclude_suspicious) exclude_suspicious_over_ranks(world, shard, dataset);
  return shard;
}

void run_snapshot(World& world, const ShardSnapshotOptions& options) {
  agree_on(world, [&] { check_shard_set_output(options.output, options.dataset.path); });
  const auto start = std::chrono::steady_clock::now();
  const Network shard = open_shard(world, options.dataset, {});
  const auto loaded = std::chrono::steady_clock::now();
  const std::uint64_t bytes = write_shard_set(world, shard, options.output);
  const auto written = std::chrono::steady_clock::now();
  // The slowest rank's times: the set is ready when the last rank is.
  const auto slowest_ms = [&](auto from, auto to) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
    return static_cast<double>(world.max(static_cast<std::uint64_t>(ms))) / 1000;
  };
  const double load_seconds = slowest_ms(start, loaded),
               write_seconds = slowest_ms(loaded, written);
  if (world.root())
    std::cerr << fmt::format(
        "castgraph-mpi: wrote the shard set {} for {} ranks ({} bytes in {} files and a "
        "manifest): loaded in {:.2f} s, written in {:.2f} s (the slowest rank's)\n",
        options.output, world.size(), cli::group_digits(bytes), world.size(), load_seconds,
        write_seconds);
}

namespace {

// The hosts named, resolved on every rank alike; only the root warns of repeats.
std::vector<NodeId> resolve_hosts_once(World& world, const Network& shard,
                                       const cli::HostListOptions& hosts) {
  std::ostringstream quiet;
  return cli::resolve_host_options(shard, hosts, world.root() ? std::cerr : quiet);
}

}  // namespace

cli::FanSample fan_sample(World& world, const Network& shard, std::uint64_t fans) {
  std::uint64_t low = std::numeric_limits<std::uint64_t>::max(), high = 0;
  for (NodeId fan = 0; fan < shard.fans.size(); ++fan) {
    low = std::min(low, shard.fans.weight(fan));
    high = std::max(high, shard.fans.weight(fan));
  }
  low = world.min(low), high = world.max(high);
  cli::FanSample sample;
  if (fans == 0) return sample;
  sample.min_weight = low;
  sample.max_weight = high;
  sample.census = high == 1;
  return sample;
}

namespace {

void set_count(std::vector<cli::DatasetCount>& counts, std::string_view key, std::uint64_t value) {
  for (cli::DatasetCount& count : counts)
    if (count.key == key) count.value = value;
}

}  // namespace

void run_info(World& world, const cli::InfoOptions& options) {
  const Network shard = open_shard(world, options.dataset, options.tables);
  std::vector<cli::DatasetCount> counts = cli::count_dataset_without_components(shard);
  const auto sums = world.sum({shard.fans.size(), people(shard), shard.follow_count()});
  set_count(counts, "fans", sums[0]);
  set_count(counts, "people", sums[1]);
  set_count(counts, "follows", sums[2]);
  set_count(counts, "components", count_components(world, shard));
  const cli::FanSample sample = fan_sample(world, shard, sums[0]);
  root_prints(world, [&] { cli::print_info(counts, sample, options); });
}

namespace {

struct ReachPlan {
  ReachOptions options;
  std::vector<NodeId> hosts;
  HostSet set;
};

ReachPlan plan_reach(World& world, const Network& shard, const cli::ReachCommandOptions& options) {
  ReachPlan plan;
  agree_on(world, [&] {
    plan.options.method = parse_reach_method(options.method);
    if (!options.platform.empty())
      plan.options.platform = resolve_platform(shard, options.platform);
    // Places are numbered as one process numbers them (shard_places.hpp), so the region
    // and city resolve, and fail, as castgraph's do.
    plan.options.region = options.region;
    plan.options.city = options.city;
    plan.options.sketch_precision = options.precision;
    plan.hosts = resolve_hosts_once(world, shard, options.hosts);
    plan.set =
        make_host_set(shard, plan.hosts, plan.options.platform, options.region, options.city);
  });
  return plan;
}

}  // namespace

ReachResult exact_reach(World& world, const Network& shard, const HostSet& set) {
  const auto totals = world.sum({shard.fans.size(), membership_count(shard, set)});
  const ExactStrategy strategy = bit_planes_pay_off(totals[0], set.size(), totals[1])
                                     ? ExactStrategy::planes
                                     : ExactStrategy::bitset;
  const bool census = world.max(shard.fans.weights.empty() ? 0 : 1) == 0;
  ExactReach exact = reach_exact(shard, set, strategy);
  PanelError panel = panel_error(shard, set);
  std::vector<std::uint64_t> parts{exact.unique,       exact.frequency[0], exact.frequency[1],
                                   exact.frequency[2], exact.memberships,  panel.members};
  parts.insert(parts.end(), exact.per_host.begin(), exact.per_host.end());
  parts.insert(parts.end(), exact.exclusive.begin(), exact.exclusive.end());
  parts = world.sum(std::move(parts));
  exact.unique = parts[0];
  exact.frequency = {parts[1], parts[2], parts[3]};
  exact.memberships = parts[4];
  panel.members = parts[5];
  const std::size_t hosts = set.size();
  std::copy_n(parts.begin() + 6, hosts, exact.per_host.begin());
  std::copy_n(parts.begin() + 6 + static_cast<std::ptrdiff_t>(hosts), hosts,
              exact.exclusive.begin());
  panel.weight_excess = world.sum(panel.weight_excess);
  return exact_reach_result(set, exact, panel, census);
}

void run_reach(World& world, const cli::ReachCommandOptions& options) {
  agree_on(world, [&] {
    if (options.hosts.empty())
      throw UsageError("give the hosts: --hosts LIST or --hosts-file FILE");
  });
  const Network shard = open_shard(world, options.dataset, options.tables);
  ReachPlan plan = plan_reach(world, shard, options);
  const std::uint64_t follows = world.sum(shard.follow_count());
  cli::ReachAnswer answer;
  // Which method answers is decided from the whole dataset's follows, the same on every
  // rank; the declared model reads no fan, so every rank computes it whole.
  ReachMethod method = plan.options.method;
  agree_on(world, [&] {
    if (follows > 0 && method == ReachMethod::automatic) method = ReachMethod::exact;
    if (follows == 0) method = resolve_reach_method(shard, method, ReachQuery::reach);
    if (method == ReachMethod::declared) {
      plan.options.method = method;
      answer.result = reach(shard, plan.hosts, plan.options);
    }
  });
  if (method == ReachMethod::exact) answer.result = exact_reach(world, shard, plan.set);
  if (method == ReachMethod::model) answer.result = model_reach(world, shard, plan.set);
  if (method == ReachMethod::sketch)
    answer.result = sketch_reach_result(
        plan.set, sketch_all(world, shard, plan.set, plan.options.sketch_precision));
  plan.options.method = method;
  if (!options.by.empty())
    answer.breakdown =
        breakdown_all(world, shard, plan.hosts, plan.options, parse_breakdown(options.by),
                      answer.result.unique_reach, follows);
  answer.cost = cost_per_thousand(shard, plan.hosts, answer.result.unique_reach);
  root_prints(world, [&] { cli::print_reach_answer(shard, answer, options); });
}

void run_overlap(World& world, const cli::OverlapCommandOptions& options) {
  agree_on(world, [&] {
    cli::check_overlap_options(options);
    if (options.method != "exact" || !options.region.empty() || !options.city.empty())
      throw UsageError(
          "castgraph-mpi overlap counts exactly over all fans: --method sketch, --region and "
          "--city are not supported yet; use castgraph");
  });
  const Network shard = open_shard(world, options.dataset, options.tables);
  const std::uint64_t follows = world.sum(shard.follow_count());
  if (options.top > 0) {
    agree_on(world, [&] { cli::require_overlap_follows(follows); });
    const TopOverlap top =
        top_overlaps_over_ranks(world, shard, options.top, {options.max_hosts_per_fan});
    return root_prints(world, [&] { cli::report_top(shard, top, options); });
  }
  HostSet set;
  agree_on(world, [&] {
    cli::require_overlap_follows(follows);
    std::optional<NodeId> platform;
    if (!options.platform.empty()) platform = resolve_platform(shard, options.platform);
    set = make_host_set(shard, resolve_hosts_once(world, shard, options.hosts), platform);
  });
  const OverlapMatrix matrix = overlap_over_ranks(world, shard, set);
  root_prints(world, [&] { cli::report_matrix(shard, matrix, options); });
}

OverlapMatrix overlap_over_ranks(World& world, const Network& shard, const HostSet& set) {
  OverlapMatrix matrix = overlap_matrix(shard, set);
  matrix.shared = world.sum(std::move(matrix.shared));
  return matrix;
}

std::vector<std::vector<PlaceShare>> audience_provinces(World& world, const Network& shard,
                                                        std::uint64_t follows,
                                                        std::span<const NodeId> hosts) {
  std::vector<std::vector<PlaceShare>> out(shard.broadcasters.size());
  if (follows == 0) return out;
  std::string bytes;
  auto put = [&](const auto& value) {
    bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
  };
  const std::vector<std::vector<PlaceShare>> mine = audience_province_people(shard, hosts);
  for (std::uint32_t host = 0; host < mine.size(); ++host)
    for (const PlaceShare& place : mine[host]) {
      put(host);
      put(static_cast<std::uint8_t>(place.known));
      put(place.people);
      put(static_cast<std::uint32_t>(place.place.size()));
      bytes += place.place;
    }
  std::vector<std::map<std::pair<bool, std::string>, double>> merged(out.size());
  for (const std::string& from : world.gather_all(bytes)) {
    std::size_t at = 0;
    auto get = [&](auto& value) {
      std::memcpy(&value, from.data() + at, sizeof value);
      at += sizeof value;
    };
    while (at < from.size()) {
      std::uint32_t host = 0, length = 0;
      std::uint8_t known = 0;
      double people = 0;
      get(host), get(known), get(people), get(length);
      merged[host][{known != 0, from.substr(at, length)}] += people;
      at += length;
    }
  }
  for (std::size_t host = 0; host < out.size(); ++host) {
    std::vector<PlaceShare> places;
    for (const auto& [key, people] : merged[host])
      places.push_back({key.second, people, 0.0, key.first});
    out[host] = top_places(std::move(places), 3);
  }
  return out;
}

void run_rank(World& world, const cli::RankCommandOptions& options) {
  const Network shard = open_shard(world, options.dataset, options.tables);
  const std::uint64_t follows = world.sum(shard.follow_count());
  std::vector<std::uint64_t> count;
  std::vector<double> score;
  std::string basis;
  bool estimated = false;
  const bool on_graph =
      options.by == "pagerank" || options.by == "betweenness" || options.by == "bridging";
  if (on_graph) {
    cli::GraphScores scores = graph_scores_over_ranks(world, shard, options, follows);
    score = std::move(scores.score);
    basis = std::move(scores.basis);
    estimated = scores.estimated;
  }
  // Own reach per host: a sum over fans, so a sum over ranks.
  std::vector<std::uint64_t> people;
  if ((options.by == "reach" || options.by == "cpm") && follows > 0)
    people = world.sum(per_host_reach(shard));
  agree_on(world, [&] {
    if (options.by == "fans") {
      for (NodeId h = 0; h < shard.broadcasters.size(); ++h)
        count.push_back(declared_fans(shard, h));
      basis = "declared fans";
    } else if (options.by == "reach") {
      if (follows == 0)
        throw UsageError(
            "--by reach needs follows (follows.csv); this dataset has none — try --by fans");
      count = people;
      basis = "people reached (from follows)";
    } else if (options.by == "cpm") {
      score = cli::cost_per_thousand_reached(shard, people, basis);
    }
  });
  // Every rank orders the hosts alike (the counts are reduced), so each reads only the
  // follows of the hosts shown.
  const cli::Ranking ranking = cli::rank_hosts(shard, options, count, score);
  const std::vector<std::vector<PlaceShare>> audience =
      audience_provinces(world, shard, follows, ranking.order);
  root_prints(world, [&] {
    cli::print_ranking(shard, options, ranking, count, score, basis, estimated, audience);
  });
}

}  // namespace castgraph::mpi
