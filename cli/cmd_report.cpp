// `castgraph report DATASET -o report.html`: one self-contained HTML file with what the
// other commands tell — the dataset in counts (info), people reached by all hosts
// (reach), tiers, the top hosts, communities, a recommended roster (plan) and the
// network diagram (render) — computed by the same functions those commands call, and
// written by viz/html_report.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <span>
#include <sstream>

#include "algorithms/communities.hpp"
#include "algorithms/community_summary.hpp"
#include "algorithms/host_set.hpp"
#include "algorithms/plan.hpp"
#include "algorithms/reach.hpp"
#include "algorithms/reached_fans.hpp"
#include "algorithms/tiers.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_counts.hpp"
#include "cli/dataset_options.hpp"
#include "cli/human_numbers.hpp"
#include "cli/number_checks.hpp"
#include "cli/parameter_flags.hpp"
#include "cli/report_audit_section.hpp"
#include "cli/report_command.hpp"
#include "cli/result_text.hpp"
#include "cli/table.hpp"
#include "graph/errors.hpp"
#include "loaders/atomic_file.hpp"
#include "viz/chinese_number.hpp"
#include "viz/diagram.hpp"
#include "viz/html_report.hpp"
#include "viz/render.hpp"

namespace castgraph::cli {
namespace {

constexpr std::size_t kDefaultK = 10;

// Everything the report knows about one host: a row of the hosts table, and the
// tooltip of the host in the diagram.
struct HostFacts {
  viz::ReportHost row;
  bool on_platform = true;
};

std::string now_text() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[64];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %z", &local);
  return text;
}

// The filters, in words, for notes: " on Douyin, fans in 辽宁".
std::string filters_text(const Network& network, std::optional<NodeId> platform,
                         const std::string& region, const std::string& city) {
  std::string text;
  if (platform) text += fmt::format(" on {}", network.platforms.names[*platform]);
  const std::string place = region.empty() ? city : city.empty() ? region : region + " " + city;
  if (!place.empty())
    text += fmt::format("{} counting only fans in {}", text.empty() ? "," : ";", place);
  return text;
}

// Each section is computed on its own; one this dataset cannot answer (no follows, a
// platform of unknown size for the declared model, ...) says why in the report and on
// stderr, and the rest of the report is still written.
template <class T, class Compute>
viz::ReportSection<T> section(const char* name, std::ostream* notes, Compute&& compute) {
  viz::ReportSection<T> out;
  try {
    out.value = compute();
  } catch (const UsageError& error) {
    out.unavailable = usage_message(error);
  } catch (const ExternalError& error) {  // igraph or Graphviz failed, or Graphviz crashed
    out.unavailable = error.what();
  }
  if (!out.value && notes)
    *notes << "castgraph: report: no " << name << ": " << terminal_safe(out.unavailable) << "\n";
  return out;
}

std::vector<HostFacts> host_facts(const Network& network, const TierTable& tier_table,
                                  std::optional<NodeId> platform, const ReachResult* reach,
                                  const ReportCounting& counting) {
  std::vector<HostFacts> facts(network.broadcasters.size());
  const std::vector<std::vector<PlaceShare>> audience = counting.audience_provinces();
  for (NodeId h = 0; h < network.broadcasters.size(); ++h) {
    viz::ReportHost& row = facts[h].row;
    row.id = std::string(network.broadcasters.ids[h]);
    row.name = std::string(network.broadcasters.names[h]);
    row.fans = declared_fans(network, h, platform);
    if (platform) {
      facts[h].on_platform = false;
      for (NodeId fanbase : network.relations.owns.neighbours(h))
        if (network.fanbases.platform[fanbase] == *platform) facts[h].on_platform = true;
    }
    if (facts[h].on_platform)
      row.tier = tier_table.bands[tier_band(row.fans, tier_table.thresholds)].name;
    if (reach) {
      row.reach = reach->per_host[h].reach;
      row.exclusive = reach->per_host[h].exclusive;
    }
    if (const NodeId base = network.broadcasters.base[h]; base != kNoNode)
      row.base = std::string(network.bases.names[base]);
    row.province = std::string(network.broadcasters.province[h]);
    row.kind = std::string(network.broadcasters.kind[h]);
    row.audience = describe_places(audience[h]);
    if (const double fee = network.broadcasters.fee[h]; !std::isnan(fee)) row.fee = fee;
  }
  return facts;
}

viz::ReportHosts top_hosts(const std::vector<HostFacts>& facts, std::size_t top,
                           const ReachResult* reach, const std::string& fans_basis) {
  std::vector<NodeId> order;
  for (NodeId h = 0; h < facts.size(); ++h)
    if (facts[h].on_platform) order.push_back(h);
  // By reach when it is known, then by fans; ties keep the dataset's order.
  std::ranges::stable_sort(order, [&](NodeId a, NodeId b) {
    const viz::ReportHost &x = facts[a].row, &y = facts[b].row;
    if (x.reach != y.reach) return x.reach.value_or(0) > y.reach.value_or(0);
    return x.fans > y.fans;
  });
  viz::ReportHosts hosts;
  hosts.total = order.size();
  if (top != 0 && order.size() > top) order.resize(top);
  for (NodeId h : order) hosts.hosts.push_back(facts[h].row);
  hosts.order = reach ? "the most people reached first" : "the most " + fans_basis + " first";
  if (reach) hosts.reach_method = describe_reach_method(*reach);
  return hosts;
}

viz::ReportCommunities communities_section(const Network& network, const Communities& found,
                                           const CommunityOptions& options, std::size_t show,
                                           const ReportCounting& counting) {
  SummaryOptions summary_options;
  summary_options.max_communities = show;
  viz::ReportCommunities out;
  out.count = found.count;
  out.modularity = found.modularity;
  out.method = fmt::format("{} (seed {}) on the {} ties between hosts", to_string(options.method),
                           options.seed,
                           counting.follows > 0 ? "shared-audience and co-stream"
                                                : "co-stream (no follows: no audience ties)");
  std::vector<std::uint64_t> reach;
  if (counting.follows > 0) reach = counting.community_reach(found);
  for (CommunitySummary& s :
       summarize_communities(network, found, summary_options, std::move(reach))) {
    viz::ReportCommunity& c = out.communities.emplace_back();
    for (NodeId h : s.top_hosts) c.top_hosts.emplace_back(network.broadcasters.names[h]);
    c.summary = std::move(s);
  }
  return out;
}

// The roster's reach with its error and what it counts, counted once more by `reach` (the
// planner keeps no panel figures): "± 190,000 (one standard error; people: an estimate
// from ...)"; "" for a model or an empty roster.
std::string roster_error(const Plan& plan, const PlanOptions& options,
                         const ReportCounting& counting) {
  if (plan.picks.empty() || plan.method == ReachMethod::declared) return "";
  std::vector<NodeId> roster;
  for (const PlanPick& pick : plan.picks) roster.push_back(pick.host);
  ReachOptions reach_options;
  reach_options.method = plan.method;
  reach_options.platform = options.platform;
  reach_options.region = options.region;
  reach_options.city = options.city;
  const ReachResult result = counting.reach(roster, reach_options);
  if (!result.standard_error) return "";
  return fmt::format("± {} (one standard error; {})",
                     group_digits(two_significant(*result.standard_error)),
                     describe_people(result));
}

viz::ReportPlan plan_section(const Network& network, const PlanOptions& options,
                             const ReportCounting& counting) {
  viz::ReportPlan out;
  out.result = counting.plan(options);
  const Plan& plan = out.result;
  out.request = describe_plan_request(options);
  out.method = describe_plan_method(plan);
  for (const PlanPick& pick : plan.picks)
    out.picked.push_back({std::string(network.broadcasters.ids[pick.host]),
                          std::string(network.broadcasters.names[pick.host])});
  out.reach_error = roster_error(plan, options, counting);
  out.stop = describe_plan_stop(plan, options);
  out.bound = describe_plan_bound(plan);
  for (NodeId h : plan.unknown_fee_excluded)
    out.unknown_fee_excluded.push_back(
        fmt::format("{} ({})", network.broadcasters.ids[h], network.broadcasters.names[h]));
  return out;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::string host_tooltip(const viz::ReportHost& host) {
  std::string text =
      fmt::format("{} ({})\n粉丝 fans: {}", host.name, host.id, with_chinese(host.fans));
  if (host.reach) text += "\n触达 reach: " + with_chinese(*host.reach);
  if (host.exclusive) text += "\n独有 exclusive: " + with_chinese(*host.exclusive);
  if (!host.tier.empty()) text += "\n档位 tier: " + host.tier;
  if (!host.base.empty()) text += "\n基地 base: " + host.base;
  if (!host.kind.empty()) text += "\n类型 kind: " + host.kind;
  text += "\n报价 fee: " + (host.fee ? group_amount(*host.fee) + " 元" : std::string("unknown"));
  return text;
}

// The report's tooltips, written into the diagram: what the reader learns by hovering a
// node or an edge. Parallel edges (audience and co-streams between the same two hosts)
// share one tooltip that tells both.
void add_tooltips(viz::Diagram& diagram, const std::vector<HostFacts>& facts) {
  for (viz::DiagramNode& node : diagram.nodes) {
    std::string text = node.tooltip.empty() ? node.label : node.tooltip;
    if (node.kind == viz::DiagramNodeKind::host && node.source < facts.size())
      text = host_tooltip(facts[node.source].row);
    else if (node.kind == viz::DiagramNodeKind::folded ||
             node.kind == viz::DiagramNodeKind::community) {
      text += fmt::format("\n{} hosts, {} fans", group_digits(node.count), with_chinese(node.fans));
      if (node.reach > 0) text += "\n触达 reach: " + with_chinese(node.reach);
    }
    node.tooltip = std::move(text);
  }
  std::map<std::pair<std::size_t, std::size_t>, std::string> between;
  for (const viz::DiagramEdge& edge : diagram.edges) {
    const std::string a = first_line(diagram.nodes[edge.from].label),
                      b = first_line(diagram.nodes[edge.to].label);
    std::string what;
    switch (edge.kind) {
      case viz::DiagramEdgeKind::fanbase:
        what = with_chinese(edge.weight) + " fans on the platform";
        break;
      case viz::DiagramEdgeKind::member:
        what = "member of the base";
        break;
      case viz::DiagramEdgeKind::audience:
        what = with_chinese(edge.weight) + " people in common";
        break;
      case viz::DiagramEdgeKind::collab:
        what = group_digits(edge.weight) + " co-streams";
        break;
    }
    std::string& text = between[{edge.from, edge.to}];
    text += (text.empty() ? a + " — " + b + ": " : "; ") + what;
  }
  for (viz::DiagramEdge& edge : diagram.edges) edge.tooltip = between[{edge.from, edge.to}];
}

// Each host's own reach on every platform and in every province, as the diagram ranks
// hosts: the summary's per-host reach when it counted just that, else counted here once.
// Empty without follows.
std::vector<std::uint64_t> own_reach(const ReportCounting& counting, const ReachResult* summary,
                                     std::optional<NodeId> platform, bool place_filtered) {
  if (counting.follows == 0) return {};
  if (summary == nullptr || summary->method != ReachMethod::exact || platform || place_filtered)
    return counting.per_host_reach();
  std::vector<std::uint64_t> reach;
  for (const HostReach& host : summary->per_host) reach.push_back(host.reach);
  return reach;
}

viz::ReportDiagram diagram_section(const Network& network, const ReportCommandOptions& command,
                                   const Communities* communities,
                                   const std::vector<HostFacts>& facts,
                                   std::span<const std::uint64_t> host_reach,
                                   const ReportCounting& counting) {
  viz::DiagramOptions options;
  options.view = command.view == "hosts"         ? viz::DiagramView::hosts
                 : command.view == "communities" ? viz::DiagramView::communities
                                                 : viz::DiagramView::network;
  // As `castgraph render` does: communities colour themselves, the rest by base.
  options.color =
      options.view == viz::DiagramView::communities ? viz::ColorBy::community : viz::ColorBy::base;
  options.top = command.diagram_top;
  options.host_reach = host_reach;
  options.follows = counting.follows;
  options.shared_audience = counting.shared_audience;
  options.community_audience = counting.community_audience;
  viz::Diagram diagram = viz::build_diagram(network, options, communities);
  add_tooltips(diagram, facts);
  viz::RenderOptions render_options;
  render_options.seed = command.seed;
  viz::ReportDiagram out;
  out.svg = counting.render_svg(viz::to_dot(diagram, render_options), render_options);
  out.note = fmt::format("{} nodes and {} edges: {}", diagram.nodes.size(), diagram.edges.size(),
                         diagram.note);
  return out;
}

// The audit section, and --exclude-suspicious. The section is drawn from the follows
// before the flagged fans are left out (its pictures show their follows), and the audit
// runs once for both.
viz::ReportSection<viz::ReportAudit> audit_then_exclude(Network& network,
                                                        const ReportCommandOptions& command) {
  viz::ReportSection<viz::ReportAudit> out;
  const bool exclude = command.dataset.exclude_suspicious;
  if (!command.audit && !exclude) return out;
  const AuditOptions audit_options;
  std::optional<AuditResult> found;
  if (exclude)
    found = audit_to_exclude(network);
  else if (network.follow_count() > 0)
    found = audit(network, audit_options);
  if (command.audit) {
    AuditSectionOptions section_options;
    section_options.excluded = exclude;
    if (found)
      out.value = audit_section(network, *found, audit_options, section_options);
    else
      out.unavailable =
          "the audit needs follows (follows.csv): declared fan counts alone show no blocks";
    if (!out.value) std::cerr << "castgraph: report: no audit: " << out.unavailable << "\n";
  }
  if (exclude) leave_out_flagged(network, *found);
  return out;
}

void run_report(const ReportCommandOptions& command) {
  const auto started = std::chrono::steady_clock::now();
  const PlanOptions limits = parse_report_limits(command);
  DatasetOptions as_is = command.dataset;
  as_is.exclude_suspicious = false;  // done below, after the audit section is drawn
  Network opened = open_dataset(as_is);
  viz::ReportSection<viz::ReportAudit> audit_part = audit_then_exclude(opened, command);
  const Network& network = opened;
  const viz::HtmlReport report =
      build_report(network, command, limits, count_in_one_process(network), std::move(audit_part));
  write_report(command, report, started);
}

}  // namespace

PlanOptions parse_report_limits(const ReportCommandOptions& command) {
  refuse_overwriting_input(command.output, command.dataset);
  if (command.k > 0 && !command.budget.empty()) throw UsageError("choose one of --k and --budget");
  PlanOptions limits;
  if (!command.budget.empty())
    limits.budget = static_cast<double>(parse_human_count(command.budget, "--budget"));
  else
    limits.k = command.k > 0 ? command.k : kDefaultK;
  return limits;
}

ReportCounting count_in_one_process(const Network& network) {
  ReportCounting counting;
  counting.follows = network.follow_count();
  counting.dataset_counts = [&network] { return count_dataset(network); };
  counting.fan_sample = [&network] { return describe_fan_sample(network); };
  counting.reach = [&network](std::span<const NodeId> hosts, const ReachOptions& options) {
    return reach(network, hosts, options);
  };
  counting.audience_provinces = [&network] { return audience_provinces(network); };
  counting.per_host_reach = [&network] { return per_host_reach(network); };
  counting.communities = [&network](const CommunityOptions& options) {
    return find_communities(network, options);
  };
  counting.community_reach = [&network](const Communities& found) {
    return community_reach(network, found);
  };
  counting.plan = [&network](const PlanOptions& options) { return plan_roster(network, options); };
  counting.shared_audience = [&network](const HostSet& set) {
    return overlap_matrix(network, set);
  };
  counting.community_audience = [&network](const Communities& found) {
    return viz::community_audience(network, found);
  };
  counting.render_svg = [](const std::string& dot, const viz::RenderOptions& options) {
    return viz::render_dot(dot, "svg", options.layout);
  };
  counting.notes = &std::cerr;
  return counting;
}

viz::HtmlReport build_report(const Network& network, const ReportCommandOptions& command,
                             PlanOptions plan_options, const ReportCounting& counting,
                             viz::ReportSection<viz::ReportAudit> audit) {
  std::optional<NodeId> platform;
  if (!command.platform.empty()) platform = resolve_platform(network, command.platform);
  if (!command.region.empty() || !command.city.empty()) {
    if (counting.follows == 0)
      throw UsageError(
          "--region and --city count fans by where they live, which needs follows "
          "(follows.csv); this dataset has none");
    // An unknown region or city throws here, before any section is computed.
    (void)make_host_set(network, {}, platform, command.region, command.city);
  }

  viz::HtmlReport report;
  report.title = command.title.empty()
                     ? fmt::format("直播电商网络报告 · Livestream network report: {}",
                                   std::filesystem::path(command.dataset.path).filename().string())
                     : command.title;
  report.dataset = command.dataset.path;
  report.generated = now_text();
  report.version = kVersion;
  const std::string filters = filters_text(network, platform, command.region, command.city);

  // Summary: what `castgraph info` counts, and everybody's reach.
  for (const DatasetCount& count : counting.dataset_counts())
    report.summary.push_back({count.key, count.label, count.value});
  const FanSample sample = counting.fan_sample();
  report.summary.push_back({"weight_min", "people the lightest fan stands for", sample.min_weight});
  report.summary.push_back({"weight_max", "people the heaviest fan stands for", sample.max_weight});
  std::vector<NodeId> everyone(network.broadcasters.size());
  std::iota(everyone.begin(), everyone.end(), NodeId{0});
  ReachOptions reach_options;
  reach_options.platform = platform;
  reach_options.region = command.region;
  reach_options.city = command.city;
  const auto reach_all = section<ReachResult>(
      "reach", counting.notes, [&] { return counting.reach(everyone, reach_options); });
  if (reach_all.value) {
    report.summary.push_back(
        {"reach", "people reached by all hosts together", reach_all.value->unique_reach});
    report.reach_note =
        fmt::format("People reached by all hosts together{}: {}, {}; {}. Fans: {}.", filters,
                    people_with_error(*reach_all.value), describe_reach_method(*reach_all.value),
                    describe_people(*reach_all.value), fan_sample_words(sample));
  } else {
    report.reach_note =
        "People reached by all hosts together: not available: " + reach_all.unavailable;
  }
  const ReachResult* reach_result = reach_all.value ? &*reach_all.value : nullptr;

  // Tiers and the hosts table.
  TierOptions tier_options;
  tier_options.platform = platform;
  const TierTable tier_table = tiers(network, tier_options);
  const std::string fans_basis =
      platform ? fmt::format("declared fans on {}", network.platforms.names[*platform])
               : "declared fans";
  report.tiers.value = viz::ReportTiers{tier_table, fans_basis};
  const std::vector<HostFacts> facts =
      host_facts(network, tier_table, platform, reach_result, counting);
  report.hosts.value = top_hosts(facts, command.top, reach_result, fans_basis);
  report.audit = std::move(audit);

  // Communities, as `castgraph communities` finds them by default.
  CommunityOptions community_options;
  community_options.seed = command.seed;
  std::optional<Communities> found;
  report.communities = section<viz::ReportCommunities>("communities", counting.notes, [&] {
    found = counting.communities(community_options);
    return communities_section(network, *found, community_options, command.show_communities,
                               counting);
  });

  // The roster, as `castgraph plan` picks it.
  plan_options.platform = platform;
  plan_options.region = command.region;
  plan_options.city = command.city;
  report.plan = section<viz::ReportPlan>(
      "plan", counting.notes, [&] { return plan_section(network, plan_options, counting); });

  report.diagram = section<viz::ReportDiagram>("diagram", counting.notes, [&] {
    if (command.view == "communities" && !found)
      throw UsageError("the communities view needs communities, and there are none");
    return diagram_section(network, command, found ? &*found : nullptr, facts,
                           own_reach(counting, reach_result, platform,
                                     !command.region.empty() || !command.city.empty()),
                           counting);
  });

  report.options.emplace_back(plan_options.k ? "--k" : "--budget",
                              plan_options.k ? std::to_string(*plan_options.k) : command.budget);
  report.options.emplace_back("--platform", command.platform.empty() ? "all" : command.platform);
  report.options.emplace_back("--region", command.region.empty() ? "all" : command.region);
  report.options.emplace_back("--city", command.city.empty() ? "all" : command.city);
  report.options.emplace_back("--top", std::to_string(command.top));
  report.options.emplace_back("--communities", std::to_string(command.show_communities));
  report.options.emplace_back("--view", command.view);
  report.options.emplace_back("--diagram-top", std::to_string(command.diagram_top));
  report.options.emplace_back("--seed", std::to_string(command.seed));
  if (command.dataset.lenient) report.options.emplace_back("--lenient", "yes");
  if (command.dataset.exclude_suspicious)
    report.options.emplace_back("--exclude-suspicious", "yes");
  if (!command.audit) report.options.emplace_back("--no-audit", "yes");

  return report;
}

void write_report(const ReportCommandOptions& command, const viz::HtmlReport& report,
                  std::chrono::steady_clock::time_point started) {
  std::ostringstream html;
  viz::write_html_report(html, report);
  const std::string bytes = std::move(html).str();
  write_file_atomically(command.output, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format("wrote {} ({} KB) in {:.1f} s\n", command.output,
                           group_digits((bytes.size() + 1023) / 1024), seconds);
}

CLI::App* add_report_options(CLI::App& app, ReportCommandOptions& report) {
  ReportCommandOptions* options = &report;
  CLI::App* command = app.add_subcommand(
      "report",
      "Write one HTML file to open in a browser and forward: the dataset in counts, people "
      "reached by all hosts together, tiers (table and bar chart), the top hosts (a table "
      "sortable by fans, reach, exclusive reach, tier, base, kind or fee), communities with "
      "their dominant province, base and platform, a recommended roster with its reach curve "
      "(reach against spend), the audience audit (fans in bot-farm blocks, hosts by "
      "suspicious share, a picture of each block), and the network diagram with zoom, pan and a "
      "tooltip per host. "
      "Self-contained: styles, script and diagram are inline and it loads nothing; without "
      "JavaScript every table and picture still shows. The numbers are those of info, tiers, "
      "reach, plan and communities (their --json) on the same dataset and options.");
  add_dataset_options(*command, options->dataset);
  add_exclude_suspicious_option(*command, options->dataset);
  command->add_option("-o,--output", options->output, "The HTML file to write (e.g. report.html)")
      ->required();
  auto* k = command->add_option("--k", options->k, "The roster books this many hosts (default 10)")
                ->check(more_than_zero());
  auto* budget = command->add_option("--budget", options->budget,
                                     "The roster spends at most this many yuan on fees instead "
                                     "(2000000, 200万, 2M); hosts of unknown fee are left out");
  k->excludes(budget);
  budget->excludes(k);
  command->add_option("--platform", options->platform,
                      "Count only this platform (id or exact name): its fans in tiers and the "
                      "table, its fanbases in reach and the roster");
  command->add_option("--region", options->region,
                      "Count only people of this province in reach and the roster (needs "
                      "follows; 辽宁 and 辽宁省 both match); tiers and communities count everyone");
  command->add_option("--city", options->city,
                      "Count only people of this city in reach and the roster (needs follows; "
                      "沈阳 and 沈阳市 both match)");
  command->add_option("--top", options->top, "Hosts listed in the table (0 = all)")
      ->check(zero_or_more())
      ->capture_default_str();
  command
      ->add_option("--communities", options->show_communities,
                   "Communities listed, the largest first (0 = all)")
      ->check(zero_or_more())
      ->capture_default_str();
  command
      ->add_option("--view", options->view,
                   "The diagram: network (platforms, bases, top hosts), hosts (the host "
                   "graph) or communities (one node per community); see `castgraph render`")
      ->check(CLI::IsMember({"network", "hosts", "communities"}))
      ->capture_default_str();
  command
      ->add_option("--diagram-top", options->diagram_top,
                   "Hosts drawn one by one in the diagram; the rest fold per base or "
                   "community, so big datasets stay readable")
      ->check(from_to(1, 500))
      ->capture_default_str();
  command->add_option("--seed", options->seed, "Seed of community detection and of the layout")
      ->capture_default_str();
  command->add_option("--title", options->title, "Title at the top of the report");
  command->add_flag("!--no-audit", options->audit,
                    "Leave out the audit section (fans in suspicious blocks, hosts by suspicious "
                    "share, a picture of each block; see `castgraph audit`), which otherwise "
                    "runs whenever the dataset has follows");
  command->footer(
      "Examples:\n"
      "  castgraph report samples/liaoning -o liaoning-report.html\n"
      "  castgraph report samples/liaoning -o plan.html --budget 200万 --platform douyin\n"
      "  castgraph report samples/tiny -o tiny.html --k 3 --region 辽宁 --view hosts\n"
      "Open the file in any browser; it needs no network and no other file.");
  return command;
}

void add_report_command(CLI::App& app) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* command = add_report_options(app, *options);
  command->callback([options] { run_report(*options); });
}

}  // namespace castgraph::cli
