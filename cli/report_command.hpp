// The report command's options, page and file, shared by castgraph and castgraph-mpi so
// that both take the same flags and write the same HTML. What the page reads from the
// fans (counts, reach, audiences, communities, the roster, the diagram's ties) is asked of
// a ReportCounting: castgraph counts in its one process, castgraph-mpi over its ranks.
#pragma once

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <vector>

#include "algorithms/audience_places.hpp"
#include "algorithms/communities.hpp"
#include "algorithms/overlap.hpp"
#include "algorithms/plan.hpp"
#include "algorithms/reach.hpp"
#include "cli/dataset_counts.hpp"
#include "cli/dataset_options.hpp"
#include "viz/diagram.hpp"
#include "viz/html_report.hpp"
#include "viz/render.hpp"

namespace castgraph::cli {

struct ReportCommandOptions {
  DatasetOptions dataset;
  std::string output;
  std::size_t k = 0;
  std::string budget;
  std::string platform;
  std::string region;
  std::string city;
  std::size_t top = 50;
  std::size_t show_communities = 20;
  std::string view = "network";
  std::size_t diagram_top = 30;
  std::uint64_t seed = 1;
  std::string title;
  bool audit = true;  // --no-audit drops the audit section
};

// Adds the `report` subcommand with its options and help to `app`; the caller sets the
// callback. `options` must outlive the parse.
CLI::App* add_report_options(CLI::App& app, ReportCommandOptions& options);

// UsageError for what the flags alone get wrong (an output over the input, --k with
// --budget, a bad budget); the roster's limits otherwise.
PlanOptions parse_report_limits(const ReportCommandOptions& command);

// Where the page's figures that read fans are counted. Each function answers for the whole
// dataset; castgraph-mpi's are collective and give every rank the same answer (or throw the
// same UsageError or ExternalError), so that every rank takes the same path through
// build_report and meets the same collectives.
struct ReportCounting {
  std::uint64_t follows = 0;                                  // of the whole dataset
  std::function<std::vector<DatasetCount>()> dataset_counts;  // count_dataset
  std::function<FanSample()> fan_sample;                      // describe_fan_sample
  std::function<ReachResult(std::span<const NodeId>, const ReachOptions&)> reach;
  // Each host's three largest provinces (audience_provinces).
  std::function<std::vector<std::vector<PlaceShare>>()> audience_provinces;
  std::function<std::vector<std::uint64_t>()> per_host_reach;  // empty without follows
  std::function<Communities(const CommunityOptions&)> communities;
  std::function<std::vector<std::uint64_t>(const Communities&)> community_reach;
  // The roster (plan_roster). castgraph-mpi's other ranks get its picks' hosts and its
  // method only: what the page counts again (the roster's reach and error).
  std::function<Plan(const PlanOptions&)> plan;
  // The people each pair of the set's hosts shares (overlap_matrix), for the diagram.
  std::function<OverlapMatrix(const HostSet&)> shared_audience;
  // Each community's people and those each pair shares (viz::community_audience), for the
  // communities view of the diagram.
  std::function<viz::CommunityAudience(const Communities&)> community_audience;
  // render_dot(dot, "svg", ...): the diagram's SVG.
  std::function<std::string(const std::string& dot, const viz::RenderOptions&)> render_svg;
  std::ostream* notes = nullptr;  // where a section that is not available says why
};

// Counting in this process, over `network`'s own fans.
ReportCounting count_in_one_process(const Network& network);

// The page: every section but the audit, which the caller gives (castgraph draws it before
// --exclude-suspicious leaves fans out; castgraph-mpi has none). Throws UsageError for an
// unknown platform, region or city; a section the dataset cannot answer says why instead.
viz::HtmlReport build_report(const Network& network, const ReportCommandOptions& command,
                             PlanOptions limits, const ReportCounting& counting,
                             viz::ReportSection<viz::ReportAudit> audit);

// Writes `report` to command.output (temp then rename) and says so on stdout, with the
// time since `started`.
void write_report(const ReportCommandOptions& command, const viz::HtmlReport& report,
                  std::chrono::steady_clock::time_point started);

}  // namespace castgraph::cli
