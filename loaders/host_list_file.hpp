// A file of hosts, as `--hosts-file FILE` and `--hosts @FILE` read it: one id or name per
// line, or a CSV (say, a column pasted out of a spreadsheet) with an `id` or `name`
// column, of which `id` wins when there are both.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace castgraph {

// The keys the file lists, in file order, spaces around each trimmed, blank lines
// skipped. A first line holding a field `id` or `name` is a CSV header, and the keys are
// that column; otherwise each line is one key, commas and all (a quoted line is
// unquoted CSV-style). Throws IoError when the file cannot be read, DataError
// (file:line:column) on malformed CSV, bad UTF-8 or a header row with the key missing.
// O(file).
std::vector<std::string> read_host_list_file(const std::filesystem::path& path);

}  // namespace castgraph
