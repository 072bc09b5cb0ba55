// How a command that prints tables hands them to spreadsheets and scripts: --csv (its
// main table as CSV on stdout), --bom (a UTF-8 byte-order mark first, for Excel) and
// -o FILE.xlsx (every table as a sheet of a workbook) or -o FILE.csv. One mechanism for
// every command: each builds its tables once (cli/table.hpp) and passes them here.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/dataset_options.hpp"
#include "cli/table_workbook.hpp"

namespace castgraph::cli {

struct TableOutput {
  bool csv = false;
  bool bom = false;
  std::string output;  // -o: FILE.xlsx or FILE.csv; empty to print
};

// Adds --csv (described by `csv_help`, which says which table it prints), --bom and
// -o,--output to `command`. `json`, when the command has --json, excludes --csv and -o.
void add_table_output_options(CLI::App& command, TableOutput& options, const std::string& csv_help,
                              CLI::Option* json = nullptr);

// True when the tables go to CSV or a file instead of the aligned text. Throws
// UsageError for --bom without CSV.
bool tables_wanted(const TableOutput& options);

// Throws UsageError for what write_tables would refuse before writing: an extension
// other than .xlsx or .csv, --bom without CSV, an output that is an input. Lets a
// command (castgraph-mpi on every rank) refuse them before any work. O(1).
void check_table_output(const TableOutput& options, const DatasetOptions& dataset);

// Hands `sheets` on as `options` ask: --csv prints the first (the command's main table)
// as CSV on stdout; -o FILE.csv writes it to a file; -o FILE.xlsx writes every sheet to a
// workbook. Files are written atomically and said on stdout ("wrote FILE: ..."). Throws
// UsageError for another extension, --bom without CSV, or an output that is an input.
void write_tables(const TableOutput& options, const std::vector<Sheet>& sheets,
                  const DatasetOptions& dataset);

}  // namespace castgraph::cli
