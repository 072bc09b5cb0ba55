// The audit section of `castgraph report`: what algorithms/audit.hpp found, in the shape
// viz/report_audit.hpp writes. Gathered before --exclude-suspicious leaves the flagged
// fans out, because the block pictures draw their follows.
#pragma once

#include "algorithms/audit.hpp"
#include "graph/network.hpp"
#include "viz/report_audit.hpp"

namespace castgraph::cli {

struct AuditSectionOptions {
  std::size_t hosts = 20;  // hosts listed, by the 95% lower bound of their suspicious share
  std::size_t blocks = 6;  // blocks listed and drawn, in the order found
  std::size_t fans_per_picture = 24;
  bool excluded = false;  // the rest of the report leaves the flagged fans out
};

// O(fans + follows of the drawn fans + hosts).
viz::ReportAudit audit_section(const Network& network, const AuditResult& found,
                               const AuditOptions& audit_options,
                               const AuditSectionOptions& options);

// The same when `network` holds only some fans (castgraph-mpi's rank 0): the blocks' fans
// are rows of `block_follows`, each with its whole follow set, and `fans_seen` counts the
// fans following anyone in the whole dataset. O(follows of the drawn fans + hosts).
viz::ReportAudit audit_section(const Network& network, const Csr& block_follows,
                               std::uint64_t fans_seen, const AuditResult& found,
                               const AuditOptions& audit_options,
                               const AuditSectionOptions& options);

}  // namespace castgraph::cli
