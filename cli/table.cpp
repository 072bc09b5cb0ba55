#include "cli/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "cli/terminal_text.hpp"
#include "generator/csv_writer.hpp"

namespace castgraph::cli {

namespace {

// Decodes one UTF-8 sequence at text[i]; returns the code point (or the byte itself for
// an invalid sequence) and advances i.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  const int length = byte < 0x80           ? 1
                     : (byte >> 5) == 0x6  ? 2
                     : (byte >> 4) == 0xE  ? 3
                     : (byte >> 3) == 0x1E ? 4
                                           : 0;
  if (length <= 1 || i + static_cast<std::size_t>(length) > text.size()) {
    ++i;
    return byte;
  }
  char32_t code = byte & (0x7F >> length);
  for (int k = 1; k < length; ++k)
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += static_cast<std::size_t>(length);
  return code;
}

bool is_combining(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x20D0 && c <= 0x20FF);
}

// East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt that
// matter for Chinese, Japanese and Korean text, plus emoji.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    width += is_combining(c) ? 0 : is_wide(c) ? 2 : 1;
  }
  return width;
}

Cell::Cell(std::string text_value) : text(std::move(text_value)), plain(text) {}
Cell::Cell(const char* text_value) : Cell(std::string(text_value)) {}
Cell::Cell(std::string_view text_value) : Cell(std::string(text_value)) {}

Cell Cell::count(std::uint64_t value) {
  Cell cell(group_digits(value));
  cell.plain = std::to_string(value);
  cell.number = static_cast<double>(value);
  cell.number_format = "#,##0";
  return cell;
}

Cell Cell::amount(double yuan) {
  // Whole yuan below 2^53, like group_amount; beyond, the shortest exact form.
  const bool whole = yuan >= 0 && yuan < kExactAmount;
  return figure(yuan, group_amount(yuan), whole ? "#,##0" : "0.00E+00");
}

Cell Cell::decimal(double value, int decimals) {
  return figure(value, fmt::format("{:.{}f}", value, decimals),
                decimals > 0 ? "0." + std::string(static_cast<std::size_t>(decimals), '0') : "0");
}

Cell Cell::percent(double fraction, int decimals) {
  return figure(
      fraction, fmt::format("{:.{}f}%", 100 * fraction, decimals),
      decimals > 0 ? "0." + std::string(static_cast<std::size_t>(decimals), '0') + "%" : "0%");
}

Cell Cell::figure(double value, std::string shown, std::string number_format) {
  Cell cell(std::move(shown));
  // The shortest text that reads back as the same double: no digits made up, none lost.
  cell.plain = std::isfinite(value) ? fmt::format("{}", value) : std::string();
  if (std::isfinite(value)) cell.number = value;  // a spreadsheet has no NaN
  cell.number_format = std::move(number_format);
  return cell;
}

Cell Cell::integer(std::uint64_t value, std::string shown, std::string number_format) {
  Cell cell(std::move(shown));
  cell.plain = std::to_string(value);
  cell.number = static_cast<double>(value);
  cell.number_format = std::move(number_format);
  return cell;
}

Cell Cell::missing(std::string shown) {
  Cell cell(std::move(shown));
  cell.plain.clear();
  return cell;
}

namespace {

// "marginal reach" -> "marginal_reach": a header as a CSV key when none was given.
std::string key_of(std::string_view header) {
  std::string key;
  for (char c : header) key += c == ' ' ? '_' : c;
  return key;
}

}  // namespace

Table::Table(std::vector<std::string> headers)
    : headers_(std::move(headers)),
      right_aligned_(headers_.size(), false),
      text_only_(headers_.size(), false),
      machine_only_(headers_.size(), false) {
  for (const std::string& header : headers_) keys_.push_back(key_of(header));
}

Table& Table::align_right(std::size_t column) {
  right_aligned_.at(column) = true;
  return *this;
}

Table& Table::keys(std::vector<std::string> keys) {
  if (keys.size() != headers_.size())
    throw std::logic_error("Table::keys: one key per column");  // a programming error
  keys_ = std::move(keys);
  return *this;
}

Table& Table::text_only(std::size_t column) {
  text_only_.at(column) = true;
  return *this;
}

Table& Table::machine_only(std::size_t column) {
  machine_only_.at(column) = true;
  return *this;
}

Table& Table::add_row(std::vector<Cell> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
  return *this;
}

std::vector<std::size_t> Table::data_columns() const {
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < headers_.size(); ++c)
    if (!text_only_[c]) columns.push_back(c);
  return columns;
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < headers_.size(); ++c)
    if (!machine_only_[c]) columns.push_back(c);
  // Widths are measured on what the terminal will show: the escapes, not the controls.
  std::vector<std::string> headers;
  std::vector<bool> right_aligned;
  for (std::size_t c : columns) {
    headers.push_back(terminal_safe(headers_[c]));
    right_aligned.push_back(right_aligned_[c]);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : rows_) {
    std::vector<std::string>& shown = rows.emplace_back();
    for (std::size_t c : columns) shown.push_back(terminal_safe(row[c].text));
  }
  std::vector<std::size_t> widths(headers.size());
  for (std::size_t c = 0; c < headers.size(); ++c) {
    widths[c] = display_width(headers[c]);
    for (const auto& row : rows) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  auto print_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string padding(widths[c] - display_width(cells[c]), ' ');
      if (c > 0) line += "  ";
      line += right_aligned[c] ? padding + cells[c] : cells[c] + padding;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print_row(headers);
  std::vector<std::string> rule;
  for (std::size_t width : widths) rule.emplace_back(width, '-');
  print_row(rule);
  for (const auto& row : rows) print_row(row);
}

void Table::print_csv(std::ostream& out) const {
  const std::vector<std::size_t> columns = data_columns();
  auto print_line = [&](auto field_of) {
    std::string line;
    for (std::size_t i = 0; i < columns.size(); ++i)
      line += (i ? "," : "") + generator::csv_field(field_of(columns[i]));
    out << line << '\n';
  };
  print_line([&](std::size_t c) -> const std::string& { return keys_[c]; });
  for (const auto& row : rows_)
    print_line([&](std::size_t c) -> const std::string& { return row[c].plain; });
}

}  // namespace castgraph::cli
