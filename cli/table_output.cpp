#include "cli/table_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iostream>

#include "graph/errors.hpp"
#include "loaders/atomic_file.hpp"

namespace castgraph::cli {
namespace {

enum class FileKind { csv, xlsx };

FileKind file_kind(const std::string& output) {
  std::string extension = std::filesystem::path(output).extension().string();
  std::ranges::transform(extension, extension.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".xlsx") return FileKind::xlsx;
  if (extension == ".csv") return FileKind::csv;
  throw UsageError(
      fmt::format("-o {}: name the file .xlsx for an Excel workbook or .csv for CSV (tables go to "
                  "stdout without -o)",
                  output));
}

void write_csv(std::ostream& out, const Table& table, bool bom) {
  if (bom) out << kUtf8Bom;
  table.print_csv(out);
}

}  // namespace

void add_table_output_options(CLI::App& command, TableOutput& options, const std::string& csv_help,
                              CLI::Option* json) {
  CLI::Option* csv = command.add_flag("--csv", options.csv, csv_help);
  CLI::Option* bom =
      command.add_flag("--bom", options.bom,
                       "Start CSV output with a UTF-8 byte-order mark (EF BB BF), so that Excel "
                       "opens it with Chinese names intact rather than garbled; Python "
                       "(encoding='utf-8-sig'), R and LibreOffice read it either way");
  CLI::Option* output = command.add_option(
      "-o,--output", options.output,
      "Write the tables to a file instead of printing them: FILE.xlsx, an Excel workbook "
      "with one sheet per table (numbers as numbers, header row frozen), or FILE.csv, what "
      "--csv prints; replaced atomically");
  output->excludes(csv);
  if (json) {
    json->excludes(bom);
    json->excludes(csv);
    json->excludes(output);
  }
}

bool tables_wanted(const TableOutput& options) {
  if (options.bom && !options.csv && options.output.empty())
    throw UsageError("--bom marks CSV output: give it with --csv or -o FILE.csv");
  return options.csv || !options.output.empty();
}

void check_table_output(const TableOutput& options, const DatasetOptions& dataset) {
  const bool csv_out =
      options.csv || (!options.output.empty() && file_kind(options.output) == FileKind::csv);
  if (options.bom && !csv_out)
    throw UsageError("--bom marks CSV output: give it with --csv or -o FILE.csv");
  if (!options.output.empty()) refuse_overwriting_input(options.output, dataset);
}

void write_tables(const TableOutput& options, const std::vector<Sheet>& sheets,
                  const DatasetOptions& dataset) {
  check_table_output(options, dataset);
  if (options.output.empty()) return write_csv(std::cout, *sheets.front().table, options.bom);
  const bool csv_out = options.csv || file_kind(options.output) == FileKind::csv;
  if (csv_out) {
    write_file_atomically(options.output, [&](std::ostream& out) {
      write_csv(out, *sheets.front().table, options.bom);
    });
    std::cout << fmt::format("wrote {}: {} rows of {}\n", options.output,
                             sheets.front().table->rows().size(), sheets.front().name);
    return;
  }
  write_workbook(options.output, sheets);
  std::string names;
  for (const Sheet& sheet : sheets) names += (names.empty() ? "" : ", ") + sheet.name;
  std::cout << fmt::format("wrote {}: {} sheet{} ({})\n", options.output, sheets.size(),
                           sheets.size() == 1 ? "" : "s", names);
}

}  // namespace castgraph::cli
