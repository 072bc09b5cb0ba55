// The HTML report: one self-contained file a marketing team opens in a browser and
// forwards. Everything it shows is gathered before (cli/cmd_report.cpp runs the same
// algorithms as info, tiers, reach, plan, communities and render); this file only
// writes it down:
//
//   summary      counts of the dataset, declared fans, people reached by all hosts
//   tiers        table and an inline SVG bar chart
//   hosts        a table sortable by any column (fans, reach, exclusive reach, ...)
//   audit        fans in suspicious blocks, hosts by suspicious share, block pictures
//                (report_audit.hpp)
//   communities  each community's size, fans, reach and dominant province/base/platform
//   plan         the recommended roster and its reach curve (reach against spend, SVG)
//   diagram      the Graphviz SVG inline, with zoom, pan and a tooltip per node
//
// The charts are report_charts.hpp's, the diagram is made inline by graphviz_svg.hpp, and
// the style sheet and script are viz/report.css and viz/report.js, compiled in.
//   about        the dataset, the options and the time the report was made
//
// Self-contained: CSS and script are inline, nothing is fetched (a Content-Security-Policy
// forbids it). Every name is escaped (escape_xml). Without JavaScript every table, chart
// and the diagram still show; the script only adds sorting, zoom, pan and nicer tooltips.
// Numbers are written as the CLI tables write them (12,345,678 and, from 10,000 on, the
// Chinese reading 1235万).
//
// For tests and scripts, every number cell carries data-cell="SECTION/ROW/COLUMN" and
// data-value="the exact number" (see the per-section comments below for the names).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "algorithms/community_summary.hpp"
#include "algorithms/plan.hpp"
#include "algorithms/tiers.hpp"
#include "viz/report_audit.hpp"
#include "viz/report_section.hpp"

namespace castgraph::viz {

// data-cell="summary/KEY": one row of the summary table.
struct ReportCount {
  std::string key;    // the `castgraph info --json` key, or "reach" etc.
  std::string label;  // what the table calls it
  std::uint64_t value = 0;
};

// data-cell="hosts/ID/fans|reach|exclusive|fee".
struct ReportHost {
  std::string id, name;
  std::uint64_t fans = 0;                  // declared fans (on the chosen platform)
  std::optional<std::uint64_t> reach;      // people this host reaches
  std::optional<std::uint64_t> exclusive;  // people no other host reaches
  std::string tier, base, province, kind;  // "" when unknown
  std::string
      audience;  // where its people live: "辽宁 78%, 吉林 9%, 黑龙江 4%"; "" without follows
  std::optional<double> fee;  // yuan
};

// data-cell="communities/NUMBER/size|declared_fans|reach": what summarize_communities
// says, with the names of its top hosts.
struct ReportCommunity {
  CommunitySummary summary;
  std::vector<std::string> top_hosts;  // names of summary.top_hosts
};

// One host as the report names it.
struct ReportName {
  std::string id, name;
};

// data-cell="plan/INDEX/fee|marginal_reach|cumulative_reach|spent" (INDEX from 1) and
// "plan/total/unique_reach|upper_bound|spent": the Plan itself, as plan_roster returns it
// and `castgraph plan --json` writes it (people rounded as there, rounded_count), with the
// words the command line says about it.
struct ReportPlan {
  Plan result;
  std::vector<ReportName> picked;  // the host of each of result.picks, in order
  std::string request;             // "10 hosts" or "a budget of 2,000,000 yuan"
  std::string method;              // how reach was counted, in words
  std::string reach_error;         // "± 190,000 (one standard error, ...)"; "" for none
  std::string stop;                // why it stopped, in words
  std::string bound;  // "no roster within these limits reaches more than N; ...", in words
  std::vector<std::string> unknown_fee_excluded;  // "id (name)"
};

// data-cell="tiers/NAME/hosts|fans"; cumulative rows "tiers/NAME/hosts" with NAME "100k+".
struct ReportTiers {
  TierTable table;    // as `castgraph tiers` computes it
  std::string basis;  // "declared fans" or "declared fans on Douyin"
};

struct ReportHosts {
  std::vector<ReportHost> hosts;  // in the order shown
  std::uint64_t total = 0;        // hosts in the dataset (on the platform)
  std::string order;              // how they are ranked, in words
  std::string reach_method;       // how reach was counted, in words ("" when unknown)
};

struct ReportCommunities {
  std::vector<ReportCommunity> communities;  // the largest ones
  std::uint64_t count = 0;                   // communities found
  double modularity = 0;
  std::string method;  // "leiden, seed 1, layers audience+collab"
};

struct ReportDiagram {
  std::string svg;   // Graphviz's SVG output, as render_dot returns it
  std::string note;  // "top 30 of 12,000 hosts ..."
  // The tooltips are in the SVG already: each node's and edge's `tooltip` in the diagram.
};

struct HtmlReport {
  std::string title;
  std::string dataset;                                       // the path given
  std::vector<std::pair<std::string, std::string>> options;  // name, value as given
  std::string generated;                                     // when, as text
  std::string version;                                       // "castgraph 0.1.0"
  std::vector<ReportCount> summary;
  std::string reach_note;  // how "people reached by all hosts" was counted
  ReportSection<ReportTiers> tiers;
  ReportSection<ReportHosts> hosts;
  ReportSection<ReportAudit> audit;  // neither value nor reason: not asked for (--no-audit)
  ReportSection<ReportCommunities> communities;
  ReportSection<ReportPlan> plan;
  ReportSection<ReportDiagram> diagram;
};

// Writes the whole HTML document. O(size of the report).
void write_html_report(std::ostream& out, const HtmlReport& report);

}  // namespace castgraph::viz
