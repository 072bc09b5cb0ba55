// The report's audit section; see report_audit.hpp.
#include "viz/report_audit.hpp"

#include <fmt/format.h>

#include "html_cells.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::viz {
namespace {

std::string share_cell(const std::string& cell, double share) {
  return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"{}\">{}</td>", esc(cell),
                     exact(share), percent(share));
}

void write_counts(std::ostream& out, const ReportAudit& audit) {
  const double share = audit.fans_seen ? static_cast<double>(audit.suspicious_fans) /
                                             static_cast<double>(audit.fans_seen)
                                       : 0.0;
  out << fmt::format(
      "<div class=\"tiles\">\n<div class=\"tile\"><b data-cell=\"audit/suspicious_fans\" "
      "data-value=\"{}\">{}</b><span>fans in suspicious blocks, {} of the {} fans who follow "
      "someone</span></div>\n<div class=\"tile\"><b data-cell=\"audit/blocks\" "
      "data-value=\"{}\">{}</b><span>suspicious blocks (a bot farm may peel into several, "
      "by density)</span></div>\n"
      "<div class=\"tile\"><b data-cell=\"audit/hosts_affected\" data-value=\"{}\">{}</b>"
      "<span>hosts with any follower in them (a farm follows popular hosts too, as "
      "camouflage)</span></div>\n</div>\n",
      audit.suspicious_fans, esc(group_digits(audit.suspicious_fans)), percent(share, 2),
      esc(group_digits(audit.fans_seen)), audit.block_count, group_digits(audit.block_count),
      audit.hosts_affected, group_digits(audit.hosts_affected));
  out << "<p class=\"note\">Fans, not people: each fan of the follow data stands for the "
         "people of its weight. A block is flagged when it holds at least "
      << fmt::format("{:g}", audit.min_lift)
      << " times the follows a random graph with the same degrees would put between the same "
         "fans and hosts (Fraudar's peeling within groups of hosts whose audiences are mostly "
         "the same people; see <code>castgraph audit --help</code>). "
      << (audit.excluded
              ? "<b>These fans are left out of every other figure of this report</b> "
                "(--exclude-suspicious)."
              : "The other figures of this report count them; --exclude-suspicious leaves "
                "them out.")
      << fmt::format(
             " <span data-cell=\"audit/implausible_fans\" data-value=\"{}\">{}</span> fans "
             "follow more than {} fanbases.",
             audit.implausible_fans, group_digits(audit.implausible_fans),
             group_digits(audit.implausible_follows))
      << "</p>\n";
}

void write_hosts(std::ostream& out, const ReportAudit& audit) {
  if (audit.hosts.empty()) {
    out << "<p>No host has a follower in a suspicious block.</p>\n";
    return;
  }
  out << "<h3>Hosts by suspicious share</h3>\n<p class=\"note\">The " << audit.hosts.size()
      << " of " << group_digits(audit.hosts_affected)
      << " hosts with followers in suspicious blocks, the largest share first, ranked by the "
         "lower end of its 95% confidence interval (Wilson): two followers seen, both "
         "suspicious, say less than 400 of 600. Quality = round(100 × (1 − share)). Declared "
         "fans beside the followers seen: the gap is the audience the "
         "follow data does not show.</p>\n";
  out << "<div class=\"scroll\">\n<table id=\"audit-hosts\" class=\"sortable\">\n<thead><tr>"
      << th("#", true) << th("host", false) << th("name", false)
      << th("followers seen", true, "distinct fans in follows.csv")
      << th("suspicious", true, "of them, in flagged blocks") << th("share", true)
      << th("quality", true, "0-100") << th("declared fans", true) << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < audit.hosts.size(); ++i) {
    const ReportAuditHost& host = audit.hosts[i];
    const std::string prefix = "audit/hosts/" + host.id + "/";
    out << "<tr data-row=\"" << esc(host.id) << "\">" << num_cell(prefix + "rank", i + 1, false)
        << text_cell(host.id) << text_cell(host.name)
        << num_cell(prefix + "followers_seen", host.followers_seen)
        << num_cell(prefix + "suspicious", host.suspicious)
        << share_cell(prefix + "share", host.share)
        << num_cell(prefix + "quality", static_cast<std::uint64_t>(host.quality), false)
        << num_cell(prefix + "declared_fans", host.declared_fans) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n";
}

void write_blocks(std::ostream& out, const ReportAudit& audit) {
  if (audit.blocks.empty()) return;
  out << "<h3>Blocks</h3>\n<p class=\"note\">"
      << (audit.blocks.size() < audit.block_count
              ? fmt::format("The first {} of {} blocks found. ", audit.blocks.size(),
                            group_digits(audit.block_count))
              : std::string())
      << "Score: follows in the block against what chance would put there. Lockstep: the "
         "share of its fans whose exact set of hosts two or more other fans share.</p>\n";
  out << "<table id=\"audit-blocks\">\n<thead><tr>" << th("block", true) << th("fans", true)
      << th("fanbases", true) << th("follows", true) << th("density", true)
      << th("score", true, "x chance") << th("lockstep", true) << th("hosts", false)
      << "</tr></thead>\n<tbody>\n";
  for (std::size_t b = 0; b < audit.blocks.size(); ++b) {
    const ReportAuditBlock& block = audit.blocks[b];
    const std::string prefix = fmt::format("audit/blocks/{}/", b + 1);
    out << "<tr data-row=\"" << b + 1 << "\"><td class=\"n\">" << b + 1 << "</td>"
        << num_cell(prefix + "fans", block.fans) << num_cell(prefix + "fanbases", block.fanbases)
        << num_cell(prefix + "follows", block.follows)
        << fmt::format("<td class=\"n\" data-cell=\"{}density\" data-value=\"{}\">{:.2f}</td>",
                       esc(prefix), exact(block.density), block.density)
        << fmt::format("<td class=\"n\" data-cell=\"{}score\" data-value=\"{}\">{:.0f}×</td>",
                       esc(prefix), exact(block.score), block.score)
        << share_cell(prefix + "identical_share", block.identical_share)
        << text_cell(join(block.hosts, ", ")) << "</tr>\n";
  }
  out << "</tbody>\n</table>\n<div class=\"blocks\">\n";
  for (std::size_t b = 0; b < audit.blocks.size(); ++b)
    out << svg_block_picture(audit.blocks[b], b + 1) << "\n";
  out << "</div>\n";
}

}  // namespace

void write_audit_section(std::ostream& out, const ReportSection<ReportAudit>& section) {
  const ReportAudit* audit = open_section(out, "audit", "Audience audit", "粉丝质量", section);
  if (!audit) return;
  write_counts(out, *audit);
  write_hosts(out, *audit);
  write_blocks(out, *audit);
  out << "</section>\n";
}

}  // namespace castgraph::viz
