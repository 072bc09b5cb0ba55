// The options every command that reads a dataset shares: the DATASET argument (a
// directory of CSV files or a snapshot file), --lenient and --rejects, and opening the
// dataset with reject reporting.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "algorithms/audit.hpp"
#include "graph/network.hpp"
#include "loaders/dataset_loader.hpp"
#include "loaders/snapshot.hpp"

namespace castgraph::cli {

// What --exclude-suspicious left out of a dataset.
struct SuspiciousLeftOut {
  std::uint64_t fans = 0;     // flagged fans that followed someone
  std::uint64_t follows = 0;  // their follows
  std::uint64_t blocks = 0;   // the suspicious blocks they were in
};

struct DatasetOptions {
  std::string path;
  bool lenient = false;
  std::string encoding = "utf-8";  // of the CSV files: utf-8 or gb18030
  std::string rejects_path = "rejects.csv";
  bool exclude_suspicious = false;  // run the audit and leave its flagged fans out
  // Set by opening the dataset with exclude_suspicious: what was left out, for the
  // command's JSON to say (stderr says it in words).
  mutable std::optional<SuspiciousLeftOut> left_out = std::nullopt;
  bool cache = true;     // reuse or write the dataset cache (loaders/dataset_cache.hpp)
  bool verbose = false;  // say on stderr how the dataset was read
};

// Adds DATASET (required positional), --lenient, --rejects, --encoding, --no-cache and
// --verbose to `command`.
void add_dataset_options(CLI::App& command, DatasetOptions& options);

// Adds --exclude-suspicious: opening the dataset then runs `castgraph audit` and leaves
// the fans it flags out of every count (graph/without_fans.hpp), saying on stderr how
// many. One flag, one seam: the command itself needs nothing else.
void add_exclude_suspicious_option(CLI::App& command, DatasetOptions& options);

// What --exclude-suspicious does, in two steps for a command that also shows the audit
// (report): the audit (UsageError without follows), then leaving out the fans it flags
// (graph/without_fans.hpp), saying on stderr how many.
AuditResult audit_to_exclude(const Network& network);
SuspiciousLeftOut leave_out_flagged(Network& network, const AuditResult& found);
// The pieces of those two that castgraph-mpi, which audits over ranks, shares: UsageError
// when the dataset (`follows` of it) has none, and the sentence on stderr.
void check_exclude_follows(std::uint64_t follows);
std::string left_out_message(const SuspiciousLeftOut& gone);

// Adds "suspicious_left_out": {fans, follows, blocks} to a command's JSON when
// --exclude-suspicious left fans out, so that a script sees what the figures leave out.
void add_left_out(nlohmann::ordered_json& json, const DatasetOptions& options);

// Loads the CSV directory, or maps the snapshot file. A CSV directory read before and
// unchanged since is mapped from the cache instead, and one loaded without rejects is
// written to it (loaders/dataset_cache.hpp); the cache failing never fails the command.
// In lenient mode, writes skipped rows to options.rejects_path and prints per-file
// counts on stderr.
// Throws DataError / IoError / UsageError.
Network open_dataset(const DatasetOptions& options);

// --lenient's report of the rows it skipped (in file order): writes them with their
// reasons to options.rejects_path and prints per-file counts on stderr. Nothing when none.
void report_rejects(const DatasetOptions& options, const std::vector<Reject>& rejects);

// Throws UsageError when --lenient's rejects file would overwrite an input.
void refuse_rejects_over_input(const DatasetOptions& options);

// Throws UsageError when `output` would overwrite an input: the dataset (a snapshot
// file), one of its CSV files, or the rejects file.
void refuse_overwriting_input(const std::string& output, const DatasetOptions& dataset);

// The same, keeping the extra sections a snapshot carries (empty for a CSV directory,
// and dropped by --exclude-suspicious: stored sketches count the fans it leaves out).
OpenedSnapshot open_dataset_with_extras(const DatasetOptions& options);

}  // namespace castgraph::cli
