// The hosts a command is given: `--hosts "h11655, 李佳"`, `--hosts @FILE`, `--hosts-file
// FILE`, and `--include`/`--exclude` the same way. Every command turns them into hosts
// here, so each takes the same spellings and repeats a host with the same warning.
#pragma once

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.hpp"

namespace castgraph::cli {

// One flag's text split CSV-style: commas separate, spaces around an item are dropped,
// and an item in double quotes keeps its commas ("刘一手, 大连"), with "" for a quote.
// Empty items are skipped. Throws UsageError on an unterminated quote or text after a
// closing quote. O(text).
std::vector<std::string> split_host_list(std::string_view text);

struct HostListOptions {
  std::vector<std::string> values;  // each --hosts given, unsplit
  std::vector<std::string> files;   // each --hosts-file given
  // Every key: the values split, an item "@FILE" replaced by what FILE lists, then the
  // files' keys. Throws UsageError, IoError, DataError.
  std::vector<std::string> keys() const;
  bool empty() const { return values.empty() && files.empty(); }
};

// Adds `flag` (e.g. "--hosts") taking a list as above; with `file_flag` non-empty, also
// `file_flag` FILE. Returns the `flag` option.
CLI::Option* add_host_list_option(CLI::App& command, HostListOptions& options,
                                  const std::string& flag, const std::string& description,
                                  const std::string& file_flag = "");

// The hosts `options` name, each once, in the order first named (resolve_host_list);
// writes a warning to `warnings` for each host named again.
std::vector<NodeId> resolve_host_options(const Network& network, const HostListOptions& options,
                                         std::ostream& warnings);

}  // namespace castgraph::cli
