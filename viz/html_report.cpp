// The self-contained HTML report; see html_report.hpp.
#include "viz/html_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string_view>

#include "graph/value_rules.hpp"
#include "html_cells.hpp"
#include "viz/chinese_number.hpp"
#include "viz/escape.hpp"
#include "viz/graphviz_svg.hpp"
#include "viz/identity.hpp"
#include "viz/report_assets.hpp"
#include "viz/report_charts.hpp"

namespace castgraph::viz {
namespace {

// ---- the page ----

void write_summary(std::ostream& out, const HtmlReport& report) {
  out << "<section id=\"summary\">\n<h2>Summary <small>概况</small></h2>\n<div class=\"tiles\">\n";
  for (const ReportCount& count : report.summary) {
    if (count.key != "broadcasters" && count.key != "declared_fans" && count.key != "reach")
      continue;
    out << fmt::format(
        "<div class=\"tile\"><b>{}</b><span>{}</span></div>\n",
        esc(count.value >= 10'000 ? chinese_count(count.value) : group_digits(count.value)),
        esc(count.label));
  }
  out << "</div>\n<table id=\"summary-table\">\n<thead><tr><th scope=\"col\"></th>"
      << th("count", true) << "</tr></thead>\n<tbody>\n";
  for (const ReportCount& count : report.summary)
    out << "<tr><th scope=\"row\">" << esc(count.label) << "</th>"
        << num_cell("summary/" + count.key, count.value) << "</tr>\n";
  out << "</tbody>\n</table>\n";
  if (!report.reach_note.empty()) out << "<p class=\"note\">" << esc(report.reach_note) << "</p>\n";
  out << "</section>\n";
}

void write_tiers(std::ostream& out, const ReportSection<ReportTiers>& section) {
  const ReportTiers* found_section = open_section(out, "tiers", "Tiers", "粉丝档位", section);
  if (!found_section) return;
  const ReportTiers& tiers = *found_section;
  out << "<p class=\"note\">Hosts by " << esc(tiers.basis)
      << ".</p>\n<div class=\"twocol\">\n<div>\n";
  out << "<table id=\"tiers-table\">\n<thead><tr>" << th("tier", false) << th("hosts", true)
      << th("fans", true) << "</tr></thead>\n<tbody>\n";
  for (const TierBand& band : tiers.table.bands)
    out << "<tr><th scope=\"row\">" << esc(band.name) << "</th>"
        << num_cell("tiers/" + band.name + "/hosts", band.hosts)
        << num_cell("tiers/" + band.name + "/fans", band.fans) << "</tr>\n";
  out << "</tbody>\n</table>\n";
  if (!tiers.table.cumulative.empty()) {
    out << "<table id=\"tiers-cumulative\">\n<thead><tr>" << th("at least", false)
        << th("hosts", true) << "</tr></thead>\n<tbody>\n";
    for (const TierCumulative& level : tiers.table.cumulative)
      out << "<tr><th scope=\"row\">" << esc(level.name) << "</th>"
          << num_cell("tiers/" + level.name + "/hosts", level.hosts) << "</tr>\n";
    out << "</tbody>\n</table>\n";
  }
  out << "</div>\n<div class=\"stack\">\n";
  std::vector<std::pair<std::string, std::uint64_t>> hosts, fans;
  for (const TierBand& band : tiers.table.bands) {
    hosts.emplace_back(band.name, band.hosts);
    fans.emplace_back(band.name, band.fans);
  }
  out << svg_bar_chart(hosts, "hosts per tier") << "\n"
      << svg_bar_chart(fans, "fans per tier") << "\n</div>\n</div>\n</section>\n";
}

void write_hosts(std::ostream& out, const ReportSection<ReportHosts>& section) {
  const ReportHosts* found_section = open_section(out, "hosts", "Top hosts", "头部主播", section);
  if (!found_section) return;
  const ReportHosts& hosts = *found_section;
  out << "<p class=\"note\">" << group_digits(hosts.hosts.size()) << " of "
      << group_digits(hosts.total) << " hosts, " << esc(hosts.order) << ".";
  if (!hosts.reach_method.empty())
    out << " Reach: " << esc(hosts.reach_method)
        << "; exclusive reach: people no other host of the dataset reaches.";
  out << "<span class=\"js-only\"> Click a column to sort.</span></p>\n";
  out << "<div class=\"scroll\">\n<table id=\"hosts-table\" class=\"sortable\">\n<thead><tr>"
      << th("#", true) << th("host", false) << th("name", false)
      << th("fans", true, "declared fans") << th("reach", true, "distinct people this host reaches")
      << th("exclusive", true, "people no other host reaches") << th("tier", false)
      << th("base", false) << th("province", false)
      << th("audience lives in", false, "the provinces of the people it reaches, top 3")
      << th("kind", false) << th("fee (yuan)", true) << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < hosts.hosts.size(); ++i) {
    const ReportHost& host = hosts.hosts[i];
    const std::string prefix = "hosts/" + host.id + "/";
    out << "<tr data-row=\"" << esc(host.id) << "\">" << num_cell(prefix + "rank", i + 1, false)
        << text_cell(host.id) << text_cell(host.name) << num_cell(prefix + "fans", host.fans)
        << optional_cell(prefix + "reach", host.reach)
        << optional_cell(prefix + "exclusive", host.exclusive) << text_cell(host.tier)
        << text_cell(host.base) << text_cell(host.province) << text_cell(host.audience)
        << text_cell(host.kind) << fee_cell(prefix + "fee", host.fee) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n</section>\n";
}

void write_communities(std::ostream& out, const ReportSection<ReportCommunities>& section) {
  const ReportCommunities* found_section =
      open_section(out, "communities", "Communities", "社群", section);
  if (!found_section) return;
  const ReportCommunities& found = *found_section;
  out << fmt::format(
      "<p class=\"note\">{} communities, modularity <span data-cell=\"communities/modularity\" "
      "data-value=\"{}\">{:.4f}</span> (0 = no structure, above ~0.3 = clear clusters); "
      "{}.{}</p>\n",
      group_digits(found.count), exact(found.modularity), found.modularity, esc(found.method),
      found.communities.size() < found.count
          ? fmt::format(" The largest {} are listed.", found.communities.size())
          : std::string());
  out << "<div class=\"scroll\">\n<table id=\"communities-table\" class=\"sortable\">\n<thead><tr>"
      << th("#", true) << th("hosts", true) << th("declared fans", true)
      << th("reach", true, "distinct people its hosts reach; ~ = model estimate")
      << th("province", false, "dominant province, with the share of hosts in it")
      << th("base", false, "dominant base") << th("platform", false, "platform with most fans")
      << th("kind", false) << th("top hosts", false) << "</tr></thead>\n<tbody>\n";
  for (const ReportCommunity& community : found.communities) {
    const CommunitySummary& c = community.summary;
    // The number and colour the diagrams give this community (identity.hpp).
    const Category category = community_category(c.community);
    const std::uint32_t number = community_number(c.community);
    const std::string prefix = fmt::format("communities/{}/", number);
    out << "<tr data-row=\"" << number << "\">"
        << fmt::format(
               "<td class=\"n\" data-cell=\"{}number\" data-value=\"{}\">{}<span "
               "class=\"swatch\" data-colour=\"{}\" style=\"background:{}\"></span></td>",
               esc(prefix), number, number, category_fill(category), category_fill(category))
        << num_cell(prefix + "size", c.size, false)
        << num_cell(prefix + "declared_fans", c.declared_fans)
        << optional_cell(prefix + "reach", c.reach, c.reach_estimated ? "~" : "");
    if (c.province.empty())
      out << text_cell("");
    else
      out << "<td>" << esc(c.province) << " <span class=\"cn\">" << percent(c.province_share, 0)
          << "</span></td>";
    out << text_cell(c.base) << text_cell(c.platform) << text_cell(c.kind)
        << text_cell(join(community.top_hosts, ", ")) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n</section>\n";
}

// A pick's fee, when known (plan_roster marks an unknown one NaN or negative).
std::optional<double> known_fee(const PlanPick& pick) {
  return pick.fee >= 0 ? std::optional<double>(pick.fee) : std::nullopt;
}

void write_plan(std::ostream& out, const ReportSection<ReportPlan>& section) {
  const ReportPlan* found_section =
      open_section(out, "plan", "Recommended roster", "推荐主播组合", section);
  if (!found_section) return;
  const ReportPlan& plan = *found_section;
  const Plan& result = plan.result;
  const std::uint64_t unique_reach = rounded_count(result.unique_reach),
                      upper_bound = rounded_count(result.upper_bound);
  out << "<p class=\"note\">For " << esc(plan.request) << ", from "
      << group_digits(result.candidates) << " eligible hosts; reach: " << esc(plan.method)
      << ". Each host is the one that adds the most people not yet reached"
      << (plan.request.find("budget") != std::string::npos ? " per yuan" : "") << ".</p>\n";
  out << "<div class=\"tiles\">\n"
      << fmt::format(
             "<div class=\"tile\"><b data-cell=\"plan/total/unique_reach\" data-value=\"{}\">{}</b>"
             "<span>people reached by {} host{}{}</span></div>\n",
             unique_reach, esc(group_digits(unique_reach)), result.picks.size(),
             result.picks.size() == 1 ? "" : "s",
             plan.reach_error.empty() ? "" : ", " + esc(plan.reach_error))
      << fmt::format(
             "<div class=\"tile\"><b data-cell=\"plan/total/spent\" data-value=\"{}\">{}</b>"
             "<span>yuan spent on fees</span></div>\n",
             exact(result.spent), esc(group_amount(result.spent)))
      << fmt::format(
             "<div class=\"tile\"><b data-cell=\"plan/total/upper_bound\" data-value=\"{}\">{}</b>"
             "<span>upper bound: no roster reaches more; this one is within {} of "
             "it</span></div>\n",
             upper_bound, esc(group_digits(upper_bound)), percent(1 - result.ratio))
      << "</div>\n";
  if (!plan.bound.empty()) out << "<p>" << esc(plan.bound) << ".</p>\n";
  if (result.picks.empty()) {
    out << "<p>No host booked: " << esc(plan.stop) << ".</p>\n</section>\n";
    return;
  }
  out << "<div class=\"twocol\">\n<div>\n<table id=\"plan-table\">\n<thead><tr>" << th("#", true)
      << th("host", false) << th("name", false) << th("fee (yuan)", true)
      << th("adds", true, "marginal reach: people this host adds")
      << th("reach so far", true, "cumulative reach") << th("spent so far", true)
      << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < result.picks.size(); ++i) {
    const PlanPick& pick = result.picks[i];
    const ReportName& host = plan.picked[i];
    const std::string prefix = fmt::format("plan/{}/", i + 1);
    out << "<tr data-row=\"" << esc(host.id) << "\">"
        << "<td class=\"n\">" << i + 1 << (pick.included ? "*" : "") << "</td>"
        << text_cell(host.id) << text_cell(host.name) << fee_cell(prefix + "fee", known_fee(pick))
        << num_cell(prefix + "marginal_reach", rounded_count(pick.marginal_reach))
        << num_cell(prefix + "cumulative_reach", rounded_count(pick.cumulative_reach))
        << fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"{}\">{}</td>",
                       esc(prefix + "spent"), exact(pick.spent), amount_html(pick.spent))
        << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
  if (std::ranges::any_of(result.picks, &PlanPick::included))
    out << "<p class=\"note\">* booked because the options asked for it</p>\n";
  out << "<p class=\"note\">Stopped: " << esc(plan.stop) << ".</p>\n";
  if (!plan.unknown_fee_excluded.empty()) {
    std::vector<std::string> shown(
        plan.unknown_fee_excluded.begin(),
        plan.unknown_fee_excluded.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                                10, plan.unknown_fee_excluded.size())));
    out << "<p class=\"note\">Left out for an unknown fee (" << plan.unknown_fee_excluded.size()
        << "): " << esc(join(shown, ", "))
        << (plan.unknown_fee_excluded.size() > shown.size() ? ", …" : "") << "</p>\n";
  }
  out << "</div>\n<div>\n" << svg_reach_curve(plan) << "\n</div>\n</div>\n</section>\n";
}

void write_diagram(std::ostream& out, const ReportSection<ReportDiagram>& section) {
  const ReportDiagram* found_section = open_section(out, "diagram", "Network", "网络图", section);
  if (!found_section) return;
  const ReportDiagram& diagram = *found_section;
  out << "<p class=\"note\">" << esc(diagram.note)
      << ". Hover a node for its details<span class=\"js-only\">; drag to pan, wheel or +/− to "
         "zoom, double-click to zoom in</span>.</p>\n";
  out << "<div id=\"cg-diagram\">\n<div class=\"controls\"><button type=\"button\" "
         "data-zoom=\"in\" "
         "title=\"zoom in\">+</button><button type=\"button\" data-zoom=\"out\" title=\"zoom "
         "out\">−</button><button type=\"button\" data-zoom=\"reset\" title=\"whole "
         "diagram\">⟲</button></div>\n"
      << inline_svg(diagram.svg) << "\n</div>\n</section>\n";
}

void write_about(std::ostream& out, const HtmlReport& report) {
  out << "<section id=\"about\">\n<h2>About this report <small>说明</small></h2>\n<dl "
         "class=\"about\">\n"
      << "<dt>dataset</dt><dd id=\"about-dataset\">" << esc(report.dataset) << "</dd>\n"
      << "<dt>made</dt><dd id=\"about-generated\">" << esc(report.generated) << "</dd>\n"
      << "<dt>by</dt><dd>" << esc(report.version) << "</dd>\n";
  for (const auto& [name, value] : report.options)
    out << "<dt>" << esc(name) << "</dt><dd>" << esc(value) << "</dd>\n";
  out << "</dl>\n</section>\n";
}

}  // namespace

void write_html_report(std::ostream& out, const HtmlReport& report) {
  const bool audit_asked = report.audit.value || !report.audit.unavailable.empty();
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\""
      << esc(report.version) << "\">\n<title>" << esc(report.title) << "</title>\n<style>"
      << kReportStyle << "</style>\n</head>\n<body>\n";
  out << "<header>\n<h1>" << esc(report.title) << "</h1>\n<p>Dataset <b>" << esc(report.dataset)
      << "</b> · made " << esc(report.generated) << " by " << esc(report.version)
      << "</p>\n</header>\n";
  out << "<nav><a href=\"#summary\">Summary</a><a href=\"#tiers\">Tiers</a><a href=\"#hosts\">Top "
         "hosts</a>"
      << (audit_asked ? "<a href=\"#audit\">Audit</a>" : "")
      << "<a href=\"#communities\">Communities</a><a href=\"#plan\">Roster</a><a "
         "href=\"#diagram\">Network</a><a href=\"#about\">About</a></nav>\n";
  write_summary(out, report);
  write_tiers(out, report.tiers);
  write_hosts(out, report.hosts);
  if (audit_asked) write_audit_section(out, report.audit);
  write_communities(out, report.communities);
  write_plan(out, report.plan);
  write_diagram(out, report.diagram);
  write_about(out, report);
  out << "<footer>Made by castgraph. This file is self-contained: it loads nothing and can be "
         "forwarded as it is.</footer>\n<div id=\"cg-tip\" role=\"tooltip\"></div>\n<script>"
      << kReportScript << "</script>\n</body>\n</html>\n";
}

}  // namespace castgraph::viz
