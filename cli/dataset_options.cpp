#include "cli/dataset_options.hpp"

#include <fmt/format.h>

#include <iostream>
#include <map>

#include "algorithms/audit.hpp"
#include "cli/cached_load.hpp"
#include "cli/table.hpp"
#include "graph/errors.hpp"
#include "graph/without_fans.hpp"
#include "loaders/atomic_file.hpp"
#include "loaders/dataset_loader.hpp"

namespace castgraph::cli {

namespace {

// RFC 4180 quoting for one field of the rejects file.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

void write_rejects(const std::string& path, const std::vector<Reject>& rejects) {
  write_file_atomically(path, [&](std::ostream& out) {
    out << "file,line,column,reason,row\n";
    for (const Reject& reject : rejects)
      out << csv_field(reject.where.file.string()) << ',' << reject.where.line << ','
          << reject.where.column << ',' << csv_field(reject.reason) << ',' << csv_field(reject.row)
          << '\n';
  });
}

}  // namespace

void report_rejects(const DatasetOptions& options, const std::vector<Reject>& rejects) {
  if (rejects.empty()) return;
  write_rejects(options.rejects_path, rejects);
  std::map<std::string, std::size_t> per_file;
  for (const Reject& reject : rejects) ++per_file[reject.where.file.filename().string()];
  for (const auto& [file, count] : per_file)
    std::cerr << fmt::format("castgraph: skipped {} bad row{} of {}\n", count,
                             count == 1 ? "" : "s", file);
  std::cerr << fmt::format("castgraph: wrote the {} skipped row{} with reasons to {}\n",
                           rejects.size(), rejects.size() == 1 ? "" : "s", options.rejects_path);
}

void add_dataset_options(CLI::App& command, DatasetOptions& options) {
  command
      .add_option("DATASET", options.path,
                  "A dataset: a directory of CSV files, or a snapshot file made by "
                  "`castgraph snapshot` (opens in milliseconds)")
      ->required();
  command.add_flag("--lenient", options.lenient,
                   "Skip bad rows instead of stopping at the first; each skipped row is written "
                   "with its reason to the rejects file");
  command
      .add_option("--rejects", options.rejects_path,
                  "Where --lenient writes skipped rows (CSV: file,line,column,reason,row)")
      ->capture_default_str();
  command
      .add_option("--encoding", options.encoding,
                  "What the CSV files are in: utf-8, or gb18030 (also gbk, gb2312) for CSV "
                  "saved by Excel on Chinese Windows, converted to UTF-8 as it is read")
      ->capture_default_str();
  command.add_flag("!--no-cache", options.cache,
                   "Read the CSV files even when the cache holds this directory as it is now, "
                   "and write nothing to the cache. Without it, a CSV directory read before "
                   "and unchanged since (every file's size, times and inode; small files' "
                   "content) opens from a snapshot under $XDG_CACHE_HOME/castgraph (default "
                   "~/.cache/castgraph, at most CASTGRAPH_CACHE_BYTES, default 8 GiB, oldest "
                   "removed first)");
  command.add_flag("--verbose", options.verbose,
                   "Say on stderr how the dataset was read: CSV or snapshot, cache hit or "
                   "miss, and how long it took");
}

namespace {

// The dataset's own paths: the snapshot file, or the directory and each of its CSV files.
std::vector<std::filesystem::path> dataset_paths(const DatasetOptions& dataset) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path in = dataset.path;
  std::vector<fs::path> paths{in};
  if (fs::is_directory(in, error))
    for (const char* name : kDatasetFiles) paths.push_back(in / name);
  return paths;
}

// The directory a path names an entry of, for stat ("out.html" is in ".").
std::filesystem::path directory_of(const std::filesystem::path& path) {
  const std::filesystem::path parent = path.parent_path();
  return parent.empty() ? std::filesystem::path(".") : parent;
}

// The same file: the same inode (through symlinks or hard links), or, for a name that
// does not exist yet, the same name in the same directory. Compared by stat, not by
// canonical paths, which cannot be formed when the working directory is deeper than
// PATH_MAX (every path then compared equal, and any output was refused as an input).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::equivalent(a, b, error)) return true;
  const fs::path name_a = a.lexically_normal().filename(), name_b = b.lexically_normal().filename();
  return !name_a.empty() && name_a == name_b &&
         fs::equivalent(directory_of(a.lexically_normal()), directory_of(b.lexically_normal()),
                        error);
}

}  // namespace

void refuse_overwriting_input(const std::string& output, const DatasetOptions& dataset) {
  std::vector<std::filesystem::path> inputs = dataset_paths(dataset);
  inputs.emplace_back(dataset.rejects_path);
  for (const auto& input : inputs)
    if (same_file(output, input))
      throw UsageError(
          fmt::format("the output {} is an input: it is the input dataset, one of "
                      "its files or the rejects file; choose another -o",
                      output));
}

void check_exclude_follows(std::uint64_t follows) {
  if (follows == 0)
    throw UsageError("--exclude-suspicious needs follows (follows.csv) to find suspicious fans");
}

AuditResult audit_to_exclude(const Network& network) {
  check_exclude_follows(network.follow_count());
  return audit(network);
}

std::string left_out_message(const SuspiciousLeftOut& gone) {
  return fmt::format(
      "castgraph: --exclude-suspicious left out {} fan{} in {} suspicious block{} ({} "
      "follows); see `castgraph audit`\n",
      group_digits(gone.fans), gone.fans == 1 ? "" : "s", gone.blocks, gone.blocks == 1 ? "" : "s",
      group_digits(gone.follows));
}

SuspiciousLeftOut leave_out_flagged(Network& network, const AuditResult& found) {
  const FansLeftOut gone = leave_out_fans(network, found.suspicious);
  const SuspiciousLeftOut left{gone.fans, gone.follows, found.blocks.size()};
  std::cerr << left_out_message(left);
  return left;
}

void add_left_out(nlohmann::ordered_json& json, const DatasetOptions& options) {
  if (!options.left_out) return;
  json["suspicious_left_out"] = {{"fans", options.left_out->fans},
                                 {"follows", options.left_out->follows},
                                 {"blocks", options.left_out->blocks}};
}

void add_exclude_suspicious_option(CLI::App& command, DatasetOptions& options) {
  command.add_flag("--exclude-suspicious", options.exclude_suspicious,
                   "Leave out the fans `castgraph audit` flags as bought (bot-farm blocks): "
                   "they count for no reach, overlap or plan, and declared fans shrink by "
                   "each fanbase's flagged share. Says on stderr how many were left out");
}

namespace {

OpenedSnapshot open_as_is(const DatasetOptions& options) {
  refuse_rejects_over_input(options);
  std::error_code error;
  if (std::filesystem::is_regular_file(options.path, error)) {
    if (!looks_like_snapshot(options.path))
      throw UsageError(
          fmt::format("{} is a file but not a castgraph snapshot; a DATASET is a "
                      "directory of CSV files or a file made by `castgraph snapshot`",
                      options.path));
    if (options.verbose) std::cerr << "castgraph: " << options.path << " is a snapshot file\n";
    return open_snapshot(options.path);
  }
  if (options.verbose) std::cerr << "castgraph: " << options.path << " is a CSV directory\n";
  LoadResult loaded = load_csv_directory(options);
  report_rejects(options, loaded.rejects);
  return {std::move(loaded.network), {}};
}

}  // namespace

void refuse_rejects_over_input(const DatasetOptions& options) {
  // The rejects file is an output too: --rejects data/follows.csv must not replace it.
  if (options.lenient)
    for (const auto& input : dataset_paths(options))
      if (same_file(options.rejects_path, input))
        throw UsageError(
            fmt::format("the rejects file {} is the input dataset or one of its files; "
                        "choose another --rejects",
                        options.rejects_path));
}

OpenedSnapshot open_dataset_with_extras(const DatasetOptions& options) {
  OpenedSnapshot opened = open_as_is(options);
  if (!options.exclude_suspicious) return opened;
  options.left_out = leave_out_flagged(opened.network, audit_to_exclude(opened.network));
  opened.extras.clear();
  return opened;
}

Network open_dataset(const DatasetOptions& options) {
  return std::move(open_dataset_with_extras(options).network);
}

}  // namespace castgraph::cli
