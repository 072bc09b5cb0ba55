// The report's audit section, gathered; see report_audit_section.hpp.
#include "cli/report_audit_section.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

namespace castgraph::cli {
namespace {

viz::ReportAuditHost host_row(const Network& network, const HostAudit& host) {
  viz::ReportAuditHost row;
  row.id = std::string(network.broadcasters.ids[host.host]);
  row.name = std::string(network.broadcasters.names[host.host]);
  row.followers_seen = host.followers_seen;
  row.suspicious = host.suspicious;
  row.share = host.suspicious_share;
  row.quality = host.quality;
  row.declared_fans = host.declared;
  return row;
}

// The lower end of the 95% Wilson score interval of the share suspicious / seen. The
// report ranks hosts by it, so that a host with two followers seen, both suspicious, does
// not outrank one with 400 of 600: a share of a handful of fans says little.
double share_lower_bound(std::uint64_t suspicious, std::uint64_t seen) {
  if (seen == 0) return 0;
  constexpr double z = 1.959964;  // two-sided 95%
  const double n = static_cast<double>(seen), p = static_cast<double>(suspicious) / n;
  const double centre = p + z * z / (2 * n);
  const double spread = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
  return (centre - spread) / (1 + z * z / n);
}

// `count` fans spread evenly over the block's (sorted) fans: the same ones every run.
std::vector<NodeId> spread_sample(const std::vector<NodeId>& fans, std::size_t count) {
  count = std::min(count, fans.size());
  std::vector<NodeId> sample;
  for (std::size_t i = 0; i < count; ++i) sample.push_back(fans[i * fans.size() / count]);
  return sample;
}

viz::ReportAuditBlock block_picture(const Network& network, const Csr& follows,
                                    const AuditBlock& block, std::size_t fans_drawn) {
  viz::ReportAuditBlock out;
  out.fans = block.fans.size();
  out.fanbases = block.fanbases.size();
  out.follows = block.edges;
  out.density = block.density;
  out.expected = block.expected;
  out.score = block.lift;
  out.identical_share = block.identical_share;
  for (NodeId host : block.hosts)
    out.hosts.push_back(
        fmt::format("{} ({})", network.broadcasters.names[host], network.broadcasters.ids[host]));
  for (NodeId fan : spread_sample(block.fans, fans_drawn)) {
    viz::ReportBlockFan& drawn = out.sample.emplace_back();
    for (NodeId fanbase : follows.neighbours(fan)) {
      if (!std::ranges::binary_search(block.fanbases, fanbase)) {
        ++drawn.other_follows;
        continue;
      }
      const NodeId host = network.fanbases.broadcaster[fanbase];
      drawn.hosts.push_back(static_cast<std::uint32_t>(std::ranges::lower_bound(block.hosts, host) -
                                                       block.hosts.begin()));
    }
    // A host with two fanbases in the block gets one line.
    std::ranges::sort(drawn.hosts);
    drawn.hosts.erase(std::unique(drawn.hosts.begin(), drawn.hosts.end()), drawn.hosts.end());
  }
  return out;
}

}  // namespace

viz::ReportAudit audit_section(const Network& network, const AuditResult& found,
                               const AuditOptions& audit_options,
                               const AuditSectionOptions& options) {
  std::uint64_t fans_seen = 0;
  for (NodeId fan = 0; fan < network.fans.size(); ++fan)
    fans_seen += network.relations.follows.degree(fan) > 0;
  return audit_section(network, network.relations.follows, fans_seen, found, audit_options,
                       options);
}

viz::ReportAudit audit_section(const Network& network, const Csr& block_follows,
                               std::uint64_t fans_seen, const AuditResult& found,
                               const AuditOptions& audit_options,
                               const AuditSectionOptions& options) {
  viz::ReportAudit out;
  out.fans_seen = fans_seen;
  out.suspicious_fans = found.suspicious_fans;
  out.implausible_fans = found.implausible_fans;
  out.implausible_follows = audit_options.implausible_follows;
  out.min_lift = audit_options.min_lift;
  out.block_count = found.blocks.size();
  out.excluded = options.excluded;
  for (std::size_t b = 0; b < found.blocks.size() && b < options.blocks; ++b)
    out.blocks.push_back(
        block_picture(network, block_follows, found.blocks[b], options.fans_per_picture));
  std::vector<const HostAudit*> affected;
  for (const HostAudit& host : found.hosts)
    if (host.suspicious > 0) affected.push_back(&host);
  out.hosts_affected = affected.size();
  // A stable sort on the audit's order (share, largest first) keeps ties as the audit has them.
  std::ranges::stable_sort(affected, std::ranges::greater{}, [](const HostAudit* host) {
    return share_lower_bound(host->suspicious, host->followers_seen);
  });
  for (std::size_t i = 0; i < affected.size() && i < options.hosts; ++i)
    out.hosts.push_back(host_row(network, *affected[i]));
  return out;
}

}  // namespace castgraph::cli
