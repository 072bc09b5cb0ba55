#include "mpi/shard_report.hpp"

#include <cstring>
#include <iostream>
#include <numeric>
#include <string_view>

#include "algorithms/community_summary.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/reached_fans.hpp"
#include "cli/report_audit_section.hpp"
#include "graph/errors.hpp"
#include "mpi/agreement.hpp"
#include "mpi/communities_over_ranks.hpp"
#include "mpi/root_refusal.hpp"
#include "mpi/shard_audit.hpp"
#include "mpi/shard_commands.hpp"
#include "mpi/shard_components.hpp"
#include "mpi/shard_plan.hpp"
#include "mpi/shard_reach.hpp"
#include "mpi/wire.hpp"

namespace castgraph::mpi {
namespace {

std::vector<cli::DatasetCount> dataset_counts(World& world, const Network& shard) {
  std::vector<cli::DatasetCount> counts = cli::count_dataset_without_components(shard);
  const auto sums = world.sum({shard.fans.size(), people(shard), shard.follow_count()});
  const std::uint64_t components = count_components(world, shard);
  for (cli::DatasetCount& count : counts) {
    if (std::string_view(count.key) == "fans") count.value = sums[0];
    if (std::string_view(count.key) == "people") count.value = sums[1];
    if (std::string_view(count.key) == "follows") count.value = sums[2];
    if (std::string_view(count.key) == "components") count.value = components;
  }
  return counts;
}

// reach() of castgraph over all ranks, for the methods a report asks for: automatic
// (exact when there are follows), exact and the declared model (which reads no fan).
ReachResult reach_over_ranks(World& world, const Network& shard, std::uint64_t follows,
                             std::span<const NodeId> hosts, ReachOptions options) {
  const HostSet set = make_host_set(shard, hosts, options.platform, options.region, options.city);
  if (follows > 0 && options.method == ReachMethod::automatic) options.method = ReachMethod::exact;
  if (follows == 0) options.method = resolve_reach_method(shard, options.method, ReachQuery::reach);
  if (options.method == ReachMethod::exact) return exact_reach(world, shard, set);
  if (options.method == ReachMethod::sketch)
    return sketch_reach_result(set, sketch_all(world, shard, set, options.sketch_precision));
  if (options.method == ReachMethod::declared) return reach(shard, hosts, options);
  throw UsageError("castgraph-mpi report counts reach exactly or by the declared model");
}

// plan_roster over all ranks: the whole plan on rank 0; its picks' hosts and its method
// on the others, which count the roster's reach with rank 0.
Plan plan_for_report(World& world, const Network& shard, std::uint64_t follows,
                     const PlanOptions& options) {
  Plan plan;
  share_root_refusal(world, plan_over_ranks(world, shard, options, follows, plan));
  std::string bytes;
  if (world.root()) {
    put(bytes, static_cast<std::uint32_t>(plan.method));
    for (const PlanPick& pick : plan.picks) put(bytes, std::uint32_t{pick.host});
  }
  bytes = world.broadcast(std::move(bytes), 0);
  if (world.root()) return plan;
  WireReader in(bytes);
  plan.method = static_cast<ReachMethod>(in.number<std::uint32_t>());
  while (!in.done()) plan.picks.push_back({.host = in.number<std::uint32_t>()});
  return plan;
}

// Graphviz on rank 0 only; its failure on every rank.
std::string render_on_root(World& world, const std::string& dot,
                           const viz::RenderOptions& options) {
  std::string svg;
  std::optional<LocalFailure> failure;
  if (world.root()) failure = attempt([&] { svg = viz::render_dot(dot, "svg", options.layout); });
  share_root_refusal(world, failure);
  return svg;
}

cli::ReportCounting count_over_ranks(World& world, const Network& shard, std::uint64_t follows) {
  cli::ReportCounting counting;
  counting.follows = follows;
  counting.dataset_counts = [&world, &shard] { return dataset_counts(world, shard); };
  counting.fan_sample = [&world, &shard] {
    return fan_sample(world, shard, world.sum(shard.fans.size()));
  };
  counting.reach = [&world, &shard, follows](std::span<const NodeId> hosts,
                                             const ReachOptions& options) {
    return reach_over_ranks(world, shard, follows, hosts, options);
  };
  counting.audience_provinces = [&world, &shard, follows] {
    std::vector<NodeId> everyone(shard.broadcasters.size());
    std::iota(everyone.begin(), everyone.end(), NodeId{0});
    return audience_provinces(world, shard, follows, everyone);
  };
  counting.per_host_reach = [&world, &shard] { return world.sum(per_host_reach(shard)); };
  counting.communities = [&world, &shard, follows](const CommunityOptions& options) {
    // igraph's refusal on rank 0 makes the section "not available" on every rank.
    return find_communities_over_ranks(world, shard, follows, options,
                                       RootFailure::refused_on_every_rank);
  };
  counting.community_reach = [&world, &shard](const Communities& found) {
    return world.sum(community_reach(shard, found));
  };
  counting.plan = [&world, &shard, follows](const PlanOptions& options) {
    return plan_for_report(world, shard, follows, options);
  };
  counting.shared_audience = [&world, &shard](const HostSet& set) {
    return overlap_over_ranks(world, shard, set);
  };
  counting.community_audience = [&world, &shard](const Communities& found) {
    return community_audience_over_ranks(world, shard, found);
  };
  counting.render_svg = [&world](const std::string& dot, const viz::RenderOptions& options) {
    return render_on_root(world, dot, options);
  };
  counting.notes = world.root() ? &std::cerr : nullptr;
  return counting;
}

// The audit section and --exclude-suspicious, as castgraph's report has them: the audit
// over ranks once for both, the section drawn on rank 0 from the follows it gathered
// before the flagged fans are left out. The other ranks' sections stay empty: only rank
// 0's page is written.
viz::ReportSection<viz::ReportAudit> audit_then_exclude(World& world, Network& shard,
                                                        std::uint64_t follows,
                                                        const cli::ReportCommandOptions& command) {
  viz::ReportSection<viz::ReportAudit> out;
  const bool exclude = command.dataset.exclude_suspicious;
  if (!command.audit && !exclude) return out;
  const AuditOptions audit_options;
  if (exclude) agree_on(world, [&] { cli::check_exclude_follows(follows); });
  std::optional<AuditOverRanks> found;
  if (follows > 0) found = audit_over_ranks(world, shard, audit_options);
  if (command.audit) {
    std::uint64_t fans_seen = 0;
    for (NodeId fan = 0; fan < shard.fans.size(); ++fan)
      fans_seen += shard.relations.follows.degree(fan) > 0;
    fans_seen = world.sum(fans_seen);
    cli::AuditSectionOptions section_options;
    section_options.excluded = exclude;
    agree_on(world, [&] {
      if (!world.root()) return;
      if (found)
        out.value = cli::audit_section(shard, found->gathered_follows, fans_seen, found->result,
                                       audit_options, section_options);
      else
        out.unavailable =
            "the audit needs follows (follows.csv): declared fan counts alone show no blocks";
      if (!out.value) std::cerr << "castgraph: report: no audit: " << out.unavailable << "\n";
    });
  }
  if (exclude) leave_out_flagged_over_ranks(world, shard, *found);
  return out;
}

}  // namespace

void run_report(World& world, const cli::ReportCommandOptions& command) {
  const auto started = std::chrono::steady_clock::now();
  PlanOptions limits;
  agree_on(world, [&] { limits = cli::parse_report_limits(command); });
  cli::DatasetOptions as_is = command.dataset;
  as_is.exclude_suspicious = false;  // done below, after the audit section is drawn
  Network opened = open_shard(world, as_is, {});
  viz::ReportSection<viz::ReportAudit> audit_part =
      audit_then_exclude(world, opened, world.sum(opened.follow_count()), command);
  const Network& shard = opened;
  const std::uint64_t follows = world.sum(shard.follow_count());
  // Every rank builds the page, meeting the counting's collectives in the same order; what
  // fails on every rank alike outside them (an unknown platform or region) is agreed on,
  // and a failure agreed inside them is already every rank's.
  viz::HtmlReport report;
  std::optional<LocalFailure> failure;
  try {
    report = cli::build_report(shard, command, limits, count_over_ranks(world, shard, follows),
                               std::move(audit_part));
  } catch (const AgreedFailure&) {
    throw;
  } catch (...) {
    failure = LocalFailure{std::current_exception()};
  }
  agree(world, failure);
  agree_on(world, [&] {
    if (world.root()) cli::write_report(command, report, started);
  });
}

void add_report_command(CLI::App& app, World& world, cli::ReportCommandOptions& options) {
  CLI::App* command = cli::add_report_options(app, options);
  command->footer(
      "castgraph-mpi writes castgraph's report, the same file but for the time it was made:\n"
      "every figure that reads fans is counted over the ranks, and rank 0 writes the file.\n"
      "The audit section and --exclude-suspicious audit over the ranks (see audit --help).\n"
      "Example:\n"
      "  mpirun -np 4 castgraph-mpi report samples/liaoning -o liaoning-report.html");
  command->callback([&world, &options] { run_report(world, options); });
}

}  // namespace castgraph::mpi
