// castgraph: analyse the network behind livestream e-commerce.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "graph/errors.hpp"

namespace {

constexpr const char* kDescription =
    "castgraph analyses livestream e-commerce networks: hosts (broadcasters), their fan\n"
    "bases on each platform, the bases they belong to, and the people who follow them.\n"
    "\n"
    "A DATASET is a directory of CSV files (platforms.csv, bases.csv, broadcasters.csv,\n"
    "fanbases.csv, and optionally fans.csv, follows.csv, collabs.csv), or a snapshot\n"
    "file made from one by `castgraph snapshot`.\n"
    "Run `castgraph COMMAND --help` for the options of one command.\n"
    "\n"
    "Exit status: 0 success, 2 bad usage, 65 malformed data, 74 I/O error.";

}  // namespace

int main(int argc, char** argv) {
  using namespace castgraph;
  CLI::App app{kDescription, "castgraph"};
  app.require_subcommand(1);
  app.set_version_flag("--version", cli::kVersion);
  app.footer("Example: castgraph info samples/tiny");
  cli::add_info_command(app);
  cli::add_tiers_command(app);
  cli::add_snapshot_command(app);
  cli::add_generate_command(app);
  cli::add_reach_command(app);
  cli::add_overlap_command(app);
  cli::add_render_command(app);
  cli::add_export_command(app);
  cli::add_communities_command(app);
  cli::add_rank_command(app);
  cli::add_plan_command(app);
  cli::add_report_command(app);
  cli::add_check_command(app);
  cli::add_audit_command(app);

  try {
    app.parse(argc, argv);
    return cli::kExitOk;
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    app.exit(error);  // prints the message and a hint to --help
    return cli::kExitUsage;
  } catch (const UsageError& error) {
    std::cerr << "castgraph: " << error.what() << "\n";
    return cli::kExitUsage;
  } catch (const DataError& error) {
    std::cerr << error.what() << "\n";
    return cli::kExitData;
  } catch (const IoError& error) {
    std::cerr << "castgraph: " << error.what() << "\n";
    return cli::kExitIo;
  } catch (const std::bad_alloc&) {
    std::cerr << "castgraph: out of memory\n";
    return cli::kExitSoftware;
  } catch (const std::exception& error) {
    std::cerr << "castgraph: internal error: " << error.what() << "\n";
    return cli::kExitSoftware;
  }
}
