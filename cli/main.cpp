// castgraph: analyse the network behind livestream e-commerce.
#include <iostream>
#include <string>
#include <string_view>

#include "cli/commands.hpp"
#include "cli/did_you_mean.hpp"
#include "cli/exit_codes.hpp"
#include "cli/failure.hpp"
#include "cli/parameter_flags.hpp"
#include "cli/terminal_text.hpp"

namespace {

constexpr const char* kDescription =
    "castgraph analyses livestream e-commerce networks: hosts (broadcasters), their fan\n"
    "bases on each platform, the bases they belong to, and the people who follow them.\n"
    "\n"
    "A DATASET is a directory of CSV files (platforms.csv, bases.csv, broadcasters.csv,\n"
    "fanbases.csv, and optionally fans.csv, follows.csv, collabs.csv), or a snapshot\n"
    "file made from one by `castgraph snapshot`.\n"
    "Run `castgraph COMMAND --help` for the options of one command.";

}  // namespace

int main(int argc, char** argv) {
  using namespace castgraph;
  CLI::App app{kDescription, "castgraph"};
  app.require_subcommand(1);
  // A usage error quotes the arguments as typed: shown escaped, like any text from outside.
  app.failure_message([](const CLI::App* failed, const CLI::Error& error) {
    const std::string message = CLI::FailureMessage::simple(failed, error);
    const std::size_t quoted = std::string_view(error.what()).size();
    return cli::terminal_safe(message.substr(0, quoted)) + message.substr(quoted);
  });
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
  app.footer(std::string(app.get_footer()) + "\n\n" + cli::kExitStatusHelp);
  for (CLI::App* command : app.get_subcommands({}))
    command->footer(command->get_footer() + "\n\n" + cli::kExitStatusHelp);

  // CLI11 says "A subcommand is required" for a mistyped one: name it and the nearest.
  if (auto unknown = cli::unknown_command_message(app, argc, argv)) {
    std::cerr << "castgraph: " << cli::terminal_safe(*unknown)
              << "\nRun with --help for the list of commands.\n";
    return cli::kExitUsage;
  }
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
    // A mistyped flag surfaces as any of several errors (an unexpected argument, a
    // missing one): whichever it is, name the flag and the nearest known one first.
    for (const std::string& hint :
         CLI::detail::split(cli::unknown_flag_hints(app, argc, argv), '\n'))
      if (!hint.empty()) std::cerr << "castgraph: " << cli::terminal_safe(hint) << "\n";
    app.exit(error);  // prints the message and a hint to --help
    return cli::kExitUsage;
  } catch (...) {
    const cli::Failure failure = cli::describe_failure(std::current_exception());
    std::cerr << failure.message << "\n";
    return failure.status;
  }
}
