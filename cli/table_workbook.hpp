// Tables as an Excel workbook (libxlsxwriter): one sheet per table, the header row bold
// and frozen, figures stored as numbers with a number format (a share as 0.125 shown
// "12.5%"), text as UTF-8 strings so that Chinese names stay intact.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/table.hpp"

namespace castgraph::cli {

struct Sheet {
  std::string name;  // made fit for Excel: at most 31 characters, none of []:*?/\ .
  const Table* table;
};

// Writes the sheets, in order, to `target`, atomically (loaders/atomic_file.hpp): the
// workbook is built in a scratch file, then copied to a temporary beside the target and
// renamed over it. Throws IoError when libxlsxwriter or the file system fails.
// O(cells).
void write_workbook(const std::filesystem::path& target, const std::vector<Sheet>& sheets);

// `name` as a sheet name Excel accepts, unique among `taken` (which it joins).
std::string sheet_name(const std::string& name, std::vector<std::string>& taken);

}  // namespace castgraph::cli
