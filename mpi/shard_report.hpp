// castgraph-mpi report: castgraph's HTML report (cli/report_command.hpp), its page built
// alike on every rank from figures counted over the ranks (sums over the ranks' fans, the
// distributed projection, the planner's questions) and written by rank 0. The same file as
// castgraph's but for its time of writing. The audit section reads fans on one node and
// is refused for now.
#pragma once

#include "cli/report_command.hpp"
#include "mpi/world.hpp"

namespace castgraph::mpi {

// Collective. Throws AgreedFailure on every rank when any rank fails.
void run_report(World& world, const cli::ReportCommandOptions& command);

// Adds `report` to castgraph-mpi: castgraph's flags and help, with what it refuses said in
// the footer, running run_report. `options` must outlive the parse.
void add_report_command(CLI::App& app, World& world, cli::ReportCommandOptions& options);

}  // namespace castgraph::mpi
