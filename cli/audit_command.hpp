// The audit command's options and output, shared by castgraph and castgraph-mpi so that
// both take the same flags, say the same in --help and print the same bytes.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "algorithms/audit.hpp"
#include "cli/dataset_options.hpp"
#include "cli/host_list.hpp"
#include "cli/table_output.hpp"
#include "graph/network.hpp"

namespace castgraph::cli {

struct AuditCommandOptions {
  DatasetOptions dataset;
  HostListOptions hosts;
  AuditOptions audit;
  std::size_t top = 20;
  bool json = false;
  TableOutput tables;
};

// Adds the `audit` subcommand with its options and help to `app`; the caller sets the
// callback. `options` must outlive the parse.
CLI::App* add_audit_options(CLI::App& app, AuditCommandOptions& options);

// UsageError when the dataset has no follows (`follows`: of the whole dataset).
void check_audit_follows(std::uint64_t follows);

// The hosts --hosts names, resolved (UsageError for an unknown one; repeats warned of on
// `warnings`); empty without --hosts.
std::vector<NodeId> audit_hosts_asked(const Network& network, const AuditCommandOptions& options,
                                      std::ostream& warnings);

// What print_audit prints beside `network`'s hosts: the fans, which castgraph-mpi's
// rank 0 holds only in part.
struct AuditFans {
  std::function<std::string_view(NodeId)> id;  // the external id of a block's fan
  std::uint64_t count = 0;                     // fans of the whole dataset
};

// The result as a table, JSON, CSV or a workbook, as `options` ask; `asked` from
// audit_hosts_asked.
void print_audit(const Network& network, const AuditFans& fans, const AuditResult& result,
                 const std::vector<NodeId>& asked, const AuditCommandOptions& options);

}  // namespace castgraph::cli
