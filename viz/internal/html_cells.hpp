// The report's HTML building blocks, shared by its sections (html_report.cpp and
// report_audit.cpp): escaped text, number cells that carry data-cell and data-value for
// tests and sorting, column headers, and the way the report writes numbers (12,345,678
// and, from 10,000 on, the Chinese reading 1235万). Only viz/ includes this header.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "viz/report_section.hpp"

namespace castgraph::viz {

std::string esc(std::string_view text);

// The exact value for data-value: integers without a decimal point, others as the
// shortest text that reads back to the same double.
std::string exact(double value);

// "12,345,678" and, from 10,000 on, the Chinese reading after it.
std::string count_html(std::uint64_t value);

// A yuan amount: as count_html while it is a whole number a double holds exactly, else
// in scientific notation (group_amount).
std::string amount_html(double value);

// A number cell: data-cell names it, data-value holds the number.
std::string num_cell(const std::string& cell, std::uint64_t value, bool chinese = true);

// A number cell that shows "–" when the value is unknown.
std::string optional_cell(const std::string& cell, const std::optional<std::uint64_t>& value,
                          std::string_view prefix = {});

std::string fee_cell(const std::string& cell, const std::optional<double>& fee);

// A text cell; "–" when empty.
std::string text_cell(std::string_view text);

// A column header; data-type tells the sorting script numbers from text.
std::string th(std::string_view label, bool numeric, std::string_view hint = {});

std::string percent(double share, int decimals = 1);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Opens a section; when it could not be computed, says why, closes it and returns null.
template <class T>
const T* open_section(std::ostream& out, std::string_view id, std::string_view title,
                      std::string_view chinese, const ReportSection<T>& section) {
  out << "<section id=\"" << id << "\">\n<h2>" << title << " <small>" << chinese
      << "</small></h2>\n";
  if (section.value) return &*section.value;
  out << "<p class=\"unavailable\">Not available for this dataset: " << esc(section.unavailable)
      << "</p>\n</section>\n";
  return nullptr;
}

}  // namespace castgraph::viz
