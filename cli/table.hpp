// The tables a command prints, built once and shown three ways: as plain text that lines
// up with Chinese names (widths in terminal columns, a CJK character taking two), as CSV
// for scripts (RFC 4180, numbers without thousands separators), and as a sheet of an
// Excel workbook (cli/table_workbook.hpp, numbers stored as numbers).
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/terminal_text.hpp"
#include "viz/chinese_number.hpp"

namespace castgraph::cli {

// Terminal columns `text` occupies: 2 for East Asian wide and fullwidth characters,
// 0 for combining marks, 1 otherwise. Invalid UTF-8 bytes count 1 each.
std::size_t display_width(std::string_view text);

// 116000000 -> "116,000,000" (viz/chinese_number.hpp, shared with the HTML report).
using castgraph::group_digits;

// One cell: the text a person reads and, for a figure, the number a program reads.
// A share shown as "12.5%" is the number 0.125; a count shown as "16,676" is 16676.
struct Cell {
  std::string text;              // as the aligned table shows it
  std::string plain;             // as CSV writes it: the number without separators, or the text
  std::optional<double> number;  // for a spreadsheet; none for text and missing values
  std::string number_format;     // Excel's format code for `number`, e.g. "#,##0" or "0.0%"

  Cell() = default;
  Cell(std::string text_value);       // NOLINT: a text cell, the same in every form
  Cell(const char* text_value);       // NOLINT
  Cell(std::string_view text_value);  // NOLINT

  static Cell count(std::uint64_t value);              // "16,676", 16676
  static Cell amount(double yuan);                     // group_amount(yuan), the yuan
  static Cell decimal(double value, int decimals);     // "0.125" to `decimals` places
  static Cell percent(double fraction, int decimals);  // "12.5%", the fraction 0.125
  // A figure shown as `shown` (e.g. "1.23e-05" or "~1,200"), stored as `value`.
  static Cell figure(double value, std::string shown, std::string number_format = "General");
  // An integer shown as `shown` (e.g. "3*" or "16,676 (1.67万)"), written as `value` in CSV
  // and Excel.
  static Cell integer(std::uint64_t value, std::string shown, std::string number_format = "0");
  // Nothing to show: `shown` in the text ("-"), an empty field in CSV and Excel.
  static Cell missing(std::string shown = "-");
};

class Table {
 public:
  // `headers` name the columns for a person; CSV names them by key (see keys()).
  explicit Table(std::vector<std::string> headers);
  // Numbers read best right-aligned; columns are left-aligned by default. Cells are
  // shown through terminal_safe (cli/terminal_text.hpp): a control character in a name
  // is shown escaped, never obeyed.
  Table& align_right(std::size_t column);
  // CSV's header row, one key a column (the JSON key where there is one, so that a
  // script reads the same names in both). Without it, each header with its spaces as '_'.
  Table& keys(std::vector<std::string> keys);
  // A column that only helps a person read another (the 万 beside a count) is left out
  // of CSV and the workbook.
  Table& text_only(std::size_t column);
  // A column only machines need (a JSON key beside a label a person reads) is left out of
  // the text.
  Table& machine_only(std::size_t column);
  Table& add_row(std::vector<Cell> cells);

  // Aligned text: the headers, a rule, the rows.
  void print(std::ostream& out) const;
  // RFC 4180: the keys, then one line per row; a field holding a comma, a quote or a line
  // break is quoted with its quotes doubled; text is written as it is (no escapes).
  void print_csv(std::ostream& out) const;

  // The columns that machine forms (CSV, workbook) show, in order.
  std::vector<std::size_t> data_columns() const;
  const std::vector<std::string>& headers() const { return headers_; }
  const std::vector<std::string>& column_keys() const { return keys_; }
  const std::vector<std::vector<Cell>>& rows() const { return rows_; }

 private:
  std::vector<std::string> headers_;
  std::vector<std::string> keys_;
  std::vector<bool> right_aligned_;
  std::vector<bool> text_only_;
  std::vector<bool> machine_only_;
  std::vector<std::vector<Cell>> rows_;
};

// What UTF-8 files start with when Excel is to read them as UTF-8 (EF BB BF).
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace castgraph::cli
