// The report's inline SVG charts; see report_charts.hpp.
#include "viz/report_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "graph/value_rules.hpp"
#include "html_cells.hpp"
#include "viz/chinese_number.hpp"
#include "viz/escape.hpp"
#include "viz/palette.hpp"

namespace castgraph::viz {
namespace {

// Exact below 100,000, the Chinese reading above: 11,922 and 8850万.
std::string short_count(std::uint64_t value) {
  return value < 100'000 ? group_digits(value) : chinese_count(value);
}

// Axis labels read the Chinese way, which stays short: 0, 5000, 1万, 1.5万, 200万.
std::string tick_label(double value) { return chinese_amount(value); }

}  // namespace

// Round axis ticks: 0, step, 2 step, ... covering `top` with about `count` steps of
// 1, 2 or 5 times a power of ten. The ticks are counted, never summed until they pass
// `top`: a fee near the largest double makes the step infinite, a subnormal one makes it
// 0, and `tick += step` would then never get there (issue 20: report hung and grew past
// 6 GB). Since step >= top / count, count + 1 ticks always cover a finite top.
std::vector<double> axis_ticks(double top, int count) {
  if (!(top > 0)) return {0, 1};
  top = std::min(top, std::numeric_limits<double>::max());
  const double rough = top / count;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  double step = power;
  for (double factor : {1.0, 2.0, 5.0, 10.0})
    if (power * factor >= rough) {
      step = power * factor;
      break;
    }
  if (!(step > 0) || !std::isfinite(step)) return {0, top};
  const std::size_t most = static_cast<std::size_t>(count) + 2;
  std::vector<double> out;
  const double slack = step * 1e-9;  // tick - slack, not top + slack: top may be the largest
  for (double tick = 0; out.size() < most && std::isfinite(tick) && tick - slack <= top;
       tick += step)
    out.push_back(tick);
  if (out.back() < top) {
    const double next = out.back() + step;
    out.push_back(std::isfinite(next) ? next : top);
  }
  return out;
}

std::string svg_bar_chart(const std::vector<std::pair<std::string, std::uint64_t>>& bars,
                          const std::string& caption) {
  constexpr double kLabel = 70, kBar = 330, kRow = 28, kTop = 26, kRight = 150;
  const double width = kLabel + kBar + kRight;
  const double height = kTop + kRow * static_cast<double>(bars.size()) + 8;
  std::uint64_t largest = 0;
  for (const auto& bar : bars) largest = std::max(largest, bar.second);
  std::string svg = fmt::format(
      "<svg class=\"chart\" role=\"img\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 "
      "{0:.0f} "
      "{1:.0f}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{2}</title>\n"
      "<text x=\"0\" y=\"16\" font-weight=\"bold\">{2}</text>\n",
      width, height, esc(caption));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = kTop + kRow * static_cast<double>(i);
    const double length =
        largest ? kBar * static_cast<double>(bars[i].second) / static_cast<double>(largest) : 0;
    svg += fmt::format(
        "<g data-tip=\"{0}: {1}\"><title>{0}: {1}</title><text x=\"{2:.0f}\" y=\"{3:.1f}\" "
        "text-anchor=\"end\">{0}</text><rect x=\"{4:.0f}\" y=\"{5:.1f}\" width=\"{6:.1f}\" "
        "height=\"20\" rx=\"2\" fill=\"{7}\"/><text x=\"{8:.1f}\" y=\"{3:.1f}\">{1}</text></g>\n",
        esc(bars[i].first), esc(short_count(bars[i].second)), kLabel - 8, y + 15, kLabel, y + 1,
        std::max(length, bars[i].second ? 1.0 : 0.0), sequential_color(i, bars.size()),
        kLabel + length + 6);
  }
  return svg + "</svg>";
}

std::string svg_reach_curve(const ReportPlan& plan) {
  constexpr double kWidth = 500, kHeight = 320, kLeft = 64, kRight = 20, kTop = 30, kBottom = 48;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const std::vector<PlanPick>& picks = plan.result.picks;
  const std::uint64_t upper_bound = rounded_count(plan.result.upper_bound);
  const bool by_spend = plan.result.spent > 0;
  std::vector<std::pair<double, double>> points{{0, 0}};
  for (std::size_t i = 0; i < picks.size(); ++i)
    points.emplace_back(by_spend ? picks[i].spent : static_cast<double>(i + 1),
                        static_cast<double>(rounded_count(picks[i].cumulative_reach)));
  double max_x = 0, max_y = static_cast<double>(upper_bound);
  for (const auto& [x, y] : points) max_x = std::max(max_x, x), max_y = std::max(max_y, y);
  const std::vector<double> xs = axis_ticks(max_x > 0 ? max_x : 1),
                            ys = axis_ticks(max_y > 0 ? max_y : 1);
  const double top_x = xs.back(), top_y = ys.back();
  // Clamped to the axes: a spend of inf (fees near the largest double) stays drawable.
  auto px = [&](double x) { return kLeft + plot_w * (std::min(x, top_x) / top_x); };
  auto py = [&](double y) { return kTop + plot_h * (1 - std::min(y, top_y) / top_y); };

  const std::string caption = by_spend ? "reach against spend" : "reach against hosts booked";
  std::string svg = fmt::format(
      "<svg class=\"chart\" id=\"reach-curve\" role=\"img\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" xmlns=\"http://www.w3.org/2000/svg\"><title>{2}</title>\n"
      "<text x=\"{3:.0f}\" y=\"16\" font-weight=\"bold\">{2}</text>\n",
      kWidth, kHeight, esc(caption), kLeft);
  for (double y : ys)
    svg += fmt::format(
        "<line class=\"grid\" x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\"/>"
        "<text x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
        kLeft, kLeft + plot_w, py(y), kLeft - 6, py(y) + 4, esc(tick_label(y)));
  for (double x : xs)
    svg += fmt::format(
        "<line class=\"axis\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
        px(x), kTop + plot_h, kTop + plot_h + 5, kTop + plot_h + 19,
        esc(by_spend ? tick_label(x) : group_amount(x)));
  svg += fmt::format(
      "<line class=\"axis\" x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\"/>"
      "<line class=\"axis\" x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{3:.1f}\" y2=\"{2:.1f}\"/>\n"
      "<text x=\"{4:.1f}\" y=\"{5:.1f}\" text-anchor=\"middle\">{6}</text>\n"
      "<text x=\"14\" y=\"{7:.1f}\" text-anchor=\"middle\" transform=\"rotate(-90 14 "
      "{7:.1f})\">people "
      "reached</text>\n",
      kLeft, kLeft + plot_w, kTop + plot_h, kTop, kLeft + plot_w / 2, kHeight - 8,
      by_spend ? "spend (yuan)" : "hosts booked", kTop + plot_h / 2);
  if (upper_bound > 0)
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#d55e00\" "
        "stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/><text x=\"{5:.1f}\" y=\"{3:.1f}\" "
        "fill=\"#d55e00\">upper bound {4}</text>\n",
        kLeft, kLeft + plot_w, py(static_cast<double>(upper_bound)),
        py(static_cast<double>(upper_bound)) - 5, esc(group_digits(upper_bound)), kLeft + 6);
  std::string line;
  for (const auto& [x, y] : points) line += fmt::format("{:.1f},{:.1f} ", px(x), py(y));
  svg += fmt::format(
      "<polyline fill=\"none\" stroke=\"#0072b2\" stroke-width=\"2.5\" points=\"{}\"/>\n", line);
  for (std::size_t i = 0; i < picks.size(); ++i) {
    const PlanPick& pick = picks[i];
    const std::string text =
        fmt::format("{}. {} ({}): +{} → {} people, {} yuan spent", i + 1, plan.picked[i].name,
                    plan.picked[i].id, group_digits(rounded_count(pick.marginal_reach)),
                    group_digits(rounded_count(pick.cumulative_reach)), group_amount(pick.spent));
    svg += fmt::format(
        "<g data-tip=\"{0}\"><title>{0}</title><circle cx=\"{1:.1f}\" cy=\"{2:.1f}\" r=\"4.5\" "
        "fill=\"#0072b2\" stroke=\"#fff\" stroke-width=\"1.5\"/></g>\n",
        esc(text), px(points[i + 1].first), py(points[i + 1].second));
  }
  return svg + "</svg>";
}

}  // namespace castgraph::viz
