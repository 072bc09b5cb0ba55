// castgraph-mpi: castgraph's answers for datasets spread over MPI ranks. Same verbs,
// flags and output as castgraph for what it supports; the root (rank 0) prints.
#include <iostream>
#include <sstream>
#include <vector>

#include "cli/audit_command.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/did_you_mean.hpp"
#include "cli/exit_codes.hpp"
#include "cli/export_command.hpp"
#include "cli/failure.hpp"
#include "cli/info_command.hpp"
#include "cli/reach_command.hpp"
#include "cli/render_command.hpp"
#include "cli/terminal_text.hpp"
#include "cli/tiers_command.hpp"
#include "mpi/agreement.hpp"
#include "mpi/shard_audit.hpp"
#include "mpi/shard_commands.hpp"
#include "mpi/shard_communities.hpp"
#include "mpi/shard_export.hpp"
#include "mpi/shard_plan.hpp"
#include "mpi/shard_render.hpp"
#include "mpi/shard_report.hpp"
#include "mpi/shard_tiers.hpp"
#include "mpi/world.hpp"

namespace {

constexpr const char* kDescription =
    "castgraph-mpi answers castgraph's questions over MPI ranks: each rank holds every\n"
    "platform, base, host and fanbase, plus the fans a stable hash of their id gives it\n"
    "and their follows, so every count is a sum over ranks and equals castgraph's.\n"
    "Run it under mpirun, e.g. `mpirun -np 4 castgraph-mpi reach DATASET --hosts h1,h2`.\n"
    "Commands: info; tiers; reach (exact, sketch, declared and model, with --platform,\n"
    "--region, --city and --by); overlap --hosts (exact) and --top; rank (every --by:\n"
    "pagerank, betweenness and bridging on rank 0 from the graph projected over ranks);\n"
    "plan (exact, sketch and declared, with --region and --city); communities;\n"
    "export (rank 0 writes the file; not --fans, which would gather every fan on one rank);\n"
    "render (Graphviz on rank 0); report; audit, and --exclude-suspicious on reach, rank,\n"
    "plan and report (rank 0 peels the fans of the lockstep groups, gathered from every\n"
    "rank).\n"
    "Host lists, --csv, --bom, -o FILE.xlsx, --lenient and --encoding work as in castgraph.\n"
    "A DATASET is a directory of CSV files, as for castgraph, or a shard set that\n"
    "`castgraph-mpi snapshot DATASET -o DIR` wrote for as many ranks: one snapshot per rank,\n"
    "which each rank opens without reading CSV or moving a row.";

// What this run moved, counted before the gathering that reports it.
void report_bytes_sent(castgraph::mpi::World& world) {
  const auto sent = world.gather_all(std::vector<std::uint64_t>{world.bytes_sent()});
  if (!world.root()) return;
  std::uint64_t total = 0;
  std::cerr << "castgraph-mpi: bytes sent to MPI collectives by rank:";
  for (std::size_t r = 0; r < sent.size(); ++r) {
    std::cerr << (r ? ", " : " ") << r << ": " << sent[r];
    total += sent[r];
  }
  std::cerr << "; total " << total << "; rows exchanged in " << world.exchange_rounds()
            << " rounds\n";
  std::cerr << "castgraph-mpi: messages of rank 0 cut into calls of at most " << world.piece_bytes()
            << " bytes: " << world.cut_messages() << ", in " << world.message_pieces()
            << " calls\n";
}

}  // namespace

int main(int argc, char** argv) {
  using namespace castgraph;
  mpi::World world(argc, argv);
  CLI::App app{kDescription, "castgraph-mpi"};
  app.require_subcommand(1);
  app.set_version_flag("--version", cli::kVersion);
  bool verbose = false;
  app.add_flag("--verbose", verbose,
               "After the command, print on stderr the bytes each rank handed to MPI "
               "collectives (the rows shuffled plus every reduction), their total, the "
               "rounds the rows took, and how many of rank 0's other messages were cut into "
               "calls of at most 1 GiB (MPI counts in int)");
  app.add_option_function<std::uint64_t>(
         "--round-bytes", [&](const std::uint64_t& bytes) { world.set_round_bytes(bytes); },
         "The most bytes of rows one rank sends or receives in one round of the shuffle "
         "(MPI_Alltoallv counts in int); larger exchanges take several rounds. Lower it to "
         "bound the memory the shuffle borrows (default 1 GiB)")
      ->check(CLI::Range(std::uint64_t{1}, mpi::World::kMaxRoundBytes));
  cli::InfoOptions info;
  cli::add_info_options(app, info)->callback([&] { mpi::run_info(world, info); });
  cli::TiersOptions tiers;
  cli::add_tiers_options(app, tiers)->callback([&] { mpi::run_tiers(world, tiers); });
  cli::ReachCommandOptions reach;
  cli::add_reach_options(app, reach)->callback([&] { mpi::run_reach(world, reach); });
  cli::OverlapCommandOptions overlap;
  cli::add_overlap_options(app, overlap)->callback([&] { mpi::run_overlap(world, overlap); });
  cli::RankCommandOptions rank;
  cli::add_rank_options(app, rank)->callback([&] { mpi::run_rank(world, rank); });
  cli::CommunitiesCommandOptions communities;
  cli::add_communities_options(app, communities)->callback([&] {
    mpi::run_communities(world, communities);
  });
  mpi::ShardSnapshotOptions snapshot;
  CLI::App* snapshot_command = app.add_subcommand(
      "snapshot",
      "Save each rank's shard as one snapshot file, all in one directory with a manifest "
      "(a shard set): every command then opens it in place of the CSV directory, on as many "
      "ranks, with no CSV read and no row moved. Written whole or not at all; the directory "
      "must be on a file system every rank sees");
  cli::add_dataset_options(*snapshot_command, snapshot.dataset);
  snapshot_command
      ->add_option("-o,--output", snapshot.output,
                   "The directory of the shard set: new, empty, or a shard set to replace "
                   "(replaced whole, atomically)")
      ->required();
  snapshot_command->footer(
      "Example:\n  mpirun -np 4 castgraph-mpi snapshot samples/liaoning -o liaoning.shards\n"
      "  mpirun -np 4 castgraph-mpi reach liaoning.shards --hosts h1,h2\n"
      "A set for 4 ranks opens on 4 ranks only (another number is a usage error, status 2).\n"
      "The shards carry no reach sketches: reach --method sketch builds them from the follows.");
  snapshot_command->callback([&] { mpi::run_snapshot(world, snapshot); });
  cli::ExportCommandOptions export_options;
  CLI::App* export_command = cli::add_export_options(app, export_options);
  export_command->footer(export_command->get_footer() +
                         "\n\nIn castgraph-mpi, rank 0 writes the file. --fans is refused (status "
                         "2): one\nnode per fan would gather every fan and follow on rank 0; use "
                         "castgraph export\n--fans on one node.");
  export_command->callback([&] { mpi::run_export(world, export_options); });
  cli::RenderCommandOptions render;
  CLI::App* render_command = cli::add_render_options(app, render);
  render_command->footer(render_command->get_footer() +
                         "\n\nIn castgraph-mpi, rank 0 draws and writes the picture; every "
                         "count over fans\n(people shared, the ego's neighbours) is summed "
                         "over the ranks first.");
  render_command->callback([&] { mpi::run_render(world, render); });
  cli::PlanCommandOptions plan;
  CLI::App* plan_command = cli::add_plan_options(app, plan);
  plan_command->callback([&] {
    mpi::agree_on(world, [&] { cli::check_plan_options(*plan_command, plan); });
    mpi::run_plan(world, plan);
  });
  cli::AuditCommandOptions audit;
  CLI::App* audit_command = cli::add_audit_options(app, audit);
  audit_command->footer(audit_command->get_footer() +
                        "\n\nIn castgraph-mpi, the ranks add up the co-follow counts, rank 0 "
                        "gathers the fans\nfollowing two or more fanbases of a group (with "
                        "their follows) and peels them,\nand each rank learns which of its "
                        "fans were flagged.");
  audit_command->callback([&] { mpi::run_audit(world, audit); });
  cli::ReportCommandOptions report;
  mpi::add_report_command(app, world, report);
  app.footer(std::string("Example: mpirun -np 4 castgraph-mpi info samples/tiny\n\n") +
             cli::kExitStatusHelp);
  for (CLI::App* command : app.get_subcommands({}))
    command->footer(command->get_footer() + "\n\n" + cli::kExitStatusHelp);

  // Every rank parses the same arguments and so fails the same way; only the root speaks.
  std::ostringstream quiet_out, quiet_err;
  std::ostream& out = world.root() ? std::cout : quiet_out;
  std::ostream& err = world.root() ? std::cerr : quiet_err;
  // A mistyped command or flag is named with the nearest known one, as castgraph does.
  if (auto unknown = cli::unknown_command_message(app, argc, argv)) {
    err << "castgraph-mpi: " << cli::terminal_safe(*unknown)
        << "\nRun with --help for the list of commands.\n";
    return cli::kExitUsage;
  }
  try {
    app.parse(argc, argv);
    std::cout.flush();
    // --verbose also after the command, where each command's own flag (cli's dataset
    // options) takes it. Asked of the command parsed, not of a list of option structs,
    // which had missed communities and plan.
    for (const CLI::App* command : app.get_subcommands())
      verbose = verbose || command->count("--verbose") > 0;
    if (verbose) report_bytes_sent(world);
    return cli::kExitOk;
  } catch (const CLI::Success& done) {
    return app.exit(done, out, err);
  } catch (const CLI::ParseError& error) {
    for (const std::string& hint :
         CLI::detail::split(cli::unknown_flag_hints(app, argc, argv), '\n'))
      if (!hint.empty()) err << "castgraph-mpi: " << cli::terminal_safe(hint) << "\n";
    app.exit(error, out, err);
    return cli::kExitUsage;
  } catch (const mpi::AgreedFailure& agreed) {
    if (world.root()) std::cerr << agreed.failure().message << "\n";
    return agreed.failure().status;
  } catch (...) {
    // A failure outside agreement (a bug): this rank cannot tell the others, so it ends
    // them all rather than leave them waiting.
    const cli::Failure failure = cli::describe_failure(std::current_exception());
    std::cerr << failure.message << "\n";
    world.abort(failure.status);
  }
}
