// The report's charts, as inline <svg> elements that need no script: the bars of the
// tiers section and the reach curve of the recommended roster. Every label is escaped.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "viz/html_report.hpp"

namespace castgraph::viz {

// Horizontal bars, one per label, lengths proportional to the values.
std::string svg_bar_chart(const std::vector<std::pair<std::string, std::uint64_t>>& bars,
                          const std::string& caption);

// The reach curve of a plan: cumulative reach against cumulative spend (against hosts
// booked when nothing was spent), from (0, 0), with the upper bound as a dashed line.
std::string svg_reach_curve(const ReportPlan& plan);

// Round axis ticks 0, step, 2·step, ... whose last covers `top`, with about `count` steps
// of 1, 2 or 5 times a power of ten. At most count + 2 ticks, whatever `top` is: an
// infinite top counts as the largest double, and a top too small for a step (subnormal)
// gets the ticks {0, top}. O(count).
std::vector<double> axis_ticks(double top, int count = 5);

}  // namespace castgraph::viz
