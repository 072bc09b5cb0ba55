// Every sub-command of the castgraph tool registers itself here. A command adds its
// CLI::App sub-command with options and a callback; the callback does the work and
// throws castgraph's typed errors, which main() turns into messages and exit codes.
#pragma once

#include <CLI/CLI.hpp>

namespace castgraph::cli {

// What `castgraph --version` prints, and what a report says made it.
inline constexpr const char* kVersion = "castgraph 0.1.0";

void add_info_command(CLI::App& app);
void add_tiers_command(CLI::App& app);
void add_snapshot_command(CLI::App& app);
void add_generate_command(CLI::App& app);
void add_reach_command(CLI::App& app);
void add_overlap_command(CLI::App& app);
void add_render_command(CLI::App& app);
void add_export_command(CLI::App& app);
void add_communities_command(CLI::App& app);
void add_rank_command(CLI::App& app);
void add_plan_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_check_command(CLI::App& app);
void add_audit_command(CLI::App& app);

}  // namespace castgraph::cli
