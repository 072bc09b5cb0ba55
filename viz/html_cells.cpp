// The report's HTML building blocks; see internal/html_cells.hpp.
#include "html_cells.hpp"

#include <fmt/format.h>

#include <cmath>

#include "graph/value_rules.hpp"
#include "viz/chinese_number.hpp"
#include "viz/escape.hpp"

namespace castgraph::viz {

std::string esc(std::string_view text) { return escape_xml(text); }

std::string exact(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 9.0e15)
    return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{}", value);
}

std::string count_html(std::uint64_t value) {
  std::string html = group_digits(value);
  if (const std::string aside = chinese_aside(value); !aside.empty())
    html += " <span class=\"cn\">" + aside + "</span>";
  return html;
}

std::string amount_html(double value) {
  return value < kExactAmount ? count_html(rounded_count(value)) : group_amount(value);
}

std::string num_cell(const std::string& cell, std::uint64_t value, bool chinese) {
  return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"{}\">{}</td>", esc(cell), value,
                     chinese ? count_html(value) : group_digits(value));
}

std::string optional_cell(const std::string& cell, const std::optional<std::uint64_t>& value,
                          std::string_view prefix) {
  if (!value)
    return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"\">–</td>", esc(cell));
  return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"{}\">{}{}</td>", esc(cell),
                     *value, prefix, count_html(*value));
}

std::string fee_cell(const std::string& cell, const std::optional<double>& fee) {
  if (!fee)
    return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"\">unknown</td>", esc(cell));
  return fmt::format("<td class=\"n\" data-cell=\"{}\" data-value=\"{}\">{}</td>", esc(cell),
                     exact(*fee), amount_html(*fee));
}

std::string text_cell(std::string_view text) {
  return text.empty() ? std::string("<td class=\"none\">–</td>") : "<td>" + esc(text) + "</td>";
}

std::string th(std::string_view label, bool numeric, std::string_view hint) {
  return fmt::format(
      "<th{}{} scope=\"col\">{}</th>", numeric ? " data-type=\"num\" class=\"n\"" : "",
      hint.empty() ? std::string() : fmt::format(" title=\"{}\"", esc(hint)), esc(label));
}

std::string percent(double share, int decimals) {
  return fmt::format("{:.{}f}%", 100 * share, decimals);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i)
    out += (i ? std::string(separator) : "") + parts[i];
  return out;
}

}  // namespace castgraph::viz
