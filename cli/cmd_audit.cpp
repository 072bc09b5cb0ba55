// `castgraph audit DATASET [--hosts ...] [--json|--csv]`: which fans look bought. The work
// is in algorithms/audit.hpp; this file parses flags and prints blocks and hosts.
#include <fmt/format.h>

#include <iostream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>

#include "algorithms/audit.hpp"
#include "algorithms/host_set.hpp"
#include "cli/audit_command.hpp"
#include "cli/commands.hpp"
#include "cli/dataset_options.hpp"
#include "cli/host_list.hpp"
#include "cli/table.hpp"
#include "cli/table_output.hpp"
#include "graph/errors.hpp"

namespace castgraph::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string host_ids(const Network& network, const std::vector<NodeId>& hosts, std::size_t most) {
  std::string text;
  for (std::size_t i = 0; i < hosts.size() && i < most; ++i)
    text += (i ? " " : "") + std::string(network.broadcasters.ids[hosts[i]]);
  if (hosts.size() > most) text += fmt::format(" +{}", hosts.size() - most);
  return text;
}

// The hosts to show: those asked for, in the order asked, else all of them (by share).
std::vector<HostAudit> shown_hosts(const AuditResult& result, const std::vector<NodeId>& asked) {
  if (asked.empty()) return result.hosts;
  std::vector<HostAudit> shown;
  for (NodeId host : asked)
    shown.push_back(*std::ranges::find(result.hosts, host, &HostAudit::host));
  return shown;
}

Json block_json(const Network& network, const AuditFans& fans, const AuditBlock& block) {
  Json json;
  json["fans"] = Json::array();
  for (NodeId fan : block.fans) json["fans"].push_back(fans.id(fan));
  json["hosts"] = Json::array();
  for (NodeId host : block.hosts) json["hosts"].push_back(network.broadcasters.ids[host]);
  json["fanbases"] = block.fanbases.size();
  json["follows"] = block.edges;
  json["density"] = block.density;
  json["expected_follows"] = block.expected;
  json["score"] = block.lift;
  json["identical_share"] = block.identical_share;
  return json;
}

Json host_json(const Network& network, const HostAudit& host) {
  return {{"id", network.broadcasters.ids[host.host]},
          {"name", network.broadcasters.names[host.host]},
          {"followers_seen", host.followers_seen},
          {"suspicious", host.suspicious},
          {"suspicious_share", host.suspicious_share},
          {"quality", host.quality},
          {"declared_fans", host.declared}};
}

void print_json(const Network& network, const AuditFans& fans, const AuditResult& result,
                const std::vector<HostAudit>& hosts) {
  Json json;
  json["suspicious_fans"] = result.suspicious_fans;
  json["fans"] = fans.count;
  json["implausible_fans"] = result.implausible_fans;
  json["blocks"] = Json::array();
  for (const AuditBlock& block : result.blocks)
    json["blocks"].push_back(block_json(network, fans, block));
  json["unflagged_blocks"] = Json::array();
  for (const AuditBlock& block : result.unflagged) {
    Json entry = block_json(network, fans, block);
    entry["fans"] = block.fans.size();  // counts only: these fans are not accused
    json["unflagged_blocks"].push_back(entry);
  }
  json["hosts"] = Json::array();
  for (const HostAudit& host : hosts) json["hosts"].push_back(host_json(network, host));
  std::cout << json.dump(2) << "\n";
}

Table blocks_table(const Network& network, const AuditResult& result, std::size_t most_hosts) {
  Table blocks({"block", "fans", "hosts", "density", "x chance", "lockstep", "host ids"});
  blocks.keys({"block", "fans", "hosts", "density", "score", "identical_share", "host_ids"});
  for (std::size_t c = 1; c <= 5; ++c) blocks.align_right(c);
  for (std::size_t b = 0; b < result.blocks.size(); ++b) {
    const AuditBlock& block = result.blocks[b];
    blocks.add_row({Cell::integer(b + 1, std::to_string(b + 1)), Cell::count(block.fans.size()),
                    Cell::count(block.hosts.size()), Cell::decimal(block.density, 2),
                    Cell::figure(block.lift, fmt::format("{:.0f}", block.lift), "0"),
                    Cell::percent(block.identical_share, 0),
                    host_ids(network, block.hosts, most_hosts)});
  }
  return blocks;
}

// The first `rows` of `hosts`.
Table hosts_table(const Network& network, const std::vector<HostAudit>& hosts, std::size_t rows) {
  Table table({"host", "name", "followers seen", "suspicious", "share", "quality", "declared"});
  table.keys({"host", "name", "followers_seen", "suspicious", "suspicious_share", "quality",
              "declared_fans"});
  for (std::size_t c = 2; c <= 6; ++c) table.align_right(c);
  for (std::size_t i = 0; i < rows; ++i) {
    const HostAudit& host = hosts[i];
    table.add_row({network.broadcasters.ids[host.host], network.broadcasters.names[host.host],
                   Cell::count(host.followers_seen), Cell::count(host.suspicious),
                   Cell::percent(host.suspicious_share, 1),
                   Cell::integer(host.quality, std::to_string(host.quality)),
                   Cell::count(host.declared)});
  }
  return table;
}

void print_text(const Network& network, std::uint64_t fan_count, const AuditResult& result,
                const std::vector<HostAudit>& hosts, const AuditCommandOptions& options) {
  std::cout << fmt::format(
      "{} of {} fans ({:.2f}%) are in {} suspicious block{}; {} more block{} peeled stand "
      "within {}x of chance and are not flagged\n\n",
      group_digits(result.suspicious_fans), group_digits(fan_count),
      fan_count ? 100.0 * double(result.suspicious_fans) / double(fan_count) : 0.0,
      result.blocks.size(), result.blocks.size() == 1 ? "" : "s", result.unflagged.size(),
      result.unflagged.size() == 1 ? "" : "s", options.audit.min_lift);
  if (!result.blocks.empty()) {
    blocks_table(network, result, 6).print(std::cout);
    std::cout << "\n";
  }
  const std::size_t rows =
      options.hosts.empty() ? std::min(options.top, hosts.size()) : hosts.size();
  hosts_table(network, hosts, rows).print(std::cout);
  if (rows < hosts.size())
    std::cout << fmt::format("({} more hosts; --hosts names some, --json or --csv lists all)\n",
                             group_digits(hosts.size() - rows));
}

// Every host (not only --top), and every block with all its hosts.
void write_audit_tables(const Network& network, const AuditResult& result,
                        const std::vector<HostAudit>& hosts, const AuditCommandOptions& options) {
  const Table host_rows = hosts_table(network, hosts, hosts.size());
  const Table blocks = blocks_table(network, result, std::numeric_limits<std::size_t>::max());
  write_tables(options.tables, {{"hosts", &host_rows}, {"blocks", &blocks}}, options.dataset);
}

void run_audit(const AuditCommandOptions& options) {
  const Network network = open_dataset(options.dataset);
  check_audit_follows(network.follow_count());
  const std::vector<NodeId> asked = audit_hosts_asked(network, options, std::cerr);
  const AuditResult result = audit(network, options.audit);
  const AuditFans fans{[&](NodeId fan) { return network.fans.ids[fan]; }, network.fans.size()};
  print_audit(network, fans, result, asked, options);
}

}  // namespace

void check_audit_follows(std::uint64_t follows) {
  if (follows == 0)
    throw UsageError("audit needs follows (follows.csv): declared fan counts alone show no blocks");
}

std::vector<NodeId> audit_hosts_asked(const Network& network, const AuditCommandOptions& options,
                                      std::ostream& warnings) {
  if (options.hosts.empty()) return {};
  return resolve_host_options(network, options.hosts, warnings);
}

void print_audit(const Network& network, const AuditFans& fans, const AuditResult& result,
                 const std::vector<NodeId>& asked, const AuditCommandOptions& options) {
  const std::vector<HostAudit> hosts = shown_hosts(result, asked);
  if (options.json)
    print_json(network, fans, result, hosts);
  else if (tables_wanted(options.tables))
    write_audit_tables(network, result, hosts, options);
  else
    print_text(network, fans.count, result, hosts, options);
}

void add_audit_command(CLI::App& app) {
  auto options = std::make_shared<AuditCommandOptions>();
  add_audit_options(app, *options)->callback([options] { run_audit(*options); });
}

CLI::App* add_audit_options(CLI::App& app, AuditCommandOptions& options_) {
  AuditCommandOptions* options = &options_;
  CLI::App* command = app.add_subcommand(
      "audit",
      "Find the fake audience: blocks of fans who follow the same few hosts far more densely "
      "than chance would (bot farms), and each host's share of followers in them.\n\n"
      "How: fanbases whose audiences are mostly the same people (common followers at least "
      "--min-overlap of the larger audience) are grouped; Fraudar (Hooi et al., KDD 2016) "
      "peels each group's fans into dense blocks, a follow of a host with x followers "
      "weighing 1/log(x+5), the densest first, then the densest of the rest. A block is "
      "flagged when it holds at least --min-lift times the follows a "
      "random graph with the same degrees would put between the same fans and fanbases: a "
      "base's hosts sharing a local audience are dense but made of big hosts and busy "
      "fans, where chance expects many follows, so they are not flagged. Fans are peeled in "
      "the order of their ids, so the answer does not depend on the order of the rows.\n\n"
      "Per host: followers seen (distinct fans in follows.csv), how many are in flagged "
      "blocks, their share, and quality = round(100 x (1 - suspicious share)): 100 when no "
      "follower looks bought, 0 when all do. Declared fans are shown beside followers seen; "
      "the gap is the part of the audience the follow data does not show.\n\n"
      "--exclude-suspicious on reach, plan, rank and report runs this audit and leaves "
      "the flagged fans out of every count.");
  add_dataset_options(*command, options->dataset);
  add_host_list_option(*command, options->hosts, "--hosts",
                       "Show these hosts instead of the most suspicious", "--hosts-file");
  command->add_option("--top", options->top, "Hosts shown in the table")->capture_default_str();
  command
      ->add_option("--min-overlap", options->audit.min_overlap,
                   "Group two hosts' fanbases when their common followers are at least this "
                   "share of the larger audience")
      ->capture_default_str();
  command
      ->add_option("--min-lift", options->audit.min_lift,
                   "Flag a block holding at least this many times the follows chance would")
      ->capture_default_str();
  command->add_option("--min-fans", options->audit.min_fans, "Flag only blocks of this many fans")
      ->capture_default_str();
  auto* json = command->add_flag(
      "--json", options->json,
      "JSON: {suspicious_fans, fans, implausible_fans, blocks:[{fans:[ids], hosts:[ids], "
      "fanbases, follows, density, expected_follows, score, identical_share}], "
      "unflagged_blocks:[same, fans a count], hosts:[{id, name, followers_seen, suspicious, "
      "suspicious_share, quality, declared_fans}]}; score = follows / expected_follows");
  add_table_output_options(*command, options->tables,
                           "CSV, one row per host (all of them, not only --top): host,name,"
                           "followers_seen,suspicious,suspicious_share,quality,declared_fans; "
                           "-o FILE.xlsx also holds the blocks",
                           json);
  command->footer(
      "Examples:\n"
      "  castgraph generate --preset liaoning --scale 0.01 --fraud 0.02 -o /tmp/farms\n"
      "  castgraph audit /tmp/farms            (then compare with /tmp/farms.truth/fraud.csv)\n"
      "  castgraph audit /tmp/farms --hosts h12,h40 --json\n"
      "  castgraph reach /tmp/farms --hosts h12,h40 --exclude-suspicious");
  return command;
}

}  // namespace castgraph::cli
