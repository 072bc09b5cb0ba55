// Plain-text tables that line up with Chinese names: widths are measured in terminal
// columns (a CJK character takes two), not in bytes or code points.
#pragma once

#include <cstdint>
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

class Table {
 public:
  explicit Table(std::vector<std::string> headers);
  // Numbers read best right-aligned; columns are left-aligned by default. Cells are
  // shown through terminal_safe (cli/terminal_text.hpp): a control character in a name
  // is shown escaped, never obeyed.
  Table& align_right(std::size_t column);
  Table& add_row(std::vector<std::string> cells);
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<bool> right_aligned_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace castgraph::cli
